/**
 * A review's life (issue 13) in local mode, where the one user reviews as the local reviewer:
 * a draft of one leg, autosaves that make no history, submit, edits of the submitted review kept
 * field by field, discard of drafts only, and every bad input a 400 that names its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeScore, scorecardDefinitionSchema, type Review } from '@/domain/schema/reviews'
import { DEFAULT_SCORECARD } from '@/domain/default-scorecard'
import { pick, startTestApi, type TestApi } from './api-harness'
import {
  ALICE,
  BOB,
  BOT,
  CAROL,
  PERFECT,
  RECORDS,
  defaultScorecardId,
  messageId,
  reviewClient,
} from './reviews-harness'
import { sessionClient } from './session-client'

let api: TestApi
let client: ReturnType<typeof reviewClient>
let scorecardId: number
const CONVERSATION = 'c-three-legs'
const card = scorecardDefinitionSchema.parse(DEFAULT_SCORECARD)

beforeAll(async () => {
  api = await startTestApi({ records: RECORDS, workspace: {} })
  const session = sessionClient(api.url)
  client = reviewClient(session)
  scorecardId = await defaultScorecardId(session)
})
afterAll(async () => {
  await api.stop()
})

const evidence = (id: string, criterionId: string | null, seqs: number[], comment = '') => ({
  id,
  criterionId,
  quotes: seqs.map((seq) => ({
    messageId: messageId(CONVERSATION, seq),
    text: 'quoted',
    by: 'Bob Agent',
  })),
  comment,
})

describe('a review of one leg', () => {
  let review: Review

  it('starts as a draft by the local reviewer, for the leg asked, on the newest scorecard', async () => {
    review = await client.create(CONVERSATION, BOB.id, scorecardId)
    expect(review).toMatchObject({
      conversationId: CONVERSATION,
      leg: { agentId: BOB.id, agentName: BOB.name, role: 'agent' },
      scorecard: { id: scorecardId, version: 1, name: 'LivePerson messaging' },
      author: { email: 'local', name: 'Local reviewer' },
      state: 'draft',
      revision: 1,
      answers: {},
      inArchive: true,
      can: { edit: true, discard: true, acknowledge: false, dispute: false, resolve: false },
    })
    expect(review.score.percent).toBeNull()
    expect(review.history.map((h) => h.action)).toEqual(['created'])
    // The same author, leg and scorecard again: the same review, not a second one.
    const again = await client.create(CONVERSATION, BOB.id, scorecardId, 200)
    expect(again.id).toBe(review.id)
    // The bot's leg is a review of its own, and knows it is a bot.
    const bot = await client.create(CONVERSATION, BOT.id, scorecardId)
    expect(bot.leg).toEqual({ agentId: BOT.id, agentName: BOT.name, role: 'bot' })
    expect(bot.id).not.toBe(review.id)
  })

  it('autosaves a draft without history, and computes the score as the domain does', async () => {
    const answers = { greeting: '4', accuracy: '3', verification: 'na' }
    const saved = await client.save(review, {
      answers,
      notes: { greeting: 'Warm, but slow' },
      evidence: [evidence('e-1', 'greeting', [1, 3], 'the opening')],
    })
    expect(saved.status, saved.text).toBe(200)
    const after = saved.json as Review
    expect(after.revision).toBe(2)
    expect(after.score).toEqual(computeScore(card, answers))
    expect(after.score.percent).toBe(65)
    const again = await client.save(after, { comment: 'Draft comment' })
    review = again.json as Review
    expect(review.revision).toBe(3)
    expect(review.history.map((h) => h.action)).toEqual(['created'])
    // It survives a reload: the server kept it.
    const reloaded = await client.review(`/api/reviews/${review.id}`)
    expect(reloaded).toEqual(review)
  })

  it('submits, then every edit of the submitted review is kept with a field-level diff', async () => {
    review = await client.submit(review)
    expect(review.state).toBe('submitted')
    expect(review.submittedAt).toEqual(expect.any(Number))
    expect(review.can.discard).toBe(false)
    expect(review.history.map((h) => h.action)).toEqual(['created', 'submitted'])
    expect(review.history[1]?.score).toBe(65)

    const edited = await client.save(review, {
      answers: { ...review.answers, greeting: '5', empathy: '4' },
      notes: {},
      evidence: [evidence('e-2', null, [3], 'a comment on one message')],
      comment: 'Final comment',
    })
    expect(edited.status, edited.text).toBe(200)
    review = edited.json as Review
    const last = review.history.at(-1)
    expect(last).toMatchObject({ action: 'edited', by: { email: 'local', name: 'Local reviewer' } })
    expect(last?.changes).toEqual([
      { field: 'answers.empathy', from: null, to: '4' },
      { field: 'answers.greeting', from: '4', to: '5' },
      { field: 'notes.greeting', from: 'Warm, but slow', to: null },
      { field: 'evidence', from: ['e-1'], to: ['e-2'] },
      { field: 'comment', from: 'Draft comment', to: 'Final comment' },
    ])
    expect(last?.score).toBe(review.score.percent)
    // A save that changes nothing is no change at all.
    const same = await client.save(review, {})
    expect((same.json as Review).revision).toBe(review.revision)
  })

  it('discards drafts only', async () => {
    const submitted = await client.call(`/api/reviews/${review.id}`, { method: 'DELETE' })
    expect(submitted.status).toBe(409)
    expect(pick(submitted.json, 'error', 'field')).toBe('state')
    const draft = await client.create(CONVERSATION, ALICE.id, scorecardId)
    const gone = await client.call(`/api/reviews/${draft.id}`, { method: 'DELETE' })
    expect(gone.status).toBe(204)
    expect((await client.call(`/api/reviews/${draft.id}`)).status).toBe(404)
    const listed = await client.forConversation(CONVERSATION)
    expect(listed.reviews.map((r) => r.id)).not.toContain(draft.id)
    expect(listed.reviews.map((r) => r.id)).toContain(review.id)
    expect(listed.canReview).toBe(true)
  })

  it('scores to 100 and a critical fail to 0', async () => {
    const perfect = await client.create('c-second', ALICE.id, scorecardId)
    const saved = await client.save(perfect, { answers: PERFECT })
    expect((saved.json as Review).score.percent).toBe(100)
    const failed = await client.save(saved.json as Review, {
      answers: { ...PERFECT, compliance: 'no' },
    })
    expect((failed.json as Review).score).toMatchObject({ percent: 0, criticalFailed: true })
  })
})

describe('bad input', () => {
  let draft: Review
  beforeAll(async () => {
    draft = await client.create('c-second', BOB.id, scorecardId)
  })

  const put = (body: Record<string, unknown>) =>
    client.call(`/api/reviews/${draft.id}`, {
      method: 'PUT',
      json: {
        revision: draft.revision,
        answers: {},
        notes: {},
        evidence: [],
        comment: '',
        ...body,
      },
    })
  const field = (answer: { json: unknown }) => pick(answer.json, 'error', 'field')

  it('names the field of a bad answer, criterion, evidence, revision or unknown field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ answers: { nosuch: '5' } }, 'answers.nosuch'],
      [{ answers: { greeting: 'yes' } }, 'answers.greeting'],
      [{ answers: { compliance: 'na' } }, 'answers.compliance'],
      [{ answers: { Greeting: '5' } }, 'answers.Greeting'],
      [{ notes: { nosuch: 'x' } }, 'notes.nosuch'],
      [{ evidence: [evidence('e-1', 'nosuch', [1])] }, 'evidence[0].criterionId'],
      [{ evidence: [{ ...evidence('e-1', null, [1]), quotes: [] }] }, 'evidence[0].quotes'],
      [{ evidence: [evidence('e-1', null, [1]), evidence('e-1', null, [2])] }, 'evidence[1].id'],
      [{ revision: 'one' }, 'revision'],
      [{ revision: 0 }, 'revision'],
      [{ score: 100 }, 'score'],
    ]
    for (const [body, name] of cases) {
      const answer = await put(body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(field(answer), JSON.stringify(body)).toBe(name)
      expect(pick(answer.json, 'error', 'message')).toMatch(
        new RegExp(`^${name.replace(/[.[\]]/g, '\\$&')}: `),
      )
    }
    // Nothing of it was saved.
    expect((await client.review(`/api/reviews/${draft.id}`)).revision).toBe(draft.revision)
  })

  it('a new review needs a conversation, a leg of it and a scorecard', async () => {
    const create = (body: Record<string, unknown>) =>
      client.call('/api/reviews', {
        json: { conversationId: CONVERSATION, leg: { agentId: BOB.id }, scorecardId, ...body },
      })
    const notALeg = await create({ leg: { agentId: CAROL.id } })
    expect(notALeg.status).toBe(400)
    expect(field(notALeg)).toBe('leg.agentId')
    expect(field(await create({ scorecardId: 999 }))).toBe('scorecardId')
    expect(field(await create({ leg: { agentId: BOB.id, role: 'human' } }))).toBe('leg.role')
    expect(field(await create({ extra: true }))).toBe('extra')
    const missing = await create({ conversationId: 'no-such-conversation' })
    expect(missing.status).toBe(404)
    expect(field(await client.call('/api/reviews/not-an-id'))).toBe('id')
    expect((await client.call('/api/reviews?sort=nonsense')).status).toBe(400)
    expect(field(await client.call('/api/reviews?minScore=101'))).toBe('minScore')
    expect(field(await client.call('/api/reviews?colour=red'))).toBe('colour')
  })

  it('lists with filters, sorting and paging', async () => {
    const all = await client.call('/api/reviews?limit=2&sort=agent&order=asc')
    expect(all.status, all.text).toBe(200)
    const page = all.json as { reviews: { leg: { agentName?: string } }[]; total: number }
    expect(page.total).toBeGreaterThanOrEqual(4)
    expect(page.reviews).toHaveLength(2)
    expect(page.reviews[0]?.leg.agentName).toBe('Alice Agent')
    const submitted = await client.call('/api/reviews?state=submitted')
    const rows = (submitted.json as { reviews: { state: string; percent: number | null }[] })
      .reviews
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.state === 'submitted')).toBe(true)
    const scored = await client.call(`/api/reviews?minScore=99&agent=${ALICE.id}`)
    const high = (scored.json as { reviews: { percent: number | null }[] }).reviews
    expect(high.every((r) => (r.percent ?? 0) >= 99)).toBe(true)
    const people = await client.call('/api/reviews/people')
    expect(people.json).toMatchObject({
      reviewers: [{ email: 'local', name: 'Local reviewer' }],
    })
    const summary = await client.call('/api/reviews/summary', {
      json: { conversationIds: [CONVERSATION, 'c-elsewhere', 'c-second'] },
    })
    expect(summary.status, summary.text).toBe(200)
    expect(pick(summary.json, 'summaries', CONVERSATION, 'status')).toBe('reviewed')
    expect(pick(summary.json, 'summaries', 'c-elsewhere')).toEqual({
      status: 'none',
      scores: [],
      reviews: 0,
      drafts: 0,
      openDisputes: 0,
    })
    expect(pick(summary.json, 'summaries', 'c-second', 'status')).toBe('draft')
  })
})
