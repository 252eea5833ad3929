import { conversations, distinctNames, nameWithId, share } from '@/app/features/insights/chart-text'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { ChartCard, EmptyChartCard, type ChartTable } from '@/app/features/insights/chart-card'
import type * as Plot from '@observablehq/plot'
import {
  barOptions,
  barXOptions,
  stackedOptions,
  type BarRow,
  type StackRow,
} from '@/app/features/insights/chart-marks'
import { insightsQueries } from '@/app/features/insights/insights-queries'
import { PlotFigure } from '@/app/features/insights/plot-figure'
import { ReplyTimesChart, type ReplyMeasure } from '@/app/features/insights/reply-times-chart'
import { SdeValuesCard } from '@/app/features/insights/sde-values-card'
import { ReviewCharts } from '@/app/features/insights/review-charts'
import { useInteractiveMark } from '@/app/lib/interactive-mark'
import { formatDate, formatTime, type TimeZone } from '@/app/lib/time'
import { facetQueries } from '@/app/lib/facet-queries'
import { channelLabel, codeToWords, deviceLabel, statusLabel } from '@/app/lib/vocabulary/labels'
import type { Insights } from '@/domain/schema/insights'
import type { SearchBodyInput } from '@/domain/schema/search-request'

/**
 * What a mark of a chart stands for, as filters on top of the search: its list is the search
 * narrowed to it (the search page turns it into a URL).
 */
export interface InsightSlice {
  window?: { from: number; to: number }
  status?: string
  channel?: string
  device?: string
  mcs?: { from: number; to: number }
  csat?: number
  /** A close reason, upper case, as the archive keeps it. */
  closeReason?: string
  /** A number of transfers, both ends included. */
  transfers?: { from: number; to: number }
  /** One transfer, skill ID to skill ID. */
  transferPath?: { from: string; to: string }
  /** An assigned agent, or a skill of the conversation. */
  agent?: string
  skill?: string
  /** Issue 15: one value of an engagement attribute, or a number range (`to` not included). */
  sde?: { field: string; value: string } | { field: string; from: number; to: number }
  /** Issue 15's QA charts: conversations with a submitted review of this agent's leg... */
  reviewedAgent?: string
  /** ...or failing this criterion (every key on one and the same review). */
  failedCriterion?: { scorecard: number; criterion: string }
}

export interface InsightsViewProps {
  /** The search, as the API takes it. */
  body: SearchBodyInput
  zone: TimeZone
  mode: 'archive' | 'proxy'
  stackBy: 'status' | 'channel'
  onStackByChange: (by: 'status' | 'channel') => void
  /** Which reply time the reply-time charts show. */
  replyMeasure: ReplyMeasure
  onReplyMeasureChange: (measure: ReplyMeasure) => void
  /** The list of a mark: the search narrowed to the slice. */
  /** None when the slice cannot be written as a search (the mark then opens nothing). */
  hrefFor: (slice: InsightSlice) => string | undefined
  /** Opens one of those lists in the app (a link clicked without a modifier key). */
  navigate: (href: string) => void
  /** The engagement attribute charted (a path of domain/sde-fields.ts; others: the default). */
  sdeChart: string | undefined
  onSdeChartChange: (field: string) => void
}

/** "12 conversations (4.1%) have no MCS.", or `every` when none lacks it. */
const missing = (n: number, total: number, what: string, every = '') =>
  n === 0 ? every : `${conversations(n)} (${share(n, total)}) ${what}.`

/** Colours of the stacked series (CSS variables in styles.css, light and dark). */
const STATUS_COLOR: Readonly<Record<string, string>> = {
  OPEN: 'var(--chart-open)',
  CLOSE: 'var(--chart-close)',
}
const PALETTE = Array.from({ length: 8 }, (_, i) => `var(--chart-${String(i + 1)})`)

/**
 * Issue 15: the Insights view of the current search (the same filters, the same URL): every chart
 * counted on the server over exactly the conversations the search finds, every mark a link to
 * the list of its conversations.
 */
export function InsightsView(props: InsightsViewProps) {
  useInteractiveMark()
  if (props.mode === 'proxy') {
    return (
      <p role="status" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        Insights need the archive. This server reads LivePerson&apos;s API live (proxy mode), and
        counting a month of conversations would mean paging through every one of them there. Import
        exports into an archive to see them.
      </p>
    )
  }
  return <InsightsCharts {...props} />
}

function InsightsCharts({ navigate, ...props }: InsightsViewProps) {
  const root = useFollowLinks(navigate)
  return (
    <div ref={root}>
      <ChartsOfSearch {...props} />
    </div>
  )
}

function ChartsOfSearch({
  body,
  zone,
  stackBy,
  onStackByChange,
  replyMeasure,
  onReplyMeasureChange,
  hrefFor,
  sdeChart,
  onSdeChartChange,
}: Omit<InsightsViewProps, 'navigate' | 'mode'>) {
  const insights = useQuery(insightsQueries.forSearch({ search: body, zone }))
  if (insights.isPending) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Counting the conversations of this search…
      </p>
    )
  }
  if (insights.isError) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        The insights could not be counted: {insights.error.message}
      </p>
    )
  }
  const data = insights.data
  if (data.total === 0) {
    return (
      <p role="status" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        No conversations match these filters: there is nothing to chart.
      </p>
    )
  }
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <p role="status" className="text-sm text-slate-700 xl:col-span-2 dark:text-slate-300">
        {data.total === 1
          ? '1 conversation matches this search.'
          : `${conversations(data.total)} match this search.`}
      </p>
      <div className="xl:col-span-2">
        <VolumeChart
          data={data}
          zone={zone}
          stackBy={stackBy}
          onStackByChange={onStackByChange}
          hrefFor={hrefFor}
        />
      </div>
      <McsChart data={data} hrefFor={hrefFor} />
      <CsatChart data={data} hrefFor={hrefFor} />
      <BreakdownChart
        title="Devices"
        data={data.devices}
        total={data.total}
        label={deviceLabel}
        slice={deviceSlice}
        unknown="have no device"
        hrefFor={hrefFor}
      />
      <BreakdownChart
        title="Channels"
        data={data.channels}
        total={data.total}
        label={channelLabel}
        slice={channelSlice}
        unknown="have no channel"
        hrefFor={hrefFor}
      />
      <BreakdownChart
        title="Close reasons"
        column="Closed by"
        data={data.closeReasons}
        total={data.total}
        label={codeToWords}
        slice={closeReasonSlice}
        unknown="have no close reason (open, or not said)"
        hrefFor={hrefFor}
      />
      <TransferCountChart data={data} hrefFor={hrefFor} />
      <div className="xl:col-span-2">
        <TransferPathsChart data={data} hrefFor={hrefFor} />
      </div>
      {(['agent', 'skill'] as const).map((by) => (
        <ReplyTimesChart
          key={by}
          by={by}
          rows={by === 'agent' ? data.replies.agents : data.replies.skills}
          measure={replyMeasure}
          onMeasureChange={onReplyMeasureChange}
          hrefFor={hrefFor}
        />
      ))}
      <div className="xl:col-span-2">
        <SdeValuesCard
          body={body}
          zone={zone}
          field={sdeChart}
          onFieldChange={onSdeChartChange}
          hrefFor={hrefFor}
        />
      </div>
      <ReviewCharts body={body} zone={zone} hrefFor={hrefFor} />
    </div>
  )
}

/**
 * The charts' links (SVG marks and table cells) open their list inside the app, as the app's own
 * links do; with a modifier key or another button they do what the browser does (a new tab).
 */
function useFollowLinks(navigate: (href: string) => void) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const follow = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest('a') : null
      const href = link?.getAttribute('href')
      if (!href?.startsWith('/conversations?')) return
      event.preventDefault()
      navigate(href)
    }
    element.addEventListener('click', follow)
    return () => element.removeEventListener('click', follow)
  }, [navigate])
  return ref
}

/** A count by key, where a key may be any text (`constructor` too): 0 when it has none. */
const countIn = (counts: Readonly<Record<string, number>>, key: string) =>
  Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0

/** A chart of one bar per row: Plot's options, and the same rows as a table headed `column`. */
function barChart(
  rows: readonly BarRow[],
  column: string,
  draw: (rows: readonly BarRow[]) => Plot.PlotOptions,
): { options: Plot.PlotOptions; table: ChartTable } {
  return {
    options: draw(rows),
    table: {
      columns: [column, 'Conversations'],
      rows: rows.map((row) => ({
        key: row.key,
        cells: [row.label, row.count],
        href: row.count > 0 ? row.href : undefined,
      })),
    },
  }
}

function VolumeChart({
  data,
  zone,
  stackBy,
  onStackByChange,
  hrefFor,
}: {
  data: Insights
  zone: TimeZone
  stackBy: 'status' | 'channel'
  onStackByChange: (by: 'status' | 'channel') => void
  hrefFor: InsightsViewProps['hrefFor']
}) {
  const { unit, buckets } = data.volume
  const { options, table } = useMemo(() => {
    const labelOf = (from: number) =>
      unit === 'day'
        ? formatDate(from, zone)
        : `${formatDate(from, zone)} ${formatTime(from, zone).slice(0, 5)}`
    const labels = buckets.map((bucket) => labelOf(bucket.from))
    const counts = (bucket: Insights['volume']['buckets'][number]) =>
      stackBy === 'status' ? bucket.byStatus : bucket.byChannel
    const totals = new Map<string, number>()
    for (const bucket of buckets) {
      for (const [key, n] of Object.entries(counts(bucket)))
        totals.set(key, (totals.get(key) ?? 0) + n)
    }
    const keys = [...totals].sort((a, b) => b[1] - a[1]).map(([key]) => key)
    const names = distinctNames(keys, stackBy === 'status' ? statusLabel : channelLabel)
    const name = (key: string) => names.get(key) ?? key
    const sliceOf = (bucket: (typeof buckets)[number], key?: string) => ({
      window: { from: bucket.from, to: bucket.to },
      ...(key === undefined ? {} : stackBy === 'status' ? { status: key } : { channel: key }),
    })
    const rows: StackRow[] = buckets.flatMap((bucket, i) =>
      keys.flatMap((key) => {
        const n = countIn(counts(bucket), key)
        if (n === 0) return []
        const label = labels[i] ?? ''
        return [
          {
            key: String(bucket.from),
            label,
            series: key,
            count: n,
            href: hrefFor(sliceOf(bucket, key)),
            aria: `${label}, ${name(key)}: ${conversations(n)}`,
          },
        ]
      }),
    )
    const series = keys.map((key, i) => ({
      key,
      label: name(key),
      color:
        stackBy === 'status'
          ? (STATUS_COLOR[key] ?? PALETTE[i % PALETTE.length] ?? '')
          : (PALETTE[i % PALETTE.length] ?? ''),
    }))
    // The year is the same all along; the axis says month and day (and hour).
    const bars = buckets.map((bucket, i) => ({
      key: String(bucket.from),
      tick: (labels[i] ?? '').slice(5),
    }))
    const options = stackedOptions(rows, bars, series)
    const table: ChartTable = {
      columns: [unit === 'day' ? 'Day' : 'Hour', ...keys.map(name), 'All'],
      rows: buckets.map((bucket, i) => ({
        key: String(bucket.from),
        cells: [labels[i] ?? '', ...keys.map((key) => countIn(counts(bucket), key)), bucket.total],
        href: bucket.total > 0 ? hrefFor(sliceOf(bucket)) : undefined,
      })),
    }
    return { options, table }
  }, [buckets, unit, zone, stackBy, hrefFor])
  return (
    <ChartCard
      title={`Conversations per ${unit}`}
      description={`By ${stackBy === 'status' ? 'status' : 'channel'}, by when they started (times in ${zone}). Each bar opens its conversations.`}
      fileName={`conversations-per-${unit}`}
      table={table}
    >
      <fieldset className="mb-2 flex gap-3 text-sm">
        <legend className="sr-only">Stack the bars by</legend>
        {(['status', 'channel'] as const).map((by) => (
          <label key={by} className="flex items-center gap-1">
            <input
              type="radio"
              name="stack-by"
              checked={stackBy === by}
              onChange={() => onStackByChange(by)}
            />
            By {by}
          </label>
        ))}
      </fieldset>
      <PlotFigure options={options} label={`Conversations per ${unit}, by ${stackBy}`} />
    </ChartCard>
  )
}

function McsChart({ data, hrefFor }: { data: Insights; hrefFor: InsightsViewProps['hrefFor'] }) {
  const rows = useMemo(
    () =>
      data.mcs.buckets.map((bucket) => {
        const label = `${String(bucket.from)}–${String(bucket.to)}`
        return {
          key: label,
          label,
          count: bucket.count,
          href: hrefFor({ mcs: { from: bucket.from, to: bucket.to } }),
          aria: `MCS ${label}: ${conversations(bucket.count)}`,
        }
      }),
    [data, hrefFor],
  )
  return (
    <BarsCard
      title="MCS"
      description="Meaningful conversation score, in buckets of 10. Each bar opens its conversations."
      note={missing(
        data.mcs.none,
        data.total,
        'have no MCS',
        'Every conversation here has an MCS.',
      )}
      column="MCS"
      figure="Conversations by MCS"
      rows={rows}
      draw={barOptions}
    />
  )
}

function CsatChart({ data, hrefFor }: { data: Insights; hrefFor: InsightsViewProps['hrefFor'] }) {
  const rows = useMemo(
    () =>
      data.csat.values.map(({ value, count }) => ({
        key: String(value),
        label: String(value),
        count,
        href: hrefFor({ csat: value }),
        aria: `CSAT ${String(value)}: ${conversations(count)}`,
      })),
    [data, hrefFor],
  )
  return (
    <BarsCard
      title="CSAT"
      description="Customer satisfaction, 1 to 5. Each bar opens its conversations."
      note={missing(
        data.csat.none,
        data.total,
        'have no CSAT',
        'Every conversation here has a CSAT.',
      )}
      column="CSAT"
      figure="Conversations by CSAT"
      rows={rows}
      draw={barOptions}
    />
  )
}

/** What a breakdown's bar narrows the search to. */
const deviceSlice = (key: string): InsightSlice => ({ device: key })
const channelSlice = (key: string): InsightSlice => ({ channel: key })
const closeReasonSlice = (key: string): InsightSlice => ({ closeReason: key })

function BreakdownChart({
  title,
  column = title.replace(/s$/, ''),
  data,
  total,
  label,
  slice,
  unknown,
  hrefFor,
}: {
  title: string
  /** The table's first column (default: the title in the singular). */
  column?: string
  data: { values: Insights['devices']['values']; unknown?: number; none?: number }
  total: number
  label: (key: string) => string
  slice: (key: string) => InsightSlice
  unknown: string
  hrefFor: InsightsViewProps['hrefFor']
}) {
  const rows = useMemo(() => {
    const names = distinctNames(
      data.values.map((value) => value.key),
      label,
    )
    return data.values.map(({ key, count }) => ({
      key,
      label: names.get(key) ?? key,
      count,
      href: hrefFor(slice(key)),
      aria: `${names.get(key) ?? key}: ${conversations(count)}`,
    }))
  }, [data, label, slice, hrefFor])
  return (
    <BarsCard
      title={title}
      description="Each bar opens its conversations."
      note={missingNote(data.unknown ?? data.none ?? 0, total, unknown)}
      column={column}
      figure={`Conversations by ${title.toLowerCase()}`}
      rows={rows}
      draw={barXOptions}
    />
  )
}

const missingNote = (n: number, total: number, what: string) =>
  n > 0 ? missing(n, total, what) : undefined

function TransferCountChart({
  data,
  hrefFor,
}: {
  data: Insights
  hrefFor: InsightsViewProps['hrefFor']
}) {
  const rows = useMemo(
    () =>
      data.transfers.counts.map(({ from, to, count }) => {
        const label = from === to ? String(from) : `${String(from)} or more`
        return {
          key: String(from),
          label,
          count,
          href: hrefFor({ transfers: { from, to } }),
          aria: `${label} transfers: ${conversations(count)}`,
        }
      }),
    [data, hrefFor],
  )
  return (
    <BarsCard
      title="Transfers"
      description="Conversations by how many times they were transferred. Each bar opens its conversations."
      note={missingNote(data.transfers.none, data.total, 'have no record of their transfers')}
      column="Transfers"
      figure="Conversations by number of transfers"
      rows={rows}
      draw={barOptions}
    />
  )
}

function TransferPathsChart({
  data,
  hrefFor,
}: {
  data: Insights
  hrefFor: InsightsViewProps['hrefFor']
}) {
  const facets = useQuery(facetQueries.known())
  const skills = facets.data?.skills
  const rows = useMemo(() => {
    const names = new Map((skills ?? []).map((skill) => [skill.id, skill.name ?? skill.id]))
    const nameOf = (id: string) => nameWithId(names.get(id), id)
    // The axis: skill names alone, unless two skills share one.
    const short = distinctNames(
      [...new Set(data.transfers.paths.flatMap((path) => [path.from, path.to]))],
      (id) => names.get(id) ?? id,
    )
    const shortName = (id: string) => short.get(id) ?? id
    return data.transfers.paths.map(({ from, to, count }) => {
      const label = `${nameOf(from)} → ${nameOf(to)}`
      return {
        key: JSON.stringify([from, to]),
        label,
        tick: `${shortName(from)} → ${shortName(to)}`,
        count,
        href: hrefFor({ transferPath: { from, to } }),
        aria: `${label}: ${conversations(count)}`,
      }
    })
  }, [data, skills, hrefFor])
  if (rows.length === 0) {
    return (
      <EmptyChartCard
        title="Transfers from skill to skill"
        description="No conversation of this search was transferred from one skill to another."
      />
    )
  }
  return (
    <BarsCard
      title="Transfers from skill to skill"
      description={`The ${rows.length === 1 ? 'transfer' : `${String(rows.length)} transfers`} made in most conversations (each counted once per conversation). Each bar opens its conversations.`}
      note={undefined}
      column="Transfer"
      figure="Conversations by transfer from skill to skill"
      rows={rows}
      draw={barXOptions}
      fileName="transfers-from-skill-to-skill"
    />
  )
}

/** A chart of one bar per row, in its card with its table and CSV (`title`, lower case, names the file). */
function BarsCard({
  title,
  description,
  note,
  column,
  figure,
  rows,
  draw,
  fileName = title.toLowerCase().replaceAll(' ', '-'),
}: {
  title: string
  fileName?: string
  description: string
  note: string | undefined
  /** The table's first column. */
  column: string
  /** What the chart is called for screen readers. */
  figure: string
  rows: readonly BarRow[]
  draw: (rows: readonly BarRow[]) => Plot.PlotOptions
}) {
  const { options, table } = useMemo(() => barChart(rows, column, draw), [rows, column, draw])
  return (
    <ChartCard
      title={title}
      description={description}
      note={note}
      fileName={fileName}
      table={table}
    >
      <PlotFigure options={options} label={figure} />
    </ChartCard>
  )
}
