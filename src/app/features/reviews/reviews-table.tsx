import { functionalUpdate, useTable, type SortingState, type Updater } from '@tanstack/react-table'
import { Table, TableCell } from '@/app/components/ui/table'
import { reviewColumns } from '@/app/features/reviews/review-columns'
import { reviewTableFeatures } from '@/app/features/reviews/review-table-features'
import { SortHeader } from '@/app/components/ui/sort-header'
import { REVIEW_SORTS, type ReviewListQuery, type ReviewRow } from '@/domain/schema/reviews'

type Sort = Pick<ReviewListQuery, 'sort' | 'order'>

const SORT_WORDS: Readonly<Record<ReviewListQuery['sort'], string>> = {
  updated: 'last change',
  submitted: 'submission',
  score: 'score',
  agent: 'agent',
  reviewer: 'reviewer',
  scorecard: 'scorecard',
}

const sortOf = (sorting: SortingState, fallback: Sort): Sort => {
  const first = sorting[0]
  const sort = REVIEW_SORTS.find((known) => known === first?.id)
  if (!first || !sort) return fallback
  return { sort, order: first.desc ? 'desc' : 'asc' }
}

/**
 * One row per review. Sorting is the server's: the table holds the URL's sort and reports a
 * click on a header; the page writes it to the URL.
 */
export function ReviewsTable({
  reviews,
  sort,
  busy,
  onSort,
}: {
  reviews: ReviewRow[]
  sort: Sort
  busy: boolean
  onSort: (sort: Sort) => void
}) {
  const sorting: SortingState = [{ id: sort.sort, desc: sort.order === 'desc' }]
  const table = useTable({
    features: reviewTableFeatures,
    columns: reviewColumns,
    data: reviews,
    getRowId: (review) => review.id,
    state: { sorting },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater: Updater<SortingState>) =>
      onSort(sortOf(functionalUpdate(updater, sorting), sort)),
  })
  return (
    <Table
      framed
      caption={`Reviews, sorted by ${SORT_WORDS[sort.sort]}, ${sort.order === 'desc' ? 'descending' : 'ascending'}`}
      aria-busy={busy}
      className="text-sm"
    >
      <thead className="bg-slate-100 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortHeader
                nowrap
                key={header.id}
                label={header.column.columnDef.meta?.label ?? header.id}
                numeric={header.column.columnDef.meta?.numeric === true}
                canSort={header.column.getCanSort()}
                sorted={header.column.getIsSorted()}
                onSort={() => header.column.toggleSorting()}
              />
            ))}
          </tr>
        ))}
      </thead>
      <tbody className={busy ? 'opacity-60 transition-opacity' : 'transition-opacity'}>
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            className="border-t border-slate-200 odd:bg-white even:bg-slate-50 hover:bg-blue-50 dark:border-slate-800 dark:odd:bg-slate-900 dark:even:bg-slate-900/60 dark:hover:bg-blue-950/60"
          >
            {row.getAllCells().map((cell) => (
              <TableCell
                key={cell.id}
                numeric={cell.column.columnDef.meta?.numeric === true}
                nowrap={cell.column.id === 'submitted' || cell.column.id === 'updated'}
              >
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
