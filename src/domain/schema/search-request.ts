import { z } from 'zod'
import {
  TEN_MINUTES_MS,
  MAX_WINDOW_DAYS,
  MAX_WINDOW_MS,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_CONVERSATION_IDS,
  MAX_CONVERSATION_ID_LENGTH,
  RETENTION_SECONDS,
  CONVERSATION_STATUSES,
  DEVICES,
  ALERTED_MCS_VALUES,
  QUEUE_STATES,
  MESSAGE_CONTENT_TYPES,
  CONTENT_TO_RETRIEVE_VALUES,
  SDE_SEARCH_KEYS,
  REVIEW_STATUSES,
  type ContentToRetrieve,
  type SdeSearchKey,
} from '@/domain/schema/search-constants'
import { MAX_SDE_VALUE_LENGTH, SDE_CHART_FIELD_PATHS } from '@/domain/sde-fields'

/**
 * Requests to the Messaging Interactions API (`conversations/search`, `conversation/search` by
 * ID, `consumer/search`): body and query schemas, shared by the server (validation, 400s) and the
 * SPA (building requests). Inputs are as tolerant as LivePerson's own documentation (times as
 * numbers or numeric strings, IDs as numbers or strings); outputs are normalised (numbers, string
 * IDs, `to` filled in, empty filters dropped).
 */

// The request constants live in search-constants.ts (no zod), for the SPA; re-exported here.
export * from '@/domain/schema/search-constants'

const listOf = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ')

function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${listOf(values)}` })
}

/** Epoch milliseconds as a number or a numeric string (LivePerson's docs send both). */
const epochMs = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+$/, 'must be epoch milliseconds (a number)'),
    ],
    {
      error: (issue) =>
        issue.input === undefined ? 'required' : 'must be epoch milliseconds (a number)',
    },
  )
  .transform((value) => Number(value))
  .pipe(z.number().int('must be whole milliseconds').min(-1, 'must not be negative'))

/** A number or numeric string, for score ranges. */
function boundedNumber(min: number, max: number) {
  const rule =
    max === Number.MAX_SAFE_INTEGER
      ? `must be at least ${String(min)}`
      : `must be between ${String(min)} and ${String(max)}`
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^-?\d+(\.\d+)?$/, 'must be a number'),
      ],
      {
        error: 'must be a number',
      },
    )
    .transform((value) => Number(value))
    .pipe(z.number().min(min, rule).max(max, rule))
}

/** `start`/`end`: `from` required, `to` defaults to now (`-1` also means now). */
const timeWindow = z
  .strictObject(
    {
      from: epochMs,
      to: epochMs.optional(),
    },
    { error: (issue) => (issue.input === undefined ? 'required' : 'must be an object {from, to}') },
  )
  .transform((window, ctx) => {
    const to = window.to === undefined || window.to === -1 ? Date.now() : window.to
    if (window.from < 0) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be negative' })
      return z.NEVER
    }
    if (window.from > to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' })
      return z.NEVER
    }
    if (to - window.from > MAX_WINDOW_MS) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `the window must be at most ${String(MAX_WINDOW_DAYS)} days (3 months)`,
      })
      return z.NEVER
    }
    return { from: window.from, to }
  })

/** A `{from, to}` score range; at least one bound; missing bounds become the limits. */
function scoreRange(min: number, max: number) {
  return z
    .strictObject(
      { from: boundedNumber(min, max).optional(), to: boundedNumber(min, max).optional() },
      { error: 'must be an object {from, to}' },
    )
    .transform((range, ctx) => {
      if (range.from === undefined && range.to === undefined) {
        ctx.addIssue({ code: 'custom', message: 'needs "from" or "to"' })
        return z.NEVER
      }
      const from = range.from ?? min
      const to = range.to ?? max
      if (from > to) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be greater than to' })
        return z.NEVER
      }
      return { from, to }
    })
}

const idList = z
  .array(
    z.union([z.string().trim().min(1, 'must not be empty'), z.number()], {
      error: 'must be an ID',
    }),
    {
      error: 'must be an array of IDs',
    },
  )
  .max(1000, 'at most 1000 IDs')
  .transform((ids) => ids.map((id) => String(id)))

function enumList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(enumOf(values), { error: `must be an array of ${listOf(values)}` })
}

/** Control characters (C0, DEL, C1): what the full-text tokenizer reads as separators. */
const CONTROL_CHARACTERS = /\p{Cc}/gu

/**
 * Free text search: words (all must appear) or a "quoted phrase". A control character (a tab, a
 * newline, or a NUL no one types but a paste can carry) separates words like a space: the index
 * reads it that way in the stored text, so a search does too, rather than refusing what the user
 * cannot see.
 */
const textQuery = z
  .string({ error: 'must be a string' })
  .overwrite((text) => text.replace(CONTROL_CHARACTERS, ' '))
  .trim()
  .max(500, 'at most 500 characters')
  .refine((text) => text === '' || /[\p{L}\p{N}]/u.test(text), {
    message: 'needs at least one letter or digit',
  })

const contentToRetrieve = z
  .array(
    z.enum([...CONTENT_TO_RETRIEVE_VALUES, 'info'], {
      error: `must be one of ${listOf(CONTENT_TO_RETRIEVE_VALUES)}`,
    }),
    {
      error: 'must be an array',
    },
  )
  .transform((values) => values.filter((v): v is ContentToRetrieve => v !== 'info'))

const sdeText = z
  .string({ error: 'must be a string' })
  .trim()
  .max(500, 'at most 500 characters')
  .optional()

const sdeSearch = z
  .strictObject(
    {
      personalInfo: sdeText,
      customerInfo: sdeText,
      userUpdate: sdeText,
      marketingCampaignInfo: sdeText,
      lead: sdeText,
      purchase: sdeText,
      viewedProduct: sdeText,
      cartStatus: sdeText,
      serviceActivity: sdeText,
      visitorError: sdeText,
      searchContent: sdeText,
    } satisfies Record<SdeSearchKey, typeof sdeText>,
    { error: 'must be an object of strings' },
  )
  .transform((search) => {
    const entries: { key: SdeSearchKey; value: string }[] = []
    for (const key of SDE_SEARCH_KEYS) {
      const value = search[key]
      if (value) entries.push({ key, value })
    }
    return entries
  })

const nonEmpty = <T>(list: readonly T[] | undefined): T[] | undefined =>
  list && list.length > 0 ? [...list] : undefined

/**
 * Our extension of the search (issue 13; not LivePerson's): conversations with at least one review
 * the reader may see matching all of these; `status: ["none"]` is conversations with no review.
 */
export const searchReviewFilterSchema = z.strictObject(
  {
    status: z
      .array(enumOf(REVIEW_STATUSES), { error: 'must be an array of review statuses' })
      .max(3, 'at most 3 statuses')
      .optional(),
    minScore: boundedNumber(0, 100).optional(),
    maxScore: boundedNumber(0, 100).optional(),
    reviewer: z
      .array(z.string().trim().min(1, 'must not be empty').max(254, 'at most 254 characters'), {
        error: 'must be an array of reviewer emails',
      })
      .max(100, 'at most 100 reviewers')
      .optional(),
    scorecard: z
      .array(z.number().int().positive('must be scorecard IDs'), {
        error: 'must be an array of scorecard IDs',
      })
      .max(100, 'at most 100 scorecards')
      .optional(),
    disputed: z.boolean('must be true or false').optional(),
    // Issue 15: the reviewed agent (the leg's agent ID), and a criterion the review fails
    // (src/domain/review-failures.ts) on a submitted review, named by scorecard and criterion ID.
    agent: z
      .array(z.string().trim().min(1, 'must not be empty').max(64, 'at most 64 characters'), {
        error: 'must be an array of agent IDs',
      })
      .max(100, 'at most 100 agents')
      .optional(),
    failedCriterion: z
      .array(
        z.strictObject(
          {
            scorecard: z.number('must be a scorecard ID').int().positive('must be a scorecard ID'),
            criterion: z
              .string('must be a criterion ID')
              .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a criterion ID'),
          },
          { error: 'must be an object {scorecard, criterion}' },
        ),
        { error: 'must be an array of {scorecard, criterion}' },
      )
      .max(100, 'at most 100 criteria')
      .optional(),
  },
  {
    error:
      'must be an object {status, minScore, maxScore, reviewer, scorecard, disputed, agent, failedCriterion}',
  },
)
export type SearchReviewFilter = z.output<typeof searchReviewFilterSchema>

/**
 * Our extensions of the search (issue 15; not LivePerson's, so they need the archive): how the
 * conversation closed, how many times it was transferred, and one transfer from a skill to a skill.
 */
export const ARCHIVE_ONLY_FILTERS = [
  'closeReasons',
  'transferCount',
  'transferPath',
  'sdeValue',
] as const

const closeReasons = z
  .array(
    z
      .string({ error: 'must be a close reason' })
      .trim()
      .min(1, 'must not be empty')
      .max(64, 'at most 64 characters')
      .transform((reason) => reason.toUpperCase()),
    { error: 'must be an array of close reasons' },
  )
  .max(20, 'at most 20 close reasons')

/** The most transfers `transferCount` asks about. */
export const MAX_TRANSFER_COUNT = 1000

const transferCount = z
  .strictObject(
    {
      from: boundedNumber(0, MAX_TRANSFER_COUNT).optional(),
      to: boundedNumber(0, MAX_TRANSFER_COUNT).optional(),
    },
    { error: 'must be an object {from, to}, numbers of transfers' },
  )
  .transform((range, ctx) => {
    if (range.from === undefined && range.to === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs "from" or "to"' })
      return z.NEVER
    }
    const from = Math.ceil(range.from ?? 0)
    const to = Math.floor(range.to ?? MAX_TRANSFER_COUNT)
    if (from > to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be greater than to' })
      return z.NEVER
    }
    return { from, to }
  })

const skillId = z
  .union([z.string().trim().min(1, 'must not be empty').max(64), z.number()], {
    error: 'must be a skill ID',
  })
  .transform((id) => String(id))

const transferPath = z.strictObject(
  { from: skillId, to: skillId },
  { error: 'must be an object {from, to} of skill IDs' },
)

/** A finite number (or numeric string) for an SDE value range. */
const sdeNumber = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i),
    ],
    {
      error: 'must be a number',
    },
  )
  .transform((value) => Number(value))
  .pipe(z.number().refine(Number.isFinite, 'must be a finite number'))

/**
 * Issue 15: the conversations with one value of a charted SDE field (domain/sde-fields.ts): `{field,
 * value}` (its text, ASCII case ignored, as kept: trimmed, at most 200 characters), or for a
 * number `{field, from, to}` (from included, to not).
 */
const sdeValue = z
  .strictObject(
    {
      field: z.enum(SDE_CHART_FIELD_PATHS, {
        error: `must be one of the charted engagement attributes (${SDE_CHART_FIELD_PATHS.slice(0, 3).join(', ')}, …)`,
      }),
      value: z
        .string({ error: 'must be a string' })
        .trim()
        .min(1, 'must not be empty')
        .max(MAX_SDE_VALUE_LENGTH, `at most ${String(MAX_SDE_VALUE_LENGTH)} characters`)
        .optional(),
      from: sdeNumber.optional(),
      to: sdeNumber.optional(),
    },
    { error: 'must be an object {field, value} or {field, from, to}' },
  )
  .transform((filter, ctx) => {
    const ranged = filter.from !== undefined || filter.to !== undefined
    if (filter.value !== undefined && ranged) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'not with "from" or "to"' })
      return z.NEVER
    }
    if (filter.value !== undefined) return { field: filter.field, value: filter.value }
    if (!ranged) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'needs "value", or "from" or "to"' })
      return z.NEVER
    }
    if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be less than to' })
      return z.NEVER
    }
    return { field: filter.field, from: filter.from, to: filter.to }
  })
export type SdeValueFilter = z.output<typeof sdeValue>

/** The `conversations/search` body. */
export const searchBodySchema = z
  .strictObject(
    {
      start: timeWindow,
      end: timeWindow.optional(),
      status: enumList(CONVERSATION_STATUSES).optional(),
      skillIds: idList.optional(),
      latestSkillIds: idList.optional(),
      agentIds: idList.optional(),
      latestAgentIds: idList.optional(),
      agentGroupIds: idList.optional(),
      keyword: textQuery.optional(),
      summary: textQuery.optional(),
      duration: z
        .strictObject(
          {
            from: boundedNumber(0, Number.MAX_SAFE_INTEGER).optional(),
            to: boundedNumber(0, Number.MAX_SAFE_INTEGER).optional(),
          },
          { error: 'must be an object {from, to} in seconds' },
        )
        .transform((range, ctx) => {
          if (range.from === undefined && range.to === undefined) {
            ctx.addIssue({ code: 'custom', message: 'needs "from" or "to"' })
            return z.NEVER
          }
          const from = range.from ?? 0
          const to = range.to ?? RETENTION_SECONDS
          if (from > to) {
            ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be greater than to' })
            return z.NEVER
          }
          return { from, to }
        })
        .optional(),
      mcs: scoreRange(0, 100).optional(),
      alertedMcsValues: z
        .array(
          z
            .union([z.string(), z.number()])
            .transform((v) => String(v))
            .pipe(enumOf(ALERTED_MCS_VALUES)),
          { error: 'must be an array' },
        )
        .optional(),
      csat: scoreRange(1, 5).optional(),
      nps: scoreRange(0, 10).optional(),
      source: z
        .array(z.string().trim().min(1, 'must not be empty').max(100), {
          error: 'must be an array of channel names',
        })
        .optional(),
      device: enumList(DEVICES).optional(),
      messageContentTypes: enumList(MESSAGE_CONTENT_TYPES).optional(),
      latestConversationQueueState: enumOf(QUEUE_STATES).optional(),
      sdeSearch: sdeSearch.optional(),
      contentToRetrieve: contentToRetrieve.optional(),
      review: searchReviewFilterSchema.optional(),
      closeReasons: closeReasons.optional(),
      transferCount: transferCount.optional(),
      transferPath: transferPath.optional(),
      sdeValue: sdeValue.optional(),
    },
    { error: 'must be a JSON object' },
  )
  .transform((body) => ({
    start: body.start,
    end: body.end,
    status: nonEmpty(body.status),
    skillIds: nonEmpty(body.skillIds),
    latestSkillIds: nonEmpty(body.latestSkillIds),
    agentIds: nonEmpty(body.agentIds),
    latestAgentIds: nonEmpty(body.latestAgentIds),
    agentGroupIds: nonEmpty(body.agentGroupIds),
    keyword: body.keyword || undefined,
    summary: body.summary || undefined,
    duration: body.duration,
    mcs: body.mcs,
    alertedMcsValues: nonEmpty(body.alertedMcsValues),
    csat: body.csat,
    nps: body.nps,
    source: nonEmpty(body.source),
    device: nonEmpty(body.device),
    messageContentTypes: nonEmpty(body.messageContentTypes),
    latestConversationQueueState: body.latestConversationQueueState,
    sdeSearch: nonEmpty(body.sdeSearch),
    contentToRetrieve: body.contentToRetrieve,
    review: body.review,
    closeReasons: nonEmpty(body.closeReasons),
    transferCount: body.transferCount,
    transferPath: body.transferPath,
    sdeValue: body.sdeValue,
  }))

export type SearchBodyInput = z.input<typeof searchBodySchema>
export type SearchFilters = z.output<typeof searchBodySchema>

const conversationId = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_CONVERSATION_ID_LENGTH, `at most ${String(MAX_CONVERSATION_ID_LENGTH)} characters`)

/** The `conversations/conversation/search` (by ID) body. */
export const byIdBodySchema = z
  .strictObject(
    {
      conversationId: conversationId.optional(),
      conversationIds: z
        .array(conversationId, { error: 'must be an array of conversation IDs' })
        .max(MAX_CONVERSATION_IDS, `at most ${String(MAX_CONVERSATION_IDS)} conversation IDs`)
        .optional(),
      contentToRetrieve: contentToRetrieve.optional(),
      review: searchReviewFilterSchema.optional(),
    },
    { error: 'must be a JSON object' },
  )
  .transform((body, ctx) => {
    const ids = [
      ...(body.conversationId ? [body.conversationId] : []),
      ...(body.conversationIds ?? []),
    ]
    if (ids.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['conversationId'],
        message: 'required (or conversationIds)',
      })
      return z.NEVER
    }
    if (ids.length > MAX_CONVERSATION_IDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['conversationIds'],
        message: `at most ${String(MAX_CONVERSATION_IDS)} conversation IDs`,
      })
      return z.NEVER
    }
    return { conversationIds: [...new Set(ids)], contentToRetrieve: body.contentToRetrieve }
  })

export type ByIdBodyInput = z.input<typeof byIdBodySchema>
export type ByIdRequest = z.output<typeof byIdBodySchema>

/** The `conversations/consumer/search` body. */
export const consumerBodySchema = z.strictObject(
  {
    consumer: z
      .string({
        error: (issue) => (issue.input === undefined ? 'required' : 'must be a consumer ID string'),
      })
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'at most 200 characters'),
    status: z
      .array(enumOf(CONVERSATION_STATUSES), {
        error: (issue) =>
          issue.input === undefined
            ? 'required'
            : `must be an array of ${listOf(CONVERSATION_STATUSES)}`,
      })
      .min(1, 'needs at least one status'),
    contentToRetrieve: contentToRetrieve.optional(),
  },
  { error: 'must be a JSON object' },
)

export type ConsumerBodyInput = z.input<typeof consumerBodySchema>
export type ConsumerRequest = z.output<typeof consumerBodySchema>

const queryInteger = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(
      /^\d+$/,
      max === Number.MAX_SAFE_INTEGER
        ? `must be a whole number of at least ${String(min)}`
        : `must be a whole number between ${String(min)} and ${String(max)}`,
    )
    .transform((v) => Number(v))
    .pipe(
      z
        .number()
        .min(min, `must be between ${String(min)} and ${String(max)}`)
        .max(max, `must be between ${String(min)} and ${String(max)}`),
    )
    .optional()
    .transform((v) => v ?? fallback)

/** Query parameters of the three methods (unknown parameters such as `NC` are ignored). */
export const searchQuerySchema = z
  .object({
    offset: queryInteger(0, Number.MAX_SAFE_INTEGER, 0),
    limit: queryInteger(1, MAX_LIMIT, DEFAULT_LIMIT),
    sort: z
      .string()
      .trim()
      .regex(/^(start|end):(asc|desc)$/, 'must be start:asc, start:desc, end:asc or end:desc')
      .optional(),
    v: z
      .enum(['1', '2'], { error: 'must be 1 or 2' })
      .optional()
      .transform((v) => (v === '2' ? 2 : 1)),
    source: z.string().max(20, 'at most 20 characters').optional(),
  })
  .transform((query) => {
    const [field, order] = (query.sort ?? 'start:desc').split(':')
    return {
      offset: query.offset,
      limit: query.limit,
      sortField: field === 'end' ? ('end' as const) : ('start' as const),
      sortOrder: order === 'asc' ? ('asc' as const) : ('desc' as const),
      sort: query.sort,
      v: query.v,
      source: query.source,
    }
  })

export type SearchQuery = z.output<typeof searchQuerySchema>

/** The first value of each query parameter, the shape `searchQuerySchema` reads. */
export function queryParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of params) {
    if (!(key in out)) out[key] = value
  }
  return out
}

/** `a.b[2].c`: the field a validation issue names. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${String(part)}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

/** The first problem of a failed parse as `{field, message}`, message `field: rule`. */
export function describeIssue(
  error: z.ZodError,
  prefix?: string,
): { field: string; message: string } {
  const issue = error.issues[0]
  if (!issue) return { field: prefix ?? 'body', message: `${prefix ?? 'body'}: invalid` }
  let path = issuePath(issue.path)
  let rule = issue.message
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? ''
    path = path === '' ? key : `${path}.${key}`
    rule = 'is not a supported field'
  }
  const field = prefix ? (path ? `${prefix}.${path}` : prefix) : path || 'body'
  return { field, message: `${field}: ${rule}` }
}

/** Rounds a `{from, to}` window outwards to 10 minutes, as LivePerson does. */
export function roundWindow(window: { from: number; to: number }): { from: number; to: number } {
  return {
    from: Math.floor(window.from / TEN_MINUTES_MS) * TEN_MINUTES_MS,
    to: Math.ceil(window.to / TEN_MINUTES_MS) * TEN_MINUTES_MS,
  }
}
