import type { ArchiveDatabase } from '@/server/archive/db'

/** The schema name the workspace database is attached under. */
export const WORKSPACE_SCHEMA = 'ws'

/** The temp table the search's review filter reads (review-filter.ts). */
export const REVIEW_FACTS = 'temp.review_facts'
/**
 * Issue 15: one row per review and criterion it fails (`reviews.failed_criteria`, see
 * src/domain/review-failures.ts), for the filter's `failedCriterion` and the insights' count.
 */
export const REVIEW_FAILURES = 'temp.review_failures'

/**
 * The reviews' filterable facts with each review's conversation as its archive row ID (and the
 * conversation's start and end, so a filter keeps to the search's time window before it reaches
 * the conversations), kept on the archive's connection in a temp table, so the search's review filter probes integers
 * instead of looking up every review's conversation ID at every request (20 ms for 20,000
 * reviews on the bench machine; an index lookup per review).
 *
 * It follows both databases without polling them: before a search, `PRAGMA data_version` of
 * each says whether another connection committed since.
 * - The workspace changed (a review saved, on the workspace's own connection or by the CLI):
 *   only the reviews in `review_changes` past the last sequence read are read again.
 * - The archive changed (an import, which can add the conversation of a review or give it a new
 *   row), or this connection wrote to it: all of it is read again.
 * Each refresh reads both in one read transaction, so it never mixes two states of either.
 */
export interface ReviewFacts {
  /** Brings the facts up to date with both databases; cheap when nothing changed. */
  refresh(): void
  /** This connection wrote to the archive (which its `data_version` does not count). */
  archiveWritten(): void
}

export function createReviewFacts(db: ArchiveDatabase): ReviewFacts {
  db.exec(`
    CREATE TEMP TABLE review_facts (
      review INTEGER PRIMARY KEY,
      conversation INTEGER NOT NULL,
      start_ms INTEGER,
      end_ms INTEGER,
      leg_agent_id TEXT NOT NULL,
      scorecard_id INTEGER NOT NULL,
      author_email TEXT NOT NULL COLLATE NOCASE,
      state TEXT NOT NULL,
      percent REAL,
      open_disputes INTEGER NOT NULL
    );
    CREATE INDEX temp.review_facts_start ON review_facts (start_ms, conversation);
    CREATE INDEX temp.review_facts_state ON review_facts (state, start_ms, percent, conversation);
    CREATE INDEX temp.review_facts_author ON review_facts (author_email, start_ms);
    CREATE INDEX temp.review_facts_scorecard ON review_facts (scorecard_id, start_ms);
    CREATE INDEX temp.review_facts_leg ON review_facts (leg_agent_id, state, start_ms);
    CREATE TEMP TABLE review_failures (
      review INTEGER NOT NULL,
      criterion TEXT NOT NULL,
      PRIMARY KEY (review, criterion)
    ) WITHOUT ROWID;
    CREATE INDEX temp.review_failures_criterion ON review_failures (criterion, review);
  `)
  const columns = `SELECT r.id, c.id, c.start_ms, c.end_ms, r.leg_agent_id, r.scorecard_id, r.author_email, r.state,
      r.percent, r.open_disputes
    FROM ${WORKSPACE_SCHEMA}.reviews r
    CROSS JOIN main.conversations c ON c.conversation_id = r.conversation_id`
  const insert = `INSERT INTO ${REVIEW_FACTS} (review, conversation, start_ms, end_ms, leg_agent_id, scorecard_id,
    author_email, state, percent, open_disputes)`
  const changedSince = `SELECT review_id FROM ${WORKSPACE_SCHEMA}.review_changes WHERE seq > ?`
  // The failures of the reviews just read into the facts (those of a conversation in the archive).
  const failures = `INSERT INTO ${REVIEW_FAILURES} (review, criterion)
    SELECT DISTINCT f.review, j.value FROM ${REVIEW_FACTS} f
    CROSS JOIN ${WORKSPACE_SCHEMA}.reviews r ON r.id = f.review
    CROSS JOIN json_each(CASE WHEN json_valid(r.failed_criteria) THEN r.failed_criteria ELSE '[]' END) j
    WHERE j.type = 'text'`
  const statements = {
    lastSeq: db
      .prepare(`SELECT coalesce(max(seq), 0) FROM ${WORKSPACE_SCHEMA}.review_changes`)
      .pluck(),
    clear: db.prepare(`DELETE FROM ${REVIEW_FACTS}`),
    all: db.prepare(`${insert} ${columns}`),
    forget: db.prepare(`DELETE FROM ${REVIEW_FACTS} WHERE review IN (${changedSince})`),
    changed: db.prepare(`${insert} ${columns} WHERE r.id IN (${changedSince})`),
    clearFailures: db.prepare(`DELETE FROM ${REVIEW_FAILURES}`),
    allFailures: db.prepare(failures),
    forgetFailures: db.prepare(`DELETE FROM ${REVIEW_FAILURES} WHERE review IN (${changedSince})`),
    changedFailures: db.prepare(`${failures} AND f.review IN (${changedSince})`),
  }
  const version = (schema: string) => Number(db.pragma(`${schema}.data_version`, { simple: true }))

  let archiveVersion: number | undefined
  let workspaceVersion: number | undefined
  let seq = 0
  let ownWrites = 0
  let ownWritesRead = -1

  const reread = db.transaction((all: boolean) => {
    const last = Number(statements.lastSeq.get())
    if (all) {
      statements.clear.run()
      statements.all.run()
      statements.clearFailures.run()
      statements.allFailures.run()
    } else if (last !== seq) {
      statements.forget.run(seq)
      statements.changed.run(seq)
      statements.forgetFailures.run(seq)
      statements.changedFailures.run(seq)
    }
    seq = last
  })

  return {
    refresh() {
      const archiveNow = version('main')
      const workspaceNow = version(WORKSPACE_SCHEMA)
      const all = archiveNow !== archiveVersion || ownWrites !== ownWritesRead
      if (!all && workspaceNow === workspaceVersion) return
      reread(all)
      archiveVersion = archiveNow
      workspaceVersion = workspaceNow
      ownWritesRead = ownWrites
    },
    archiveWritten() {
      ownWrites++
    },
  }
}
