import { roundWindow, type SearchFilters } from '@/domain/schema/search-request'
import { buildMatchExpression } from '@/server/archive/fts-query'
import { scopeClause, EVERYTHING, type ReadScope } from '@/server/archive/read-scope'
import { ALL_REVIEWS, reviewClause, type ReviewVisibility } from '@/server/archive/review-filter'
import { foldText, sdeToken } from '@/server/archive/text'

export type SqlValue = string | number

/** A WHERE clause over `conversations c` and its parameters. */
export interface CompiledFilters {
  where: string
  params: SqlValue[]
  /**
   * True when the filters are only a time window, which a covering index counts cheaply; any
   * other filter makes counting a scan, and then one pass computes both the count and the page.
   */
  windowOnly: boolean
  /**
   * Set when the filters are a time window and a review filter that is one set of
   * conversations (issue 13), with no scope: the count comes from the reviews' facts, which hold
   * each conversation's start and end (the set's distinct conversations, or the window's count
   * less them for "not reviewed"), and the page is read apart, walking the window when the set
   * is dense in it and driven from the set when not (`archive-reader.ts`).
   */
  reviewSet?: {
    /** The window's clauses alone, and their parameters. */
    window: string
    windowParams: SqlValue[]
    set: string
    setParams: SqlValue[]
    negated: boolean
  }
}

export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')

/**
 * Compiles validated search filters to SQL. Every value is a bound parameter; text searches go
 * through {@link buildMatchExpression}, which quotes every word, so no user input reaches the
 * SQL or FTS grammar.
 */
/**
 * How many conversations carry any of these skills / agents / groups (from the facet counts), so
 * the query can start from the side table when that is small, and from the time window when not.
 */
export type SideTableEstimate = (
  kind: 'skill' | 'agent' | 'group',
  ids: readonly string[],
) => number

/** Below this many conversations a skill/agent/group filter drives the query. */
const SELECTIVE = 3000

export function compileFilters(
  filters: SearchFilters,
  estimate: SideTableEstimate = () => 0,
  scope: ReadScope = EVERYTHING,
  reviews: ReviewVisibility = ALL_REVIEWS,
): CompiledFilters {
  const where: string[] = []
  const params: SqlValue[] = []
  const add = (clause: string, ...values: SqlValue[]) => {
    where.push(clause)
    params.push(...values)
  }
  const inList = (column: string, values: readonly SqlValue[]) =>
    add(`${column} IN (${placeholders(values.length)})`, ...values)
  // `+c.id` keeps SQLite from starting at the side table: for a common skill or content type it
  // is faster to walk the time window and probe the (bloom-filtered) list of matches.
  const inSide = (table: string, column: string, values: readonly SqlValue[], drive: boolean) =>
    add(
      `${drive ? '' : '+'}c.id IN (SELECT conversation FROM ${table} WHERE ${column} IN (${placeholders(values.length)}))`,
      ...values,
    )
  const selective = (kind: 'skill' | 'agent' | 'group', ids: readonly string[]) =>
    estimate(kind, ids) <= SELECTIVE

  const start = roundWindow(filters.start)
  add('c.start_ms BETWEEN ? AND ?', start.from, start.to)
  const end = filters.end ? roundWindow(filters.end) : undefined
  if (end) add('c.end_ms BETWEEN ? AND ?', end.from, end.to)
  if (filters.status) inList('c.status', filters.status)
  if (filters.latestSkillIds) inList('c.latest_skill_id', filters.latestSkillIds)
  if (filters.latestAgentIds) inList('c.latest_agent_id', filters.latestAgentIds)
  if (filters.source) inList('c.source', filters.source)
  if (filters.device) inList('c.device', filters.device)
  if (filters.latestConversationQueueState) {
    add('c.queue_state = ?', filters.latestConversationQueueState)
  }
  if (filters.alertedMcsValues) inList('c.alerted_mcs', filters.alertedMcsValues.map(Number))
  // Ranges of scores and transfers are checked row by row (`+`): their indexes (archive migration
  // 7) are the insights' own, and without statistics of values a wide range (MCS 30 to 100)
  // looked selective to the planner and made a filter combination twice as slow.
  if (filters.mcs) add('+c.mcs BETWEEN ? AND ?', filters.mcs.from, filters.mcs.to)
  if (filters.csat) add('+c.csat BETWEEN ? AND ?', filters.csat.from, filters.csat.to)
  if (filters.nps) add('c.nps BETWEEN ? AND ?', filters.nps.from, filters.nps.to)
  if (filters.duration) {
    // Seconds, inclusive: a 120.4 s conversation is "120 seconds".
    add(
      'c.duration_ms BETWEEN ? AND ?',
      filters.duration.from * 1000,
      filters.duration.to * 1000 + 999,
    )
  }
  // Issue 15: our close-reason and transfer filters (not LivePerson's).
  if (filters.closeReasons) inList('c.close_reason', filters.closeReasons)
  if (filters.transferCount) {
    add('+c.transfer_count BETWEEN ? AND ?', filters.transferCount.from, filters.transferCount.to)
  }
  if (filters.transferPath) {
    add(
      '+c.id IN (SELECT conversation FROM conversation_transfers WHERE source_skill_id = ? AND target_skill_id = ?)',
      filters.transferPath.from,
      filters.transferPath.to,
    )
  }
  // Issue 15: one value of a charted SDE field (text, ASCII case ignored; or a number range, from
  // included and to not), as the SDE chart counts it.
  if (filters.sdeValue) {
    const { field } = filters.sdeValue
    if (filters.sdeValue.value !== undefined) {
      add(
        'c.id IN (SELECT conversation FROM conversation_sde_values WHERE field = ? AND text_value = ?)',
        field,
        filters.sdeValue.value,
      )
    } else {
      const { from, to } = filters.sdeValue
      add(
        `c.id IN (SELECT conversation FROM conversation_sde_values WHERE field = ?${from === undefined ? '' : ' AND num_value >= ?'}${to === undefined ? '' : ' AND num_value < ?'})`,
        field,
        ...(from === undefined ? [] : [from]),
        ...(to === undefined ? [] : [to]),
      )
    }
  }
  if (filters.skillIds) {
    const ids = filters.skillIds
    inSide('conversation_skills', 'skill_id', ids, selective('skill', ids))
  }
  if (filters.agentIds) {
    const ids = filters.agentIds
    inSide('conversation_agents', 'agent_id', ids, selective('agent', ids))
  }
  if (filters.agentGroupIds) {
    const ids = filters.agentGroupIds
    inSide('conversation_groups', 'group_id', ids, selective('group', ids))
  }
  if (filters.messageContentTypes) {
    inSide('conversation_content_types', 'content_type', filters.messageContentTypes, false)
  }
  if (filters.sdeSearch) {
    const tokens = filters.sdeSearch.map(
      (entry) => `"${sdeToken(entry.key, foldText(entry.value))}"`,
    )
    add(
      'c.id IN (SELECT rowid FROM conversation_sde_text WHERE conversation_sde_text MATCH ?)',
      tokens.join(' OR '),
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

  // Issue 13: the reviews the reader may see, from the attached workspace (review-filter.ts).
  const reviewed = reviewClause(filters.review, reviews, { start, ...(end ? { end } : {}) })
  if (reviewed) add(reviewed.sql, ...reviewed.params)

  const windowClauses = filters.end ? 2 : 1
  const windowOnly = where.length === windowClauses
  const reviewOnly = where.length === windowClauses + 1 && reviewed?.set
  const windowWhere = where.slice(0, windowClauses).join(' AND ')
  const windowParams = params.slice(0, filters.end ? 4 : 2)
  // The reader's scope is one more clause, applied to every search, count and page alike.
  const scoped = scopeClause(scope)
  if (scoped) add(scoped.sql, ...scoped.params)
  return {
    where: where.join(' AND '),
    params,
    windowOnly: windowOnly && scoped === undefined,
    ...(reviewOnly && scoped === undefined
      ? {
          reviewSet: {
            window: windowWhere,
            windowParams,
            set: reviewOnly.sql,
            setParams: reviewOnly.params,
            negated: reviewOnly.negated,
          },
        }
      : {}),
  }
}

export function orderBy(field: 'start' | 'end', order: 'asc' | 'desc'): string {
  const column = field === 'end' ? 'c.end_ms' : 'c.start_ms'
  const direction = order === 'asc' ? 'ASC' : 'DESC'
  return `${column} ${direction}, c.id ${direction}`
}
