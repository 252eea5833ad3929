import { roundWindow, type SearchFilters } from '@/domain/schema/search-request'
import { SDE_TOP_VALUES, type SdeValues } from '@/domain/schema/sde-insights'
import { sdeChartField } from '@/domain/sde-fields'
import type { CompiledFilters } from '@/server/archive/query'
import { num, rowsOf, str } from '@/server/archive/sql-rows'
import type { Statement } from 'better-sqlite3'

/** The next double above `x` (the top edge past a largest value the round edges cannot pass). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE
  const buffer = new Float64Array([x])
  const bits = new BigInt64Array(buffer.buffer)
  bits[0] = (bits[0] ?? 0n) + (x > 0 ? 1n : -1n)
  return buffer[0] ?? x
}

/**
 * Buckets with round edges (1, 2, 2.5 or 5 times a power of ten apart; whole numbers when the
 * ends are whole) from at or below `min` to past `max`, about `target` of them. Each bucket holds
 * `from` and not `to`, as the `sdeValue` filter reads a range. Edges are written to the step's own
 * decimals (0.1 + 0.2 is an edge of 0.3, as a reader would write it), always increase, and the
 * last one is past `max`: where round edges cannot tell values apart (1e17 and 1e17 + 100, or a
 * span too wide for a double), the buckets are fewer, down to one from `min` to just past `max`.
 */
export function numberBuckets(
  min: number,
  max: number,
  target = 10,
): { from: number; to: number }[] {
  const span = max - min
  const raw = (span > 0 ? span : Math.max(Math.abs(min), 1)) / target
  const power = 10 ** Math.floor(Math.log10(raw))
  let step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw * (1 - 1e-9)) ?? 10) * power
  if (step < 1 && Number.isInteger(min) && Number.isInteger(max)) step = 1
  const edges: number[] = []
  if (Number.isFinite(step) && step > 0) {
    const decimals = Math.min(20, Math.max(0, 1 - Math.floor(Math.log10(step))))
    const at = (i: number) => Number((i * step).toFixed(decimals))
    let first = Math.floor(min / step)
    while (at(first) > min) first--
    for (let i = first, tries = 0; tries <= 4 * target; i++, tries++) {
      const edge = at(i)
      if (!Number.isFinite(edge)) break
      const last = edges.at(-1)
      if (last === undefined || edge > last) edges.push(edge)
      if (edge > max) break
    }
  }
  const first = edges[0]
  if (first === undefined || !(first <= min)) edges.splice(0, edges.length, min)
  const last = edges.at(-1) ?? min
  if (!(last > max)) {
    const past = nextUp(max)
    // Past the largest double there is no edge: the last bucket then ends at it.
    edges.push(Number.isFinite(past) ? past : Number.MAX_VALUE)
  }
  return edges.slice(0, -1).flatMap((from, i) => {
    const to = edges[i + 1] ?? from
    return to > from ? [{ from, to }] : []
  })
}

/**
 * Counts a charted SDE field's values over the conversations `compiled` finds (its WHERE, with
 * the reader's scope), reading `conversation_sde_values` through its (field, start) index: the
 * window is the search's, rounded as the search rounds it.
 */
export function countSdeValues(
  prepare: (sql: string) => Statement,
  filters: SearchFilters,
  compiled: CompiledFilters,
  path: string,
): SdeValues {
  const field = sdeChartField(path)
  const kind = field?.kind ?? 'text'
  const window = roundWindow(filters.start)
  // A bare start window (no other filter, no scope) is read from the values' start index alone.
  const bare = compiled.windowOnly && !filters.end
  const from = bare
    ? 'FROM conversation_sde_values v WHERE v.field = ? AND v.start_ms BETWEEN ? AND ?'
    : `FROM conversation_sde_values v JOIN conversations c ON c.id = v.conversation
    WHERE v.field = ? AND v.start_ms BETWEEN ? AND ? AND ${compiled.where}`
  const params = [path, window.from, window.to, ...(bare ? [] : compiled.params)]
  const total = num(
    prepare(`SELECT count(*) FROM conversations c WHERE ${compiled.where}`)
      .pluck()
      .get(...compiled.params),
  )
  const result: SdeValues = {
    field: path,
    kind,
    total,
    none: total,
    values: [],
    other: 0,
    buckets: [],
  }
  if (total === 0) return result
  if (kind === 'text') {
    // One row per conversation and value (case aside: the table's key), so count(*) counts
    // conversations; the name shown is the first spelling in byte order.
    const rows = rowsOf(
      prepare(
        `SELECT min(v.text_value COLLATE BINARY) AS value, count(*) AS n ${from}
          GROUP BY v.text_value ORDER BY n DESC, value COLLATE BINARY LIMIT ?`,
      ).all(...params, SDE_TOP_VALUES + 1),
    )
    const top = rows.slice(0, SDE_TOP_VALUES)
    result.values = top.map((row) => ({ value: str(row.value) ?? '', count: num(row.n) }))
    const having = num(
      prepare(`SELECT count(DISTINCT v.conversation) ${from}`)
        .pluck()
        .get(...params),
    )
    result.none = total - having
    if (rows.length > SDE_TOP_VALUES) {
      const shown = result.values.map((value) => value.value)
      result.other = num(
        prepare(
          `SELECT count(DISTINCT v.conversation) ${from} AND v.text_value NOT IN (${shown.map(() => '?').join(', ')})`,
        )
          .pluck()
          .get(...params, ...shown),
      )
    }
    return result
  }
  const range = rowsOf(
    prepare(
      `SELECT min(v.num_value) AS lo, max(v.num_value) AS hi, count(DISTINCT v.conversation) AS n ${from} AND v.num_value IS NOT NULL`,
    ).all(...params),
  )[0]
  const having = num(range?.n)
  result.none = total - having
  if (having === 0 || typeof range?.lo !== 'number' || typeof range.hi !== 'number') return result
  const buckets = numberBuckets(range.lo, range.hi)
  // Each value in the first bucket whose `to` is above it: the comparisons the filter makes.
  const cases = buckets.map((_, i) => `WHEN v.num_value < ? THEN ${String(i)}`).join(' ')
  const counts = new Map<number, number>()
  for (const row of rowsOf(
    prepare(
      `SELECT CASE ${cases} END AS b, count(DISTINCT v.conversation) AS n ${from} AND v.num_value IS NOT NULL GROUP BY b`,
    ).all(...buckets.map((bucket) => bucket.to), ...params),
  )) {
    counts.set(num(row.b), num(row.n))
  }
  result.buckets = buckets.map((bucket, i) => ({ ...bucket, count: counts.get(i) ?? 0 }))
  return result
}
