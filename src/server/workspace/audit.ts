import type { AuditAction, AuditEntry, AuditQuery } from '@/domain/schema/auth'
import { AUDIT_ACTIONS } from '@/domain/schema/auth'
import { num, rowsOf, str, type Row } from '@/server/archive/sql-rows'
import type { WorkspaceDatabase } from '@/server/workspace/workspace-db'

/** Who did it, from where: the request's side of an audit entry. */
export interface AuditContext {
  actor: string | null
  ip: string | null
  userAgent: string | null
}

export interface AuditEvent {
  action: AuditAction
  target?: string | null
  /** Filters, counts, changed fields: never transcript text, a password or a token. */
  detail?: Record<string, unknown> | null
}

export interface AuditTrail {
  record(context: AuditContext, event: AuditEvent): void
  query(filters: AuditQuery): { count: number; entries: AuditEntry[] }
  /** Every entry that matches, oldest first, for the CSV export (a generator: bounded memory). */
  all(filters: Omit<AuditQuery, 'offset' | 'limit'>): Generator<AuditEntry>
  /** Deletes entries older than `days`; returns how many went. */
  prune(days: number): number
}

const isAction = (value: unknown): value is AuditAction =>
  typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value)

function toEntry(row: Row): AuditEntry {
  const detailText = str(row.detail)
  let detail: Record<string, unknown> | null = null
  if (detailText !== undefined) {
    const parsed: unknown = JSON.parse(detailText)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      detail = parsed as Record<string, unknown>
    }
  }
  return {
    id: num(row.id),
    at: num(row.at_ms),
    actor: str(row.actor) ?? null,
    action: isAction(row.action) ? row.action : 'sign-in',
    target: str(row.target) ?? null,
    detail,
    ip: str(row.ip) ?? null,
    userAgent: str(row.user_agent) ?? null,
  }
}

const cut = (text: string | null | undefined, max: number) =>
  text === null || text === undefined ? null : text.length > max ? text.slice(0, max) : text

/** The append-only audit trail in the workspace database. */
export function createAuditTrail(db: WorkspaceDatabase, now: () => number = Date.now): AuditTrail {
  const insert = db.prepare(
    'INSERT INTO audit (at_ms, actor, action, target, detail, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const where = (filters: Omit<AuditQuery, 'offset' | 'limit'>) => {
    const clauses: string[] = []
    const params: (string | number)[] = []
    if (filters.actor) {
      clauses.push('actor = ?')
      params.push(filters.actor)
    }
    if (filters.action) {
      clauses.push('action = ?')
      params.push(filters.action)
    }
    if (filters.from !== undefined) {
      clauses.push('at_ms >= ?')
      params.push(filters.from)
    }
    if (filters.to !== undefined) {
      clauses.push('at_ms <= ?')
      params.push(filters.to)
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
  }

  return {
    record(context, event) {
      const detail = event.detail ? JSON.stringify(event.detail) : null
      insert.run(
        now(),
        cut(context.actor, 254),
        event.action,
        cut(event.target, 256),
        detail !== null && detail.length > 8192 ? JSON.stringify({ truncated: true }) : detail,
        cut(context.ip, 64),
        cut(context.userAgent, 512),
      )
    },
    query(filters) {
      const { sql, params } = where(filters)
      const count = num(
        db
          .prepare(`SELECT count(*) FROM audit ${sql}`)
          .pluck()
          .get(...params),
      )
      const rows = rowsOf(
        db
          .prepare(`SELECT * FROM audit ${sql} ORDER BY at_ms DESC, id DESC LIMIT ? OFFSET ?`)
          .all(...params, filters.limit, filters.offset),
      )
      return { count, entries: rows.map(toEntry) }
    },
    *all(filters) {
      const { sql, params } = where(filters)
      for (const row of db
        .prepare(`SELECT * FROM audit ${sql} ORDER BY at_ms, id`)
        .iterate(...params)) {
        if (row && typeof row === 'object') yield toEntry(row as Row)
      }
    },
    prune(days) {
      return db.prepare('DELETE FROM audit WHERE at_ms < ?').run(now() - days * 86_400_000).changes
    },
  }
}
