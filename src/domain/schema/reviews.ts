/**
 * QA reviews (issue 13): scorecards, reviews of one leg of a conversation, their evidence,
 * history and disputes, and the request and response shapes of `/api/scorecards` and
 * `/api/reviews`, shared by the server (validation) and the SPA (parsing what it reads).
 *
 * Reviews live in the workspace database, keyed by LivePerson's conversation ID, so they outlive
 * any rebuild of the archive and work the same in proxy mode.
 */
import { z } from 'zod'
import { REVIEW_STATUSES } from '@/domain/schema/search-constants'

// ---------------------------------------------------------------------------------------------
// Scorecards
// ---------------------------------------------------------------------------------------------

/** A stable ID inside a scorecard (sections, criteria, custom points): kept across versions. */
export const localIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and - only')

/** One point of a custom scale. `fail`: scoring it fails a critical criterion. */
export const customPointSchema = z.object({
  key: localIdSchema,
  label: z.string().trim().min(1, 'must not be empty').max(80, 'at most 80 characters'),
  points: z.number('must be a number').min(0, 'must not be negative').max(1000, 'at most 1000'),
  fail: z.boolean().default(false),
})

export const scaleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('yes-no') }),
    z.object({ kind: z.literal('one-to-five') }),
    z.object({
      kind: z.literal('custom'),
      points: z
        .array(customPointSchema)
        .min(2, 'at least 2 points')
        .max(11, 'at most 11 points')
        .refine((points) => new Set(points.map((p) => p.key)).size === points.length, {
          message: 'point keys must differ',
        })
        .refine((points) => points.some((p) => p.points > 0), {
          message: 'at least one point must be worth more than 0',
        }),
    }),
  ],
  { error: 'must be a scale of kind "yes-no", "one-to-five" or "custom"' },
)
export type Scale = z.infer<typeof scaleSchema>

export const criterionSchema = z.object({
  id: localIdSchema,
  name: z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters'),
  guidance: z.string().trim().max(2000, 'at most 2000 characters').default(''),
  scale: scaleSchema,
  weight: z.number('must be a number').min(0.1, 'at least 0.1').max(100, 'at most 100').default(1),
  allowNa: z.boolean().default(false),
  /** A fail on a critical criterion makes the whole review 0. */
  critical: z.boolean().default(false),
})
export type Criterion = z.infer<typeof criterionSchema>

export const sectionSchema = z.object({
  id: localIdSchema,
  name: z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters'),
  criteria: z.array(criterionSchema).min(1, 'at least one criterion').max(50, 'at most 50'),
})
export type Section = z.infer<typeof sectionSchema>

/** What an admin writes (and imports or exports as JSON): a scorecard without its bookkeeping. */
export const scorecardDefinitionSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters'),
    description: z.string().trim().max(2000, 'at most 2000 characters').default(''),
    sections: z.array(sectionSchema).min(1, 'at least one section').max(30, 'at most 30'),
  })
  .superRefine((card, context) => {
    const sections = new Set<string>()
    const criteria = new Set<string>()
    card.sections.forEach((section, s) => {
      if (sections.has(section.id)) {
        context.addIssue({
          code: 'custom',
          path: ['sections', s, 'id'],
          message: `section ID "${section.id}" is used twice`,
        })
      }
      sections.add(section.id)
      section.criteria.forEach((criterion, c) => {
        if (criteria.has(criterion.id)) {
          context.addIssue({
            code: 'custom',
            path: ['sections', s, 'criteria', c, 'id'],
            message: `criterion ID "${criterion.id}" is used twice`,
          })
        }
        criteria.add(criterion.id)
      })
    })
  })
export type ScorecardDefinition = z.output<typeof scorecardDefinitionSchema>
export type ScorecardDefinitionInput = z.input<typeof scorecardDefinitionSchema>

/** A scorecard as the server keeps it: one version of its definition. */
export const scorecardSchema = z.object({
  id: z.number().int(),
  /** Portable identity (export and import between installs). */
  uid: z.string(),
  version: z.number().int(),
  /** The newest version of this scorecard (a review may keep an older one). */
  latestVersion: z.number().int(),
  archived: z.boolean(),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
  definition: scorecardDefinitionSchema,
})
export type Scorecard = z.infer<typeof scorecardSchema>

/** `GET /api/scorecards`: each scorecard at its newest version, with how many reviews use it. */
export const scorecardListSchema = z.object({
  scorecards: z.array(
    z.object({
      id: z.number().int(),
      uid: z.string(),
      name: z.string(),
      version: z.number().int(),
      archived: z.boolean(),
      criteria: z.number().int(),
      reviews: z.number().int(),
      /** Reviews of the newest version: with any, saving an edit makes a new version. */
      latestReviews: z.number().int().optional(),
      updatedAt: z.number(),
    }),
  ),
})
export type ScorecardList = z.infer<typeof scorecardListSchema>

/** `PUT /api/scorecards/:id`: a new definition; `version` is the one the editor started from. */
export const scorecardUpdateBodySchema = z.object({
  version: z.number('must be the version you edited').int().positive(),
  definition: scorecardDefinitionSchema,
})
/** `PATCH /api/scorecards/:id`: archive (hide from new reviews) or bring back. */
export const scorecardPatchBodySchema = z.object({ archived: z.boolean('must be true or false') })

export const scorecardIdParamsSchema = z.object({
  id: z.coerce.number('must be a scorecard ID').int('must be a scorecard ID').positive(),
})
export const scorecardVersionQuerySchema = z.object({
  version: z.coerce.number('must be a version number').int().positive().optional(),
})

// ---------------------------------------------------------------------------------------------
// Points of a scale, and the score
// ---------------------------------------------------------------------------------------------

export interface ScalePoint {
  key: string
  label: string
  points: number
  fail: boolean
}

/** The points a criterion can be given, in the order they are offered (best first). */
export function scalePoints(scale: Scale): ScalePoint[] {
  switch (scale.kind) {
    case 'yes-no':
      return [
        { key: 'yes', label: 'Yes', points: 1, fail: false },
        { key: 'no', label: 'No', points: 0, fail: true },
      ]
    case 'one-to-five':
      return [5, 4, 3, 2, 1].map((n) => ({
        key: String(n),
        label: String(n),
        points: n,
        // 1 and 2 of 5 fail a critical criterion.
        fail: n <= 2,
      }))
    case 'custom': {
      const anyFail = scale.points.some((p) => p.fail)
      const lowest = Math.min(...scale.points.map((p) => p.points))
      return scale.points.map((p) => ({
        key: p.key,
        label: p.label,
        points: p.points,
        // Without a point marked as a fail, the lowest-valued one is.
        fail: anyFail ? p.fail : p.points === lowest,
      }))
    }
  }
}

/** The most points a criterion's scale gives. */
export const maxPoints = (scale: Scale): number =>
  Math.max(...scalePoints(scale).map((p) => p.points))

/** What a criterion was given: a point's key, or `na` (not applicable). */
export const NOT_APPLICABLE = 'na'
export const answerSchema = z.union([localIdSchema, z.literal(NOT_APPLICABLE)])

/** The rule, as the review panel and the docs write it beside the score. */
export const SCORE_RULE =
  'Score = sum of weight × (points ÷ most points) over the criteria that apply, ÷ the sum of their weights, as a percentage. Not applicable and unscored criteria do not count. A fail on a critical criterion makes the score 0.'

export interface ReviewScore {
  /** 0–100, or null when no criterion applies (every one N/A or unscored). */
  percent: number | null
  /** A critical criterion failed: the score is 0. */
  criticalFailed: boolean
  /** Criteria given a point (N/A not counted). */
  scored: number
  /** Criteria marked not applicable. */
  notApplicable: number
  /** Criteria not yet scored. */
  unscored: number
  /** Criteria whose answer is not one of their points (a scorecard changed under a draft). */
  invalid: number
}

/** Every criterion of a scorecard, in order. */
export const criteriaOf = (card: ScorecardDefinition): Criterion[] =>
  card.sections.flatMap((section) => section.criteria)

/** The score of these answers on this scorecard (see {@link SCORE_RULE}). */
export function computeScore(
  card: ScorecardDefinition,
  answers: Readonly<Record<string, string>>,
): ReviewScore {
  let earned = 0
  let weights = 0
  let scored = 0
  let notApplicable = 0
  let unscored = 0
  let invalid = 0
  let criticalFailed = false
  for (const criterion of criteriaOf(card)) {
    const answer = answers[criterion.id]
    if (answer === undefined) {
      unscored++
      continue
    }
    if (answer === NOT_APPLICABLE) {
      if (criterion.allowNa) notApplicable++
      else invalid++
      continue
    }
    const point = scalePoints(criterion.scale).find((p) => p.key === answer)
    if (!point) {
      invalid++
      continue
    }
    scored++
    if (criterion.critical && point.fail) criticalFailed = true
    earned += criterion.weight * (point.points / maxPoints(criterion.scale))
    weights += criterion.weight
  }
  const percent = weights === 0 ? null : criticalFailed ? 0 : roundScore((earned / weights) * 100)
  return { percent, criticalFailed, scored, notApplicable, unscored, invalid }
}

/** Scores are kept and shown to one decimal place. */
export const roundScore = (percent: number): number => Math.round(percent * 10) / 10

// ---------------------------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------------------------

export const REVIEW_STATES = ['draft', 'submitted'] as const
export const reviewStateSchema = z.enum(REVIEW_STATES, 'must be "draft" or "submitted"')
export type ReviewState = z.infer<typeof reviewStateSchema>

const text = (max: number) => z.string().max(max, `at most ${String(max)} characters`)
const conversationIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128, 'at most 128 characters')
const messageIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(256, 'at most 256 characters')

/** Who acted: an account's email (or `local` in local mode) and name. */
export const personSchema = z.object({ email: z.string(), name: z.string() })
export type Person = z.infer<typeof personSchema>

/**
 * Whom a review is for: one leg of the conversation, the stretches one agent (or bot) owned.
 * The agent ID is the leg's key; name and role are as the transcript gave them.
 */
export const legSchema = z.object({
  agentId: z.string().trim().min(1, 'must not be empty').max(64, 'at most 64 characters'),
  agentName: text(200).optional(),
  /** `agent` (a human) or `bot`, as the transcript's speakers call them. */
  role: z.enum(['agent', 'bot'], 'must be "agent" or "bot"').default('agent'),
})
export type Leg = z.output<typeof legSchema>

/** A quoted message: what the evidence points at, kept so the review reads without the archive. */
export const quoteSchema = z.object({
  messageId: messageIdSchema,
  /** The start of the message's text (at most 500 characters), as the reviewer saw it. */
  text: text(500).default(''),
  /** Who wrote it: "Consumer", the agent's name, "Bot". */
  by: text(200).default(''),
  time: z.number().optional(),
})
export type Quote = z.output<typeof quoteSchema>

/** Evidence: messages attached to a criterion (or, without one, a comment on messages). */
export const evidenceSchema = z.object({
  id: localIdSchema,
  /** The criterion it backs; null for a comment on messages without a criterion. */
  criterionId: localIdSchema.nullable(),
  quotes: z.array(quoteSchema).min(1, 'at least one message').max(50, 'at most 50 messages'),
  comment: text(4000).default(''),
})
export type Evidence = z.output<typeof evidenceSchema>

export const DISPUTE_STATES = ['open', 'accepted', 'rejected'] as const
export const disputeSchema = z.object({
  id: localIdSchema,
  criterionId: localIdSchema,
  reason: z.string(),
  by: personSchema,
  at: z.number(),
  state: z.enum(DISPUTE_STATES),
  /** Set once the reviewer decided: the note and, when accepted, the new answer. */
  resolution: z
    .object({
      by: personSchema,
      at: z.number(),
      note: z.string(),
      /** The answer before and after (accepted only). */
      from: answerSchema.optional(),
      to: answerSchema.optional(),
    })
    .optional(),
})
export type Dispute = z.infer<typeof disputeSchema>

export const HISTORY_ACTIONS = [
  'created',
  'submitted',
  'edited',
  'acknowledged',
  'disputed',
  'dispute-accepted',
  'dispute-rejected',
  'imported',
] as const
export type HistoryAction = (typeof HISTORY_ACTIONS)[number]

/** One change of a review field: `answers.greeting`, `notes.greeting`, `evidence`, `comment`. */
export const changeSchema = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
})
export type Change = z.infer<typeof changeSchema>

export const historyEntrySchema = z.object({
  at: z.number(),
  by: personSchema,
  action: z.enum(HISTORY_ACTIONS),
  /** The score after this change (submitted reviews). */
  score: z.number().nullable().optional(),
  changes: z.array(changeSchema).default([]),
  note: z.string().optional(),
})
export type HistoryEntry = z.output<typeof historyEntrySchema>

/** What a reviewer writes: the part of a review a save sends. */
export const reviewContentSchema = z.object({
  /** Criterion ID → a point's key, or `na`. An unscored criterion is absent. */
  answers: z.record(localIdSchema, answerSchema).default({}),
  /** Criterion ID → the reviewer's note on it. */
  notes: z.record(localIdSchema, text(4000)).default({}),
  evidence: z.array(evidenceSchema).max(500, 'at most 500 pieces of evidence').default([]),
  /** The review's overall comment. */
  comment: text(8000).default(''),
})
export type ReviewContent = z.output<typeof reviewContentSchema>

export const reviewSchema = reviewContentSchema.extend({
  /** Portable ID (a UUID): the same in every install the review is exported to. */
  id: z.string(),
  conversationId: z.string(),
  leg: legSchema,
  scorecard: z.object({ id: z.number().int(), version: z.number().int(), name: z.string() }),
  author: personSchema,
  state: reviewStateSchema,
  score: z.object({
    percent: z.number().nullable(),
    criticalFailed: z.boolean(),
    scored: z.number().int(),
    notApplicable: z.number().int(),
    unscored: z.number().int(),
    invalid: z.number().int(),
  }),
  /** Grows with every save: a save names the revision it started from (no lost update). */
  revision: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  updatedBy: personSchema,
  submittedAt: z.number().nullable(),
  acknowledged: z.object({ by: personSchema, at: z.number() }).nullable(),
  disputes: z.array(disputeSchema),
  history: z.array(historyEntrySchema),
  /** Archive mode: false when the conversation is no longer in the archive (null: unknown). */
  inArchive: z.boolean().nullable(),
  /** What the reader may do with it (the server decides; the app only shows it). */
  can: z.object({
    edit: z.boolean(),
    acknowledge: z.boolean(),
    dispute: z.boolean(),
    resolve: z.boolean(),
    discard: z.boolean(),
  }),
})
export type Review = z.output<typeof reviewSchema>

/** `GET /api/conversations/:conversationId/reviews`: the reviews of one conversation this reader may see. */
export const conversationReviewsSchema = z.object({
  conversationId: z.string(),
  reviews: z.array(reviewSchema),
  /** The scorecards a new review may use (newest versions, not archived). */
  canReview: z.boolean(),
})
export type ConversationReviews = z.infer<typeof conversationReviewsSchema>

/** `POST /api/reviews`: start a draft review of one leg. */
export const newReviewBodySchema = z.object({
  conversationId: conversationIdSchema,
  leg: legSchema,
  scorecardId: z.number('must be a scorecard ID').int('must be a scorecard ID').positive(),
})

/** `PUT /api/reviews/:id`: save what the reviewer wrote (a draft, or an edit of a submitted one). */
export const reviewSaveBodySchema = reviewContentSchema.extend({
  revision: z.number('must be the revision you started from').int().min(1),
})

/** `POST /api/reviews/:id/submit`, `/acknowledge`: the revision the reader saw. */
export const revisionBodySchema = z.object({
  revision: z.number('must be the revision you started from').int().min(1),
})

/** `POST /api/reviews/:id/disputes`: an agent disputes one criterion. */
export const disputeBodySchema = revisionBodySchema.extend({
  criterionId: localIdSchema,
  reason: z.string().trim().min(1, 'say why').max(4000, 'at most 4000 characters'),
})

/** `POST /api/reviews/:id/disputes/:disputeId`: the reviewer accepts (with a new answer) or rejects. */
export const disputeDecisionBodySchema = revisionBodySchema.extend({
  decision: z.enum(['accept', 'reject'], 'must be "accept" or "reject"'),
  note: z.string().trim().max(4000, 'at most 4000 characters').default(''),
  /** Accepting: the criterion's new answer. */
  answer: answerSchema.optional(),
})

export const reviewIdParamsSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a review ID'),
})
export const disputeParamsSchema = reviewIdParamsSchema.extend({ disputeId: localIdSchema })
export const conversationParamsSchema = z.object({ conversationId: conversationIdSchema })

/** A 409 answer's body: who changed the review and when (the app says "reload to see it"). */
export const conflictSchema = z.object({
  error: z.object({
    status: z.literal(409),
    message: z.string(),
    changedBy: personSchema,
    changedAt: z.number(),
    revision: z.number().int(),
  }),
})

// ---------------------------------------------------------------------------------------------
// Finding reviews
// ---------------------------------------------------------------------------------------------

/** A review as a list row (the Reviews page, the search column). */
export const reviewRowSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  leg: legSchema,
  scorecard: z.object({ id: z.number().int(), version: z.number().int(), name: z.string() }),
  author: personSchema,
  state: reviewStateSchema,
  percent: z.number().nullable(),
  criticalFailed: z.boolean(),
  openDisputes: z.number().int(),
  acknowledged: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  submittedAt: z.number().nullable(),
  inArchive: z.boolean().nullable(),
})
export type ReviewRow = z.infer<typeof reviewRowSchema>

export const REVIEW_SORTS = [
  'updated',
  'submitted',
  'score',
  'agent',
  'reviewer',
  'scorecard',
] as const

const csvList = <T extends z.ZodType>(item: T, max = 100) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : value,
    z.array(item).max(max, `at most ${String(max)} values`),
  )
const score = z.coerce
  .number('must be a score from 0 to 100')
  .min(0, 'must be a score from 0 to 100')
  .max(100, 'must be a score from 0 to 100')
const epochMs = z.coerce
  .number('must be a time in epoch milliseconds')
  .int('must be a time in epoch milliseconds')
  .min(0)
  .max(8.64e15)

/** `GET /api/reviews` (and `/api/reviews.csv`, `/api/reviews.json`): filters, sort and a page. */
export const reviewListQuerySchema = z.object({
  state: reviewStateSchema.optional(),
  reviewer: csvList(z.string().trim().min(1).max(254)).optional(),
  agent: csvList(z.string().trim().min(1).max(64)).optional(),
  scorecard: csvList(z.coerce.number('must be scorecard IDs').int().positive()).optional(),
  minScore: score.optional(),
  maxScore: score.optional(),
  disputed: z
    .enum(['true', 'false'], 'must be true or false')
    .transform((v) => v === 'true')
    .optional(),
  conversationId: conversationIdSchema.optional(),
  /** Reviews updated in [from, to] (epoch ms). */
  from: epochMs.optional(),
  to: epochMs.optional(),
  sort: z.enum(REVIEW_SORTS, `must be one of ${REVIEW_SORTS.join(', ')}`).default('updated'),
  order: z.enum(['asc', 'desc'], 'must be asc or desc').default('desc'),
  offset: z.coerce.number('must be a number').int().min(0).default(0),
  limit: z.coerce.number('must be a number').int().min(1).max(500, 'at most 500').default(50),
})
export type ReviewListQuery = z.output<typeof reviewListQuerySchema>

export const reviewListSchema = z.object({
  reviews: z.array(reviewRowSchema),
  total: z.number().int(),
})
export type ReviewList = z.infer<typeof reviewListSchema>

/** `GET /api/reviews/people`: the reviewers and agents reviews name (filter choices). */
export const reviewPeopleSchema = z.object({
  reviewers: z.array(personSchema),
  agents: z.array(z.object({ agentId: z.string(), agentName: z.string().optional() })),
})

/** How one conversation stands (the search page's review column). */
export { REVIEW_STATUSES, type ReviewStatus } from '@/domain/schema/search-constants'
export const reviewSummarySchema = z.object({
  status: z.enum(REVIEW_STATUSES),
  /** Submitted reviews' scores (lowest first when several legs or reviewers). */
  scores: z.array(z.number().nullable()),
  reviews: z.number().int(),
  drafts: z.number().int(),
  openDisputes: z.number().int(),
})
export type ReviewSummary = z.infer<typeof reviewSummarySchema>

/** `POST /api/reviews/summary`: how each of these conversations stands. */
export const reviewSummaryBodySchema = z.object({
  conversationIds: z
    .array(conversationIdSchema)
    .min(1, 'at least one conversation ID')
    .max(500, 'at most 500 conversation IDs'),
})
export const reviewSummariesSchema = z.object({
  summaries: z.record(z.string(), reviewSummarySchema),
})

// ---------------------------------------------------------------------------------------------
// Export and import
// ---------------------------------------------------------------------------------------------

export const REVIEWS_EXPORT_FORMAT = 'conversation-viewer-reviews'

/**
 * The JSON export (`npm run reviews -- export --format json`, `GET /api/reviews.json`): every
 * review with its history, and every scorecard version they use, so that `npm run reviews --
 * import` rebuilds them in another install without loss.
 */
export const reviewsExportSchema = z.object({
  format: z.literal(REVIEWS_EXPORT_FORMAT, `must be "${REVIEWS_EXPORT_FORMAT}"`),
  version: z.literal(1, 'must be 1'),
  exportedAt: z.number(),
  scorecards: z.array(
    z.object({
      uid: z.string().min(1),
      archived: z.boolean().default(false),
      versions: z
        .array(
          z.object({
            version: z.number().int().positive(),
            createdAt: z.number(),
            createdBy: z.string().nullable(),
            definition: scorecardDefinitionSchema,
          }),
        )
        .min(1),
    }),
  ),
  reviews: z.array(
    reviewContentSchema.extend({
      id: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a review ID'),
      conversationId: conversationIdSchema,
      leg: legSchema,
      scorecard: z.object({ uid: z.string().min(1), version: z.number().int().positive() }),
      author: personSchema,
      state: reviewStateSchema,
      revision: z.number().int().min(1),
      createdAt: z.number(),
      updatedAt: z.number(),
      updatedBy: personSchema,
      submittedAt: z.number().nullable(),
      acknowledged: z.object({ by: personSchema, at: z.number() }).nullable(),
      disputes: z.array(disputeSchema),
      history: z.array(historyEntrySchema),
      /**
       * The conversation's agents, agent groups and skills, so that readers' scopes apply to
       * the review in the install it is imported into (which may not have the conversation).
       */
      scope: z
        .object({
          agentIds: z.array(z.string()),
          agentGroupIds: z.array(z.string()),
          skillIds: z.array(z.string()),
        })
        .optional(),
    }),
  ),
})
export type ReviewsExport = z.output<typeof reviewsExportSchema>
