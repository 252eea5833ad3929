import { placeholders, type SqlValue } from '@/server/archive/query'

/**
 * Which conversations a reader may see (issue 12), LivePerson's own model: every conversation,
 * or those with any of these assigned agents, agent groups (of any agent participant) or
 * skills (at any point of the conversation). An empty scope sees nothing.
 */
export type ReadScope =
  | { all: true }
  | {
      all: false
      agentIds: readonly string[]
      agentGroupIds: readonly string[]
      skillIds: readonly string[]
    }

export const EVERYTHING: ReadScope = { all: true }

/**
 * The scope as a clause over `conversations c`, or undefined for everything. Each part is an
 * index range of its side table (the value-first indexes the filters use).
 */
export function scopeClause(scope: ReadScope): { sql: string; params: SqlValue[] } | undefined {
  if (scope.all) return undefined
  const parts: string[] = []
  const params: SqlValue[] = []
  const side = (table: string, column: string, values: readonly string[]) => {
    if (values.length === 0) return
    parts.push(
      `c.id IN (SELECT conversation FROM ${table} WHERE ${column} IN (${placeholders(values.length)}))`,
    )
    params.push(...values)
  }
  side('conversation_agents', 'agent_id', scope.agentIds)
  side('conversation_groups', 'group_id', scope.agentGroupIds)
  side('conversation_skills', 'skill_id', scope.skillIds)
  if (parts.length === 0) return { sql: '0', params: [] }
  return { sql: `(${parts.join(' OR ')})`, params }
}

/** A stable key for a scope (caches of per-scope answers). */
export const scopeKey = (scope: ReadScope): string =>
  scope.all
    ? 'all'
    : JSON.stringify([
        [...scope.agentIds].sort(),
        [...scope.agentGroupIds].sort(),
        [...scope.skillIds].sort(),
      ])
