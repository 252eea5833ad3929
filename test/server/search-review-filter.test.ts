/**
 * The search's review filter (issue 13, our extension of LivePerson's search) over real HTTP on a
 * real archive with the workspace attached: each filter alone and with the other filters, the
 * count and paging, the statuses, what an agent's filter may see, bad input, proxy mode and an
 * archive without a workspace. Reviews are written straight into the workspace tables.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchBodySchema } from '@/domain/schema/search-request'
import { openArchive } from '@/server/archive/archive'
import { importFile } from '@/server/archive/import'
import { generateDemoConversations } from '@/server/demo/generate'
import { openWorkspace } from '@/server/workspace/workspace'
import type { NewUser } from '@/domain/schema/auth'
import { ACCOUNT, idsOf, pick, startTestApi, type ApiAnswer, type TestApi } from './api-harness'
import { FIXTURE_RECORDS, HOUR, MINUTE, T0, WIDE, DAY } from './fixtures'
import { startProxiedApi } from './proxied-api'
import type { FakeUpstream } from './fake-upstream'
import { buildRecord } from './record-factory'
import { insertReviews, insertScorecard, type ReviewRow } from './review-rows'
import { sessionClient, type SessionClient } from './session-client'

const alice = { id: 'a-alice', name: 'Alice Agent', groupId: 100, groupName: 'Tier 1' }
const carol = { id: 'a-carol', name: 'Carol Agent', groupId: 400, groupName: 'Tier 3' }

/** One conversation with no review at all (the fixtures' others all have one). */
const QUIET = buildRecord({
  id: 'c-quiet',
  start: T0 + 6 * HOUR,
  end: T0 + 6 * HOUR + MINUTE,
  latestSkill: { id: 20, name: 'Sales' },
  agents: [alice],
  messages: [{ text: 'just browsing' }],
})
/** 90 conversations `q-000` … `q-089` ten days after the fixtures, one minute apart. */
const QUEUE_START = T0 + 10 * DAY
const QUEUE = Array.from({ length: 90 }, (_, i) =>
  buildRecord({
    id: `q-${String(i).padStart(3, '0')}`,
    start: QUEUE_START + i * MINUTE,
    end: QUEUE_START + i * MINUTE + 30_000,
    agents: [carol],
  }),
)
const QUEUE_WINDOW = { from: QUEUE_START, to: QUEUE_START + 90 * MINUTE }

const PRIYA = 'priya@example.com'
const SAM = 'sam@example.com'

/**
 * The reviews, by conversation (scorecard A "Messaging", B "Sales"):
 * - c-refund: Alice's leg submitted 85 (A, Priya); the bot's leg a draft (A, Sam) and submitted
 *   30 (B, Priya);
 * - c-html: Bob's leg a draft scored 70 so far (B, Sam);
 * - c-parcel: Bob's leg submitted 40 (B, Sam, written Sam@Example.com), one open dispute;
 * - c-old: Alice's leg submitted 95 (A, Priya);
 * - c-other: Alice's leg a draft (A, Sam);
 * - c-quiet: none;
 * - q-i: every third (i % 3 = 0) submitted with score i, the next a draft, the next none.
 */
function reviewRows(a: number, b: number): ReviewRow[] {
  const rows: ReviewRow[] = [
    row('c-refund', 'a-alice', a, PRIYA, 'submitted', 85),
    { ...row('c-refund', 'a-bot', a, SAM, 'draft'), legRole: 'bot' },
    { ...row('c-refund', 'a-bot', b, PRIYA, 'submitted', 30), legRole: 'bot' },
    row('c-html', 'a-bob', b, SAM, 'draft', 70),
    { ...row('c-parcel', 'a-bob', b, 'Sam@Example.com', 'submitted', 40), openDisputes: 1 },
    row('c-old', 'a-alice', a, PRIYA, 'submitted', 95),
    row('c-other', 'a-alice', a, SAM, 'draft'),
  ]
  for (let i = 0; i < QUEUE.length; i++) {
    const id = `q-${String(i).padStart(3, '0')}`
    if (i % 3 === 0) rows.push(row(id, 'a-carol', a, 'quinn@example.com', 'submitted', i))
    if (i % 3 === 1) rows.push(row(id, 'a-carol', a, 'quinn@example.com', 'draft'))
  }
  return rows
}
function row(
  conversationId: string,
  legAgentId: string,
  scorecardId: number,
  authorEmail: string,
  state: 'draft' | 'submitted',
  percent?: number,
): ReviewRow {
  return { conversationId, legAgentId, scorecardId, authorEmail, state, percent }
}

const RECORDS = [...FIXTURE_RECORDS, QUIET, ...QUEUE]

/** Local mode (no accounts): the local user sees every review. */
let api: TestApi
let cardA = 0
let cardB = 0

beforeAll(async () => {
  api = await startTestApi({ records: RECORDS, workspace: {} })
  const db = api.workspace?.db
  if (!db) throw new Error('no workspace')
  cardA = insertScorecard(db, 'Messaging')
  cardB = insertScorecard(db, 'Sales')
  insertReviews(db, reviewRows(cardA, cardB))
})
afterAll(async () => {
  await api.stop()
})

/** The IDs a search finds (sorted), after checking that the count says as many. */
async function matching(
  review: Record<string, unknown> | undefined,
  filters: Record<string, unknown> = {},
): Promise<string[]> {
  const answer = await api.search({ start: WIDE, ...filters, review }, { limit: '100' })
  expect(answer.status, answer.text).toBe(200)
  const ids = idsOf(answer.json)
  expect(pick(answer.json, '_metadata', 'count')).toBe(ids.length)
  return ids.sort()
}

function expectBadRequest(answer: ApiAnswer, field: string) {
  expect(answer.status, answer.text).toBe(400)
  expect(pick(answer.json, 'error', 'field')).toBe(field)
  expect(String(pick(answer.json, 'error', 'message'))).toMatch(/\S/)
}

describe('review status', () => {
  it('reviewed: a submitted review; draft: a draft and no submitted one; none: no review', async () => {
    expect(await matching({ status: ['reviewed'] })).toEqual(['c-old', 'c-parcel', 'c-refund'])
    // c-refund has a draft too, but it is reviewed.
    expect(await matching({ status: ['draft'] })).toEqual(['c-html', 'c-other'])
    expect(await matching({ status: ['none'] })).toEqual(['c-quiet'])
  })

  it('several statuses are any of them; all three are every conversation', async () => {
    expect(await matching({ status: ['none', 'draft'] })).toEqual(['c-html', 'c-other', 'c-quiet'])
    expect(await matching({ status: ['reviewed', 'none'] })).toEqual([
      'c-old',
      'c-parcel',
      'c-quiet',
      'c-refund',
    ])
    expect(await matching({ status: ['none', 'draft', 'reviewed'] })).toEqual(
      await matching(undefined),
    )
  })

  it('an empty review filter filters nothing', async () => {
    expect(await matching({})).toEqual(await matching(undefined))
    expect(await matching({ status: [], reviewer: [], scorecard: [] })).toEqual(
      await matching(undefined),
    )
  })
})

describe('score, reviewer, scorecard and disputes', () => {
  it('a score range matches submitted reviews only, bounds included', async () => {
    expect(await matching({ minScore: 80 })).toEqual(['c-old', 'c-refund'])
    // c-html's draft is at 70 so far: a draft has no score yet.
    expect(await matching({ maxScore: 75 })).toEqual(['c-parcel', 'c-refund'])
    expect(await matching({ minScore: 30, maxScore: 40 })).toEqual(['c-parcel', 'c-refund'])
    expect(await matching({ minScore: '94.5', maxScore: 95 })).toEqual(['c-old'])
    expect(await matching({ minScore: 96 })).toEqual([])
  })

  it('reviewer is the author, in any case, with drafts and submitted reviews', async () => {
    expect(await matching({ reviewer: [PRIYA] })).toEqual(['c-old', 'c-refund'])
    expect(await matching({ reviewer: ['PRIYA@example.COM'] })).toEqual(['c-old', 'c-refund'])
    expect(await matching({ reviewer: [SAM] })).toEqual([
      'c-html',
      'c-other',
      'c-parcel',
      'c-refund',
    ])
    expect(await matching({ reviewer: [SAM, PRIYA] })).toEqual([
      'c-html',
      'c-old',
      'c-other',
      'c-parcel',
      'c-refund',
    ])
    expect(await matching({ reviewer: ['nobody@example.com'] })).toEqual([])
  })

  it('scorecard and disputed', async () => {
    expect(await matching({ scorecard: [cardB] })).toEqual(['c-html', 'c-parcel', 'c-refund'])
    expect(await matching({ scorecard: [cardA, cardB] })).toEqual(
      await matching({ status: ['reviewed', 'draft'] }),
    )
    expect(await matching({ disputed: true })).toEqual(['c-parcel'])
    // A review without open disputes: every reviewed or drafted fixture but c-parcel.
    expect(await matching({ disputed: false })).toEqual(['c-html', 'c-old', 'c-other', 'c-refund'])
  })

  it('the conditions hold for one and the same review', async () => {
    // c-refund has a Messaging review (85) and a review at 30 (Sales), but no Messaging one ≤ 50.
    expect(await matching({ scorecard: [cardA], maxScore: 50 })).toEqual([])
    expect(await matching({ scorecard: [cardB], maxScore: 50 })).toEqual(['c-parcel', 'c-refund'])
    // Sam's review of c-refund is a draft; Priya's submitted one does not make Sam's count.
    expect(await matching({ status: ['reviewed'], reviewer: [SAM] })).toEqual(['c-parcel'])
    expect(await matching({ status: ['draft'], reviewer: [SAM] })).toEqual(['c-html', 'c-other'])
    expect(await matching({ status: ['reviewed'], minScore: 90 })).toEqual(['c-old'])
    expect(await matching({ reviewer: [PRIYA], disputed: true })).toEqual([])
    expect(await matching({ reviewer: [SAM], disputed: true, minScore: 40 })).toEqual(['c-parcel'])
  })

  it('conditions on a review match no conversation without one', async () => {
    expect(await matching({ status: ['none'], reviewer: [PRIYA] })).toEqual([])
    expect(await matching({ status: ['none', 'reviewed'], minScore: 90 })).toEqual(['c-old'])
    expect(await matching({ status: ['draft'], minScore: 0 })).toEqual([])
  })
})

describe('with every other filter', () => {
  it('a date window, an end window, agents, skills, groups and status', async () => {
    const firstHours = { from: T0, to: T0 + 3 * HOUR }
    expect(await matching({ status: ['reviewed'] }, { start: firstHours })).toEqual([
      'c-parcel',
      'c-refund',
    ])
    expect(
      await matching({ status: ['reviewed'] }, { end: { from: T0, to: T0 + 2 * HOUR } }),
    ).toEqual(['c-refund'])
    expect(await matching({ status: ['reviewed'] }, { agentIds: ['a-alice'] })).toEqual([
      'c-old',
      'c-refund',
    ])
    expect(await matching({ status: ['none'] }, { latestAgentIds: ['a-alice'] })).toEqual([
      'c-quiet',
    ])
    expect(await matching({ status: ['draft'] }, { skillIds: ['20'] })).toEqual([
      'c-html',
      'c-other',
    ])
    expect(await matching({ reviewer: [SAM] }, { agentGroupIds: ['200'] })).toEqual([
      'c-html',
      'c-parcel',
    ])
    expect(await matching({ status: ['draft'] }, { status: ['OPEN'] })).toEqual(['c-html'])
  })

  it('keyword, summary, scores, channel and SDEs', async () => {
    expect(await matching({ status: ['reviewed'] }, { keyword: 'refund' })).toEqual([
      'c-old',
      'c-refund',
    ])
    expect(await matching({ status: ['draft'] }, { keyword: 'refund' })).toEqual(['c-other'])
    expect(await matching({ disputed: true }, { summary: 'parcel' })).toEqual(['c-parcel'])
    expect(await matching({ minScore: 50 }, { mcs: { from: 85, to: 100 } })).toEqual(['c-old'])
    expect(await matching({ status: ['reviewed'] }, { source: ['APP'] })).toEqual([
      'c-old',
      'c-refund',
    ])
    expect(
      await matching({ status: ['reviewed'] }, { sdeSearch: { personalInfo: 'John' } }),
    ).toEqual(['c-refund'])
  })

  it('pages and counts: every page tells the same count, the pages make up the whole', async () => {
    const expected = Array.from({ length: 30 }, (_, i) => `q-${String(i * 3).padStart(3, '0')}`)
    for (const sort of ['start:desc', 'start:asc'] as const) {
      const seen: string[] = []
      for (let offset = 0; offset < 40; offset += 10) {
        const answer = await api.search(
          { start: QUEUE_WINDOW, review: { status: ['reviewed'] } },
          { offset: String(offset), limit: '10', sort },
        )
        expect(answer.status, answer.text).toBe(200)
        expect(pick(answer.json, '_metadata', 'count')).toBe(30)
        seen.push(...idsOf(answer.json))
      }
      expect(seen).toEqual(sort === 'start:asc' ? expected : [...expected].reverse())
    }
    const scored = await api.search(
      { start: QUEUE_WINDOW, review: { minScore: 30, maxScore: 59 } },
      { limit: '5', sort: 'start:asc' },
    )
    // q-030 … q-057, every third: 10 reviews.
    expect(pick(scored.json, '_metadata', 'count')).toBe(10)
    expect(idsOf(scored.json)).toEqual(['q-030', 'q-033', 'q-036', 'q-039', 'q-042'])
    expect(pick(scored.json, '_metadata', 'next', 'href')).toContain('offset=5')
    // "Not reviewed" alone is counted apart from its page (most of a window matches it).
    const unreviewed = Array.from(
      { length: 30 },
      (_, i) => `q-${String(i * 3 + 2).padStart(3, '0')}`,
    )
    for (const [offset, sort, expectedPage] of [
      [0, 'start:desc', [...unreviewed].reverse().slice(0, 10)],
      [20, 'start:desc', [...unreviewed].reverse().slice(20, 30)],
      [10, 'start:asc', unreviewed.slice(10, 20)],
      [30, 'start:asc', []],
    ] as const) {
      const none = await api.search(
        { start: QUEUE_WINDOW, review: { status: ['none'] } },
        { offset: String(offset), limit: '10', sort },
      )
      expect(pick(none.json, '_metadata', 'count')).toBe(30)
      expect(idsOf(none.json)).toEqual(expectedPage)
    }
  })

  it('sees a review written after the server started, and a deleted one no more', async () => {
    const db = api.workspace?.db
    if (!db) throw new Error('no workspace')
    expect(await matching({ status: ['none'] })).toEqual(['c-quiet'])
    const [id] = insertReviews(db, [row('c-quiet', 'a-alice', cardA, SAM, 'draft')])
    expect(await matching({ status: ['none'] })).toEqual([])
    db.prepare('DELETE FROM reviews WHERE id = ?').run(id)
    expect(await matching({ status: ['none'] })).toEqual(['c-quiet'])
  })
})

describe('bad input names the field', () => {
  const cases: [unknown, string][] = [
    [{ minScore: 'high' }, 'review.minScore'],
    [{ minScore: 101 }, 'review.minScore'],
    [{ maxScore: -1 }, 'review.maxScore'],
    [{ minScore: 80, maxScore: 20 }, 'review.minScore'],
    [{ status: ['bogus'] }, 'review.status[0]'],
    [{ status: 'reviewed' }, 'review.status'],
    [{ reviewer: [''] }, 'review.reviewer[0]'],
    [{ reviewer: 'sam@example.com' }, 'review.reviewer'],
    [{ scorecard: ['one'] }, 'review.scorecard[0]'],
    [{ scorecard: [0] }, 'review.scorecard[0]'],
    [{ disputed: 'yes' }, 'review.disputed'],
    [{ score: 5 }, 'review.score'],
    ['reviewed', 'review'],
  ]
  it.each(cases)('%j → 400 %s', async (review, field) => {
    expectBadRequest(await api.search({ start: WIDE, review }), field)
  })
})

describe('what an agent may see', () => {
  const user = (email: string, role: NewUser['role'], extra: Partial<NewUser> = {}): NewUser => ({
    email,
    role,
    password: `${role} password 1`,
    agentGroups: [],
    skills: [],
    ...extra,
  })
  const USERS = {
    alice: user('alice@example.com', 'agent', { agentId: 'a-alice' }),
    bob: user('bob@example.com', 'agent', { agentId: 'a-bob' }),
    supervisor: user('sue@example.com', 'supervisor', { agentGroups: ['100'] }),
    reviewer: user('rita@example.com', 'reviewer'),
  }
  let signedIn: TestApi
  let sales = 0
  const clients = new Map<string, SessionClient>()

  beforeAll(async () => {
    signedIn = await startTestApi({ records: RECORDS, workspace: { users: Object.values(USERS) } })
    const db = signedIn.workspace?.db
    if (!db) throw new Error('no workspace')
    const a = insertScorecard(db, 'Messaging')
    sales = insertScorecard(db, 'Sales')
    insertReviews(db, reviewRows(a, sales))
    for (const [name, account] of Object.entries(USERS)) {
      const client = sessionClient(signedIn.url)
      const res = await client.signIn(account.email, account.password ?? '')
      expect(res.status).toBe(200)
      clients.set(name, client)
    }
  })
  afterAll(async () => {
    await signedIn.stop()
  })

  async function matchingAs(name: keyof typeof USERS, review: unknown): Promise<string[]> {
    const client = clients.get(name)
    if (!client) throw new Error(name)
    const res = await client.request(
      `/messaging_history/api/account/${ACCOUNT}/conversations/search?limit=100`,
      { json: { start: WIDE, review } },
    )
    const json: unknown = await res.json()
    expect(res.status, JSON.stringify(json)).toBe(200)
    const ids = idsOf(json)
    expect(pick(json, '_metadata', 'count')).toBe(ids.length)
    return ids.sort()
  }

  it("an agent's filter sees only submitted reviews of their own legs", async () => {
    // Alice reads c-refund, c-old, c-other, c-quiet (hers); reviewed: her legs of c-refund, c-old.
    expect(await matchingAs('alice', { status: ['reviewed'] })).toEqual(['c-old', 'c-refund'])
    // The bot leg's draft of c-refund and her own leg's draft of c-other stay unseen.
    expect(await matchingAs('alice', { status: ['draft'] })).toEqual([])
    expect(await matchingAs('alice', { status: ['none'] })).toEqual(['c-other', 'c-quiet'])
    // c-refund's bot leg was scored 30: not Alice's review, so not a match for her.
    expect(await matchingAs('alice', { maxScore: 50 })).toEqual([])
    expect(await matchingAs('alice', { reviewer: [SAM] })).toEqual([])
    expect(await matchingAs('alice', { scorecard: [sales] })).toEqual([])
    expect(await matchingAs('alice', { minScore: 90 })).toEqual(['c-old'])
  })

  it("another agent's filter finds only their own reviews, within their conversations", async () => {
    expect(await matchingAs('bob', { status: ['reviewed'] })).toEqual(['c-parcel'])
    // c-html's draft is not Bob's to see: to him it is not reviewed.
    expect(await matchingAs('bob', { status: ['none'] })).toEqual(['c-html'])
    expect(await matchingAs('bob', { disputed: true })).toEqual(['c-parcel'])
    expect(await matchingAs('bob', { reviewer: [PRIYA] })).toEqual([])
  })

  it('a supervisor and a reviewer see every review, drafts too, of what they may read', async () => {
    // Group 100 is Alice's: c-refund, c-old, c-other, c-quiet.
    expect(await matchingAs('supervisor', { status: ['draft'] })).toEqual(['c-other'])
    expect(await matchingAs('supervisor', { maxScore: 50 })).toEqual(['c-refund'])
    expect(await matchingAs('supervisor', { reviewer: [SAM] })).toEqual(['c-other', 'c-refund'])
    expect(await matchingAs('reviewer', { status: ['draft'] })).toEqual(['c-html', 'c-other'])
    expect(await matchingAs('reviewer', { maxScore: 50 })).toEqual(['c-parcel', 'c-refund'])
  })
})

describe('an archive with the workspace attached', () => {
  it('imports in bulk and refreshes its statistics without touching the workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-review-attach-'))
    const archive = openArchive(join(dir, 'archive.db'))
    const workspace = openWorkspace(join(dir, 'workspace.db'))
    try {
      archive.attachWorkspace(workspace.path)
      const records = generateDemoConversations({ count: 300, now: T0 })
      const file = join(dir, 'demo.ndjson')
      writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n'))
      // Streamed, in bulk mode (the archive alone), then ANALYZE and a checkpoint.
      const outcome = await importFile(archive, file, { wholeFileLimit: 0 })
      expect(outcome.ok).toBe(true)
      expect(archive.conversationCount()).toBe(300)
      expect(workspace.db.pragma('journal_mode', { simple: true })).toBe('wal')
      const window = { from: T0 - 30 * DAY, to: T0 + DAY }
      const ids = records
        .filter((record) => Number(pick(record, 'info', 'startTimeL')) >= window.from)
        .slice(0, 3)
        .map((record) => String(pick(record, 'info', 'conversationId')))
      expect(ids).toHaveLength(3)
      const card = insertScorecard(workspace.db, 'Messaging')
      insertReviews(
        workspace.db,
        ids.map((id) => row(id, 'agent', card, SAM, 'submitted', 90)),
      )
      const found = archive.search(
        searchBodySchema.parse({ start: window, review: { minScore: 90 } }),
        { offset: 0, limit: 10, sortField: 'start', sortOrder: 'desc' },
        [],
      )
      expect(found.count).toBe(3)
      // The workspace gained no statistics table from the archive's ANALYZE.
      const stat = workspace.db
        .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        .pluck()
        .get()
      expect(stat).toBe(0)
    } finally {
      archive.close()
      workspace.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a missing workspace file rather than making an empty one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-review-attach-'))
    const archive = openArchive(join(dir, 'archive.db'))
    try {
      expect(() => archive.attachWorkspace(join(dir, 'nowhere.db'))).toThrow(/No workspace/)
      expect(archive.reviewsAttached()).toBe(false)
      expect(existsSync(join(dir, 'nowhere.db'))).toBe(false)
    } finally {
      archive.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('where review filters cannot be answered', () => {
  it('an archive without the workspace answers 400 naming review', async () => {
    const bare = await startTestApi({ records: FIXTURE_RECORDS })
    try {
      const answer = await bare.search({ start: WIDE, review: { status: ['reviewed'] } })
      expectBadRequest(answer, 'review')
      expect(String(pick(answer.json, 'error', 'message'))).toMatch(/workspace/)
      // Without review conditions the search is as before.
      const plain = await bare.search({ start: WIDE, review: {} })
      expect(plain.status).toBe(200)
      expect(idsOf(plain.json)).toHaveLength(FIXTURE_RECORDS.length)
    } finally {
      await bare.stop()
    }
  })

  describe('proxy mode', () => {
    let fake: FakeUpstream
    let proxied: TestApi
    beforeAll(async () => {
      ;({ fake, api: proxied } = await startProxiedApi({
        accountId: ACCOUNT,
        bearerToken: 'test-bearer-token-1234567890',
        records: FIXTURE_RECORDS,
      }))
    })
    afterAll(async () => {
      await proxied.stop()
      await fake.close()
    })

    it('answers 400 naming review, and sends nothing to LivePerson', async () => {
      fake.requests.length = 0
      const answer = await proxied.search({ start: WIDE, review: { status: ['reviewed'] } })
      expectBadRequest(answer, 'review')
      expect(pick(answer.json, 'error', 'message')).toBe(
        "review filters need the archive: LivePerson's search does not know our reviews",
      )
      expect(fake.requests).toHaveLength(0)
    })

    it('still validates the filter first, and never forwards an empty one', async () => {
      expectBadRequest(
        await proxied.search({ start: WIDE, review: { minScore: 'x' } }),
        'review.minScore',
      )
      fake.requests.length = 0
      const answer = await proxied.search({ start: WIDE, review: {} })
      expect(answer.status, answer.text).toBe(200)
      const sent: unknown = JSON.parse(fake.requests[0]?.body ?? 'null')
      expect(sent).toEqual({ start: WIDE })
    })
  })
})
