import { conversations, share } from '@/app/features/insights/chart-text'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, type ReactNode } from 'react'
import { ChartCard, type ChartTable } from '@/app/features/insights/chart-card'
import { barOptions, barXOptions, type BarRow } from '@/app/features/insights/chart-marks'
import { insightsQueries } from '@/app/features/insights/insights-queries'
import type { InsightSlice, InsightsViewProps } from '@/app/features/insights/insights-view'
import { PlotFigure } from '@/app/features/insights/plot-figure'
import type { TimeZone } from '@/app/lib/time'
import type { SdeValues } from '@/domain/schema/sde-insights'
import type { SearchBodyInput } from '@/domain/schema/search-request'
import {
  DEFAULT_SDE_CHART_FIELD,
  SDE_CHART_FIELDS,
  sdeChartField,
  type SdeChartField,
} from '@/domain/sde-fields'

const numberText = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 10 })
/** An axis has room for this many characters of a value; the table and the CSV have it whole. */
const AXIS_CHARACTERS = 24
const short = (text: string) =>
  text.length > AXIS_CHARACTERS ? `${text.slice(0, AXIS_CHARACTERS - 1)}…` : text

/**
 * Issue 15: the values of one engagement attribute (SDE) among the conversations of the search,
 * the field chosen here (its choice in the URL, `sdeChart`): a text field's most common values
 * as horizontal bars, a number's buckets as vertical ones. Every bar and table row opens the list
 * of its conversations (the search plus `sdeValue`); "other values" and "none" are told in the
 * note and the table, without a link (the search cannot say "none of these").
 */
export function SdeValuesCard({
  body,
  zone,
  field,
  onFieldChange,
  hrefFor,
}: {
  body: SearchBodyInput
  zone: TimeZone
  field: string | undefined
  onFieldChange: (field: string) => void
  hrefFor: InsightsViewProps['hrefFor']
}) {
  const chosen =
    sdeChartField(field ?? '') ?? sdeChartField(DEFAULT_SDE_CHART_FIELD) ?? SDE_CHART_FIELDS[0]
  const pickerId = useId()
  const values = useQuery(
    insightsQueries.sdeValues({ search: body, zone, field: chosen?.path ?? '' }),
  )
  if (!chosen) return null
  const picker = (
    <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={pickerId}>Engagement attribute</label>
      <select
        id={pickerId}
        value={chosen.path}
        onChange={(event) => onFieldChange(event.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {SDE_CHART_FIELDS.map((one) => (
          <option key={one.path} value={one.path}>
            {one.label} ({one.path})
          </option>
        ))}
      </select>
    </div>
  )
  const title = 'Engagement attribute values'
  if (values.isPending || values.isError || values.data.field !== chosen.path) {
    return (
      <section
        aria-label={title}
        className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 className="text-base font-semibold">{title}</h2>
        {picker}
        {values.isError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            The values could not be counted: {values.error.message}
          </p>
        ) : (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Counting the values of {chosen.label}…
          </p>
        )}
      </section>
    )
  }
  return <SdeValuesChart field={chosen} data={values.data} picker={picker} hrefFor={hrefFor} />
}

function SdeValuesChart({
  field,
  data,
  picker,
  hrefFor,
}: {
  field: SdeChartField
  data: SdeValues
  picker: ReactNode
  hrefFor: InsightsViewProps['hrefFor']
}) {
  const { rows, table } = useMemo(() => sdeRows(field, data, hrefFor), [field, data, hrefFor])
  const numeric = field.kind === 'number'
  const notes = [
    data.none > 0 ? `${conversations(data.none)} (${share(data.none, data.total)}) have none.` : '',
    data.other > 0
      ? `${conversations(data.other)} have another value than these ${String(data.values.length)}.`
      : '',
  ]
  const note = notes.filter(Boolean).join(' ') || undefined
  const description = numeric
    ? `${field.label} (${field.path}), in buckets: each from its first number, up to but not including the next. A conversation with two values counts in each of their buckets. Each bar opens its conversations.`
    : `The most common values of ${field.label} (${field.path}), capital letters aside. A conversation with two values counts under each. Each bar opens its conversations.`
  return (
    <ChartCard
      title="Engagement attribute values"
      description={description}
      note={note}
      fileName={`sde-${field.path}`}
      table={table}
    >
      {picker}
      {rows.length === 0 ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          No conversation of this search has a value of {field.label}.
        </p>
      ) : (
        <PlotFigure
          options={numeric ? barOptions(rows) : barXOptions(rows)}
          label={`Conversations by ${field.label}`}
        />
      )}
    </ChartCard>
  )
}

/** The bars (values or buckets) and the table: the same rows, then "other" and "none". */
function sdeRows(
  field: SdeChartField,
  data: SdeValues,
  hrefFor: InsightsViewProps['hrefFor'],
): { rows: BarRow[]; table: ChartTable } {
  const bar = (key: string, label: string, whole: string, count: number, slice: InsightSlice) => ({
    row: {
      key,
      label,
      count,
      href: count > 0 ? hrefFor(slice) : undefined,
      aria: `${field.label} ${whole}: ${conversations(count)}`,
    },
    whole,
  })
  const bars =
    field.kind === 'number'
      ? data.buckets.map(({ from, to, count }) =>
          bar(
            `b:${String(from)}`,
            `${numberText(from)}–${numberText(to)}`,
            `${numberText(from)} to under ${numberText(to)}`,
            count,
            { sde: { field: field.path, from, to } },
          ),
        )
      : data.values.map(({ value, count }) =>
          bar(`v:${value}`, short(value), value, count, { sde: { field: field.path, value } }),
        )
  const extra = [
    ...(data.other > 0 ? [{ key: 'other', cells: ['(another value)', data.other] }] : []),
    ...(data.none > 0 ? [{ key: 'none', cells: ['(none)', data.none] }] : []),
  ]
  return {
    rows: bars.map((one) => one.row),
    table: {
      columns: [field.label, 'Conversations'],
      rows: [
        ...bars.map(({ row, whole }) => ({
          key: row.key,
          cells: [whole, row.count],
          href: row.href,
        })),
        ...extra.map((row) => ({ ...row, href: undefined })),
      ],
    },
  }
}
