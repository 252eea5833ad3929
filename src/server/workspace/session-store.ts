import { createHash } from 'node:crypto'
import type { SessionStore } from '@fastify/session'
import type { Session } from 'fastify'
import type { WorkspaceDatabase } from '@/server/workspace/workspace-db'

export interface SessionTimes {
  /** A session not used for this long ends (SESSION_IDLE_MINUTES). */
  idleMs: number
  /** A session ends this long after sign-in, used or not (SESSION_MAX_HOURS). */
  absoluteMs: number
}

/** A session's row as the auth layer reads it: who, and since when. */
export interface SessionRow {
  userId: number
  epoch: number
  createdAt: number
}

export interface WorkspaceSessionStore extends SessionStore {
  /** Marks the session used now (at most once a minute writes), pushing its idle deadline. */
  touch(sessionId: string, ip: string | null, userAgent: string | null): void
  /** Forgets expired sessions. */
  sweep(): void
}

/** The store keys rows by the SHA-256 of the session ID: the file holds no usable session. */
const keyOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url')

const TOUCH_EVERY_MS = 60_000

/**
 * @fastify/session's store, in the workspace database: a session lives until its idle or its
 * absolute deadline, whichever comes first, and ends at once when its user is disabled or
 * changes password (users.ts deletes the rows; the epoch check in the auth layer is the backstop).
 */
export function createSessionStore(
  db: WorkspaceDatabase,
  times: SessionTimes,
  now: () => number = Date.now,
  /** Told once per session that ends by its idle or absolute deadline (the audit trail). */
  onExpired: (userId: number, reason: 'idle' | 'lifetime') => void = () => undefined,
): WorkspaceSessionStore {
  const get = db.prepare('SELECT * FROM sessions WHERE id_hash = ?')
  const upsert = db.prepare(`
    INSERT INTO sessions (id_hash, user_id, epoch, created_ms, seen_ms, idle_until_ms, absolute_until_ms, data)
    VALUES (@key, @userId, @epoch, @createdAt, @now, @idleUntil, @absoluteUntil, @data)
    ON CONFLICT (id_hash) DO UPDATE SET data = excluded.data, seen_ms = excluded.seen_ms,
      idle_until_ms = excluded.idle_until_ms`)
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?')
  const touch = db.prepare(
    'UPDATE sessions SET seen_ms = ?, idle_until_ms = ?, ip = ?, user_agent = ? WHERE id_hash = ? AND seen_ms < ?',
  )

  return {
    set(sessionId, session, callback) {
      try {
        const { userId, epoch, createdAt } = session
        if (typeof userId !== 'number' || typeof epoch !== 'number') {
          // Only signed-in sessions are kept (saveUninitialized is off; sign-in sets these).
          callback()
          return
        }
        const at = now()
        const created = typeof createdAt === 'number' ? createdAt : at
        upsert.run({
          key: keyOf(sessionId),
          userId,
          epoch,
          createdAt: created,
          now: at,
          idleUntil: at + times.idleMs,
          absoluteUntil: created + times.absoluteMs,
          data: JSON.stringify(session),
        })
        callback()
      } catch (error) {
        callback(error)
      }
    },
    get(sessionId, callback) {
      try {
        const key = keyOf(sessionId)
        const row = get.get(key) as Record<string, unknown> | undefined
        if (!row) {
          callback(null, null)
          return
        }
        const at = now()
        if (at >= Number(row.idle_until_ms) || at >= Number(row.absolute_until_ms)) {
          remove.run(key)
          onExpired(Number(row.user_id), at >= Number(row.absolute_until_ms) ? 'lifetime' : 'idle')
          callback(null, null)
          return
        }
        const data: unknown = JSON.parse(String(row.data))
        callback(null, data as Session)
      } catch (error) {
        callback(error, null)
      }
    },
    destroy(sessionId, callback) {
      try {
        remove.run(keyOf(sessionId))
        callback()
      } catch (error) {
        callback(error)
      }
    },
    touch(sessionId, ip, userAgent) {
      const at = now()
      touch.run(at, at + times.idleMs, ip, userAgent, keyOf(sessionId), at - TOUCH_EVERY_MS)
    },
    sweep() {
      const at = now()
      db.prepare('DELETE FROM sessions WHERE idle_until_ms <= ? OR absolute_until_ms <= ?').run(
        at,
        at,
      )
    },
  }
}
