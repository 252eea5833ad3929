import type { Statement } from 'better-sqlite3'
import { TOP_REPLY_ROWS, TOP_TRANSFER_PATHS } from '@/domain/schema/insights'
import type { SearchFilters } from '@/domain/schema/search-request'
import type { ArchiveDatabase } from '@/server/archive/db'
import {
  replyTimesSql,
  TRANSFERS_SQL,
  type InsightBucket,
  type InsightRows,
  type MarginalCounts,
  type MarginalRow,
  type ReplyTimeRow,
  type TransferPathRow,
  type ValueCount,
  type VolumeCounts,
  type VolumeRow,
} from '@/server/archive/insights'
import type { CompiledFilters } from '@/server/archive/query'

/**
 * Issue 15: the SQL of the insights, in parts that can run on different connections at once
 * (insights-pool.ts runs them in worker threads). Two ways to count:
 *
 * - **A bare start window** (no other filter, no scope) is counted from indexes alone (archive
 *   migration 7): for each value of a column (found by skipping through its index, a seek per
 *   value), the conversations in the window are one index range. No table row is read and
 *   nothing is sorted; on 100,000 conversations each column takes a few milliseconds instead of
 *   the 50 of a grouped scan (SQLite groups by sorting every row).
 * - **Any other search** is grouped over the conversations it finds, with the search's own
 *   WHERE clause, the list's: what the chart counts is what the list finds.
 */
export const INSIGHT_PARTS = ['volume', 'marginals', 'paths', 'agents', 'skills'] as const
export type InsightPart = (typeof INSIGHT_PARTS)[number]

/**
 * The parts in two groups of about equal cost, run at once by two workers (insights-pool.ts).
 * Measured on 100,000 conversations, a 30-day window (ms): agents 123 + MCS and the others 42
 * against skills 102 + transfer pairs 10 + volume 14 for a bare window (the Insights tab's
 * engagement-attribute card, 61, goes to the worker that finishes first); 165 + 134 against
 * 133 + 58 + 86 closed on mobile; 202 + 150 against 173 + 85 + 100 for a keyword.
 */
export const INSIGHT_GROUPS: readonly (readonly InsightPart[])[] = [
  ['agents', 'marginals'],
  ['skills', 'paths', 'volume'],
]

type Prepare = (sql: string) => Statement

/**
 * A CTE `v(value)` of the distinct values of `column` in `table`, in index order and then NULL
 * (whether or not a row has none): each found by one seek past the last in the index on `column`,
 * so a column with a handful of values costs a handful of seeks however many rows it has.
 */
const valuesOf = (table: string, column: string) => `
  v(value) AS (
    SELECT min(${column}) FROM ${table}
    UNION ALL
    SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > v.value) FROM v
    WHERE v.value IS NOT NULL
  )`

/**
 * `[value, aggregate]` for each value of `column` in `table` ({@link valuesOf}), the aggregate
 * over its rows whose `start_ms` is in the window (the two parameters): one range of the index on
 * (`column`, start_ms, ...). Materialized, so each aggregate runs once however it is filtered.
 */
const perValue = (table: string, column: string, aggregate: string) => `
  WITH RECURSIVE ${valuesOf(table, column)},
  r(value, n) AS MATERIALIZED (
    SELECT v.value, (SELECT ${aggregate} FROM ${table} t
      WHERE t.${column} IS v.value AND t.start_ms BETWEEN ? AND ?) FROM v
  )`

const bareCounts = (prepare: Prepare, column: string, window: readonly number[]) =>
  prepare(`${perValue('conversations', column, 'count(*)')} SELECT value, n FROM r WHERE n > 0`)
    .raw()
    .all(...window) as ValueCount[]

/**
 * Channels are NOCASE: a value found in the index is one spelling of all its cases, the one of
 * the archive's first conversation. The chart names a channel by its first spelling in byte
 * order among the search's own conversations, read from the same range as the count.
 */
const bareChannels = (prepare: Prepare, window: readonly number[]): ValueCount[] =>
  (
    prepare(
      `${perValue('conversations', 'source', 'json_array(count(*), min(t.source COLLATE BINARY))')} SELECT n FROM r WHERE n ->> 0 > 0`,
    )
      .pluck()
      .all(...window) as string[]
  ).map((json) => {
    const [n, spelling] = JSON.parse(json) as [number, string | null]
    return [spelling, n]
  })

/** The reply-time aggregates of {@link ReplyTimeRow} as one JSON array (exact doubles). */
const REPLY_JSON =
  'json_array(count(*), count(t.first_reply_ms), median(t.first_reply_ms), percentile(t.first_reply_ms, 90), median(t.average_reply_ms), percentile(t.average_reply_ms, 90))'

const bareReplies = (
  prepare: Prepare,
  table: 'conversation_agents' | 'conversation_skills',
  column: 'agent_id' | 'skill_id',
  window: readonly number[],
): ReplyTimeRow[] => {
  const rows = prepare(
    `${perValue(table, column, REPLY_JSON)} SELECT value, n FROM r
      WHERE value IS NOT NULL AND n ->> 0 > 0
      ORDER BY n ->> 0 DESC, value LIMIT ${String(TOP_REPLY_ROWS)}`,
  )
    .raw()
    .all(...window) as [string, string][]
  return rows.map(([key, json]) => {
    const [count, replied, firstMedian, firstP90, averageMedian, averageP90] = JSON.parse(json) as [
      number,
      number,
      number | null,
      number | null,
      number | null,
      number | null,
    ]
    return [key, count, replied, firstMedian, firstP90, averageMedian, averageP90]
  })
}

/**
 * A conversation's volume bar as an SQL expression over `c.start_ms`: the bar's index times 2,
 * plus 1 when the conversation is in the bar before as well. Its bar is the last whose searched
 * window starts at or before it (the later of two that start together), found by a binary search
 * written out as nested CASEs (a few comparisons a row, where joining the bars compared every
 * conversation with every bar). The windows are rounded out to 10 minutes, so two neighbours
 * share their first and last 10 minutes at most, and no conversation is in three.
 */
export function barKey(buckets: readonly InsightBucket[]): { sql: string; params: number[] } {
  const params: number[] = []
  const leaf = (i: number) => {
    const before = buckets[i - 1]
    if (!before) return String(i * 2)
    params.push(before.searched.to)
    return `CASE WHEN c.start_ms <= ? THEN ${String(i * 2 + 1)} ELSE ${String(i * 2)} END`
  }
  const tree = (first: number, last: number): string => {
    if (first >= last) return leaf(first)
    const middle = Math.ceil((first + last) / 2)
    params.push(buckets[middle]?.searched.from ?? 0)
    const later = tree(middle, last)
    const earlier = tree(first, middle - 1)
    return `CASE WHEN c.start_ms >= ? THEN ${later} ELSE ${earlier} END`
  }
  return { sql: buckets.length === 0 ? '0' : `(${tree(0, buckets.length - 1)})`, params }
}

/** Folds the grouped rows of a filtered search into counts per column. */
function countsOf(
  volume: readonly VolumeRow[],
  marginals: readonly MarginalRow[],
): { volume: VolumeCounts; marginals: MarginalCounts } {
  const byStatus: VolumeCounts['byStatus'] = []
  const byChannel: VolumeCounts['byChannel'] = []
  for (const [bucket, status, channel, n] of volume) {
    byStatus.push([bucket, status, n])
    byChannel.push([bucket, channel, n])
  }
  const counts: MarginalCounts = {
    mcs: [],
    csat: [],
    device: [],
    channel: [],
    closeReason: [],
    transfers: [],
  }
  for (const [mcs, csat, device, channel, closeReason, transfers, n] of marginals) {
    counts.mcs.push([mcs, n])
    counts.csat.push([csat, n])
    counts.device.push([device, n])
    counts.channel.push([channel, n])
    counts.closeReason.push([closeReason, n])
    counts.transfers.push([transfers, n])
  }
  return { volume: { byStatus, byChannel }, marginals: counts }
}

/**
 * Runs `parts` of the insights of a compiled search on `db`: the bars' searched windows go in a
 * temporary table of this connection (`buckets`, from `insightBuckets`).
 */
export function queryInsights(
  db: ArchiveDatabase,
  prepare: Prepare,
  filters: SearchFilters,
  compiled: CompiledFilters,
  buckets: readonly InsightBucket[],
  parts: readonly InsightPart[] = INSIGHT_PARTS,
): InsightRows {
  // A bare start window: its two bounds (as the search rounds them) are the only parameters.
  const bare = compiled.windowOnly && !filters.end && compiled.params.length === 2
  const window = compiled.params as number[]
  const rows: InsightRows = {}
  const want = new Set(parts)
  const fillBuckets = () => {
    // The bars' searched windows, for a bare window's counts by bar.
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS insight_buckets (id INTEGER PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL)',
    )
    db.transaction(() => {
      prepare('DELETE FROM temp.insight_buckets').run()
      const insert = prepare('INSERT INTO temp.insight_buckets (id, lo, hi) VALUES (?, ?, ?)')
      buckets.forEach((bucket, i) => insert.run(i, bucket.searched.from, bucket.searched.to))
    })()
  }
  if (bare) {
    if (want.has('volume')) {
      fillBuckets()
      const byBar = (column: string) =>
        prepare(
          `WITH RECURSIVE ${valuesOf('conversations', column)},
          r(bucket, value, n) AS MATERIALIZED (
            SELECT b.id, v.value, (SELECT count(*) FROM conversations t
              WHERE t.${column} IS v.value AND t.start_ms BETWEEN b.lo AND b.hi)
            FROM v CROSS JOIN temp.insight_buckets b
          )
          SELECT bucket, value, n FROM r WHERE n > 0`,
        )
          .raw()
          .all() as VolumeCounts['byStatus']
      rows.volume = { byStatus: byBar('status'), byChannel: byBar('source') }
    }
    if (want.has('marginals')) {
      rows.marginals = {
        mcs: bareCounts(prepare, 'mcs', window),
        csat: bareCounts(prepare, 'csat', window),
        device: bareCounts(prepare, 'device', window),
        channel: bareChannels(prepare, window),
        closeReason: bareCounts(prepare, 'close_reason', window),
        transfers: bareCounts(prepare, 'transfer_count', window),
      }
    }
    if (want.has('agents')) {
      rows.agents = bareReplies(prepare, 'conversation_agents', 'agent_id', window)
    }
    if (want.has('skills')) {
      rows.skills = bareReplies(prepare, 'conversation_skills', 'skill_id', window)
    }
  } else {
    if (want.has('volume') || want.has('marginals')) {
      const volume: VolumeRow[] = []
      if (want.has('volume')) {
        const bar = barKey(buckets)
        const found = prepare(
          `SELECT ${bar.sql}, c.status, min(c.source COLLATE BINARY), count(*)
          FROM conversations c WHERE ${compiled.where} GROUP BY 1, c.status, c.source`,
        )
          .raw()
          .all(...bar.params, ...compiled.params) as [
          key: number,
          status: string | null,
          channel: string | null,
          count: number,
        ][]
        for (const [key, status, channel, n] of found) {
          const bucket = Math.floor(key / 2)
          volume.push([bucket, status, channel, n])
          if (key % 2 === 1) volume.push([bucket - 1, status, channel, n])
        }
      }
      const marginals = want.has('marginals')
        ? (prepare(
            // A channel's first spelling in byte order (it is grouped without regard to case).
            `SELECT c.mcs, c.csat, c.device, min(c.source COLLATE BINARY), c.close_reason, ${TRANSFERS_SQL}, count(*) FROM conversations c WHERE ${compiled.where} GROUP BY c.mcs, c.csat, c.device, c.source, c.close_reason, 6`,
          )
            .raw()
            .all(...compiled.params) as MarginalRow[])
        : []
      const counts = countsOf(volume, marginals)
      if (want.has('volume')) rows.volume = counts.volume
      if (want.has('marginals')) rows.marginals = counts.marginals
    }
    // Reply times: each agent's in its conversations, and by skill the conversations' own.
    if (want.has('agents')) {
      rows.agents = prepare(
        `SELECT a.agent_id, count(*), ${replyTimesSql('a')} FROM conversation_agents a JOIN conversations c ON c.id = a.conversation WHERE ${compiled.where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${String(TOP_REPLY_ROWS)}`,
      )
        .raw()
        .all(...compiled.params) as ReplyTimeRow[]
    }
    if (want.has('skills')) {
      rows.skills = prepare(
        `SELECT s.skill_id, count(*), ${replyTimesSql('c')} FROM conversation_skills s JOIN conversations c ON c.id = s.conversation WHERE ${compiled.where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${String(TOP_REPLY_ROWS)}`,
      )
        .raw()
        .all(...compiled.params) as ReplyTimeRow[]
    }
  }
  // One row per conversation and pair (the side table's key): a pair made twice in one
  // conversation counts once, as the search's `transferPath` finds it once.
  // A bare window reads the pairs in order from their index (with the start), without a join.
  if (want.has('paths')) {
    rows.paths = prepare(
      bare
        ? `SELECT t.source_skill_id, t.target_skill_id, count(*) FROM conversation_transfers t WHERE t.start_ms BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${String(TOP_TRANSFER_PATHS)}`
        : `SELECT t.source_skill_id, t.target_skill_id, count(*) FROM conversation_transfers t JOIN conversations c ON c.id = t.conversation WHERE ${compiled.where} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${String(TOP_TRANSFER_PATHS)}`,
    )
      .raw()
      .all(...compiled.params) as TransferPathRow[]
  }
  return rows
}
