import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { createAuditTrail, type AuditTrail } from '@/server/workspace/audit'
import {
  createSessionStore,
  type SessionTimes,
  type WorkspaceSessionStore,
} from '@/server/workspace/session-store'
import { createUserStore, type UserStore } from '@/server/workspace/users'
import { createReviewStore, type ReviewStore } from '@/server/reviews/review-store'
import { createScorecardStore, type ScorecardStore } from '@/server/reviews/scorecard-store'
import { openWorkspaceDatabase, type WorkspaceDatabase } from '@/server/workspace/workspace-db'

/** The workspace database and the stores on it: accounts, sessions, the audit trail, reviews. */
export interface Workspace {
  readonly path: string
  readonly db: WorkspaceDatabase
  readonly users: UserStore
  readonly audit: AuditTrail
  readonly sessions: WorkspaceSessionStore
  /** QA reviews (issue 13) and their scorecards. */
  readonly scorecards: ScorecardStore
  readonly reviews: ReviewStore
  /** The key that signs session cookies: SESSION_SECRET, or one made on first start and kept. */
  readonly sessionSecret: string
  close(): void
}

export interface WorkspaceOptions {
  sessionTimes?: Partial<SessionTimes>
  /** SESSION_SECRET (at least 32 characters); otherwise a random key kept in the workspace. */
  sessionSecret?: string
  now?: () => number
}

export const DEFAULT_SESSION_TIMES: SessionTimes = {
  idleMs: 60 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
}

function storedSecret(db: WorkspaceDatabase): string {
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
    'session_secret',
    randomBytes(32).toString('base64url'),
  )
  return String(db.prepare("SELECT value FROM settings WHERE key = 'session_secret'").pluck().get())
}

export function openWorkspace(path: string, options: WorkspaceOptions = {}): Workspace {
  const db = openWorkspaceDatabase(path)
  const now = options.now ?? Date.now
  const users = createUserStore(db, now)
  const audit = createAuditTrail(db, now)
  const scorecards = createScorecardStore(db, now)
  // A new install can review at once: the default scorecard when there is none.
  scorecards.ensureDefault()
  const expired = (userId: number, reason: 'idle' | 'lifetime') => {
    audit.record(
      { actor: users.byId(userId)?.email ?? null, ip: null, userAgent: null },
      { action: 'session-expired', detail: { reason } },
    )
  }
  return {
    path,
    db,
    users,
    audit,
    sessions: createSessionStore(
      db,
      { ...DEFAULT_SESSION_TIMES, ...options.sessionTimes },
      now,
      expired,
    ),
    scorecards,
    reviews: createReviewStore(db, scorecards, { now, audit }),
    sessionSecret: options.sessionSecret ?? storedSecret(db),
    close() {
      if (db.open) db.close()
    },
  }
}

/** How many accounts the workspace at `path` has, without creating it when it does not exist. */
export function accountsIn(path: string): number {
  if (!existsSync(path)) return 0
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'")
      .get()
    return hasTable ? Number(db.prepare('SELECT count(*) FROM users').pluck().get()) : 0
  } finally {
    db.close()
  }
}
