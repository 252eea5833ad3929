import { roundWindow, type SearchFilters } from '@/domain/schema/search-request'
import { buildMatchExpression } from '@/server/archive/fts-query'
import { foldText } from '@/server/archive/text'

export type SqlValue = string | number

/** A WHERE clause over `conversations c` and its parameters. */
export interface CompiledFilters {
  where: string
  params: SqlValue[]
  /** True when the text index is part of the query. */
  usesText: boolean
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')

/**
 * Compiles validated search filters to SQL. Every value is a bound parameter; text searches go
 * through {@link buildMatchExpression}, which quotes every word, so no user input reaches the
 * SQL or FTS grammar.
 */
export function compileFilters(filters: SearchFilters): CompiledFilters {
  const where: string[] = []
  const params: SqlValue[] = []
  const add = (clause: string, ...values: SqlValue[]) => {
    where.push(clause)
    params.push(...values)
  }
  const inList = (column: string, values: readonly SqlValue[]) =>
    add(`${column} IN (${placeholders(values.length)})`, ...values)
  const inSide = (table: string, column: string, values: readonly SqlValue[]) =>
    add(
      `c.id IN (SELECT conversation FROM ${table} WHERE ${column} IN (${placeholders(values.length)}))`,
      ...values,
    )

  const start = roundWindow(filters.start)
  add('c.start_ms BETWEEN ? AND ?', start.from, start.to)
  if (filters.end) {
    const end = roundWindow(filters.end)
    add('c.end_ms BETWEEN ? AND ?', end.from, end.to)
  }
  if (filters.status) inList('c.status', filters.status)
  if (filters.latestSkillIds) inList('c.latest_skill_id', filters.latestSkillIds)
  if (filters.latestAgentIds) inList('c.latest_agent_id', filters.latestAgentIds)
  if (filters.source) inList('c.source', filters.source)
  if (filters.device) inList('c.device', filters.device)
  if (filters.latestConversationQueueState) {
    add('c.queue_state = ?', filters.latestConversationQueueState)
  }
  if (filters.alertedMcsValues) inList('c.alerted_mcs', filters.alertedMcsValues.map(Number))
  if (filters.mcs) add('c.mcs BETWEEN ? AND ?', filters.mcs.from, filters.mcs.to)
  if (filters.csat) add('c.csat BETWEEN ? AND ?', filters.csat.from, filters.csat.to)
  if (filters.nps) add('c.nps BETWEEN ? AND ?', filters.nps.from, filters.nps.to)
  if (filters.duration) {
    // Seconds, inclusive: a 120.4 s conversation is "120 seconds".
    add(
      'c.duration_ms BETWEEN ? AND ?',
      filters.duration.from * 1000,
      filters.duration.to * 1000 + 999,
    )
  }
  if (filters.skillIds) inSide('conversation_skills', 'skill_id', filters.skillIds)
  if (filters.agentIds) inSide('conversation_agents', 'agent_id', filters.agentIds)
  if (filters.agentGroupIds) inSide('conversation_groups', 'group_id', filters.agentGroupIds)
  if (filters.messageContentTypes) {
    inSide('conversation_content_types', 'content_type', filters.messageContentTypes)
  }
  if (filters.sdeSearch) {
    const ors = filters.sdeSearch.map(() => '(sde_key = ? AND value = ?)').join(' OR ')
    add(
      `c.id IN (SELECT conversation FROM conversation_sde WHERE ${ors})`,
      ...filters.sdeSearch.flatMap((entry) => [entry.key, foldText(entry.value)]),
    )
  }

  const match = [
    filters.keyword ? buildMatchExpression(filters.keyword, 'messages') : undefined,
    filters.summary ? buildMatchExpression(filters.summary, 'summary') : undefined,
  ].filter((part): part is string => part !== undefined)
  if (match.length > 0) {
    add(
      'c.id IN (SELECT rowid FROM conversation_text WHERE conversation_text MATCH ?)',
      match.join(' AND '),
    )
  }

  return { where: where.join(' AND '), params, usesText: match.length > 0 }
}

export function orderBy(field: 'start' | 'end', order: 'asc' | 'desc'): string {
  const column = field === 'end' ? 'c.end_ms' : 'c.start_ms'
  const direction = order === 'asc' ? 'ASC' : 'DESC'
  return `${column} ${direction}, c.id ${direction}`
}
