/**
 * Exporting reviews (issue 13): the CSV (one row per review, a column per criterion, the
 * score, the evidence's message IDs and the deep link; safe to open in a spreadsheet) and the
 * JSON export, which imports into another install without loss: exported again from there it
 * is the same document. An import never overwrites: a review already there at another
 * revision is a conflict, reported.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  reviewsExportSchema,
  type Review,
  type ReviewsExport,
  type ScorecardDefinitionInput,
} from '@/domain/schema/reviews'
import { ALL_REVIEWS } from '@/server/reviews/review-store'
import { REVIEW_CSV_COLUMNS } from '@/server/reviews/review-csv'
import { openWorkspace } from '@/server/workspace/workspace'
import { pick, startTestApi, type TestApi } from './api-harness'
import { buildRecord } from './record-factory'
import {
  ADMIN,
  BOB,
  BOB_USER,
  PERFECT,
  PRIYA,
  RECORDS,
  T0,
  defaultScorecardId,
  messageId,
  reviewClient,
} from './reviews-harness'
import { sessionClient } from './session-client'

/** An agent whose name a spreadsheet would run as a formula. */
const HOSTILE = buildRecord({
  id: 'c-hostile',
  start: T0 + 5 * 3_600_000,
  end: T0 + 5 * 3_600_000 + 60_000,
  agents: [{ id: 'a-eve', name: '=HYPERLINK("http://evil.example","x")', groupId: 100 }],
})

let api: TestApi
let priya: ReturnType<typeof reviewClient>
let session: ReturnType<typeof sessionClient>
let submitted: Review
let draft: Review
const dir = mkdtempSync(join(tmpdir(), 'cv-reviews-export-'))

const SMALL: ScorecardDefinitionInput = {
  name: 'Chat basics',
  sections: [
    {
      id: 'all',
      name: 'All',
      criteria: [{ id: 'polite', name: 'Polite', scale: { kind: 'yes-no' } }],
    },
  ],
}

beforeAll(async () => {
  api = await startTestApi({
    records: [...RECORDS, HOSTILE],
    workspace: { users: [ADMIN, PRIYA, BOB_USER] },
  })
  const signIn = async (user: { email: string; password: string }) => {
    const session = sessionClient(api.url)
    expect((await session.signIn(user.email, user.password)).status).toBe(200)
    return { session, client: reviewClient(session) }
  }
  const p = await signIn(PRIYA)
  priya = p.client
  session = p.session
  const admin = await signIn(ADMIN)
  const bob = await signIn(BOB_USER)
  const scorecardId = await defaultScorecardId(p.session)

  // A submitted review with evidence, edited, disputed (accepted) and acknowledged.
  let review = await priya.create('c-three-legs', BOB.id, scorecardId)
  review = (
    await priya.save(review, {
      answers: { ...PERFECT, closing: 'na', greeting: '3' },
      notes: { greeting: 'Slow to start' },
      evidence: [
        {
          id: 'e-1',
          criterionId: 'greeting',
          quotes: [{ messageId: messageId('c-three-legs', 1), text: 'Let me get you', by: 'Bot' }],
          comment: 'The hand-over',
        },
        {
          id: 'e-2',
          criterionId: null,
          quotes: [
            { messageId: messageId('c-three-legs', 3), text: 'I will correct it', by: 'Bob' },
            { messageId: messageId('c-three-legs', 1), text: 'Let me get you', by: 'Bot' },
          ],
          comment: '',
        },
      ],
    })
  ).json as Review
  review = await priya.submit(review)
  review = (await priya.save(review, { comment: 'Good work overall' })).json as Review
  review = await bob.client.review(`/api/reviews/${review.id}/disputes`, {
    json: { revision: review.revision, criterionId: 'greeting', reason: 'The bot was slow' },
  })
  const dispute = review.disputes[0]
  review = await priya.review(`/api/reviews/${review.id}/disputes/${dispute?.id ?? ''}`, {
    json: { revision: review.revision, decision: 'accept', note: 'Agreed', answer: '4' },
  })
  submitted = await bob.client.review(`/api/reviews/${review.id}/acknowledge`, {
    json: { revision: review.revision },
  })

  // A draft on a scorecard that has moved on to a second version since.
  const card = (await admin.client.call('/api/scorecards', { json: SMALL })).json as { id: number }
  draft = await priya.create('c-hostile', 'a-eve', card.id)
  draft = (await priya.save(draft, { answers: { polite: 'no' } })).json as Review
  const v2 = { ...SMALL, name: 'Chat basics v2' }
  expect(
    (
      await admin.client.call(`/api/scorecards/${String(card.id)}`, {
        method: 'PUT',
        json: { version: 1, definition: v2 },
      })
    ).status,
  ).toBe(200)
})
afterAll(async () => {
  await api.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** RFC 4180, enough for the test: quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

describe('the CSV', () => {
  it('has a row per review, a column per criterion, the score, evidence IDs and the link', async () => {
    const res = await priya.call('/api/reviews.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="reviews.csv"')
    // A byte-order mark first, so a spreadsheet reads UTF-8 (fetch's text() drops it).
    const bytes = Buffer.from(await (await session.request('/api/reviews.csv')).arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header = [], ...rows] = parseCsv(res.text)
    expect(header.slice(0, REVIEW_CSV_COLUMNS.length)).toEqual([...REVIEW_CSV_COLUMNS])
    expect(header).toContain('LivePerson messaging: Greeting')
    expect(header).toContain('LivePerson messaging: Empathy and tone')
    expect(header).toContain('Chat basics: Polite')
    expect(header.slice(-2)).toEqual(['evidence message ids', 'link'])
    expect(rows).toHaveLength(2)
    const cell = (row: string[] | undefined, name: string) => row?.[header.indexOf(name)]

    const mine = rows.find((row) => row[0] === submitted.id)
    expect(cell(mine, 'conversation id')).toBe('c-three-legs')
    expect(cell(mine, 'leg agent id')).toBe(BOB.id)
    expect(cell(mine, 'agent name')).toBe(BOB.name)
    expect(cell(mine, 'reviewer email')).toBe(PRIYA.email)
    expect(cell(mine, 'scorecard')).toBe('LivePerson messaging')
    expect(cell(mine, 'state')).toBe('submitted')
    expect(cell(mine, 'score')).toBe(String(submitted.score.percent))
    expect(cell(mine, 'critical failed')).toBe('no')
    expect(cell(mine, 'open disputes')).toBe('0')
    expect(cell(mine, 'acknowledged')).toBe(new Date(submitted.acknowledged?.at ?? 0).toISOString())
    expect(cell(mine, 'LivePerson messaging: Greeting')).toBe('4')
    expect(cell(mine, 'LivePerson messaging: Verification')).toBe('Yes')
    expect(cell(mine, 'LivePerson messaging: Resolution')).toBe('Resolved')
    expect(cell(mine, 'LivePerson messaging: Closing')).toBe('N/A')
    expect(cell(mine, 'Chat basics: Polite')).toBe('')
    expect(cell(mine, 'evidence message ids')).toBe(
      `${messageId('c-three-legs', 1)};${messageId('c-three-legs', 3)}`,
    )
    expect(cell(mine, 'link')).toBe(`${api.url}/conversations/c-three-legs?review=${submitted.id}`)

    const other = rows.find((row) => row[0] === draft.id)
    expect(cell(other, 'Chat basics: Polite')).toBe('No')
    expect(cell(other, 'score')).toBe('0')
    // A name that starts like a formula stays text.
    expect(cell(other, 'agent name')).toBe(`'=HYPERLINK("http://evil.example","x")`)

    const filtered = parseCsv((await priya.call('/api/reviews.csv?state=draft')).text)
    expect(filtered.slice(1).map((row) => row[0])).toEqual([draft.id])
    const audit = await (await sessionClientFor(ADMIN)).call('/api/audit?action=export')
    expect(pick(audit.json, 'entries', '0', 'detail')).toEqual({ format: 'csv', rows: 1 })
  })
})

async function sessionClientFor(user: { email: string; password: string }) {
  const session = sessionClient(api.url)
  await session.signIn(user.email, user.password)
  return reviewClient(session)
}

describe('the JSON export', () => {
  let exported: ReviewsExport

  it('holds every review with its history, and the scorecard versions', async () => {
    const res = await priya.call('/api/reviews.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    exported = reviewsExportSchema.parse(res.json)
    expect(exported.reviews.map((r) => r.id).sort()).toEqual([submitted.id, draft.id].sort())
    const mine = exported.reviews.find((r) => r.id === submitted.id)
    expect(mine?.history.map((h) => h.action)).toEqual([
      'created',
      'submitted',
      'edited',
      'disputed',
      'dispute-accepted',
      'acknowledged',
    ])
    expect(mine?.evidence).toEqual(submitted.evidence)
    expect(mine?.scope?.agentGroupIds).toEqual(expect.arrayContaining(['100', '200']))
    const small = exported.scorecards.find((c) =>
      c.versions.some((v) => v.definition.name === 'Chat basics'),
    )
    expect(small?.versions.map((v) => v.version)).toEqual([1, 2])
  })

  it('imports into a fresh install and exports from there as the same document', () => {
    const other = openWorkspace(join(dir, 'other.db'))
    try {
      const result = other.reviews.importExport(exported, 'test@example.com')
      expect(result).toEqual({
        scorecardsCreated: 2,
        versionsCreated: 3,
        reviewsImported: 2,
        reviewsUnchanged: 0,
        conflicts: [],
      })
      const again = other.reviews.allForExport({}, ALL_REVIEWS)
      expect({ ...again, exportedAt: 0 }).toEqual({ ...exported, exportedAt: 0 })
      // The supervisor of group 100 sees them there too (the scope came along).
      const seen = other.reviews.list(
        {
          sort: 'updated',
          order: 'desc',
          offset: 0,
          limit: 50,
        },
        { kind: 'scope', agentIds: [], agentGroupIds: ['100'], skillIds: [] },
      )
      expect(seen.total).toBe(2)

      // A second import changes nothing.
      expect(other.reviews.importExport(exported, 'test@example.com')).toMatchObject({
        scorecardsCreated: 0,
        versionsCreated: 0,
        reviewsImported: 0,
        reviewsUnchanged: 2,
        conflicts: [],
      })
      // A review here at another revision is reported, never overwritten.
      const changed = structuredClone(exported)
      const first = changed.reviews[0]
      if (!first) throw new Error('no review')
      first.revision += 5
      first.comment = 'overwritten?'
      const conflicted = other.reviews.importExport(changed, 'test@example.com')
      expect(conflicted.conflicts).toEqual([
        expect.objectContaining({ kind: 'review', id: first.id }),
      ])
      const kept = other.reviews.get(first.id, ALL_REVIEWS)
      expect(kept?.comment).not.toBe('overwritten?')
      const audit = other.audit.query({ action: 'reviews-imported', offset: 0, limit: 10 })
      expect(audit.count).toBe(3)
    } finally {
      other.close()
    }
  })

  it('an import that fails part-way imports nothing', () => {
    const other = openWorkspace(join(dir, 'broken.db'))
    try {
      const bad = structuredClone(exported)
      const last = bad.reviews.at(-1)
      if (!last) throw new Error('no review')
      // A file edited by hand into something the database refuses (after the scorecards and
      // the first review went in): all of it is rolled back.
      last.leg = { ...last.leg, role: 'robot' as 'bot' }
      expect(() => other.reviews.importExport(bad, 'x')).toThrow()
      expect(other.reviews.allForExport({}, ALL_REVIEWS).reviews).toEqual([])
      expect(other.scorecards.list()).toHaveLength(1)
    } finally {
      other.close()
    }
  })
})
