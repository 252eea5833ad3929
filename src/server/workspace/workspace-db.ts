import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { failedCriteria } from '@/domain/review-failures'
import { parseJson } from '@/domain/schema/coerce'
import { scorecardDefinitionSchema } from '@/domain/schema/reviews'

/**
 * The workspace database: what people make (accounts, sessions, the audit trail, and next,
 * reviews), apart from the archive, which can be rebuilt from exports while human work cannot.
 * Versioned with `PRAGMA user_version`; each entry migrates from version `index` to `index + 1`.
 *
 * - `users`: local accounts (an argon2id hash) and SSO accounts (issuer + subject), with the
 *   role and reading scope. `session_epoch` grows when a user is disabled or changes password,
 *   so every session made before ends at its next request.
 * - `sessions`: server-side sessions by the SHA-256 of their ID (a stolen database file holds no
 *   usable session), with their idle and absolute deadlines.
 * - `audit`: append-only (a trigger refuses updates); only retention deletes, oldest first.
 * - `settings`: the session-signing secret made on first start (unless SESSION_SECRET is set).
 * - `sign_in_failures`: recent failed sign-ins per address and per account, for the throttle.
 * - `scorecards`, `scorecard_versions`: a scorecard's every version (a review keeps its own).
 * - `reviews`: one review of one leg (`leg_agent_id`) of a conversation; the filterable facts in
 *   columns, what the reviewer wrote (answers, notes, evidence, disputes) as JSON in `content`;
 *   `revision` grows with each save, so a save from a stale copy is refused, never lost.
 * - `review_history`: append-only, every change of a review (who, when, what).
 * - `review_scope`: the agents, agent groups and skills of each reviewed conversation, so a
 *   reader's scope applies to reviews without the archive (proxy mode, a rebuilt archive).
 * - `review_changes`: per review, the sequence number of its last change (kept by triggers,
 *   a deleted review included), read by the archive's copy of the review facts.
 * - `reviews.failed_criteria` (migration 4, issue 15): the IDs of the criteria the review fails
 *   (src/domain/review-failures.ts), a JSON array kept with `percent`, a filterable fact.
 */
const MIGRATIONS: readonly (string | ((db: Database.Database) => void))[] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'reviewer', 'agent')),
    agent_id TEXT,
    agent_groups TEXT NOT NULL DEFAULT '[]',
    skills TEXT NOT NULL DEFAULT '[]',
    password_hash TEXT,
    sso_issuer TEXT,
    sso_subject TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    session_epoch INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    last_sign_in_ms INTEGER
  ) STRICT;
  CREATE UNIQUE INDEX users_sso ON users (sso_issuer, sso_subject) WHERE sso_subject IS NOT NULL;

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    seen_ms INTEGER NOT NULL,
    idle_until_ms INTEGER NOT NULL,
    absolute_until_ms INTEGER NOT NULL,
    data TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX sessions_user ON sessions (user_id);

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms INTEGER NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    ip TEXT,
    user_agent TEXT
  ) STRICT;
  CREATE INDEX audit_at ON audit (at_ms);
  CREATE INDEX audit_actor_at ON audit (actor, at_ms);
  CREATE INDEX audit_action_at ON audit (action, at_ms);
  CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at_ms);
  `,
  // Issue 13: QA reviews.
  `
  CREATE TABLE scorecards (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    latest_version INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE scorecard_versions (
    scorecard_id INTEGER NOT NULL REFERENCES scorecards (id),
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    created_by TEXT,
    PRIMARY KEY (scorecard_id, version)
  ) STRICT;

  CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    leg_agent_id TEXT NOT NULL,
    leg_agent_name TEXT,
    leg_role TEXT NOT NULL CHECK (leg_role IN ('agent', 'bot')),
    scorecard_id INTEGER NOT NULL,
    scorecard_version INTEGER NOT NULL,
    author_email TEXT NOT NULL COLLATE NOCASE,
    author_name TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
    percent REAL,
    critical_failed INTEGER NOT NULL DEFAULT 0,
    open_disputes INTEGER NOT NULL DEFAULT 0,
    acknowledged_ms INTEGER,
    content TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    updated_by_email TEXT NOT NULL,
    updated_by_name TEXT NOT NULL,
    submitted_ms INTEGER,
    FOREIGN KEY (scorecard_id, scorecard_version) REFERENCES scorecard_versions
  ) STRICT;
  CREATE INDEX reviews_conversation ON reviews (conversation_id, state);
  CREATE INDEX reviews_updated ON reviews (updated_ms);
  CREATE INDEX reviews_leg_agent ON reviews (leg_agent_id, state);
  CREATE INDEX reviews_author ON reviews (author_email);
  CREATE INDEX reviews_scorecard ON reviews (scorecard_id);
  -- The search page's review filters: submitted reviews by score, each with its conversation.
  CREATE INDEX reviews_state_score ON reviews (state, percent, conversation_id);

  CREATE TABLE review_history (
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at_ms INTEGER NOT NULL,
    by_email TEXT NOT NULL,
    by_name TEXT NOT NULL,
    action TEXT NOT NULL,
    score REAL,
    changes TEXT NOT NULL DEFAULT '[]',
    note TEXT,
    PRIMARY KEY (review_id, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER review_history_append_only BEFORE UPDATE ON review_history
  BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;

  CREATE TABLE review_scope (
    conversation_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('agent', 'group', 'skill')),
    value TEXT NOT NULL,
    PRIMARY KEY (conversation_id, kind, value)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX review_scope_value ON review_scope (kind, value, conversation_id);
  `,
  // Issue 13: which reviews changed, and in what order, so the archive's connection keeps its
  // copy of the filterable facts (review-facts.ts) by reading only what changed since.
  `
  CREATE TABLE review_changes (
    review_id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX review_changes_seq ON review_changes (seq);
  -- What the archive's copy reads of every review, without the content.
  CREATE INDEX reviews_facts ON reviews (conversation_id, state, leg_agent_id, scorecard_id,
    author_email, percent, open_disputes);
  DROP INDEX reviews_conversation;
  INSERT INTO review_changes (review_id, seq) SELECT id, id FROM reviews;
  CREATE TRIGGER review_changes_insert AFTER INSERT ON reviews BEGIN
    INSERT OR REPLACE INTO review_changes (review_id, seq)
    VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM review_changes));
  END;
  CREATE TRIGGER review_changes_update
  AFTER UPDATE OF conversation_id, leg_agent_id, scorecard_id, author_email, state, percent,
    open_disputes ON reviews BEGIN
    INSERT OR REPLACE INTO review_changes (review_id, seq)
    VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM review_changes));
  END;
  CREATE TRIGGER review_changes_delete AFTER DELETE ON reviews BEGIN
    INSERT OR REPLACE INTO review_changes (review_id, seq)
    VALUES (OLD.id, (SELECT coalesce(max(seq), 0) + 1 FROM review_changes));
  END;
  `,
  // Issue 15: the criteria each review fails, a fact the search filters and the insights count
  // (the review store writes it with the score); the reviews already there are read once here.
  (db) => {
    db.exec(`
    ALTER TABLE reviews ADD COLUMN failed_criteria TEXT NOT NULL DEFAULT '[]';
    DROP TRIGGER review_changes_update;
    CREATE TRIGGER review_changes_update
    AFTER UPDATE OF conversation_id, leg_agent_id, scorecard_id, author_email, state, percent,
      open_disputes, failed_criteria ON reviews BEGIN
      INSERT OR REPLACE INTO review_changes (review_id, seq)
      VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM review_changes));
    END;
    `)
    const cards = new Map<string, Parameters<typeof failedCriteria>[0] | undefined>()
    const cardOf = (id: number, version: number) => {
      const key = `${String(id)}/${String(version)}`
      if (!cards.has(key)) {
        const text: unknown = db
          .prepare(
            'SELECT definition FROM scorecard_versions WHERE scorecard_id = ? AND version = ?',
          )
          .pluck()
          .get(id, version)
        // A definition that is not JSON (it never should be) leaves its reviews' failures empty
        // rather than the workspace unopenable.
        const json = typeof text === 'string' ? parseJson(text) : undefined
        const parsed = json?.ok ? scorecardDefinitionSchema.safeParse(json.value) : undefined
        cards.set(key, parsed?.success ? parsed.data : undefined)
      }
      return cards.get(key)
    }
    const update = db.prepare('UPDATE reviews SET failed_criteria = ? WHERE id = ?')
    const rows = db
      .prepare('SELECT id, scorecard_id, scorecard_version, content FROM reviews')
      .raw()
      .iterate() as Iterable<[number, number, number, string]>
    const failures: [string, number][] = []
    for (const [id, scorecardId, version, content] of rows) {
      const card = cardOf(scorecardId, version)
      const read = parseJson(content)
      const parsed: unknown = read.ok ? read.value : undefined
      const answers =
        typeof parsed === 'object' && parsed !== null && 'answers' in parsed
          ? parsed.answers
          : undefined
      if (!card || typeof answers !== 'object' || answers === null) continue
      const strings = new Map(
        Object.entries(answers).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      )
      const failed = failedCriteria(card, Object.fromEntries(strings))
      if (failed.length > 0) failures.push([JSON.stringify(failed), id])
    }
    for (const [failed, id] of failures) update.run(failed, id)
  },
]

export type WorkspaceDatabase = Database.Database

/** Opens (creating if needed) the workspace file, applies pragmas and pending migrations. */
export function openWorkspaceDatabase(path: string): WorkspaceDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('journal_mode = WAL')
    // FULL: a review or an account change that was answered "saved" survives a power cut.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    const current = Number(db.pragma('user_version', { simple: true }))
    if (current > MIGRATIONS.length) {
      throw new Error(
        `${path} is a workspace of a newer version (${String(current)}) than this server knows (${String(MIGRATIONS.length)})`,
      )
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      const sql = MIGRATIONS[version]
      if (sql === undefined) break
      db.transaction(() => {
        if (typeof sql === 'string') db.exec(sql)
        else sql(db)
        db.pragma(`user_version = ${String(version + 1)}`)
      })()
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
