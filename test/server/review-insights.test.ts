/**
 * Issue 15: `POST /api/insights/reviews`, the QA charts (scores by reviewed agent over time,
 * the criteria that fail most), over real HTTP on a real archive with the workspace attached,
 * reviews written through the review routes. Every count it gives is the count of the list its
 * mark's link opens (the search plus the mark's review keys), on a hand-made set with sign-in
 * (what each reader may see) and on demo data with reviews; bad input names its field.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewInsightsSchema, type ReviewInsights } from '@/domain/schema/review-insights'
import type { Review } from '@/domain/schema/reviews'
import { generateDemoConversations } from '@/server/demo/generate'
import { openWorkspaceDatabase } from '@/server/workspace/workspace-db'
import { ACCOUNT, pick, startTestApi, type TestApi } from './api-harness'
import { buildRecord } from './record-factory'
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
  T0,
  USERS,
  defaultScorecardId,
  reviewClient,
} from './reviews-harness'
import { sessionClient, type SessionClient } from './session-client'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Alice again, 9 days after the others (another week). */
const LATER = buildRecord({
  id: 'c-later',
  start: T0 + 9 * DAY,
  end: T0 + 9 * DAY + HOUR,
  latestSkill: { id: 10, name: 'Billing' },
  agents: [ALICE],
  messages: [{ text: 'Hello again' }, { text: 'Hi' }],
})
/** Bob alone, not reviewed at all. */
const QUIET = buildRecord({
  id: 'c-quiet',
  start: T0 + 3 * HOUR,
  end: T0 + 4 * HOUR,
  latestSkill: { id: 10, name: 'Billing' },
  agents: [BOB],
  messages: [{ text: 'Thanks' }],
})
const WINDOW = { from: T0 - DAY, to: T0 + 20 * DAY }

let api: TestApi
const sessions = new Map<string, SessionClient>()
let scorecardId = 0

const as = (email: string) => {
  const session = sessions.get(email)
  if (!session) throw new Error(`no session for ${email}`)
  return session
}

/** A review of one leg, saved with these answers, and submitted unless `draft`. */
async function review(
  email: string,
  conversationId: string,
  agentId: string,
  answers: Record<string, string>,
  draft = false,
): Promise<Review> {
  const client = reviewClient(as(email))
  const created = await client.create(conversationId, agentId, scorecardId)
  const saved = await client.save(created, { answers })
  expect(saved.status, saved.text).toBe(200)
  const current = saved.json as Review
  return draft ? current : client.submit(current)
}

beforeAll(async () => {
  api = await startTestApi({
    records: [...RECORDS, LATER, QUIET],
    workspace: { users: USERS },
  })
  for (const user of USERS) {
    const session = sessionClient(api.url)
    expect((await session.signIn(user.email, user.password)).status).toBe(200)
    sessions.set(user.email, session)
  }
  scorecardId = await defaultScorecardId(as(ADMIN.email))
  // Bob's leg: Priya fails the greeting (2 of 5); Raj's draft fails verification (not counted).
  await review(PRIYA.email, 'c-three-legs', BOB.id, { ...PERFECT, greeting: '2' })
  await review(RAJ.email, 'c-three-legs', BOB.id, { ...PERFECT, verification: 'no' }, true)
  // Alice's leg: perfect (Raj); in c-second a critical fail (verification) and accuracy 1.
  await review(RAJ.email, 'c-three-legs', ALICE.id, PERFECT)
  await review(PRIYA.email, 'c-second', ALICE.id, { ...PERFECT, verification: 'no', accuracy: '1' })
  await review(RAJ.email, 'c-second', BOB.id, { ...PERFECT, greeting: '1' })
  // Carol (outside Sue's group): the closing fails.
  await review(PRIYA.email, 'c-elsewhere', CAROL.id, { ...PERFECT, closing: '1' })
  // Alice, a week later: greeting fails; verification not applicable (not a fail).
  await review(PRIYA.email, 'c-later', ALICE.id, { ...PERFECT, greeting: '1', verification: 'na' })
})
afterAll(async () => {
  await api.stop()
})

type Search = Record<string, unknown> & { review?: Record<string, unknown> }

async function qa(session: SessionClient | undefined, search: Search, zone: string) {
  const res = session
    ? await session.request('/api/insights/reviews', { json: { search, zone } })
    : await fetch(`${api.url}/api/insights/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ search, zone }),
      })
  const text = await res.text()
  expect(res.status, text).toBe(200)
  return reviewInsightsSchema.parse(JSON.parse(text))
}

async function listCount(session: SessionClient | undefined, search: Search): Promise<number> {
  if (!session) {
    const answer = await api.search(search, { limit: '1' })
    expect(answer.status, answer.text).toBe(200)
    return Number(pick(answer.json, '_metadata', 'count'))
  }
  const res = await session.request(
    `/messaging_history/api/account/${ACCOUNT}/conversations/search?limit=1`,
    { json: search },
  )
  const text = await res.text()
  expect(res.status, text).toBe(200)
  return Number(pick(JSON.parse(text), '_metadata', 'count'))
}

/** The search a mark's link opens: the search's review filter plus the mark's keys. */
const narrowed = (
  search: Search,
  keys: Record<string, unknown>,
  window?: { from: number; to: number },
) => ({
  ...search,
  ...(window ? { start: window } : {}),
  review: { ...search.review, status: ['reviewed'], ...keys },
})

/** Every mark of `found` against the list its link opens; the number of marks checked. */
async function expectEveryMarkMatchesItsList(
  session: SessionClient | undefined,
  search: Search,
  found: ReviewInsights,
): Promise<number> {
  const statuses = search.review?.status
  if (Array.isArray(statuses) && !statuses.includes('reviewed')) {
    // Only conversations without a submitted review: nothing to count, and no mark to link.
    expect([found.reviewed, found.scores.agents, found.failing.criteria]).toEqual([0, [], []])
    return 0
  }
  const checks: [string, number, Search][] = [['reviewed', found.reviewed, narrowed(search, {})]]
  for (const agent of found.scores.agents) {
    checks.push([
      `agent ${agent.agentId}`,
      agent.conversations,
      narrowed(search, { agent: [agent.agentId] }),
    ])
    for (const point of agent.points) {
      const period = found.scores.periods[point.period]
      if (!period) throw new Error('a point names no period')
      checks.push([
        `agent ${agent.agentId} period ${new Date(period.from).toISOString()}`,
        point.conversations,
        narrowed(search, { agent: [agent.agentId] }, period),
      ])
    }
  }
  for (const failing of found.failing.criteria) {
    checks.push([
      `criterion ${String(failing.scorecard)}/${failing.criterion}`,
      failing.conversations,
      narrowed(search, {
        failedCriterion: [{ scorecard: failing.scorecard, criterion: failing.criterion }],
      }),
    ])
  }
  const mismatches: string[] = []
  for (const [what, shown, list] of checks) {
    const counted = await listCount(session, list)
    if (counted !== shown)
      mismatches.push(`${what}: chart ${String(shown)}, list ${String(counted)}`)
  }
  expect(mismatches).toEqual([])
  return checks.length
}

const summary = (found: ReviewInsights) => ({
  agents: Object.fromEntries(
    found.scores.agents.map((a) => [a.agentId, [a.conversations, a.reviews, a.average]]),
  ),
  failing: Object.fromEntries(
    found.failing.criteria.map((c) => [c.criterion, [c.conversations, c.name]]),
  ),
})

describe('the QA charts count what the lists of their marks find', () => {
  it('by agent over time and failing criteria, daily and weekly, in two zones', async () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kathmandu']) {
      for (const window of [WINDOW, { from: T0 - DAY, to: T0 + 10 * DAY }]) {
        const search = { start: window }
        const found = await qa(as(ADMIN.email), search, zone)
        expect(found.scores.unit).toBe(window.to - window.from > 14 * DAY ? 'week' : 'day')
        expect(await expectEveryMarkMatchesItsList(as(ADMIN.email), search, found)).toBeGreaterThan(
          8,
        )
      }
    }
    const found = await qa(as(ADMIN.email), { start: WINDOW }, 'UTC')
    // Submitted reviews only: Raj's draft of Bob's leg (verification "no") is not counted.
    expect(found.reviews).toBe(6)
    expect(found.reviewed).toBe(4)
    expect(summary(found)).toEqual({
      agents: {
        'a-alice': [3, 3, 64.8],
        'a-bob': [2, 2, expect.any(Number)],
        'a-carol': [1, 1, expect.any(Number)],
      },
      failing: {
        greeting: [3, 'Greeting'],
        verification: [1, 'Verification'],
        accuracy: [1, 'Accuracy'],
        closing: [1, 'Closing'],
      },
    })
    // Names as the transcript gave them; criteria most-failed first.
    expect(found.scores.agents.map((a) => a.name)).toEqual([ALICE.name, BOB.name, CAROL.name])
    expect(found.failing.criteria[0]?.criterion).toBe('greeting')
    expect(found.failing.criteria[0]?.scorecardName).toBe('LivePerson messaging')
    // Weekly from Monday: T0 (Monday 2 March) and c-later (Wednesday 11 March) in two weeks.
    const alice = found.scores.agents.find((a) => a.agentId === ALICE.id)
    expect(
      alice?.points.map((p) => [found.scores.periods[p.period]?.from, p.conversations]),
    ).toEqual([
      [T0 - 9 * HOUR, 2],
      [T0 - 9 * HOUR + 7 * DAY, 1],
    ])
  })

  it("with the search's own filters, review keys included, the marks stay within it", async () => {
    for (const search of [
      { start: WINDOW, agentIds: [BOB.id] },
      { start: WINDOW, review: { reviewer: [PRIYA.email] } },
      { start: WINDOW, review: { agent: [ALICE.id] } },
      {
        start: WINDOW,
        review: { failedCriterion: [{ scorecard: scorecardId, criterion: 'greeting' }] },
      },
      { start: WINDOW, review: { status: ['reviewed', 'none'], maxScore: 50 } },
      { start: WINDOW, review: { status: ['none'] } },
    ]) {
      const found = await qa(as(ADMIN.email), search, 'Europe/Berlin')
      await expectEveryMarkMatchesItsList(as(ADMIN.email), search, found)
    }
    const alice = await qa(as(ADMIN.email), { start: WINDOW, review: { agent: [ALICE.id] } }, 'UTC')
    expect(alice.scores.agents.map((a) => a.agentId)).toEqual([ALICE.id])
    const greeting = await qa(
      as(ADMIN.email),
      {
        start: WINDOW,
        review: { failedCriterion: [{ scorecard: scorecardId, criterion: 'greeting' }] },
      },
      'UTC',
    )
    expect(greeting.failing.criteria.map((c) => c.criterion)).toEqual(['greeting'])
    const none = await qa(as(ADMIN.email), { start: WINDOW, review: { status: ['none'] } }, 'UTC')
    expect([none.reviewed, none.scores.agents, none.failing.criteria]).toEqual([0, [], []])
  })
})

describe('who sees what', () => {
  it('an agent counts only the submitted reviews of their own legs', async () => {
    const found = await qa(as(ALICE_USER.email), { start: WINDOW }, 'UTC')
    expect(summary(found)).toEqual({
      agents: { 'a-alice': [3, 3, 64.8] },
      failing: {
        greeting: [1, 'Greeting'],
        verification: [1, 'Verification'],
        accuracy: [1, 'Accuracy'],
      },
    })
    await expectEveryMarkMatchesItsList(as(ALICE_USER.email), { start: WINDOW }, found)
    const bob = await qa(as(BOB_USER.email), { start: WINDOW }, 'UTC')
    expect(summary(bob).agents).toEqual({ 'a-bob': [2, 2, expect.any(Number)] })
  })

  it("a supervisor counts only their scope's conversations (not Carol's)", async () => {
    const found = await qa(as(SUE.email), { start: WINDOW }, 'UTC')
    expect(Object.keys(summary(found).agents).sort()).toEqual([ALICE.id, BOB.id])
    expect(summary(found).failing.closing).toBeUndefined()
    await expectEveryMarkMatchesItsList(as(SUE.email), { start: WINDOW }, found)
  })
})

describe('the review filter keys agent and failedCriterion', () => {
  const count = (search: Search) => listCount(as(ADMIN.email), search)
  it('match one and the same submitted review', async () => {
    expect(await count({ start: WINDOW, review: { agent: [BOB.id] } })).toBe(2)
    // Bob's verification fail is Raj's draft: no submitted review of his fails it.
    expect(
      await count({
        start: WINDOW,
        review: {
          agent: [BOB.id],
          failedCriterion: [{ scorecard: scorecardId, criterion: 'verification' }],
        },
      }),
    ).toBe(0)
    expect(
      await count({
        start: WINDOW,
        review: {
          reviewer: [RAJ.email],
          failedCriterion: [{ scorecard: scorecardId, criterion: 'greeting' }],
        },
      }),
    ).toBe(1)
    // Not applicable is not a fail.
    expect(
      await count({
        start: WINDOW,
        review: { failedCriterion: [{ scorecard: scorecardId, criterion: 'verification' }] },
      }),
    ).toBe(1)
    expect(
      await count({
        start: WINDOW,
        review: { failedCriterion: [{ scorecard: scorecardId + 100, criterion: 'greeting' }] },
      }),
    ).toBe(0)
  })

  it('a bad key is a 400 naming its field, in the search and in the QA insights', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ agent: 'a-bob' }, 'review.agent'],
      [{ agent: [''] }, 'review.agent[0]'],
      [
        { failedCriterion: [{ scorecard: 0, criterion: 'greeting' }] },
        'review.failedCriterion[0].scorecard',
      ],
      [
        { failedCriterion: [{ scorecard: 1, criterion: 'Not An ID' }] },
        'review.failedCriterion[0].criterion',
      ],
      [
        { failedCriterion: [{ scorecard: 1, criterion: 'x', extra: 1 }] },
        'review.failedCriterion[0].extra',
      ],
      [{ failedCriterion: { scorecard: 1 } }, 'review.failedCriterion'],
    ]
    for (const [review, field] of cases) {
      const search = await as(ADMIN.email).request(
        `/messaging_history/api/account/${ACCOUNT}/conversations/search`,
        { json: { start: WINDOW, review } },
      )
      expect(search.status).toBe(400)
      expect(pick(await search.json(), 'error', 'field')).toBe(field)
      const insights = await as(ADMIN.email).request('/api/insights/reviews', {
        json: { search: { start: WINDOW, review }, zone: 'UTC' },
      })
      expect(insights.status).toBe(400)
      const body: unknown = await insights.json()
      expect(pick(body, 'error', 'field')).toBe(`search.${field}`)
      expect(String(pick(body, 'error', 'message'))).toMatch(/\S/)
    }
    const zone = await as(ADMIN.email).request('/api/insights/reviews', {
      json: { search: { start: WINDOW }, zone: 'Mars/Olympus_Mons' },
    })
    expect(zone.status).toBe(400)
    expect(pick(await zone.json(), 'error', 'field')).toBe('zone')
    const missing = await as(ADMIN.email).request('/api/insights/reviews', {
      json: { zone: 'UTC' },
    })
    expect(missing.status).toBe(400)
    expect(pick(await missing.json(), 'error', 'field')).toBe('search')
    expect((await as(ADMIN.email).request('/api/insights/reviews')).status).toBe(405)
  })
})

describe('a workspace from before failed criteria were kept (version 3)', () => {
  it('gets them for every review it has when it is opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-ws-v3-'))
    try {
      const path = join(dir, 'workspace.db')
      api.workspace?.db.exec(`VACUUM INTO '${path}'`)
      // Back to version 3: no column, the change log's trigger as it was.
      const raw = new Database(path)
      raw.exec(`
        DROP TRIGGER review_changes_update;
        ALTER TABLE reviews DROP COLUMN failed_criteria;
        CREATE TRIGGER review_changes_update
        AFTER UPDATE OF conversation_id, leg_agent_id, scorecard_id, author_email, state, percent,
          open_disputes ON reviews BEGIN
          INSERT OR REPLACE INTO review_changes (review_id, seq)
          VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM review_changes));
        END;
        PRAGMA user_version = 3;
      `)
      // One review whose stored content is not JSON (it never should be): it gets no failures,
      // and the workspace still opens.
      raw
        .prepare("UPDATE reviews SET content = '{\"answers\":' WHERE conversation_id = 'c-later'")
        .run()
      const before = Number(raw.prepare('SELECT max(seq) FROM review_changes').pluck().get())
      raw.close()
      const db = openWorkspaceDatabase(path)
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(4)
        const rows = db
          .prepare(
            'SELECT conversation_id, leg_agent_id, author_email, failed_criteria FROM reviews ORDER BY id',
          )
          .raw()
          .all()
        expect(rows).toEqual([
          ['c-three-legs', BOB.id, PRIYA.email, '["greeting"]'],
          ['c-three-legs', BOB.id, RAJ.email, '["verification"]'],
          ['c-three-legs', ALICE.id, RAJ.email, '[]'],
          ['c-second', ALICE.id, PRIYA.email, '["verification","accuracy"]'],
          ['c-second', BOB.id, RAJ.email, '["greeting"]'],
          ['c-elsewhere', CAROL.id, PRIYA.email, '["closing"]'],
          ['c-later', ALICE.id, PRIYA.email, '[]'],
        ])
        // The archive's copy of the facts reads them again: each review given one is logged.
        const changed = db
          .prepare('SELECT count(*) FROM review_changes WHERE seq > ?')
          .pluck()
          .get(before)
        expect(changed).toBe(5)
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('on demo data with reviews', () => {
  const NOW = Date.UTC(2026, 3, 30)
  let demo: TestApi

  beforeAll(async () => {
    const records = generateDemoConversations({ count: 300, now: NOW })
    demo = await startTestApi({ records, workspace: {} })
    const client = reviewClient(sessionClient(demo.url))
    const card = await defaultScorecardId(sessionClient(demo.url))
    const scale = ['1', '2', '3', '4', '5']
    let i = 0
    let seen = 0
    for (const record of records) {
      const info = record.info as { conversationId: string; startTimeL: number }
      const agents = (record.agentParticipants ?? []) as { agentId: string; role?: string }[]
      const leg = agents.find((a) => a.role === 'AGENT' || a.role === 'ASSIGNED_AGENT')
      if (!leg || info.startTimeL < NOW - 40 * DAY || i >= 70) continue
      // One in three, so the reviews spread over the whole window.
      if (seen++ % 3 !== 0) continue
      const draft = await client.create(info.conversationId, leg.agentId, card)
      const answers = {
        ...PERFECT,
        greeting: scale[i % 5] ?? '5',
        accuracy: scale[(i * 3) % 5] ?? '5',
        ...(i % 4 === 0 ? { verification: 'no' } : {}),
        ...(i % 6 === 0 ? { verification: 'na' } : {}),
      }
      const saved = await client.save(draft, { answers })
      expect(saved.status, saved.text).toBe(200)
      if (i % 5 !== 4) await client.submit(saved.json as Review)
      i++
    }
    expect(i).toBe(70)
  })
  afterAll(async () => {
    await demo.stop()
  })

  it('every mark matches its list, weekly over 40 days and daily over 10, with filters', async () => {
    const saved = api
    api = demo
    try {
      for (const search of [
        { start: { from: NOW - 40 * DAY, to: NOW } },
        { start: { from: NOW - 10 * DAY, to: NOW } },
        { start: { from: NOW - 40 * DAY, to: NOW }, status: ['CLOSE'], review: { minScore: 40 } },
      ]) {
        const found = await qa(undefined, search, 'Europe/Berlin')
        expect(found.reviews).toBeGreaterThan(0)
        expect(found.failing.criteria.length).toBeGreaterThan(0)
        await expectEveryMarkMatchesItsList(undefined, search, found)
      }
    } finally {
      api = saved
    }
  })
})
