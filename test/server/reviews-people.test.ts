/**
 * Reviews with sign-in (issue 13): who sees which review (an agent only the submitted reviews
 * of their own legs, a supervisor only their groups' conversations, and a review out of sight
 * answers exactly as one that does not exist), what each may do (403 when seen but not theirs
 * to change), disputes decided by the author, two people saving the same review (the second
 * gets a conflict that names the first, and nothing is lost), and the audit trail.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewListSchema, type Review } from '@/domain/schema/reviews'
import { pick, startTestApi, type TestApi } from './api-harness'
import {
  ADMIN,
  ALICE,
  ALICE_USER,
  BOB,
  BOB_USER,
  CAROL,
  PERFECT,
  PRIYA,
  RAJ,
  RECORDS,
  SUE,
  USERS,
  defaultScorecardId,
  messageId,
  parseConflict,
  reviewClient,
} from './reviews-harness'
import { sessionClient } from './session-client'

let api: TestApi
type Client = ReturnType<typeof reviewClient>
const clients = new Map<string, Client>()
const as = (user: { email: string }): Client => {
  const client = clients.get(user.email)
  if (!client) throw new Error(`${user.email} is not signed in`)
  return client
}
let scorecardId: number
/** Priya's submitted review of Bob's leg, her draft of Alice's, her review of Carol's. */
let bobs: Review
let alicesDraft: Review
let carols: Review

beforeAll(async () => {
  api = await startTestApi({ records: RECORDS, workspace: { users: USERS } })
  for (const user of USERS) {
    const session = sessionClient(api.url)
    expect((await session.signIn(user.email, user.password)).status).toBe(200)
    clients.set(user.email, reviewClient(session))
    if (user === PRIYA) scorecardId = await defaultScorecardId(session)
  }
  const priya = as(PRIYA)
  const draft = await priya.create('c-three-legs', BOB.id, scorecardId)
  const saved = await priya.save(draft, {
    answers: PERFECT,
    evidence: [
      {
        id: 'e-1',
        criterionId: 'accuracy',
        quotes: [
          { messageId: messageId('c-three-legs', 2), text: 'It says 40', by: 'Consumer' },
          { messageId: messageId('c-three-legs', 3), text: 'I will correct it', by: 'Bob Agent' },
        ],
        comment: 'Corrected the invoice',
      },
    ],
  })
  bobs = await priya.submit(saved.json as Review)
  alicesDraft = await priya.create('c-three-legs', ALICE.id, scorecardId)
  carols = await priya.submit(await priya.create('c-elsewhere', CAROL.id, scorecardId))
})
afterAll(async () => {
  await api.stop()
})

/** The 404 of a review with its ID taken out, to compare one hidden with one that never was. */
const notFound = async (client: Client, path: string, id: string) => {
  const answer = await client.call(path.replace(':id', id))
  return { status: answer.status, text: answer.text.replaceAll(id, 'ID') }
}

describe('who sees what', () => {
  it('an agent sees only the submitted reviews of their own legs', async () => {
    const bob = as(BOB_USER)
    const list = reviewListSchema.parse((await bob.call('/api/reviews')).json)
    expect(list.reviews.map((r) => r.id)).toEqual([bobs.id])
    expect(list.total).toBe(1)
    const ofConversation = await bob.forConversation('c-three-legs')
    expect(ofConversation.reviews.map((r) => r.id)).toEqual([bobs.id])
    expect(ofConversation.canReview).toBe(false)
    expect(ofConversation.reviews[0]?.can).toEqual({
      edit: false,
      acknowledge: true,
      dispute: true,
      resolve: false,
      discard: false,
    })
    // Alice (an agent of the same conversation) sees no review: hers is a draft.
    const alice = as(ALICE_USER)
    expect((await alice.forConversation('c-three-legs')).reviews).toEqual([])
    const hidden = await notFound(alice, '/api/reviews/:id', alicesDraft.id)
    expect(hidden).toEqual(await notFound(alice, '/api/reviews/:id', randomUUID()))
    expect(hidden.status).toBe(404)
    // Nor does a summary or the people list tell of it.
    const summary = await alice.call('/api/reviews/summary', {
      json: { conversationIds: ['c-three-legs'] },
    })
    expect(pick(summary.json, 'summaries', 'c-three-legs', 'status')).toBe('none')
    expect(pick((await alice.call('/api/reviews/people')).json, 'reviewers')).toEqual([])
  })

  it('an agent may not write: 403 for what they see, 404 for what they do not', async () => {
    const bob = as(BOB_USER)
    const save = await bob.save(bobs, { comment: 'I was great' })
    expect(save.status).toBe(403)
    const create = await bob.call('/api/reviews', {
      json: { conversationId: 'c-three-legs', leg: { agentId: BOB.id }, scorecardId },
    })
    expect(create.status).toBe(403)
    const resolve = await bob.call(`/api/reviews/${bobs.id}/submit`, {
      json: { revision: bobs.revision },
    })
    expect(resolve.status).toBe(403)
    const discard = await bob.call(`/api/reviews/${alicesDraft.id}`, { method: 'DELETE' })
    expect(discard.status).toBe(404)
  })

  it("a supervisor sees their groups' conversations only, as if the others did not exist", async () => {
    const sue = as(SUE)
    const list = reviewListSchema.parse((await sue.call('/api/reviews?sort=agent&order=asc')).json)
    expect(list.reviews.map((r) => r.id).sort()).toEqual([bobs.id, alicesDraft.id].sort())
    const hidden = await notFound(sue, '/api/reviews/:id', carols.id)
    expect(hidden).toEqual(await notFound(sue, '/api/reviews/:id', randomUUID()))
    const conversation = await sue.call('/api/conversations/c-elsewhere/reviews')
    const nowhere = await sue.call('/api/conversations/c-nowhere/reviews')
    expect(conversation.status).toBe(404)
    expect(conversation.text.replace('c-elsewhere', 'X')).toBe(
      nowhere.text.replace('c-nowhere', 'X'),
    )
    const create = await sue.call('/api/reviews', {
      json: { conversationId: 'c-elsewhere', leg: { agentId: CAROL.id }, scorecardId },
    })
    expect(create.status).toBe(404)
    expect(create.text.replace('c-elsewhere', 'X')).toBe(
      (
        await sue.call('/api/reviews', {
          json: { conversationId: 'c-nowhere', leg: { agentId: CAROL.id }, scorecardId },
        })
      ).text.replace('c-nowhere', 'X'),
    )
    // What they see but did not write, they may not change.
    const edit = await sue.save(bobs, { comment: 'mine now' })
    expect(edit.status).toBe(403)
    // They review in their scope.
    const own = await sue.create('c-three-legs', ALICE.id, scorecardId)
    expect(own.author).toEqual({ email: SUE.email, name: SUE.name })
  })

  it('an admin sees everything and may edit any review', async () => {
    const admin = as(ADMIN)
    const list = reviewListSchema.parse((await admin.call('/api/reviews?limit=500')).json)
    expect(list.reviews.map((r) => r.id)).toEqual(
      expect.arrayContaining([bobs.id, alicesDraft.id, carols.id]),
    )
    expect((await admin.review(`/api/reviews/${carols.id}`)).can.edit).toBe(true)
  })
})

describe('two people saving the same review', () => {
  it('the second save gets a conflict naming the first, and the first save is intact', async () => {
    const priya = as(PRIYA)
    const admin = as(ADMIN)
    const start = await priya.review(`/api/reviews/${carols.id}`)
    const adminCopy = await admin.review(`/api/reviews/${carols.id}`)
    expect(adminCopy.revision).toBe(start.revision)

    const first = await admin.save(adminCopy, {
      comment: 'Ada was here',
      answers: { greeting: '2' },
    })
    expect(first.status, first.text).toBe(200)
    const second = await priya.save(start, { comment: 'Priya was here' })
    expect(second.status).toBe(409)
    const conflict = parseConflict(second.json)
    expect(conflict.error.changedBy).toEqual({ email: ADMIN.email, name: 'Ada Admin' })
    expect(conflict.error.revision).toBe(start.revision + 1)
    expect(conflict.error.message).toMatch(
      /^Changed by Ada Admin at \d\d:\d\d UTC: reload to see it$/,
    )

    const now = await priya.review(`/api/reviews/${carols.id}`)
    expect(now.comment).toBe('Ada was here')
    expect(now.answers).toEqual({ greeting: '2' })
    expect(now.history.at(-1)).toMatchObject({ action: 'edited', by: { name: 'Ada Admin' } })
    // Saving again from the new revision goes through.
    const retry = await priya.save(now, { comment: 'Priya, after reloading' })
    expect(retry.status).toBe(200)
  })

  it('many saves at once from one revision: exactly one wins', async () => {
    const priya = as(PRIYA)
    const start = await priya.review(`/api/reviews/${carols.id}`)
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => priya.save(start, { comment: `attempt ${String(i)}` })),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
    const winner = answers.find((a) => a.status === 200)?.json as Review
    expect((await priya.review(`/api/reviews/${carols.id}`)).comment).toBe(winner.comment)
  })
})

describe('disputes', () => {
  let review: Review

  it('the agent disputes a criterion with a reason; one open dispute per criterion', async () => {
    const bob = as(BOB_USER)
    const mine = await bob.review(`/api/reviews/${bobs.id}`)
    review = await bob.review(`/api/reviews/${bobs.id}/disputes`, {
      json: { revision: mine.revision, criterionId: 'greeting', reason: 'I greeted at once' },
    })
    expect(review.disputes).toHaveLength(1)
    expect(review.disputes[0]).toMatchObject({
      criterionId: 'greeting',
      reason: 'I greeted at once',
      by: { email: BOB_USER.email },
      state: 'open',
    })
    expect(review.history.at(-1)).toMatchObject({ action: 'disputed', note: 'I greeted at once' })
    const again = await bob.call(`/api/reviews/${bobs.id}/disputes`, {
      json: { revision: review.revision, criterionId: 'greeting', reason: 'again' },
    })
    expect(again.status).toBe(409)
    const unknown = await bob.call(`/api/reviews/${bobs.id}/disputes`, {
      json: { revision: review.revision, criterionId: 'no-such', reason: 'x' },
    })
    expect(unknown.status).toBe(400)
    expect(pick(unknown.json, 'error', 'field')).toBe('criterionId')
    const noReason = await bob.call(`/api/reviews/${bobs.id}/disputes`, {
      json: { revision: review.revision, criterionId: 'accuracy', reason: ' ' },
    })
    expect(pick(noReason.json, 'error', 'field')).toBe('reason')
    // The reviewer sees it open, and may resolve it.
    const priyaView = await as(PRIYA).review(`/api/reviews/${bobs.id}`)
    expect(priyaView.can.resolve).toBe(true)
    const list = reviewListSchema.parse((await as(PRIYA).call('/api/reviews?disputed=true')).json)
    expect(list.reviews.map((r) => r.id)).toEqual([bobs.id])
  })

  it('another reviewer may not decide it; the author accepts with a new answer and the score changes', async () => {
    const dispute = review.disputes[0]
    if (!dispute) throw new Error('no dispute')
    const path = `/api/reviews/${bobs.id}/disputes/${dispute.id}`
    const raj = await as(RAJ).call(path, {
      json: { revision: review.revision, decision: 'accept', note: '', answer: '5' },
    })
    expect(raj.status).toBe(403)
    const badAnswer = await as(PRIYA).call(path, {
      json: { revision: review.revision, decision: 'accept', note: '', answer: 'yes' },
    })
    expect(pick(badAnswer.json, 'error', 'field')).toBe('answer')

    // Lower the greeting first, so accepting the dispute raises the score.
    const lowered = await as(PRIYA).save(review, { answers: { ...review.answers, greeting: '2' } })
    const before = lowered.json as Review
    expect(before.score.percent).toBeLessThan(100)
    const accepted = await as(PRIYA).review(path, {
      json: { revision: before.revision, decision: 'accept', note: 'Fair point', answer: '5' },
    })
    expect(accepted.score.percent).toBe(100)
    expect(accepted.answers.greeting).toBe('5')
    expect(accepted.disputes[0]).toMatchObject({
      state: 'accepted',
      resolution: { by: { email: PRIYA.email }, note: 'Fair point', from: '2', to: '5' },
    })
    expect(accepted.history.at(-1)).toMatchObject({
      action: 'dispute-accepted',
      score: 100,
      note: 'Fair point',
      changes: [{ field: 'answers.greeting', from: '2', to: '5' }],
    })
    const row = reviewListSchema
      .parse((await as(PRIYA).call(`/api/reviews?agent=${BOB.id}`)).json)
      .reviews.find((r) => r.id === bobs.id)
    expect(row).toMatchObject({ percent: 100, openDisputes: 0 })
    review = accepted
  })

  it('a rejected dispute keeps the score, with the note', async () => {
    const bob = as(BOB_USER)
    const disputed = await bob.review(`/api/reviews/${bobs.id}/disputes`, {
      json: { revision: review.revision, criterionId: 'accuracy', reason: 'It was accurate' },
    })
    const dispute = disputed.disputes.find((d) => d.state === 'open')
    if (!dispute) throw new Error('no open dispute')
    const rejected = await as(PRIYA).review(`/api/reviews/${bobs.id}/disputes/${dispute.id}`, {
      json: { revision: disputed.revision, decision: 'reject', note: 'The amount was wrong first' },
    })
    expect(rejected.score).toEqual(disputed.score)
    expect(rejected.answers).toEqual(disputed.answers)
    expect(rejected.disputes.find((d) => d.id === dispute.id)).toMatchObject({
      state: 'rejected',
      resolution: { note: 'The amount was wrong first' },
    })
    expect(rejected.history.at(-1)).toMatchObject({ action: 'dispute-rejected', changes: [] })
    const twice = await as(PRIYA).call(`/api/reviews/${bobs.id}/disputes/${dispute.id}`, {
      json: { revision: rejected.revision, decision: 'accept', note: '' },
    })
    expect(twice.status).toBe(409)
    review = rejected
  })

  it('the agent acknowledges; nobody else can', async () => {
    const priya = await as(PRIYA).call(`/api/reviews/${bobs.id}/acknowledge`, {
      json: { revision: review.revision },
    })
    expect(priya.status).toBe(403)
    const acknowledged = await as(BOB_USER).review(`/api/reviews/${bobs.id}/acknowledge`, {
      json: { revision: review.revision },
    })
    expect(acknowledged.acknowledged).toMatchObject({ by: { email: BOB_USER.email } })
    expect(acknowledged.can.acknowledge).toBe(false)
    expect(acknowledged.history.at(-1)?.action).toBe('acknowledged')
    const stale = await as(BOB_USER).call(`/api/reviews/${bobs.id}/acknowledge`, {
      json: { revision: review.revision },
    })
    expect(stale.status).toBe(409)
  })
})

describe('the audit trail', () => {
  it('keeps every write of a review by its ID, and never what anyone wrote', async () => {
    const res = await as(ADMIN).call('/api/audit?limit=500')
    const entries = pick(res.json, 'entries') as { action: string; target: string | null }[]
    const actions = new Set(entries.filter((e) => e.target === bobs.id).map((e) => e.action))
    for (const action of [
      'review-created',
      'review-submitted',
      'review-edited',
      'review-disputed',
      'dispute-resolved',
      'review-acknowledged',
    ]) {
      expect(actions, action).toContain(action)
    }
    const everything = JSON.stringify(api.workspace?.db.prepare('SELECT * FROM audit').all())
    for (const text of [
      'I greeted at once',
      'Fair point',
      'Corrected the invoice',
      'Ada was here',
    ]) {
      expect(everything).not.toContain(text)
    }
  })
})
