import { http, HttpResponse } from 'msw'
import { server } from '../msw-server'
import { ACCOUNT, T0, type RawRecord } from '../conversation/conversation-fixtures'
import {
  computeScore,
  reviewSaveBodySchema,
  reviewSchema,
  scorecardDefinitionSchema,
  scorecardSchema,
  type Review,
  type Scorecard,
} from '@/domain/schema/reviews'

/**
 * The Review panel's tests: a conversation with two agent legs (Alice, then Bob after a
 * transfer), a small scorecard, and the review API as an in-memory fake at the network edge that
 * keeps revisions as the server does (a stale one answers 409).
 */

export const CONVERSATION = 'conv-two-legs'
export const REVIEWER = { email: 'rita@example.com', name: 'Rita Reviewer' }
export const AGENT_B = { email: 'bob@example.com', name: 'Bob Agent' }

const lpTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '+0000')

interface Line {
  from: 'consumer' | 'alice' | 'bob'
  at: number
  text: string
}

/** Alice has the first five minutes; Bob everything after the transfer at +300 s. */
export const LINES: Line[] = [
  { from: 'consumer', at: 10, text: 'Hi, my card was charged twice' },
  { from: 'alice', at: 30, text: 'Hello! Let me look at that for you.' },
  { from: 'consumer', at: 60, text: 'Thanks' },
  { from: 'alice', at: 120, text: 'I am passing you to billing.' },
  { from: 'bob', at: 320, text: 'Hi, Bob from billing here. I see the double charge.' },
  { from: 'consumer', at: 340, text: 'Can you refund one?' },
  { from: 'bob', at: 360, text: 'Done: the refund is on its way.' },
  { from: 'consumer', at: 380, text: 'Great, thank you' },
]

export const messageId = (index: number) => `ms::${CONVERSATION}::${String(index)}`

const PARTICIPANT = { consumer: 'consumer-1', alice: 'agent-a', bob: 'agent-b' } as const

export function twoLegRecord(): RawRecord {
  return {
    info: {
      conversationId: CONVERSATION,
      brandId: ACCOUNT,
      status: 'CLOSE',
      startTime: lpTime(T0),
      startTimeL: T0,
      endTime: lpTime(T0 + 600_000),
      endTimeL: T0 + 600_000,
      latestAgentId: 'agent-b',
      latestAgentFullName: 'Bob Agent',
    },
    messageRecords: LINES.map((line, seq) => ({
      type: 'TEXT_PLAIN',
      messageData: { msg: { text: line.text } },
      messageId: messageId(seq),
      seq,
      participantId: PARTICIPANT[line.from],
      sentBy: line.from === 'consumer' ? 'Consumer' : 'Agent',
      audience: 'ALL',
      time: lpTime(T0 + line.at * 1000),
      timeL: T0 + line.at * 1000,
    })),
    agentParticipants: [
      {
        agentId: 'agent-a',
        agentFullName: 'Alice Agent',
        userType: '1',
        userTypeName: 'Human',
        permission: 'ASSIGNED_AGENT',
        timeL: T0 + 1000,
      },
      {
        agentId: 'agent-b',
        agentFullName: 'Bob Agent',
        userType: '1',
        userTypeName: 'Human',
        permission: 'ASSIGNED_AGENT',
        timeL: T0 + 300_000,
      },
    ],
    agentParticipantsLeave: [{ agentId: 'agent-a', timeL: T0 + 300_000 }],
    consumerParticipants: [{ participantId: 'consumer-1', firstName: 'Carol', timeL: T0 }],
  }
}

export const DEFINITION = scorecardDefinitionSchema.parse({
  name: 'Messaging QA',
  sections: [
    {
      id: 'opening',
      name: 'Opening',
      criteria: [
        {
          id: 'greeting',
          name: 'Greeting',
          guidance: 'Greets the customer by name within the first reply.',
          scale: { kind: 'yes-no' },
        },
        {
          id: 'accuracy',
          name: 'Accuracy',
          scale: { kind: 'one-to-five' },
          weight: 2,
          critical: true,
        },
      ],
    },
    {
      id: 'closing',
      name: 'Closing',
      criteria: [
        {
          id: 'closing',
          name: 'Closing',
          allowNa: true,
          scale: {
            kind: 'custom',
            points: [
              { key: 'good', label: 'Good', points: 2 },
              { key: 'weak', label: 'Weak', points: 1 },
              { key: 'none', label: 'None', points: 0 },
            ],
          },
        },
      ],
    },
  ],
})

export const SCORECARD: Scorecard = scorecardSchema.parse({
  id: 7,
  uid: 'card-uid',
  version: 1,
  latestVersion: 1,
  archived: false,
  createdAt: T0,
  createdBy: 'admin@example.com',
  definition: DEFINITION,
})

const ID = '00000000-0000-4000-8000-000000000001'

/** A review as the server would answer it (`can` says what the reader may do). */
export function makeReview(overrides: Partial<Review> = {}): Review {
  const answers = overrides.answers ?? {}
  return reviewSchema.parse({
    id: ID,
    conversationId: CONVERSATION,
    leg: { agentId: 'agent-b', agentName: 'Bob Agent', role: 'agent' },
    scorecard: { id: SCORECARD.id, version: 1, name: DEFINITION.name },
    author: REVIEWER,
    state: 'draft',
    answers,
    notes: {},
    evidence: [],
    comment: '',
    score: computeScore(DEFINITION, answers),
    revision: 1,
    createdAt: T0 + 3_600_000,
    updatedAt: T0 + 3_600_000,
    updatedBy: REVIEWER,
    submittedAt: null,
    acknowledged: null,
    disputes: [],
    history: [{ at: T0 + 3_600_000, by: REVIEWER, action: 'created', changes: [] }],
    inArchive: true,
    can: { edit: true, acknowledge: false, dispute: false, resolve: false, discard: true },
    ...overrides,
  })
}

export interface FakeApi {
  reviews: Map<string, Review>
  /** Every request body the fake received, by `METHOD path`. */
  calls: { route: string; body: unknown }[]
  bodies: (route: string) => unknown[]
  /** Makes the next save answer 409 as if Priya Shah saved at 10:42. */
  conflictNextSave: () => void
  now: () => number
}

/** The review API as an in-memory fake; `reviews` seeds it. */
export function mockReviewApi(seedReviews: Review[] = [], canReview = true): FakeApi {
  const reviews = new Map(seedReviews.map((r) => [r.id, r]))
  const calls: FakeApi['calls'] = []
  let clock = T0 + 7_200_000
  let conflict = false
  const now = () => (clock += 60_000)
  const record = async (route: string, request: Request) => {
    const text = await request.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    calls.push({ route, body })
    return body
  }
  const stale = (review: Review, body: unknown) =>
    typeof body === 'object' && body !== null && 'revision' in body
      ? body.revision !== review.revision
      : true
  const conflictAnswer = (review: Review) =>
    HttpResponse.json(
      {
        error: {
          status: 409,
          message: 'Changed by Priya Shah at 10:42: reload to see it',
          changedBy: { email: 'priya@example.com', name: 'Priya Shah' },
          changedAt: Date.UTC(2026, 10, 27, 10, 42),
          revision: review.revision,
        },
      },
      { status: 409 },
    )
  const update = (review: Review, change: Partial<Review>): Review => {
    const next = makeReview({
      ...review,
      ...change,
      revision: review.revision + 1,
      updatedAt: now(),
    })
    const scored = makeReview({ ...next, score: computeScore(DEFINITION, next.answers) })
    reviews.set(scored.id, scored)
    return scored
  }
  const find = (id: unknown) => reviews.get(String(id))
  const notFound = () =>
    HttpResponse.json({ error: { status: 404, message: 'review not found' } }, { status: 404 })

  server.use(
    http.get('*/api/scorecards', () =>
      HttpResponse.json({
        scorecards: [
          {
            id: SCORECARD.id,
            uid: SCORECARD.uid,
            name: DEFINITION.name,
            version: 1,
            archived: false,
            criteria: 3,
            reviews: 0,
            updatedAt: T0,
          },
          {
            id: 8,
            uid: 'old',
            name: 'Old card',
            version: 1,
            archived: true,
            criteria: 1,
            reviews: 0,
            updatedAt: T0,
          },
        ],
      }),
    ),
    http.get('*/api/scorecards/:id', ({ params }) =>
      Number(params.id) === SCORECARD.id
        ? HttpResponse.json(SCORECARD)
        : HttpResponse.json({ error: { status: 404, message: 'not found' } }, { status: 404 }),
    ),
    http.get('*/api/conversations/:id/reviews', ({ params }) =>
      HttpResponse.json({
        conversationId: params.id,
        reviews: [...reviews.values()].filter((r) => r.conversationId === params.id),
        canReview,
      }),
    ),
    http.post('*/api/reviews', async ({ request }) => {
      const body = (await record('POST /api/reviews', request)) as {
        leg: Review['leg']
        conversationId: string
      }
      const review = makeReview({
        id: '00000000-0000-4000-8000-0000000000aa',
        leg: body.leg,
        conversationId: body.conversationId,
      })
      reviews.set(review.id, review)
      return HttpResponse.json(review, { status: 201 })
    }),
    http.get('*/api/reviews/:id', ({ params }) => {
      const review = find(params.id)
      return review ? HttpResponse.json(review) : notFound()
    }),
    http.put('*/api/reviews/:id', async ({ params, request }) => {
      const body = await record('PUT /api/reviews/:id', request)
      const review = find(params.id)
      if (!review) return notFound()
      if (conflict || stale(review, body)) {
        conflict = false
        return conflictAnswer(review)
      }
      const content = reviewSaveBodySchema.parse(body)
      return HttpResponse.json(
        update(review, {
          answers: content.answers,
          notes: content.notes,
          evidence: content.evidence,
          comment: content.comment,
        }),
      )
    }),
    http.post('*/api/reviews/:id/submit', async ({ params, request }) => {
      const body = await record('POST /api/reviews/:id/submit', request)
      const review = find(params.id)
      if (!review) return notFound()
      if (stale(review, body)) return conflictAnswer(review)
      return HttpResponse.json(
        update(review, {
          state: 'submitted',
          submittedAt: clock,
          can: { ...review.can, discard: false },
        }),
      )
    }),
    http.post('*/api/reviews/:id/acknowledge', async ({ params, request }) => {
      const body = await record('POST /api/reviews/:id/acknowledge', request)
      const review = find(params.id)
      if (!review) return notFound()
      if (stale(review, body)) return conflictAnswer(review)
      return HttpResponse.json(
        update(review, {
          acknowledged: { by: AGENT_B, at: clock },
          can: { ...review.can, acknowledge: false },
        }),
      )
    }),
    http.post('*/api/reviews/:id/disputes', async ({ params, request }) => {
      const body = (await record('POST /api/reviews/:id/disputes', request)) as {
        criterionId: string
        reason: string
      }
      const review = find(params.id)
      if (!review) return notFound()
      if (stale(review, body)) return conflictAnswer(review)
      return HttpResponse.json(
        update(review, {
          disputes: [
            ...review.disputes,
            {
              id: `d-${String(review.disputes.length + 1)}`,
              criterionId: body.criterionId,
              reason: body.reason,
              by: AGENT_B,
              at: clock,
              state: 'open',
            },
          ],
        }),
      )
    }),
    http.post('*/api/reviews/:id/disputes/:disputeId', async ({ params, request }) => {
      const body = (await record('POST /api/reviews/:id/disputes/:disputeId', request)) as {
        decision: 'accept' | 'reject'
        note: string
        answer?: string
      }
      const review = find(params.id)
      if (!review) return notFound()
      if (stale(review, body)) return conflictAnswer(review)
      const dispute = review.disputes.find((d) => d.id === params.disputeId)
      if (!dispute) return notFound()
      const answers = { ...review.answers }
      const from = answers[dispute.criterionId]
      if (body.decision === 'accept' && body.answer !== undefined) {
        answers[dispute.criterionId] = body.answer
      }
      return HttpResponse.json(
        update(review, {
          answers,
          disputes: review.disputes.map((d) =>
            d.id === dispute.id
              ? {
                  ...d,
                  state: body.decision === 'accept' ? 'accepted' : 'rejected',
                  resolution: {
                    by: REVIEWER,
                    at: clock,
                    note: body.note,
                    ...(body.decision === 'accept' && body.answer !== undefined
                      ? { to: body.answer, ...(from !== undefined ? { from } : {}) }
                      : {}),
                  },
                }
              : d,
          ),
        }),
      )
    }),
  )
  return {
    reviews,
    calls,
    bodies: (route) => calls.filter((c) => c.route === route).map((c) => c.body),
    conflictNextSave: () => {
      conflict = true
    },
    now,
  }
}
