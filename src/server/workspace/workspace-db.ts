import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'

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
 */
const MIGRATIONS: readonly string[] = [
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
        db.exec(sql)
        db.pragma(`user_version = ${String(version + 1)}`)
      })()
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
