/**
 * The archive's copy of the reviews' facts (review-facts.ts), which the search's review filter
 * reads: after any sequence of review saves, edits and deletions on the workspace's own
 * connection, imports on another connection (as the import worker) or on the archive's own,
 * and reviews of conversations that arrive in the archive only later, every review filter
 * counts and pages exactly as a model of the same data says, on real SQLite files. 700
 * conversations with 600 reviews, so the pages are read both ways: driven from the set of
 * reviewed conversations and walking the time window.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { searchBodySchema } from '@/domain/schema/search-request'
import { openArchive, type Archive } from '@/server/archive/archive'
import { importText } from '@/server/archive/import'
import { openWorkspace, type Workspace } from '@/server/workspace/workspace'
import { MINUTE, T0 } from './fixtures'
import { buildRecord } from './record-factory'
import { insertReviews, insertScorecard } from './review-rows'

const AUTHORS = ['priya@example.com', 'sam@example.com', 'quinn@example.com'] as const
const START_WINDOW = { from: T0 - 10 * MINUTE, to: T0 + 1000 * MINUTE }
const END_WINDOW = { from: T0, to: T0 + 300 * MINUTE }

interface ModelReview {
  conversationId: string
  state: 'draft' | 'submitted'
  percent: number | null
  author: string
}
interface ModelConversation {
  start: number
  end: number
}

/** Conversation `i` starts i minutes after T0 (all distinct, so the order is the model's too). */
const conversationId = (i: number) => `f-${String(i).padStart(4, '0')}`
const startOf = (i: number) => T0 + i * MINUTE

function record(i: number, endAfterMs: number) {
  return buildRecord({ id: conversationId(i), start: startOf(i), end: startOf(i) + endAfterMs })
}

let dir = ''
const opened: { close(): void }[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

interface World {
  server: Archive
  importer: Archive
  workspace: Workspace
  card: number
  reviews: Map<number, ModelReview>
  conversations: Map<string, ModelConversation>
}

function importInto(archive: Archive, records: readonly Record<string, unknown>[]) {
  const outcome = importText(archive, records.map((r) => JSON.stringify(r)).join('\n'), 'f.ndjson')
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'))
}

function openWorld(): World {
  dir = mkdtempSync(join(tmpdir(), 'cv-review-facts-'))
  const archivePath = join(dir, 'archive.db')
  const importer = openArchive(archivePath)
  opened.push(importer)
  const conversations = new Map<string, ModelConversation>()
  const records = Array.from({ length: 700 }, (_, i) => {
    conversations.set(conversationId(i), { start: startOf(i), end: startOf(i) + 30_000 })
    return record(i, 30_000)
  })
  importInto(importer, records)
  const workspace = openWorkspace(join(dir, 'workspace.db'))
  opened.push(workspace)
  const card = insertScorecard(workspace.db, 'Messaging')
  const rows = Array.from({ length: 600 }, (_, i) => ({
    conversationId: conversationId(i),
    legAgentId: 'agent',
    scorecardId: card,
    authorEmail: AUTHORS[i % 3] ?? 'priya@example.com',
    state: i % 7 === 0 ? ('draft' as const) : ('submitted' as const),
    percent: i % 7 === 0 ? null : i % 101,
  }))
  const ids = insertReviews(workspace.db, rows)
  const reviews = new Map<number, ModelReview>()
  ids.forEach((id, index) => {
    const row = rows[index]
    if (!row) return
    reviews.set(id, {
      conversationId: row.conversationId,
      state: row.state,
      percent: row.percent,
      author: row.authorEmail,
    })
  })
  // The server's connection, opened after the first import like a running server.
  const server = openArchive(archivePath)
  opened.push(server)
  server.attachWorkspace(workspace.path)
  return { server, importer, workspace, card, reviews, conversations }
}

type Filter = Record<string, unknown>
const FILTERS: { name: string; review: Filter; end?: boolean }[] = [
  { name: 'reviewed', review: { status: ['reviewed'] } },
  { name: 'not reviewed', review: { status: ['none'] } },
  { name: 'draft', review: { status: ['draft'] } },
  { name: 'score 50 and up', review: { minScore: 50 } },
  { name: 'one reviewer, any case', review: { reviewer: ['Sam@Example.com'] } },
  { name: 'reviewed, ended in a window', review: { status: ['reviewed'] }, end: true },
  { name: 'not reviewed, ended in a window', review: { status: ['none'] }, end: true },
]

/** What the model says a filter finds, in start order. */
function expected(world: World, filter: (typeof FILTERS)[number]): string[] {
  const byConversation = new Map<string, ModelReview[]>()
  for (const review of world.reviews.values()) {
    const list = byConversation.get(review.conversationId) ?? []
    list.push(review)
    byConversation.set(review.conversationId, list)
  }
  const review = filter.review
  return [...world.conversations.entries()]
    .filter(([, c]) => c.start >= START_WINDOW.from && c.start <= START_WINDOW.to)
    .filter(([, c]) => !filter.end || (c.end >= END_WINDOW.from && c.end <= END_WINDOW.to))
    .filter(([id]) => {
      const reviews = byConversation.get(id) ?? []
      const submitted = reviews.some((r) => r.state === 'submitted')
      const status = review.status as string[] | undefined
      if (status?.[0] === 'reviewed') return submitted
      if (status?.[0] === 'none') return reviews.length === 0
      if (status?.[0] === 'draft') return !submitted && reviews.some((r) => r.state === 'draft')
      if (review.minScore !== undefined) {
        return reviews.some(
          (r) =>
            r.state === 'submitted' && r.percent !== null && r.percent >= Number(review.minScore),
        )
      }
      return reviews.some((r) => r.author === 'sam@example.com')
    })
    .sort(([, a], [, b]) => a.start - b.start)
    .map(([id]) => id)
}

function expectSearchesAgree(world: World) {
  for (const filter of FILTERS) {
    const all = expected(world, filter)
    const body = searchBodySchema.parse({
      start: START_WINDOW,
      ...(filter.end ? { end: END_WINDOW } : {}),
      review: filter.review,
    })
    for (const [offset, order] of [
      [0, 'desc'],
      [0, 'asc'],
      [310, 'asc'],
    ] as const) {
      const found = world.server.search(
        body,
        { offset, limit: 20, sortField: 'start', sortOrder: order },
        ['info'],
      )
      const ids = found.records.map(
        (json) => (JSON.parse(json) as { info: { conversationId: string } }).info.conversationId,
      )
      const inOrder = order === 'asc' ? all : [...all].reverse()
      expect({ filter: filter.name, offset, order, count: found.count, ids }).toEqual({
        filter: filter.name,
        offset,
        order,
        count: all.length,
        ids: inOrder.slice(offset, offset + 20),
      })
    }
  }
}

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('review' as const),
    conversation: fc.integer({ min: 0, max: 759 }),
    state: fc.constantFrom('draft' as const, 'submitted' as const),
    percent: fc.integer({ min: 0, max: 100 }),
    author: fc.constantFrom(...AUTHORS),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    state: fc.constantFrom('draft' as const, 'submitted' as const),
    percent: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('import' as const),
    // 700 … 759 are not in the archive until imported; re-importing one changes its end.
    first: fc.integer({ min: 0, max: 759 }),
    count: fc.integer({ min: 1, max: 40 }),
    endAfterMinutes: fc.integer({ min: 0, max: 600 }),
    ownConnection: fc.boolean(),
  }),
)

function apply(world: World, op: Operation) {
  const db = world.workspace.db
  const ids = [...world.reviews.keys()]
  switch (op.kind) {
    case 'review': {
      const conversation = conversationId(op.conversation)
      const percent = op.state === 'submitted' ? op.percent : null
      const [id] = insertReviews(db, [
        {
          conversationId: conversation,
          legAgentId: 'agent',
          scorecardId: world.card,
          authorEmail: op.author,
          state: op.state,
          percent,
        },
      ])
      if (id === undefined) throw new Error('no review written')
      world.reviews.set(id, {
        conversationId: conversation,
        state: op.state,
        percent,
        author: op.author,
      })
      return
    }
    case 'edit': {
      const id = ids[op.pick % Math.max(1, ids.length)]
      const review = id === undefined ? undefined : world.reviews.get(id)
      if (id === undefined || !review) return
      const percent = op.state === 'submitted' ? op.percent : null
      db.prepare(
        'UPDATE reviews SET state = ?, percent = ?, revision = revision + 1 WHERE id = ?',
      ).run(op.state, percent, id)
      world.reviews.set(id, { ...review, state: op.state, percent })
      return
    }
    case 'delete': {
      const id = ids[op.pick % Math.max(1, ids.length)]
      if (id === undefined) return
      db.prepare('DELETE FROM reviews WHERE id = ?').run(id)
      world.reviews.delete(id)
      return
    }
    case 'import': {
      const last = Math.min(759, op.first + op.count - 1)
      const records = []
      for (let i = op.first; i <= last; i++) {
        const endAfter = op.endAfterMinutes * MINUTE
        records.push(record(i, endAfter))
        world.conversations.set(conversationId(i), {
          start: startOf(i),
          end: startOf(i) + endAfter,
        })
      }
      importInto(op.ownConnection ? world.server : world.importer, records)
      return
    }
  }
}
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

describe("the archive's copy of the reviews' facts", () => {
  it('every review filter agrees with a model of the data after any saves, edits, deletions and imports', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 8 }), (operations) => {
        const world = openWorld()
        try {
          expectSearchesAgree(world)
          for (const op of operations) {
            apply(world, op)
            expectSearchesAgree(world)
          }
        } finally {
          for (const handle of opened.splice(0)) handle.close()
          rmSync(dir, { recursive: true, force: true })
          dir = ''
        }
      }),
      {
        numRuns: 12,
        // Besides the random ones: a review before its conversation, imported on each
        // connection; ends moved into the end window by a re-import on each; an edit and a
        // deletion.
        examples: [
          [
            [
              {
                kind: 'review',
                conversation: 750,
                state: 'submitted',
                percent: 80,
                author: 'sam@example.com',
              },
              { kind: 'import', first: 745, count: 10, endAfterMinutes: 1, ownConnection: true },
            ],
          ],
          [
            [
              {
                kind: 'review',
                conversation: 720,
                state: 'draft',
                percent: 0,
                author: 'priya@example.com',
              },
              { kind: 'import', first: 700, count: 40, endAfterMinutes: 1, ownConnection: false },
            ],
          ],
          [[{ kind: 'import', first: 250, count: 40, endAfterMinutes: 5, ownConnection: true }]],
          [[{ kind: 'import', first: 250, count: 40, endAfterMinutes: 5, ownConnection: false }]],
          [
            [
              { kind: 'edit', pick: 3, state: 'submitted', percent: 99 },
              { kind: 'delete', pick: 10 },
              { kind: 'edit', pick: 0, state: 'draft', percent: 0 },
            ],
          ],
        ],
      },
    )
  })

  it('a workspace from before the change log gets one, with every review it already had', () => {
    const world = openWorld()
    const path = world.workspace.path
    for (const handle of opened.splice(0)) handle.close()
    // Back to version 2: no change log, its triggers and index, as an older server left it.
    const raw = new Database(path)
    raw.exec(`
      DROP TRIGGER review_changes_insert; DROP TRIGGER review_changes_update;
      DROP TRIGGER review_changes_delete; DROP TABLE review_changes; DROP INDEX reviews_facts;
      CREATE INDEX reviews_conversation ON reviews (conversation_id, state);
      ALTER TABLE reviews DROP COLUMN failed_criteria;
      PRAGMA user_version = 2;
    `)
    raw.close()
    const workspace = openWorkspace(path)
    opened.push(workspace)
    const server = openArchive(join(dir, 'archive.db'))
    opened.push(server)
    server.attachWorkspace(path)
    expect(Number(workspace.db.pragma('user_version', { simple: true }))).toBe(4)
    expectSearchesAgree({ ...world, server, workspace })
  })

  it('an archive refuses a workspace without the change log rather than filter on stale facts', () => {
    const world = openWorld()
    const path = join(dir, 'older.db')
    const raw = new Database(path)
    raw.exec('CREATE TABLE reviews (id INTEGER PRIMARY KEY)')
    raw.close()
    const archive = openArchive(join(dir, 'archive.db'))
    opened.push(archive)
    expect(() => {
      archive.attachWorkspace(path)
    }).toThrow(/no reviews table/)
    expect(archive.reviewsAttached()).toBe(false)
    expect(world.server.reviewsAttached()).toBe(true)
  })
})
