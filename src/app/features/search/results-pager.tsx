import { useId } from 'react'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES } from '@/app/components/ui/input-classes'
import { PAGE_SIZES } from '@/app/features/search/search-params'
import type { ResultsTableInstance } from '@/app/features/search/results-table'

const number = new Intl.NumberFormat('en')

/** First / previous / next / last page, the page size, and where in the results this page is. */
export function ResultsPager({ table, count }: { table: ResultsTableInstance; count: number }) {
  const sizeId = useId()
  const { pageIndex, pageSize } = table.state.pagination
  const pageCount = Math.max(1, table.getPageCount())
  const first = count === 0 ? 0 : pageIndex * pageSize + 1
  const last = Math.min(count, (pageIndex + 1) * pageSize)
  return (
    <nav
      aria-label="Pages"
      className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm"
    >
      <p aria-live="polite">
        {count === 0
          ? 'No results'
          : `${number.format(first)}–${number.format(last)} of ${number.format(count)}`}
        <span className="text-slate-600 dark:text-slate-400">
          {` · Page ${number.format(pageIndex + 1)} of ${number.format(pageCount)}`}
        </span>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={sizeId} className="text-slate-700 dark:text-slate-300">
          Rows per page
        </label>
        <div className="w-20">
          <select
            id={sizeId}
            value={pageSize}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            className={INPUT_CLASSES}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <Button
          aria-label="First page"
          disabled={!table.getCanPreviousPage()}
          onClick={() => table.firstPage()}
        >
          «
        </Button>
        <Button disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
          <span aria-hidden="true">‹</span> Previous
        </Button>
        <Button disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
          Next <span aria-hidden="true">›</span>
        </Button>
        <Button
          aria-label="Last page"
          disabled={!table.getCanNextPage()}
          onClick={() => table.lastPage()}
        >
          »
        </Button>
      </div>
    </nav>
  )
}
