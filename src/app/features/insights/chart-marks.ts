import * as Plot from '@observablehq/plot'

/** A bar of a chart: what it shows, its count, the list it opens and what it is called. */
export interface BarRow {
  label: string
  count: number
  href: string
  aria: string
}

/** A segment of a stacked bar: a bar's share of one series. */
export interface StackRow extends BarRow {
  key: string
}

const BAR = 'var(--chart-1)'

/** Vertical bars, one per row, in the rows' order. */
export function barOptions(rows: readonly BarRow[]): Plot.PlotOptions {
  return {
    height: 220,
    // The chart's heading names the axis.
    x: { domain: rows.map((row) => row.label), label: null },
    y: { grid: true, label: 'Conversations' },
    marks: [
      // A bucket of none keeps its place on the axis but draws no bar (and no link to nothing).
      Plot.barY(
        rows.filter((row) => row.count > 0),
        {
          x: 'label',
          y: 'count',
          fill: BAR,
          href: 'href',
          ariaLabel: 'aria',
          title: 'aria',
        },
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
    y: { domain: rows.map((row) => row.label), label: null },
    marks: [
      Plot.barX(rows, {
        y: 'label',
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
 * Stacked bars over time: one bar per label (in `labels`' order, every `step`-th named on the
 * axis), one segment per series in `keys`' order, coloured from `colors`.
 */
export function stackedOptions(
  rows: readonly StackRow[],
  labels: readonly string[],
  keys: readonly string[],
  colors: readonly string[],
  tickFormat: (label: string) => string,
): Plot.PlotOptions {
  const step = Math.max(1, Math.ceil(labels.length / 14))
  return {
    height: 280,
    marginBottom: 36,
    x: {
      domain: labels,
      ticks: labels.filter((_, i) => i % step === 0),
      tickFormat,
      label: null,
    },
    y: { grid: true, label: 'Conversations' },
    color: { domain: keys, range: colors, legend: true },
    marks: [
      Plot.barY(
        rows,
        Plot.stackY({
          x: 'label',
          y: 'count',
          fill: 'key',
          order: [...keys],
          href: 'href',
          ariaLabel: 'aria',
          title: 'aria',
        }),
      ),
      Plot.ruleY([0], { ariaHidden: 'true' }),
    ],
  }
}
