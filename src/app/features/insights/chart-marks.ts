import * as Plot from '@observablehq/plot'

/**
 * A bar of a chart: its place on the axis (`key`, unique: two channels may share a name, an hour
 * may come twice when the clocks go back), what the axis calls it, its count, the list it opens
 * (none when the list cannot be written as a search) and what it is called.
 */
export interface BarRow {
  key: string
  label: string
  count: number
  href: string | undefined
  aria: string
}

/** A segment of a stacked bar: a bar's share of one series (`series`, unique too). */
export interface StackRow extends BarRow {
  series: string
}

const BAR = 'var(--chart-1)'

/** What the axis writes for a key: the row's label. */
const labelsOf = (rows: readonly { key: string; label: string }[]) => {
  const labels = new Map(rows.map((row) => [row.key, row.label]))
  return (key: string) => labels.get(key) ?? key
}

/** Vertical bars, one per row, in the rows' order. */
export function barOptions(rows: readonly BarRow[]): Plot.PlotOptions {
  return {
    height: 220,
    // The chart's heading names the axis.
    x: { domain: rows.map((row) => row.key), tickFormat: labelsOf(rows), label: null },
    y: { grid: true, label: 'Conversations' },
    marks: [
      // A bucket of none keeps its place on the axis but draws no bar (and no link to nothing).
      Plot.barY(
        rows.filter((row) => row.count > 0),
        { x: 'key', y: 'count', fill: BAR, href: 'href', ariaLabel: 'aria', title: 'aria' },
      ),
      Plot.ruleY([0], { ariaHidden: 'true' }),
    ],
  }
}

/** Horizontal bars, one per row, in the rows' order (most first). */
export function barXOptions(rows: readonly BarRow[]): Plot.PlotOptions {
  return {
    height: Math.max(90, rows.length * 28 + 50),
    marginLeft: 150,
    marginBottom: 40,
    x: { grid: true, label: 'Conversations' },
    y: { domain: rows.map((row) => row.key), tickFormat: labelsOf(rows), label: null },
    marks: [
      Plot.barX(rows, {
        y: 'key',
        x: 'count',
        fill: BAR,
        href: 'href',
        ariaLabel: 'aria',
        title: 'aria',
      }),
      Plot.ruleX([0], { ariaHidden: 'true' }),
    ],
  }
}

/**
 * Stacked bars over time: one bar per bar key (in `bars`' order, every `step`-th named on the
 * axis with its `tick`), one segment per series in `series`' order, coloured from `colors`.
 */
export function stackedOptions(
  rows: readonly StackRow[],
  bars: readonly { key: string; tick: string }[],
  series: readonly { key: string; label: string; color: string }[],
): Plot.PlotOptions {
  const step = Math.max(1, Math.ceil(bars.length / 14))
  const ticks = new Map(bars.map((bar) => [bar.key, bar.tick]))
  return {
    height: 280,
    marginBottom: 36,
    x: {
      domain: bars.map((bar) => bar.key),
      ticks: bars.filter((_, i) => i % step === 0).map((bar) => bar.key),
      tickFormat: (key: string) => ticks.get(key) ?? key,
      label: null,
    },
    y: { grid: true, label: 'Conversations' },
    color: {
      domain: series.map((one) => one.key),
      range: series.map((one) => one.color),
      tickFormat: labelsOf(series),
      legend: true,
    },
    marks: [
      Plot.barY(
        rows,
        Plot.stackY({
          x: 'key',
          y: 'count',
          fill: 'series',
          order: series.map((one) => one.key),
          href: 'href',
          ariaLabel: 'aria',
          title: 'aria',
        }),
      ),
      Plot.ruleY([0], { ariaHidden: 'true' }),
    ],
  }
}

/** An agent's or a skill's reply time: its median as a bar, its 90th percentile as a tick. */
export interface ReplyBarRow {
  key: string
  label: string
  /** Seconds. */
  median: number
  p90: number
  href: string | undefined
  aria: string
}

/**
 * Horizontal bars of median reply times, each with a tick at its 90th percentile, on a symlog
 * scale: a bot's 2 seconds and a queue's 20 minutes both get a bar one can see and click. The
 * axis and ticks are drawn under the bars, so nothing covers a short bar's link.
 */
export function replyOptions(
  rows: readonly ReplyBarRow[],
  duration: (seconds: number) => string,
): Plot.PlotOptions {
  return {
    height: Math.max(90, rows.length * 28 + 50),
    marginLeft: 150,
    marginBottom: 40,
    x: {
      type: 'symlog',
      grid: true,
      label: 'Median (bar) and 90th percentile (tick)',
      tickFormat: duration,
    },
    y: { domain: rows.map((row) => row.key), tickFormat: labelsOf(rows), label: null },
    marks: [
      Plot.ruleX([0], { ariaHidden: 'true' }),
      Plot.tickX(rows, {
        y: 'key',
        x: 'p90',
        stroke: 'currentColor',
        strokeWidth: 2,
        ariaHidden: 'true',
      }),
      Plot.barX(rows, {
        y: 'key',
        x: 'median',
        fill: BAR,
        href: 'href',
        ariaLabel: 'aria',
        title: 'aria',
      }),
    ],
  }
}
