import type { SearchReviewFilter } from '@/domain/schema/search-request'
import type { SqlValue } from '@/server/archive/query'

/**
 * The search's review filter (issue 13, our extension of LivePerson's search) as one clause over
 * `conversations c`: indexed sub-selects over the reviews table of the workspace database,
 * attached to the archive's connection as `ws` (read only by these clauses), so the filter
 * runs in the same query as every other filter, the count and the page.
 *
 * Which reviews count is the reader's (`ReviewVisibility`): everyone but an agent sees every
 * review of the conversations they may see (the search's scope already keeps the others out);
 * an agent sees only submitted reviews of their own legs, so a filter never tells an agent of a
 * draft, or of a review of another agent's leg.
 *
 * - `status`: any of `none` (no review the reader may see), `draft` (a draft and no submitted
 *   review) and `reviewed` (a submitted review);
 * - `minScore`, `maxScore`, `reviewer` (author email, any case), `scorecard`, `disputed` (open
 *   disputes or none): all of them on one and the same review; a score range only matches
 *   submitted reviews. They describe a review, so with any of them `none` matches nothing.
 */
export type ReviewVisibility = { all: true } | { all: false; agentId: string | undefined }

export const ALL_REVIEWS: ReviewVisibility = { all: true }

/** The schema name the workspace database is attached under. */
export const WORKSPACE_SCHEMA = 'ws'

/** True when the filter asks for anything (an empty object or empty lists filter nothing). */
export function hasReviewConditions(filter: SearchReviewFilter | undefined): boolean {
  if (!filter) return false
  return (
    (filter.status?.length ?? 0) > 0 ||
    filter.minScore !== undefined ||
    filter.maxScore !== undefined ||
    (filter.reviewer?.length ?? 0) > 0 ||
    (filter.scorecard?.length ?? 0) > 0 ||
    filter.disputed !== undefined
  )
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')

interface Fragment {
  sql: string
  params: SqlValue[]
  /** True for "no review" alone: a clause that keeps most of a time window. */
  mostOfTheWindow?: boolean
}

const join = (parts: readonly Fragment[], operator: string): Fragment => ({
  sql: parts.map((part) => part.sql).join(` ${operator} `),
  params: parts.flatMap((part) => part.params),
})

/** The clause, or undefined when the filter asks for nothing. */
export function reviewClause(
  filter: SearchReviewFilter | undefined,
  visibility: ReviewVisibility,
): Fragment | undefined {
  if (!filter || !hasReviewConditions(filter)) return undefined

  const visible: Fragment[] = visibility.all
    ? []
    : visibility.agentId
      ? [{ sql: "r.state = 'submitted' AND r.leg_agent_id = ?", params: [visibility.agentId] }]
      : [{ sql: '0', params: [] }]

  // What the one review must be, apart from its state.
  const row: Fragment[] = []
  if (filter.reviewer?.length) {
    // `author_email` is COLLATE NOCASE: any case matches, on its index.
    row.push({
      sql: `r.author_email IN (${placeholders(filter.reviewer.length)})`,
      params: filter.reviewer,
    })
  }
  if (filter.scorecard?.length) {
    row.push({
      sql: `r.scorecard_id IN (${placeholders(filter.scorecard.length)})`,
      params: filter.scorecard,
    })
  }
  if (filter.disputed !== undefined) {
    row.push({ sql: filter.disputed ? 'r.open_disputes > 0' : 'r.open_disputes = 0', params: [] })
  }
  const scored = filter.minScore !== undefined || filter.maxScore !== undefined
  if (filter.minScore !== undefined) row.push({ sql: 'r.percent >= ?', params: [filter.minScore] })
  if (filter.maxScore !== undefined) row.push({ sql: 'r.percent <= ?', params: [filter.maxScore] })

  const conversationsWith = (conditions: readonly Fragment[], negate = false): Fragment => {
    const where = conditions.length > 0 ? join(conditions, 'AND') : { sql: '1', params: [] }
    // The reviews' conversation IDs as archive row IDs (CROSS JOIN: from the reviews, each one
    // index lookup), so the outer query probes a set of integers: driven from the set when it is
    // small, and for NOT IN along the time window's covering index without reading its rows.
    return {
      sql: `c.id ${negate ? 'NOT IN' : 'IN'} (SELECT c2.id FROM ${WORKSPACE_SCHEMA}.reviews r CROSS JOIN main.conversations c2 ON c2.conversation_id = r.conversation_id WHERE ${where.sql})`,
      params: where.params,
    }
  }
  const submitted: Fragment = { sql: "r.state = 'submitted'", params: [] }
  const draft: Fragment = { sql: "r.state = 'draft'", params: [] }

  const statuses = filter.status?.length ? new Set(filter.status) : undefined
  if (!statuses) return conversationsWith([...visible, ...(scored ? [submitted] : []), ...row])

  const any: Fragment[] = []
  if (statuses.has('reviewed')) any.push(conversationsWith([...visible, submitted, ...row]))
  if (statuses.has('draft') && !scored) {
    const drafted = join(
      [
        conversationsWith([...visible, draft, ...row]),
        conversationsWith([...visible, submitted], true),
      ],
      'AND',
    )
    any.push({ sql: `(${drafted.sql})`, params: drafted.params })
  }
  if (statuses.has('none') && row.length === 0) {
    const none = conversationsWith(visible, true)
    // Alone, most of a window matches: counted apart from the page (see `CompiledFilters`).
    if (statuses.size === 1) return { ...none, mostOfTheWindow: true }
    any.push(none)
  }
  if (any.length === 0) return { sql: '0', params: [] }
  if (any.length === 1 && any[0]) return any[0]
  const either = join(any, 'OR')
  return { sql: `(${either.sql})`, params: either.params }
}
