import type { SearchReviewFilter } from '@/domain/schema/search-request'
import type { SqlValue } from '@/server/archive/query'
import { REVIEW_FACTS, REVIEW_FAILURES } from '@/server/archive/review-facts'

/**
 * The search's review filter (issue 13, our extension of LivePerson's search) as one clause over
 * `conversations c`: indexed sub-selects over the reviews' facts, which the archive's connection
 * keeps from the workspace database attached as `ws` (review-facts.ts) with each review's
 * conversation as its archive row ID, so the filter runs in the same query as every other
 * filter, the count and the page.
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
 * - Issue 15: `agent` (the reviewed leg's agent ID) and `failedCriterion` (a criterion the review
 *   fails, src/domain/review-failures.ts; submitted reviews only, as a score), also on the same
 *   review.
 */
export type ReviewVisibility = { all: true } | { all: false; agentId: string | undefined }

export const ALL_REVIEWS: ReviewVisibility = { all: true }

/** True when the filter asks for anything (an empty object or empty lists filter nothing). */
export function hasReviewConditions(filter: SearchReviewFilter | undefined): boolean {
  if (!filter) return false
  return (
    (filter.status?.length ?? 0) > 0 ||
    filter.minScore !== undefined ||
    filter.maxScore !== undefined ||
    (filter.reviewer?.length ?? 0) > 0 ||
    (filter.scorecard?.length ?? 0) > 0 ||
    filter.disputed !== undefined ||
    (filter.agent?.length ?? 0) > 0 ||
    (filter.failedCriterion?.length ?? 0) > 0
  )
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ')

export interface Fragment {
  sql: string
  params: SqlValue[]
}

/**
 * The clause, and when it is one set of conversations (`c.id IN` or `NOT IN` a sub-select of
 * the facts), that set: a search of a time window and this alone is counted from the facts
 * (see `CompiledFilters.reviewSet`).
 */
export interface ReviewClause extends Fragment {
  set?: { sql: string; params: SqlValue[]; negated: boolean }
}

const join = (parts: readonly Fragment[], operator: string): Fragment => ({
  sql: parts.map((part) => part.sql).join(` ${operator} `),
  params: parts.flatMap((part) => part.params),
})

/** A search's time windows (rounded as the search's own clauses), in epoch milliseconds. */
export interface ReviewWindow {
  start: { from: number; to: number }
  end?: { from: number; to: number }
}

/**
 * The clause, or undefined when the filter asks for nothing. `window` is the search's own: the
 * reviews' facts carry their conversation's start and end, so each sub-select keeps to the
 * window on its index, and the set the conversations are probed against is only the window's.
 * (The same condition as the search's window clause, so IN and NOT IN mean what they did.)
 */
export function reviewClause(
  filter: SearchReviewFilter | undefined,
  visibility: ReviewVisibility,
  window: ReviewWindow,
): ReviewClause | undefined {
  if (!filter || !hasReviewConditions(filter)) return undefined
  const inWindow: Fragment[] = [
    { sql: 'r.start_ms BETWEEN ? AND ?', params: [window.start.from, window.start.to] },
    ...(window.end
      ? [{ sql: 'r.end_ms BETWEEN ? AND ?', params: [window.end.from, window.end.to] }]
      : []),
  ]

  const visible = visibleReviews(visibility)
  const { row, scored } = reviewConditions(filter)

  const conversationsWith = (conditions: readonly Fragment[], negate = false): ReviewClause => {
    const where = join([...conditions, ...inWindow], 'AND')
    // A set of archive row IDs: driven from the set when it is small, and for NOT IN probed
    // along the time window's covering index without reading its rows.
    const set = `SELECT r.conversation FROM ${REVIEW_FACTS} r WHERE ${where.sql}`
    return {
      sql: `c.id ${negate ? 'NOT IN' : 'IN'} (${set})`,
      params: where.params,
      set: { sql: set, params: where.params, negated: negate },
    }
  }
  const submitted: Fragment = { sql: "r.state = 'submitted'", params: [] }
  const draft: Fragment = { sql: "r.state = 'draft'", params: [] }

  const statuses = filter.status?.length ? new Set(filter.status) : undefined
  if (!statuses) return conversationsWith([...visible, ...(scored ? [submitted] : []), ...row])

  const any: ReviewClause[] = []
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
    if (statuses.size === 1) return none
    any.push(none)
  }
  if (any.length === 0) return { sql: '0', params: [] }
  if (any.length === 1 && any[0]) return any[0]
  // Several: one clause, no longer one set.
  const either = join(any, 'OR')
  return { sql: `(${either.sql})`, params: either.params }
}

/** Which reviews the reader sees, as conditions over the facts `r` (none: every one). */
export function visibleReviews(visibility: ReviewVisibility): Fragment[] {
  return visibility.all
    ? []
    : visibility.agentId
      ? [{ sql: "r.state = 'submitted' AND r.leg_agent_id = ?", params: [visibility.agentId] }]
      : [{ sql: '0', params: [] }]
}

/**
 * What the one review must be, apart from its state and visibility, as conditions over the facts
 * `r`; `scored`: the filter names a score or a failed criterion, which only submitted reviews have.
 */
export function reviewConditions(filter: SearchReviewFilter): { row: Fragment[]; scored: boolean } {
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
  if (filter.minScore !== undefined) row.push({ sql: 'r.percent >= ?', params: [filter.minScore] })
  if (filter.maxScore !== undefined) row.push({ sql: 'r.percent <= ?', params: [filter.maxScore] })
  if (filter.agent?.length) {
    row.push({
      sql: `r.leg_agent_id IN (${placeholders(filter.agent.length)})`,
      params: filter.agent,
    })
  }
  if (filter.failedCriterion?.length) {
    const any = filter.failedCriterion.map(({ scorecard, criterion }) => ({
      sql: `(r.scorecard_id = ? AND EXISTS (SELECT 1 FROM ${REVIEW_FAILURES} x WHERE x.review = r.review AND x.criterion = ?))`,
      params: [scorecard, criterion],
    }))
    const either = join(any, 'OR')
    row.push({ sql: `(${either.sql})`, params: either.params })
  }
  const scored =
    filter.minScore !== undefined ||
    filter.maxScore !== undefined ||
    (filter.failedCriterion?.length ?? 0) > 0
  return { row, scored }
}
