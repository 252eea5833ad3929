import { queryOptions } from '@tanstack/react-query'
import type { AuditSearch } from '@/app/features/audit/audit-search'
import { requestJson } from '@/app/lib/http'
import { auditPageSchema, auditQuerySchema, type AuditQuery } from '@/domain/schema/auth'

/** Entries per page unless the URL asks for another `limit`. */
export const AUDIT_PAGE_SIZE = 50

const fields = auditQuerySchema.shape

/**
 * The URL's filters and page as the API reads them, each through the API's own schema: a value
 * it refuses (an unknown action, a `limit` over its maximum) counts as absent. The actor's email
 * comes out in lower case, the times and the page as numbers.
 */
export function auditQuery(search: AuditSearch): AuditQuery {
  return {
    actor: fields.actor.safeParse(search.actor).data,
    action: fields.action.safeParse(search.action).data,
    from: fields.from.safeParse(search.from).data,
    to: fields.to.safeParse(search.to).data,
    offset: fields.offset.safeParse(search.offset).data ?? 0,
    limit: fields.limit.safeParse(search.limit ?? AUDIT_PAGE_SIZE).data ?? AUDIT_PAGE_SIZE,
  }
}

/** `actor`, `action`, `from`, `to` (and the page, with `withPage`) as a query string. */
export function auditParams(query: AuditQuery, withPage: boolean): string {
  const { offset, limit, ...filters } = query
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(withPage ? { ...filters, offset, limit } : filters)) {
    if (value !== undefined) params.set(key, String(value))
  }
  return params.toString()
}

/** `GET /api/audit.csv`: every entry the filters match, as the server writes them. */
export function auditCsvHref(query: AuditQuery): string {
  const params = auditParams(query, false)
  return params ? `/api/audit.csv?${params}` : '/api/audit.csv'
}

/** The audit trail (admins only: 403 for anyone else). */
export const auditQueries = {
  all: () => ['audit'] as const,
  page: (search: AuditSearch) => {
    const query = auditQuery(search)
    return queryOptions({
      queryKey: [...auditQueries.all(), 'page', query],
      queryFn: ({ signal }) =>
        requestJson(`/api/audit?${auditParams(query, true)}`, auditPageSchema, { signal }),
    })
  },
}
