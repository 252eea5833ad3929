import { conversations, distinctNames, nameWithId } from '@/app/features/insights/chart-text'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ChartCard, EmptyChartCard, type ChartTable } from '@/app/features/insights/chart-card'
import { replyOptions, type ReplyBarRow } from '@/app/features/insights/chart-marks'
import type { InsightSlice } from '@/app/features/insights/insights-view'
import { PlotFigure } from '@/app/features/insights/plot-figure'
import { facetQueries, type FacetItem } from '@/app/lib/facet-queries'
import { formatDuration } from '@/app/lib/time'
import type { ReplyRow } from '@/domain/schema/insights'

/** How many agents or skills the chart draws (the table has every one the server gave). */
const DRAWN = 15

export type ReplyMeasure = 'first' | 'average'

const seconds = (ms: number | null) => (ms === null ? '' : Math.round(ms / 1000))
const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms))
/** An axis tick: 10 s, 5 min, 2 h, 1 d. */
const roundDuration = (s: number) =>
  s < 60
    ? `${String(s)} s`
    : s < 3600
      ? `${String(s / 60)} min`
      : s < 86_400
        ? `${String(s / 3600)} h`
        : `${String(s / 86_400)} d`

/**
 * Issue 15: how fast agents reply, by agent or by skill. Each bar is a median (first or average
 * reply, as chosen), with a tick at the 90th percentile, for the agents or skills with the most
 * conversations; each opens the list of that agent's or skill's conversations, whose count it
 * states. The table has every row, its CSV the times in seconds.
 */
export function ReplyTimesChart({
  by,
  rows,
  measure,
  onMeasureChange,
  hrefFor,
}: {
  by: 'agent' | 'skill'
  rows: readonly ReplyRow[]
  measure: ReplyMeasure
  onMeasureChange: (measure: ReplyMeasure) => void
  hrefFor: (slice: InsightSlice) => string | undefined
}) {
  const facets = useQuery(facetQueries.known())
  const known = by === 'agent' ? facets.data?.agents : facets.data?.skills
  const title = by === 'agent' ? 'Reply times by agent' : 'Reply times by skill'
  const { bars, table } = useMemo(
    () => replyChart(by, rows, measure, known, hrefFor),
    [by, rows, measure, known, hrefFor],
  )
  if (rows.length === 0) {
    return (
      <EmptyChartCard
        title={title}
        description={`No conversation of this search has ${by === 'agent' ? 'an assigned agent' : 'a skill'}.`}
      />
    )
  }
  const what = measure === 'first' ? 'first reply' : 'average reply'
  return (
    <ChartCard
      title={title}
      description={`Median ${what} time (bar) and 90th percentile (tick), for the ${String(bars.length)} ${by === 'agent' ? 'agents' : 'skills'} with the most conversations. A reply is an agent's message after the consumer's; it is timed from the consumer's first message waiting.${by === 'skill' ? ' Bots are left out.' : ''} Each bar opens the ${by}'s conversations.`}
      note={bars.length === 0 ? `No ${by} here has a reply to time.` : undefined}
      fileName={`reply-times-by-${by}`}
      table={table}
    >
      <fieldset className="mb-2 flex gap-3 text-sm">
        <legend className="sr-only">Time of</legend>
        {(['first', 'average'] as const).map((choice) => (
          <label key={choice} className="flex items-center gap-1">
            <input
              type="radio"
              name={`reply-measure-${by}`}
              checked={measure === choice}
              onChange={() => onMeasureChange(choice)}
            />
            {choice === 'first' ? 'First reply' : 'Average reply'}
          </label>
        ))}
      </fieldset>
      {bars.length > 0 ? (
        <PlotFigure
          options={replyOptions(bars, roundDuration)}
          label={`${title}: median ${what} time`}
        />
      ) : null}
    </ChartCard>
  )
}

function replyChart(
  by: 'agent' | 'skill',
  rows: readonly ReplyRow[],
  measure: ReplyMeasure,
  known: readonly FacetItem[] | undefined,
  hrefFor: (slice: InsightSlice) => string | undefined,
): { bars: ReplyBarRow[]; table: ChartTable } {
  const names = new Map((known ?? []).map((item) => [item.id, item.name]))
  const nameOf = (id: string) => nameWithId(names.get(id), id)
  // The axis: names alone, unless two rows share one.
  const ticks = distinctNames(
    rows.map((row) => row.key),
    (id) => names.get(id) ?? id,
  )
  const tickOf = (id: string) => ticks.get(id) ?? id
  const sliceOf = (id: string): InsightSlice => (by === 'agent' ? { agent: id } : { skill: id })
  const bars: ReplyBarRow[] = []
  for (const row of rows) {
    if (bars.length >= DRAWN) break
    const figures = row[measure]
    if (figures.median === null || figures.p90 === null) continue
    const label = nameOf(row.key)
    bars.push({
      key: row.key,
      label,
      tick: tickOf(row.key),
      median: figures.median / 1000,
      p90: figures.p90 / 1000,
      href: hrefFor(sliceOf(row.key)),
      aria: `${label}, ${measure} reply median ${duration(figures.median)}, 90th percentile ${duration(figures.p90)}: ${conversations(row.count)}`,
    })
  }
  const column = by === 'agent' ? 'Agent' : 'Skill'
  const table: ChartTable = {
    columns: [
      column,
      'Conversations',
      'Replied to',
      'First reply, median',
      'First reply, 90th percentile',
      'Average reply, median',
      'Average reply, 90th percentile',
    ],
    csvColumns: [
      column,
      'Conversations',
      'Replied to',
      'First reply, median (s)',
      'First reply, 90th percentile (s)',
      'Average reply, median (s)',
      'Average reply, 90th percentile (s)',
    ],
    rows: rows.map((row) => ({
      key: row.key,
      href: row.count > 0 ? hrefFor(sliceOf(row.key)) : undefined,
      cells: [
        nameOf(row.key),
        row.count,
        row.replied,
        duration(row.first.median),
        duration(row.first.p90),
        duration(row.average.median),
        duration(row.average.p90),
      ],
      csv: [
        nameOf(row.key),
        row.count,
        row.replied,
        seconds(row.first.median),
        seconds(row.first.p90),
        seconds(row.average.median),
        seconds(row.average.p90),
      ],
    })),
  }
  return { bars, table }
}
