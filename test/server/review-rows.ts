/**
 * Reviews written straight into the workspace tables (migration 2) with SQL, for tests and the
 * bench that need reviews in place without going through the review API: a scorecard with its
 * first version, and review rows with the facts the search's review filter reads.
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { DEFAULT_SCORECARD } from '@/domain/default-scorecard'
import { scorecardDefinitionSchema } from '@/domain/schema/reviews'

export interface ReviewRow {
  conversationId: string
  legAgentId: string
  legAgentName?: string
  legRole?: 'agent' | 'bot'
  scorecardId: number
  authorEmail: string
  authorName?: string
  state: 'draft' | 'submitted'
  /** The computed score; null when nothing applicable was scored (default: null). */
  percent?: number | null
  openDisputes?: number
  /** Created, updated and (when submitted) submitted at (default: now). */
  atMs?: number
}

/** Adds a scorecard (version 1, the default scorecard's definition renamed) and returns its ID. */
export function insertScorecard(db: Database.Database, name: string, atMs = Date.now()): number {
  const definition = scorecardDefinitionSchema.parse({ ...DEFAULT_SCORECARD, name })
  const id = Number(
    db
      .prepare(
        'INSERT INTO scorecards (uid, name, latest_version, archived, created_ms, updated_ms) VALUES (?, ?, 1, 0, ?, ?)',
      )
      .run(randomUUID(), name, atMs, atMs).lastInsertRowid,
  )
  db.prepare(
    'INSERT INTO scorecard_versions (scorecard_id, version, definition, created_ms, created_by) VALUES (?, 1, ?, ?, ?)',
  ).run(id, JSON.stringify(definition), atMs, 'test')
  return id
}

/** Inserts reviews (one transaction) and returns their row IDs in order. */
export function insertReviews(db: Database.Database, rows: readonly ReviewRow[]): number[] {
  const insert = db.prepare(`
    INSERT INTO reviews (uid, conversation_id, leg_agent_id, leg_agent_name, leg_role,
      scorecard_id, scorecard_version, author_email, author_name, state, percent, critical_failed,
      open_disputes, acknowledged_ms, content, revision, created_ms, updated_ms,
      updated_by_email, updated_by_name, submitted_ms)
    VALUES (@uid, @conversationId, @legAgentId, @legAgentName, @legRole, @scorecardId, 1,
      @authorEmail, @authorName, @state, @percent, 0, @openDisputes, NULL, @content, 1, @atMs,
      @atMs, @authorEmail, @authorName, @submittedMs)`)
  const now = Date.now()
  return db.transaction(() =>
    rows.map((row) => {
      const atMs = row.atMs ?? now
      const authorName = row.authorName ?? row.authorEmail
      const disputes = Array.from({ length: row.openDisputes ?? 0 }, (_, i) => ({
        id: `d${String(i + 1)}`,
        criterionId: 'greeting',
        state: 'open',
      }))
      return Number(
        insert.run({
          uid: randomUUID(),
          conversationId: row.conversationId,
          legAgentId: row.legAgentId,
          legAgentName: row.legAgentName ?? null,
          legRole: row.legRole ?? 'agent',
          scorecardId: row.scorecardId,
          authorEmail: row.authorEmail,
          authorName,
          state: row.state,
          percent: row.percent ?? null,
          openDisputes: row.openDisputes ?? 0,
          content: JSON.stringify({
            answers: { greeting: '4', closing: '5' },
            notes: {},
            evidence: [],
            comment: '',
            disputes,
            acknowledged: null,
          }),
          atMs,
          submittedMs: row.state === 'submitted' ? atMs : null,
        }).lastInsertRowid,
      )
    }),
  )()
}
