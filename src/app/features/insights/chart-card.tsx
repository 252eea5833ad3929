import { useId, type ReactNode } from 'react'
import { Button } from '@/app/components/ui/button'
import { Table, TableCell, TableHeaderCell } from '@/app/components/ui/table'
import { downloadText } from '@/app/lib/download'
import { reportExport } from '@/app/lib/export-audit'
import { toCsv } from '@/domain/csv'

/** A chart's numbers: one row per mark, its first cell a link to the mark's list. */
export interface ChartTable {
  columns: readonly string[]
  rows: readonly {
    key: string
    cells: readonly (string | number)[]
    href: string | undefined
    /** The row in the CSV, when it differs from the table (numbers rather than words). */
    csv?: readonly (string | number)[]
  }[]
  /** The CSV's columns, when its rows differ from the table's. */
  csvColumns?: readonly string[]
  /** How many leading columns are text, not numbers (default 1). */
  labels?: number
}

/** A chart with nothing to draw: its heading and why it is empty, in the same frame. */
export function EmptyChartCard({ title, description }: { title: string; description: string }) {
  const id = useId()
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
    </section>
  )
}

/**
 * One chart of the Insights view: its heading and what it counts, the chart, and its numbers as
 * a table (for screen readers, the keyboard and copying) and as a CSV download.
 */
export function ChartCard({
  title,
  description,
  note,
  fileName,
  table,
  children,
}: {
  title: string
  description: string
  /** What the chart leaves out, as a sentence ("12% have no MCS"). */
  note?: string | undefined
  fileName: string
  table: ChartTable
  children: ReactNode
}) {
  const id = useId()
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
      <div className="mt-3">{children}</div>
      {note ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{note}</p> : null}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <details className="min-w-0 flex-1 text-sm">
          <summary className="cursor-pointer rounded text-slate-700 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:focus-visible:outline-blue-400">
            Numbers as a table
          </summary>
          <Table caption={title} className="mt-2">
            <thead>
              <tr>
                {table.columns.map((column, i) => (
                  <TableHeaderCell
                    key={`${String(i)}:${column}`}
                    size="sm"
                    numeric={i >= (table.labels ?? 1)}
                  >
                    {column}
                  </TableHeaderCell>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <TableCell
                      key={`${String(i)}:${table.columns[i] ?? ''}`}
                      size="sm"
                      numeric={i >= (table.labels ?? 1)}
                    >
                      {i === 0 && row.href ? (
                        <a href={row.href} className="text-blue-700 underline dark:text-blue-300">
                          {cell}
                        </a>
                      ) : (
                        cell
                      )}
                    </TableCell>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </details>
        <Button
          size="sm"
          onClick={() => {
            const rows = table.rows.map((row) => row.csv ?? row.cells)
            const columns = table.csvColumns ?? table.columns
            downloadText(`${fileName}.csv`, toCsv(columns, rows), 'text/csv;charset=utf-8')
            reportExport(fileName, { format: 'csv', rows: rows.length, what: 'insights-chart' })
          }}
        >
          Download CSV
        </Button>
      </div>
    </section>
  )
}
