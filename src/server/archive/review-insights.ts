import { parseJson } from '@/domain/schema/coerce'
import type { SearchFilters } from '@/domain/schema/search-request'
import type { ReviewInsights } from '@/domain/schema/review-insights'
import { criteriaOf, roundScore, scorecardDefinitionSchema } from '@/domain/schema/reviews'
import { wallClock, zonedTime } from '@/domain/time-zone'
import type { CompiledFilters, SqlValue } from '@/server/archive/query'
import { REVIEW_FACTS, REVIEW_FAILURES, WORKSPACE_SCHEMA } from '@/server/archive/review-facts'
import {
  reviewConditions,
  visibleReviews,
  type Fragment,
  type ReviewVisibility,
} from '@/server/archive/review-filter'
import type { ArchiveDatabase } from '@/server/archive/db'
import { windowsBetween, type InsightBucket } from '@/server/archive/insights'
import type { StatementCache } from '@/server/archive/statement-cache'

/**
 * Issue 15's QA charts (src/domain/schema/review-insights.ts), counted in SQL over the search's
 * conversations joined to the reviews' facts (review-facts.ts) the reader may see, so each mark's
 * count is the count of the list its link finds: its link adds `status: reviewed` and the mark's
 * key (`agent`, `failedCriterion`) to the search's own review filter, whose keys all hold on one
 * and the same review, which is what is counted here (a submitted, visible review matching the
 * search's review filter and the mark). That list is within the search's: a review counted here
 * also matches the search's review filter, unless the filter asks only for conversations without
 * a submitted review (`status` without `reviewed`), and then nothing is counted.
 */

const DAY = 24 * 3_600_000
/** Daily points up to this long a window; weekly (from Monday) beyond it. */
const DAILY_UP_TO = 14 * DAY
/** The agents with most reviews shown, and the criteria that fail most. */
export const TOP_AGENTS = 8
export const TOP_CRITERIA = 15

/** A period: its window clipped to the search's, and that window as the search rounds it. */
export type ReviewPeriod = InsightBucket

/** The days (or weeks from Monday, beyond 14 days) of a window in `zone`, clipped to it. */
export function reviewPeriods(
  window: { from: number; to: number },
  zone: string,
): { unit: 'day' | 'week'; periods: ReviewPeriod[] } {
  const unit = window.to - window.from <= DAILY_UP_TO ? 'day' : 'week'
  const first = wallClock(window.from, zone)
  // Monday of the first day's week (getUTCDay: 0 is Sunday).
  const back =
    unit === 'week'
      ? (new Date(Date.UTC(first.year, first.month - 1, first.day)).getUTCDay() + 6) % 7
      : 0
  const step = unit === 'week' ? 7 : 1
  const edges: number[] = []
  for (let day = first.day - back; ; day += step) {
    const edge = zonedTime(zone, first.year, first.month, day)
    edges.push(edge)
    if (edge > window.to) break
  }
  return { unit, periods: windowsBetween(edges, window) }
}

const join = (parts: readonly Fragment[]): Fragment => ({
  sql: parts.map((part) => `(${part.sql})`).join(' AND '),
  params: parts.flatMap((part) => part.params),
})

const average = (value: unknown): number | null =>
  typeof value === 'number' ? roundScore(value) : null

/** The QA charts of a search (see the file's comment); `compiled` is the search's own filter. */
export function reviewInsights(
  db: ArchiveDatabase,
  prepare: StatementCache['prepare'],
  filters: SearchFilters,
  compiled: CompiledFilters,
  zone: string,
  visibility: ReviewVisibility,
): ReviewInsights {
  const { unit, periods } = reviewPeriods(filters.start, zone)
  const empty: ReviewInsights = {
    reviewed: 0,
    reviews: 0,
    scores: {
      unit,
      periods: periods.map(({ from, to }) => ({ from, to })),
      agents: [],
      otherAgents: 0,
    },
    failing: { criteria: [], otherCriteria: 0 },
  }
  const statuses = filters.review?.status
  if (statuses?.length && !statuses.includes('reviewed')) return empty

  const { row } = filters.review ? reviewConditions(filters.review) : { row: [] }
  const counted = join([
    { sql: compiled.where, params: compiled.params },
    { sql: "r.state = 'submitted'", params: [] },
    ...visibleReviews(visibility),
    ...row,
  ])
  // From the facts (a review each, a few thousand) to their conversations by row ID.
  const from = `FROM ${REVIEW_FACTS} r CROSS JOIN conversations c ON c.id = r.conversation`
  const all = (sql: string, params: readonly SqlValue[]) =>
    prepare(sql)
      .raw()
      .all(...params) as unknown[][]

  // Whole window, by agent: which agents are shown (most reviews first).
  const byAgent = all(
    `SELECT r.leg_agent_id, count(DISTINCT c.id), count(*), avg(r.percent) ${from} WHERE ${counted.sql} GROUP BY 1`,
    counted.params,
  )
    .map(([agentId, conversations, reviews, mean]) => ({
      agentId: String(agentId),
      conversations: Number(conversations),
      reviews: Number(reviews),
      average: average(mean),
    }))
    .sort(
      (a, b) =>
        b.reviews - a.reviews ||
        b.conversations - a.conversations ||
        (a.agentId < b.agentId ? -1 : 1),
    )
  if (byAgent.length === 0) return empty
  const totals =
    all(`SELECT count(DISTINCT c.id), count(*) ${from} WHERE ${counted.sql}`, counted.params)[0] ??
    []

  const shown = byAgent.slice(0, TOP_AGENTS)
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS review_periods (id INTEGER PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL)',
  )
  db.transaction(() => {
    prepare('DELETE FROM temp.review_periods').run()
    const insert = prepare('INSERT INTO temp.review_periods (id, lo, hi) VALUES (?, ?, ?)')
    periods.forEach((period, i) => insert.run(i, period.searched.from, period.searched.to))
  })()
  const agentIds = shown.map((agent) => agent.agentId)
  const points = new Map<string, ReviewInsights['scores']['agents'][number]['points']>()
  for (const [period, agentId, conversations, reviews, mean] of all(
    `SELECT p.id, r.leg_agent_id, count(DISTINCT c.id), count(*), avg(r.percent) ${from}
       JOIN temp.review_periods p ON c.start_ms BETWEEN p.lo AND p.hi
     WHERE ${counted.sql} AND r.leg_agent_id IN (${agentIds.map(() => '?').join(', ')})
     GROUP BY 1, 2 ORDER BY 1`,
    [...counted.params, ...agentIds],
  )) {
    const key = String(agentId)
    const list = points.get(key) ?? []
    list.push({
      period: Number(period),
      conversations: Number(conversations),
      reviews: Number(reviews),
      average: average(mean),
    })
    points.set(key, list)
  }
  const nameOf = prepare(
    `SELECT leg_agent_name FROM ${WORKSPACE_SCHEMA}.reviews WHERE leg_agent_id = ? AND leg_agent_name IS NOT NULL ORDER BY updated_ms DESC LIMIT 1`,
  ).pluck()
  const agents = shown.map((agent) => {
    const name: unknown = nameOf.get(agent.agentId)
    return {
      ...agent,
      ...(typeof name === 'string' && name !== '' ? { name } : {}),
      points: points.get(agent.agentId) ?? [],
    }
  })

  // The criteria that fail most; within the search's own `failedCriterion` when it has one.
  const asked = filters.review?.failedCriterion ?? []
  const within: Fragment =
    asked.length > 0
      ? {
          sql: asked.map(() => '(r.scorecard_id = ? AND x.criterion = ?)').join(' OR '),
          params: asked.flatMap(({ scorecard, criterion }) => [scorecard, criterion]),
        }
      : { sql: '1', params: [] }
  const failures = all(
    `SELECT r.scorecard_id, x.criterion, count(DISTINCT c.id), count(*) ${from}
       CROSS JOIN ${REVIEW_FAILURES} x ON x.review = r.review
     WHERE ${counted.sql} AND (${within.sql}) GROUP BY 1, 2`,
    [...counted.params, ...within.params],
  )
    .map(([scorecard, criterion, conversations, reviews]) => ({
      scorecard: Number(scorecard),
      criterion: String(criterion),
      conversations: Number(conversations),
      reviews: Number(reviews),
    }))
    .sort(
      (a, b) =>
        b.conversations - a.conversations ||
        b.reviews - a.reviews ||
        a.scorecard - b.scorecard ||
        (a.criterion < b.criterion ? -1 : 1),
    )
  const names = criterionNames(
    prepare,
    new Set(failures.slice(0, TOP_CRITERIA).map((failure) => failure.scorecard)),
  )
  const criteria = failures.slice(0, TOP_CRITERIA).map((failure) => {
    const card = names.get(failure.scorecard)
    return {
      ...failure,
      scorecardName: card?.name ?? `Scorecard #${String(failure.scorecard)}`,
      name: card?.criteria.get(failure.criterion) ?? failure.criterion,
    }
  })
  return {
    reviewed: Number(totals[0] ?? 0),
    reviews: Number(totals[1] ?? 0),
    scores: {
      unit,
      periods: periods.map(({ from: start, to }) => ({ from: start, to })),
      agents,
      otherAgents: byAgent.length - shown.length,
    },
    failing: { criteria, otherCriteria: failures.length - criteria.length },
  }
}

/** Each scorecard's name and its criteria's names, newest version first (IDs are kept across). */
function criterionNames(
  prepare: StatementCache['prepare'],
  scorecards: ReadonlySet<number>,
): Map<number, { name: string; criteria: Map<string, string> }> {
  const out = new Map<number, { name: string; criteria: Map<string, string> }>()
  const versions = prepare(
    `SELECT s.name, v.definition FROM ${WORKSPACE_SCHEMA}.scorecards s
       JOIN ${WORKSPACE_SCHEMA}.scorecard_versions v ON v.scorecard_id = s.id
     WHERE s.id = ? ORDER BY v.version DESC`,
  ).raw()
  for (const id of scorecards) {
    const criteria = new Map<string, string>()
    let name: string | undefined
    for (const [cardName, text] of versions.all(id) as [string, string][]) {
      name ??= cardName
      const json = parseJson(text)
      const parsed = scorecardDefinitionSchema.safeParse(json.ok ? json.value : undefined)
      if (!parsed.success) continue
      for (const criterion of criteriaOf(parsed.data)) {
        if (!criteria.has(criterion.id)) criteria.set(criterion.id, criterion.name)
      }
    }
    out.set(id, { name: name ?? `Scorecard #${String(id)}`, criteria })
  }
  return out
}
