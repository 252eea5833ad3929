import { parseConversationRecord } from '@/domain/schema/record'
import { extractIndexed } from '@/server/archive/extract'
import type { ReadScope } from '@/server/archive/read-scope'
import { HttpError } from '@/server/http/http-error'

/**
 * The reader's scope in proxy mode (issue 12): added to the request LivePerson answers, and
 * checked again on each record of the answer (by the same reading of a record as the archive's
 * index), so a record outside the scope never reaches the reader whatever LivePerson sent.
 */

type Filters = Record<string, unknown>

const asIds = (value: unknown): string[] | undefined =>
  Array.isArray(value)
    ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String)
    : undefined

/** The part of the scope a LivePerson search can express: one of agents, groups or skills. */
function scopeFilter(scope: ReadScope): { field: string; ids: readonly string[] } | undefined {
  if (scope.all) return undefined
  const parts = [
    { field: 'agentIds', ids: scope.agentIds },
    { field: 'agentGroupIds', ids: scope.agentGroupIds },
    { field: 'skillIds', ids: scope.skillIds },
  ].filter((part) => part.ids.length > 0)
  if (parts.length > 1) {
    // LivePerson's filters are AND between fields; "these groups OR these skills" is not one
    // request. Rather than paging two answers into one, say so.
    throw new HttpError(
      403,
      'In proxy mode a scope can be agent groups or skills, not both: ask an admin to set one of them',
    )
  }
  return parts[0] ?? { field: 'agentIds', ids: [] }
}

/**
 * The search body with the scope added (intersected with the reader's own filter on the same
 * field), or undefined when nothing can match (no request needs to be sent).
 */
export function scopedSearchBody(body: unknown, scope: ReadScope): Filters | undefined {
  const filters: Filters = body && typeof body === 'object' ? { ...(body as Filters) } : {}
  const part = scopeFilter(scope)
  if (!part) return filters
  const asked = asIds(filters[part.field])
  const allowed = asked ? asked.filter((id) => part.ids.includes(id)) : [...part.ids]
  if (allowed.length === 0) return undefined
  filters[part.field] = allowed
  return filters
}

/** True when the record (as LivePerson sent it) is in the scope. */
export function recordInScope(raw: unknown, scope: ReadScope): boolean {
  if (scope.all) return true
  const parsed = parseConversationRecord(raw)
  if (!parsed.ok) return false
  const indexed = extractIndexed(parsed.record)
  if (!indexed) return false
  const any = (ids: readonly string[], wanted: readonly string[]) =>
    ids.some((id) => wanted.includes(id))
  return (
    any(indexed.agents.ids, scope.agentIds) ||
    any(indexed.groups.ids, scope.agentGroupIds) ||
    any(indexed.skills.ids, scope.skillIds)
  )
}

/**
 * An answer of LivePerson's with the records outside the scope taken out (and the count
 * lowered by as many), or as it came when it is not a history answer.
 */
export function scopedAnswer(body: unknown, scope: ReadScope): { body: unknown; dropped: number } {
  if (scope.all || !body || typeof body !== 'object') return { body, dropped: 0 }
  const answer = body as Filters
  const records = answer.conversationHistoryRecords
  if (!Array.isArray(records)) return { body, dropped: 0 }
  const kept = records.filter((record) => recordInScope(record, scope))
  const dropped = records.length - kept.length
  const meta =
    answer._metadata && typeof answer._metadata === 'object'
      ? { ...(answer._metadata as Filters) }
      : undefined
  if (meta && typeof meta.count === 'number') meta.count = Math.max(0, meta.count - dropped)
  return {
    body: { ...answer, ...(meta ? { _metadata: meta } : {}), conversationHistoryRecords: kept },
    dropped,
  }
}

/** What a search that nothing in the scope can match answers: LivePerson's empty page. */
export const EMPTY_HISTORY = {
  _metadata: { count: 0, shardsStatusResult: { partialResult: false } },
  conversationHistoryRecords: [],
}
