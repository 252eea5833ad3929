import { MAX_TRANSFER_COUNT, roundWindow } from '@/domain/schema/search-request'
import { TRANSFERS_CAPPED_AT, type Insights } from '@/domain/schema/insights'
import { wallClock, zonedTime } from '@/domain/time-zone'

/**
 * Issue 15: the insights of a search, counted in SQL over the conversations it finds (two
 * grouped queries in archive-reader.ts: bars by status and channel; MCS, CSAT, device and
 * channel), so every count is the count of the list that the chart's mark links to:
 *
 * - A volume bar is a start window in the reader's zone (an hour, or a day when the search spans
 *   more than 3 days), clipped to the search's own window. Its link searches that window, which
 *   the search rounds out to 10 minutes with both ends included; so the bar counts exactly that:
 *   a conversation that starts on a shared edge (or, in a zone whose hours do not start on a
 *   10-minute mark, in the 10 minutes two rounded windows share) is in both bars, as it is in
 *   both lists.
 * - MCS buckets and CSAT values are the inclusive ranges their links search.
 * - Channels are matched without regard to case (as the search's `source` is).
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Hourly bars up to this long a window; daily beyond it. */
const HOURLY_UP_TO = 3 * DAY

/** The start of each hour or day in `zone` from the one holding `from` to past `to`. */
export function bucketEdges(
  from: number,
  to: number,
  zone: string,
): { unit: 'hour' | 'day'; edges: number[] } {
  const unit = to - from <= HOURLY_UP_TO ? 'hour' : 'day'
  const first = wallClock(from, zone)
  const edges: number[] = []
  if (unit === 'hour') {
    // Every zone's hours start on a quarter hour: the hour holding `from`, then one hour apart.
    let edge = zonedTime(zone, first.year, first.month, first.day, first.hour)
    if (edge > from) edge -= HOUR
    for (; edge <= to; edge += HOUR) edges.push(edge)
    edges.push(edge)
  } else {
    for (let day = first.day; ; day++) {
      const edge = zonedTime(zone, first.year, first.month, day)
      edges.push(edge)
      if (edge > to) break
    }
  }
  return { unit, edges }
}

const MCS_BUCKETS = Array.from({ length: 10 }, (_, i) => ({
  from: i * 10,
  to: i === 9 ? 100 : i * 10 + 9,
}))
const CSAT_VALUES = [1, 2, 3, 4, 5]

/** A volume bar: its window, and that window as the search rounds it (what is counted). */
export interface InsightBucket {
  from: number
  to: number
  searched: { from: number; to: number }
}

/** The bars of a search's window in `zone`: hours, or days beyond 3 days, clipped to it. */
export function insightBuckets(
  window: { from: number; to: number },
  zone: string,
): { unit: 'hour' | 'day'; buckets: InsightBucket[] } {
  const { unit, edges } = bucketEdges(window.from, window.to, zone)
  return { unit, buckets: windowsBetween(edges, window) }
}

/**
 * The windows from each edge to the next (edges in order, the last past the window), clipped to
 * `window`, each with the window the search rounds it to: what its link searches, and so what is
 * counted. The QA charts' periods are made the same way (review-insights.ts).
 */
export function windowsBetween(
  edges: readonly number[],
  window: { from: number; to: number },
): InsightBucket[] {
  return edges.slice(0, -1).flatMap((edge, i) => {
    const next = edges[i + 1] ?? edge
    const from = Math.max(edge, window.from)
    const to = Math.min(next - 1, window.to)
    return from > to ? [] : [{ from, to, searched: roundWindow({ from, to }) }]
  })
}

/** `[bucket index, status, channel, count]`, from the volume query of a filtered search. */
export type VolumeRow = [
  bucket: number,
  status: string | null,
  channel: string | null,
  count: number,
]
/**
 * `[MCS, CSAT, device, channel, close reason, transfers, count]`, from the grouped query of a
 * filtered search; transfers as {@link TRANSFERS_SQL} caps them.
 */
export type MarginalRow = [
  mcs: number | null,
  csat: number | null,
  device: string | null,
  channel: string | null,
  closeReason: string | null,
  transfers: number | null,
  count: number,
]

/** `[value, conversations]`: how many of the search's conversations have one value of a column. */
export type ValueCount = [value: string | number | null, count: number]

/** Each charted column's values and their conversations (all of them, each column adding up). */
export interface MarginalCounts {
  mcs: ValueCount[]
  csat: ValueCount[]
  device: ValueCount[]
  channel: ValueCount[]
  closeReason: ValueCount[]
  /** Numbers of transfers, as they are or as {@link capTransfers} caps them. */
  transfers: ValueCount[]
}

/** `[bucket index, status or channel, conversations]`. */
export type BarCount = [bucket: number, value: string | null, count: number]

/** The volume bars' conversations by status and by channel (each adding up to the bar). */
export interface VolumeCounts {
  byStatus: BarCount[]
  byChannel: BarCount[]
}

/** The rows of each part of the insights (insight-queries.ts), as they come from SQL. */
export interface InsightRows {
  volume?: VolumeCounts
  marginals?: MarginalCounts
  paths?: TransferPathRow[]
  agents?: ReplyTimeRow[]
  skills?: ReplyTimeRow[]
}

/**
 * The number of transfers as the chart groups it: 0 to 4 as they are, 5 to 1000 as 5 (the "5 or
 * more" bar, whose link searches exactly that range), more than 1000 (beyond what the search can
 * ask) as -1, counted in no bar.
 */
export const capTransfers = (count: number): number =>
  count > MAX_TRANSFER_COUNT ? -1 : Math.min(count, TRANSFERS_CAPPED_AT)

/** {@link capTransfers} in SQL. */
export const TRANSFERS_SQL = `CASE WHEN c.transfer_count > ${String(MAX_TRANSFER_COUNT)} THEN -1 WHEN c.transfer_count >= ${String(TRANSFERS_CAPPED_AT)} THEN ${String(TRANSFERS_CAPPED_AT)} ELSE c.transfer_count END`

/**
 * `[agent or skill, conversations, with a reply, first reply median, p90, average reply median,
 * p90]`, from the reply-time queries.
 */
export type ReplyTimeRow = [
  key: string,
  count: number,
  replied: number,
  firstMedian: number | null,
  firstP90: number | null,
  averageMedian: number | null,
  averageP90: number | null,
]

/** The reply-time columns of `table` (`a` for agents, `c` for skills). */
export const replyTimesSql = (table: 'a' | 'c') =>
  `count(${table}.first_reply_ms), median(${table}.first_reply_ms), percentile(${table}.first_reply_ms, 90), median(${table}.average_reply_ms), percentile(${table}.average_reply_ms, 90)`

const replyRow = ([
  key,
  count,
  replied,
  firstMedian,
  firstP90,
  averageMedian,
  averageP90,
]: ReplyTimeRow) => ({
  key,
  count,
  replied,
  first: { median: firstMedian, p90: firstP90 },
  average: { median: averageMedian, p90: averageP90 },
})

/** `[from skill, to skill, conversations]`, from the transfer pairs query. */
export type TransferPathRow = [from: string, to: string, count: number]

const ranked = (counts: Map<string, number>) =>
  [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))

/** The insights from the rows of every part (insight-queries.ts). */
export function assembleInsights(
  unit: 'hour' | 'day',
  buckets: readonly InsightBucket[],
  rows: InsightRows,
): Insights {
  const { volume, marginals, paths, agents, skills } = rows
  if (!volume || !marginals || !paths || !agents || !skills) {
    throw new Error('The insights are missing a part: every part has to be counted')
  }
  // Counted in maps: a channel may be called anything, `constructor` or `__proto__` included.
  const bars = buckets.map(({ from, to }) => ({
    from,
    to,
    total: 0,
    byStatus: new Map<string, number>(),
    byChannel: new Map<string, number>(),
  }))
  // A channel whatever its case (the search's `source` matches so, in SQLite's NOCASE: ASCII
  // letters only): one key, one name (the first of its spellings in sort order).
  const names = new Map<string, string>()
  const fold = (channel: string) => channel.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
  const keyOf = (channel: string) => {
    const key = fold(channel)
    const known = names.get(key)
    if (known === undefined || channel < known) names.set(key, channel)
    return key
  }
  const text = (value: string | number | null) =>
    value === null || value === '' ? undefined : String(value)
  const tally = (values: readonly ValueCount[], key: (value: string) => string = (v) => v) => {
    const counts = new Map<string, number>()
    let none = 0
    for (const [value, n] of values) {
      const name = text(value)
      if (name === undefined) none += n
      else counts.set(key(name), (counts.get(key(name)) ?? 0) + n)
    }
    return { counts, none }
  }
  // Every conversation has one value (or none) of each column: any column adds up to the total.
  const total = marginals.mcs.reduce((sum, [, n]) => sum + n, 0)
  // Each bucket counts what its range (both ends included) holds, as its link's search does.
  const mcs = MCS_BUCKETS.map((bucket) => ({ ...bucket, count: 0 }))
  let mcsNone = 0
  for (const [score, n] of marginals.mcs) {
    if (score === null) mcsNone += n
    else if (typeof score === 'number')
      for (const bucket of mcs) if (score >= bucket.from && score <= bucket.to) bucket.count += n
  }
  const csat = CSAT_VALUES.map((value) => ({ value, count: 0 }))
  let csatNone = 0
  for (const [rating, n] of marginals.csat) {
    if (rating === null) csatNone += n
    else for (const entry of csat) if (rating === entry.value) entry.count += n
  }
  const transfers = Array.from({ length: TRANSFERS_CAPPED_AT + 1 }, (_, i) => ({
    from: i,
    to: i === TRANSFERS_CAPPED_AT ? MAX_TRANSFER_COUNT : i,
    count: 0,
  }))
  let transfersNone = 0
  for (const [count, n] of marginals.transfers) {
    if (count === null) transfersNone += n
    else if (typeof count === 'number') {
      const bar = transfers[capTransfers(count)]
      if (bar) bar.count += n
    }
  }
  const devices = tally(marginals.device)
  const channels = tally(marginals.channel, keyOf)
  const closeReasons = tally(marginals.closeReason)
  const nameOf = (channel: string) => names.get(channel) ?? channel
  for (const [index, status, n] of volume.byStatus) {
    const bar = bars[index]
    if (!bar) continue
    bar.total += n
    if (status) bar.byStatus.set(status, (bar.byStatus.get(status) ?? 0) + n)
  }
  for (const [index, channel, n] of volume.byChannel) {
    const bar = bars[index]
    if (!bar || !channel) continue
    // Named as the channel chart names it (a bare window's bars carry the index's spelling).
    const name = nameOf(fold(channel))
    bar.byChannel.set(name, (bar.byChannel.get(name) ?? 0) + n)
  }
  return {
    total,
    volume: {
      unit,
      buckets: bars.map((bar) => ({
        ...bar,
        byStatus: Object.fromEntries(bar.byStatus),
        byChannel: Object.fromEntries(bar.byChannel),
      })),
    },
    mcs: { buckets: mcs, none: mcsNone },
    csat: { values: csat, none: csatNone },
    devices: { values: ranked(devices.counts), unknown: devices.none },
    channels: {
      values: ranked(new Map([...channels.counts].map(([key, n]) => [nameOf(key), n]))),
      unknown: channels.none,
    },
    closeReasons: { values: ranked(closeReasons.counts), none: closeReasons.none },
    transfers: {
      counts: transfers,
      none: transfersNone,
      paths: paths.map(([from, to, count]) => ({ from, to, count })),
    },
    replies: { agents: agents.map(replyRow), skills: skills.map(replyRow) },
  }
}
