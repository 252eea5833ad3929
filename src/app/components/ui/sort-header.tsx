import { TableHeaderCell } from '@/app/components/ui/table'

/** A column header; a sortable one is a button, and aria-sort says how the column is sorted. */
export function SortHeader({
  label,
  numeric,
  nowrap,
  canSort,
  sorted,
  onSort,
}: {
  label: string
  numeric: boolean
  /** Keeps the label on one line. */
  nowrap?: boolean
  canSort: boolean
  sorted: false | 'asc' | 'desc'
  onSort: () => void
}) {
  if (!canSort) {
    return (
      <TableHeaderCell nowrap={nowrap} numeric={numeric} className="font-semibold">
        {label}
      </TableHeaderCell>
    )
  }
  const arrow = sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'
  return (
    <TableHeaderCell
      nowrap={nowrap}
      numeric={numeric}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      className="font-semibold"
    >
      <button
        type="button"
        onClick={onSort}
        title={`Sort by ${label.toLowerCase()}`}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-700"
      >
        {label}
        <span
          aria-hidden="true"
          className={sorted ? 'text-blue-700 dark:text-blue-300' : 'text-slate-500'}
        >
          {arrow}
        </span>
      </button>
    </TableHeaderCell>
  )
}
