import { conversations } from '@/app/features/insights/chart-text'
import { useQuery } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import * as Plot from '@observablehq/plot'
import { ChartCard, type ChartTable } from '@/app/features/insights/chart-card'
import { barXOptions, type BarRow } from '@/app/features/insights/chart-marks'
import type { InsightSlice, InsightsViewProps } from '@/app/features/insights/insights-view'
import { insightsQueries } from '@/app/features/insights/insights-queries'
import { PlotFigure } from '@/app/features/insights/plot-figure'
import { formatDate, type TimeZone } from '@/app/lib/time'
import type { ReviewInsights } from '@/domain/schema/review-insights'
import type { SearchBodyInput } from '@/domain/schema/search-request'

/**
 * Issue 15's QA charts on the Insights tab: the average review score of the agents with most
 * reviews, per day or week, and the criteria that fail most. Counted on the server
 * (`POST /api/insights/reviews`) over the search's conversations and the submitted reviews the
 * reader may see; every dot, bar and table row opens the list of exactly its conversations.
 */

type HrefFor = InsightsViewProps['hrefFor']

/** The agents' colours (CSS variables in styles.css, light and dark). */
const PALETTE = Array.from({ length: 8 }, (_, i) => `var(--chart-${String(i + 1)})`)

const reviews = (n: number) => (n === 1 ? '1 review' : `${n.toLocaleString('en-US')} reviews`)
const score = (average: number | null) => (average === null ? '–' : `${String(average)}%`)

export function ReviewCharts({
  body,
  zone,
  hrefFor,
}: {
  body: SearchBodyInput
  zone: TimeZone
  hrefFor: HrefFor
}) {
  const query = useQuery(insightsQueries.reviewsForSearch({ search: body, zone }))
  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-slate-600 xl:col-span-2 dark:text-slate-400">
        Counting the reviews of this search…
      </p>
    )
  }
  if (query.isError) {
    return (
      <p role="alert" className="text-sm text-red-700 xl:col-span-2 dark:text-red-400">
        The review charts could not be counted: {query.error.message}
      </p>
    )
  }
  const data = query.data
  return (
    <>
      <div className="xl:col-span-2">
        <ScoresChart data={data} zone={zone} hrefFor={hrefFor} />
      </div>
      <div className="xl:col-span-2">
        <FailingChart data={data} hrefFor={hrefFor} />
      </div>
    </>
  )
}

/** A card without a chart: what there is to say instead, plainly. */
function PlainCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <p role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {children}
      </p>
    </section>
  )
}

const NO_REVIEWS =
  'No submitted reviews of these conversations that you may see: there is nothing to chart.'

function ScoresChart({
  data,
  zone,
  hrefFor,
}: {
  data: ReviewInsights
  zone: TimeZone
  hrefFor: HrefFor
}) {
  const { unit, periods, agents, otherAgents } = data.scores
  const title = 'QA score by agent'
  const chart = useMemo(() => {
    const label = (from: number) => formatDate(from, zone)
    const nameOf = new Map(agents.map((agent) => [agent.agentId, agent.name ?? agent.agentId]))
    // Each agent's dots a little apart within their period, so that two equal scores are two
    // dots to click, not one over the other.
    const spread = (i: number) => (i - (agents.length - 1) / 2) * 0.08
    const points = agents.flatMap((agent, a) =>
      agent.points.flatMap((point) => {
        const period = periods[point.period]
        if (!period || point.average === null) return []
        const slice: InsightSlice = { window: period, reviewedAgent: agent.agentId }
        return [
          {
            x: point.period + spread(a),
            agent: agent.agentId,
            average: point.average,
            href: hrefFor(slice),
            aria: `${nameOf.get(agent.agentId) ?? agent.agentId}, ${unit} of ${label(period.from)}: ${score(point.average)} over ${reviews(point.reviews)} (${conversations(point.conversations)})`,
          },
        ]
      }),
    )
    const step = Math.max(1, Math.ceil(periods.length / 10))
    const options: Plot.PlotOptions = {
      height: 280,
      marginBottom: 36,
      x: {
        domain: [-0.5, periods.length - 0.5],
        ticks: periods.map((_, i) => i).filter((i) => i % step === 0),
        // The year is the same all along; the axis says month and day.
        tickFormat: (i: number) => label(periods[i]?.from ?? 0).slice(5),
        label: unit === 'day' ? null : 'Week of',
        labelAnchor: 'left',
      },
      y: { domain: [0, 100], grid: true, label: 'Average score (%)' },
      color: {
        domain: agents.map((agent) => agent.agentId),
        range: agents.map((_, i) => PALETTE[i % PALETTE.length] ?? ''),
        tickFormat: (id: string) => nameOf.get(id) ?? id,
        legend: true,
      },
      marks: [
        Plot.line(points, {
          x: 'x',
          y: 'average',
          stroke: 'agent',
          z: 'agent',
          ariaHidden: 'true',
        }),
        Plot.dot(points, {
          x: 'x',
          y: 'average',
          fill: 'agent',
          r: 4.5,
          href: 'href',
          ariaLabel: 'aria',
          title: 'aria',
        }),
      ],
    }
    // A row per agent over the whole window, then one per agent and period.
    const table: ChartTable = {
      columns: [
        'Agent',
        unit === 'day' ? 'Day' : 'Week of',
        'Average score',
        'Reviews',
        'Conversations',
      ],
      labels: 2,
      rows: agents.flatMap((agent) => {
        const name = nameOf.get(agent.agentId) ?? agent.agentId
        return [
          {
            key: agent.agentId,
            cells: [name, 'All', score(agent.average), agent.reviews, agent.conversations],
            href: hrefFor({ reviewedAgent: agent.agentId }),
          },
          ...agent.points.flatMap((point) => {
            const period = periods[point.period]
            if (!period) return []
            return [
              {
                key: `${agent.agentId} ${String(period.from)}`,
                cells: [
                  name,
                  label(period.from),
                  score(point.average),
                  point.reviews,
                  point.conversations,
                ],
                href: hrefFor({ window: period, reviewedAgent: agent.agentId }),
              },
            ]
          }),
        ]
      }),
    }
    return { options, table }
  }, [agents, periods, unit, zone, hrefFor])
  if (agents.length === 0) return <PlainCard title={title}>{NO_REVIEWS}</PlainCard>
  return (
    <ChartCard
      title={title}
      description={`The average score of each agent's submitted reviews, per ${unit} the conversations started (in ${zone}); the ${agents.length === 1 ? 'agent' : `${String(agents.length)} agents`} with most reviews. Each dot opens that agent's reviewed conversations of that ${unit}.`}
      note={
        otherAgents > 0
          ? `${String(otherAgents)} more ${otherAgents === 1 ? 'agent has' : 'agents have'} fewer reviews and ${otherAgents === 1 ? 'is' : 'are'} not shown. ${reviews(data.reviews)} of ${conversations(data.reviewed)} in all.`
          : `${reviews(data.reviews)} of ${conversations(data.reviewed)} in all.`
      }
      fileName={`qa-score-by-agent-per-${unit}`}
      table={chart.table}
    >
      <PlotFigure options={chart.options} label={`Average QA score by agent, per ${unit}`} />
    </ChartCard>
  )
}

function FailingChart({ data, hrefFor }: { data: ReviewInsights; hrefFor: HrefFor }) {
  const { criteria, otherCriteria } = data.failing
  const title = 'Criteria that fail most'
  const table = useMemo(() => {
    // Two criteria of the same name (on two scorecards) are told apart by their scorecard.
    const seen = new Map<string, number>()
    for (const one of criteria) seen.set(one.name, (seen.get(one.name) ?? 0) + 1)
    const rows: BarRow[] = criteria.map((one) => {
      const name = (seen.get(one.name) ?? 0) > 1 ? `${one.name} (${one.scorecardName})` : one.name
      return {
        key: `${String(one.scorecard)}:${one.criterion}`,
        label: name,
        count: one.conversations,
        href: hrefFor({ failedCriterion: { scorecard: one.scorecard, criterion: one.criterion } }),
        aria: `${name}, ${one.scorecardName}: fails in ${conversations(one.conversations)}`,
      }
    })
    const numbers: ChartTable = {
      columns: ['Criterion', 'Scorecard', 'Conversations', 'Failing reviews'],
      labels: 2,
      rows: criteria.map((one, i) => ({
        key: rows[i]?.key ?? String(i),
        cells: [rows[i]?.label ?? one.name, one.scorecardName, one.conversations, one.reviews],
        href: rows[i]?.href,
      })),
    }
    return { options: barXOptions(rows), numbers }
  }, [criteria, hrefFor])
  if (data.reviews === 0) return <PlainCard title={title}>{NO_REVIEWS}</PlainCard>
  if (criteria.length === 0) {
    return (
      <PlainCard title={title}>
        No criterion failed in the {reviews(data.reviews)} of these conversations.
      </PlainCard>
    )
  }
  return (
    <ChartCard
      title={title}
      description="Conversations with a submitted review that fails the criterion: an answer on its scale's failing point (No; 1 or 2 of 5; a custom scale's fail). Each bar opens those conversations."
      note={
        otherCriteria > 0
          ? `${String(otherCriteria)} more ${otherCriteria === 1 ? 'criterion fails' : 'criteria fail'} less often and ${otherCriteria === 1 ? 'is' : 'are'} not shown.`
          : undefined
      }
      fileName="qa-failing-criteria"
      table={table.numbers}
    >
      <PlotFigure options={table.options} label="Conversations by failing criterion" />
    </ChartCard>
  )
}
