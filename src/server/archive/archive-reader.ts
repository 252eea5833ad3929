import type { SearchFilters } from '@/domain/schema/search-request'
import type { ArchiveDatabase } from '@/server/archive/db'
import { EVERYTHING, scopeClause, type ReadScope } from '@/server/archive/read-scope'
import type { ReviewVisibility } from '@/server/archive/review-filter'
import type { Insights } from '@/domain/schema/insights'
import type { ReviewInsights } from '@/domain/schema/review-insights'
import { reviewInsights } from '@/server/archive/review-insights'
import { ALL_REVIEWS } from '@/server/archive/review-filter'
import { assembleInsights, insightBuckets, type InsightRows } from '@/server/archive/insights'
import { queryInsights, type InsightPart } from '@/server/archive/insight-queries'
import {
  compileFilters,
  orderBy,
  type CompiledFilters,
  type SideTableEstimate,
  type SqlValue,
} from '@/server/archive/query'
import { assembleRecord, SECTION_COLUMNS, type SectionColumn } from '@/server/archive/record-output'
import { num, rowsOf, str } from '@/server/archive/sql-rows'
import type { StatementCache } from '@/server/archive/statement-cache'
import type { SdeValues } from '@/domain/schema/sde-insights'
import { countSdeValues } from '@/server/archive/sde-values'

/** Which page of matches, in which order. */
export interface Page {
  offset: number
  limit: number
  sortField: 'start' | 'end'
  sortOrder: 'asc' | 'desc'
}

/** A page of records (JSON text with the asked sections) and the total number of matches. */
export interface SearchResult {
  count: number
  records: string[]
}

/** The reading half of the archive: search, records by ID, a consumer's conversations. */
export interface ArchiveReader {
  /**
   * A page of matches and their count. `reviews`: which reviews a review filter sees (default
   * all); a review filter needs the workspace attached (`Archive.attachWorkspace`).
   */
  search(
    filters: SearchFilters,
    page: Page,
    sections: readonly SectionColumn[],
    scope?: ReadScope,
    reviews?: ReviewVisibility,
  ): SearchResult
  /**
   * Records for the IDs that exist in `scope`, in the order asked; one outside it is left out
   * exactly as one that does not exist.
   */
  byIds(
    conversationIds: readonly string[],
    sections: readonly SectionColumn[],
    scope?: ReadScope,
  ): string[]
  byConsumer(
    consumerId: string,
    statuses: readonly string[],
    page: Page,
    sections: readonly SectionColumn[],
    scope?: ReadScope,
  ): SearchResult
  /**
   * Issue 15: what the conversations a search finds look like (counts by time, status, channel,
   * device, MCS and CSAT), over exactly those conversations; days and hours are `zone`'s.
   */
  insights(
    filters: SearchFilters,
    zone: string,
    scope?: ReadScope,
    reviews?: ReviewVisibility,
  ): Insights
  /**
   * The rows of some parts of {@link ArchiveReader.insights} (what a worker thread of
   * insights-pool.ts runs; the caller assembles them with `assembleInsights`).
   */
  insightRows(
    filters: SearchFilters,
    zone: string,
    scope: ReadScope,
    parts: readonly InsightPart[],
  ): InsightRows
  conversationCount(): number
  /**
   * Issue 15: the values of a charted SDE field (domain/sde-fields.ts) among the conversations a
   * search finds (sde-values.ts).
   */
  sdeValues(
    filters: SearchFilters,
    field: string,
    scope?: ReadScope,
    reviews?: ReviewVisibility,
  ): SdeValues

  /**
   * Issue 15: the QA charts of a search (review-insights.ts): scores by reviewed agent over time
   * and the criteria that fail most, over the reviews `reviews` lets the reader see. Needs the
   * workspace attached (its facts fresh: `Archive` refreshes them).
   */
  reviewInsights(
    filters: SearchFilters,
    zone: string,
    scope?: ReadScope,
    reviews?: ReviewVisibility,
  ): ReviewInsights
}

/** Matches read faster driven from a review set than by walking the window, whatever its size. */
const DRIVE_AT_MOST = 500
/** Rows of the window's index walked (and probed) in the time one match is driven and sorted. */
const WALK_PER_MATCH = 30

/**
 * Reads the archive `db`; SQL that varies per request is prepared through `statements`, and
 * `estimate` (the facet counts) tells the filters how selective a skill, agent or group is.
 */
export function createArchiveReader(
  db: ArchiveDatabase,
  statements: StatementCache,
  estimate: SideTableEstimate,
): ArchiveReader {
  const prepare = (sql: string) => statements.prepare(sql)
  const idOf = db.prepare('SELECT id FROM conversations WHERE conversation_id = ?').pluck()

  const recordsByIds = (ids: readonly number[], sections: readonly SectionColumn[]): string[] => {
    if (ids.length === 0) return []
    const columns = SECTION_COLUMNS.filter((column) => sections.includes(column))
    const select = columns.map((column) => `"${column}"`).join(', ')
    const rows = prepare(
      `SELECT id${select ? `, ${select}` : ''} FROM conversation_sections WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ).all(...ids)
    const byId = new Map<number, string>()
    for (const row of rowsOf(rows)) {
      byId.set(
        num(row.id),
        assembleRecord(columns, (column) => str(row[column])),
      )
    }
    return ids.flatMap((id) => {
      const json = byId.get(id)
      return json === undefined ? [] : [json]
    })
  }

  /**
   * One page and the total count. A bare time window is counted on its covering index and the
   * page read separately; otherwise one query finds every match once, sorted, and reports the
   * total with a window function (instead of running the same scan twice).
   */
  const pageOf = (
    where: string,
    params: SqlValue[],
    page: Page,
    sections: readonly SectionColumn[],
    windowOnly: boolean,
  ): SearchResult => {
    const order = orderBy(page.sortField, page.sortOrder)
    if (windowOnly) {
      const count = num(
        prepare(`SELECT count(*) FROM conversations c WHERE ${where}`)
          .pluck()
          .get(...params),
      )
      if (count === 0 || page.offset >= count) return { count, records: [] }
      const ids = prepare(
        `SELECT c.id FROM conversations c WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
        .pluck()
        .all(...params, page.limit, page.offset)
        .map(num)
      return { count, records: recordsByIds(ids, sections) }
    }
    const rows = rowsOf(
      prepare(
        `SELECT c.id AS id, count(*) OVER () AS total FROM conversations c WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ).all(...params, page.limit, page.offset),
    )
    const first = rows[0]
    if (first === undefined) {
      // Past the last page (or no match): the count still has to be told.
      if (page.offset === 0) return { count: 0, records: [] }
      const count = num(
        prepare(`SELECT count(*) FROM conversations c WHERE ${where}`)
          .pluck()
          .get(...params),
      )
      return { count, records: [] }
    }
    return {
      count: num(first.total),
      records: recordsByIds(
        rows.map((row) => num(row.id)),
        sections,
      ),
    }
  }

  /**
   * A time window and one set of reviewed (or, negated, unreviewed) conversations: counted from
   * the set (and the window's covering index), then the page, read one of two ways. Driving from
   * the set looks up and sorts every match; walking the window in order probes about
   * (offset + limit) × window ÷ matches rows of its index. On the bench machine a match driven
   * costs about as much as {@link WALK_PER_MATCH} rows walked, so a few thousand matches in a
   * window of 65,000 are read faster walking, and a few hundred faster driven.
   */
  const reviewSetPage = (
    reviewSet: NonNullable<CompiledFilters['reviewSet']>,
    page: Page,
    sections: readonly SectionColumn[],
  ): SearchResult => {
    const { window, windowParams, set, setParams, negated } = reviewSet
    const matched = num(
      prepare(`SELECT count(DISTINCT conversation) FROM (${set})`)
        .pluck()
        .get(...setParams),
    )
    const small = !negated && matched <= DRIVE_AT_MOST
    const inWindow = small
      ? matched
      : num(
          prepare(`SELECT count(*) FROM conversations c WHERE ${window}`)
            .pluck()
            .get(...windowParams),
        )
    const count = negated ? inWindow - matched : matched
    if (count <= 0 || page.offset >= count) return { count: Math.max(0, count), records: [] }
    const walk =
      negated || (!small && (page.offset + page.limit) * inWindow < WALK_PER_MATCH * count * count)
    const ids = prepare(
      `SELECT c.id FROM conversations c WHERE ${window} AND ${walk ? '+' : ''}c.id ${negated ? 'NOT IN' : 'IN'} (${set}) ORDER BY ${orderBy(page.sortField, page.sortOrder)} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...windowParams, ...setParams, page.limit, page.offset)
      .map(num)
    return { count, records: recordsByIds(ids, sections) }
  }

  return {
    search(filters, page, sections, scope = EVERYTHING, reviews) {
      const compiled = compileFilters(filters, estimate, scope, reviews)
      if (compiled.reviewSet) return reviewSetPage(compiled.reviewSet, page, sections)
      return pageOf(compiled.where, compiled.params, page, sections, compiled.windowOnly)
    },
    insights(filters, zone, scope = EVERYTHING, reviews) {
      const compiled = compileFilters(filters, estimate, scope, reviews)
      const { unit, buckets } = insightBuckets(filters.start, zone)
      const rows = queryInsights(db, prepare, filters, compiled, buckets)
      return assembleInsights(unit, buckets, rows)
    },
    insightRows(filters, zone, scope, parts) {
      const compiled = compileFilters(filters, estimate, scope)
      const { buckets } = insightBuckets(filters.start, zone)
      return queryInsights(db, prepare, filters, compiled, buckets, parts)
    },
    byIds(conversationIds, sections, scope = EVERYTHING) {
      const scoped = scopeClause(scope)
      const lookup = scoped
        ? prepare(
            `SELECT c.id FROM conversations c WHERE c.conversation_id = ? AND ${scoped.sql}`,
          ).pluck()
        : idOf
      const ids: number[] = []
      for (const conversationId of conversationIds) {
        const id: unknown = lookup.get(conversationId, ...(scoped?.params ?? []))
        if (typeof id === 'number') ids.push(id)
      }
      return recordsByIds(ids, sections)
    },
    byConsumer(consumerId, statuses, page, sections, scope = EVERYTHING) {
      const scoped = scopeClause(scope)
      const where = [
        'c.id IN (SELECT conversation FROM conversation_consumers WHERE consumer_id = ?)',
        `c.status IN (${statuses.map(() => '?').join(', ')})`,
        ...(scoped ? [scoped.sql] : []),
      ].join(' AND ')
      return pageOf(
        where,
        [consumerId, ...statuses, ...(scoped?.params ?? [])],
        page,
        sections,
        false,
      )
    },
    sdeValues(filters, field, scope = EVERYTHING, reviews) {
      const compiled = compileFilters(filters, estimate, scope, reviews)
      return countSdeValues(prepare, filters, compiled, field)
    },
    reviewInsights(filters, zone, scope = EVERYTHING, reviews = ALL_REVIEWS) {
      const compiled = compileFilters(filters, estimate, scope, reviews)
      return reviewInsights(db, prepare, filters, compiled, zone, reviews)
    },
    conversationCount: () => num(db.prepare('SELECT count(*) FROM conversations').pluck().get()),
  }
}
