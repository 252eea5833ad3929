import type { ComponentProps } from 'react'
import type { ActiveFilter } from '@/app/features/search/active-filters'
import { EmptyResults } from '@/app/features/search/empty-results'
import { PartialNotice } from '@/app/features/search/partial-notice'
import type { ResultsPage } from '@/app/features/search/results-page'
import { ResultsError } from '@/app/features/search/results-error'
import { ResultsTable } from '@/app/features/search/results-table'

const number = new Intl.NumberFormat('en')

type TableProps = Omit<ComponentProps<typeof ResultsTable>, 'rows' | 'count' | 'busy' | 'caption'>

/** The results area, one state at a time: not searched, failed, loading, empty, or the table. */
export function SearchResults({
  problem,
  error,
  onRetry,
  page,
  busy,
  activeFilters,
  onClear,
  table,
}: {
  /** Why the search in the URL was not sent (it would be refused). */
  problem: string | undefined
  error: { message: string; rejected: boolean } | undefined
  onRetry: () => void
  page: ResultsPage | undefined
  busy: boolean
  activeFilters: readonly ActiveFilter[]
  onClear: () => void
  table: TableProps
}) {
  if (problem) {
    return (
      <ResultsError title="Nothing was searched" message={`Fix the filter first: ${problem}`} />
    )
  }
  if (error && !page) {
    return error.rejected ? (
      <ResultsError title="The search was not accepted" message={error.message} />
    ) : (
      <ResultsError
        title="Conversations could not be loaded"
        message={error.message}
        onRetry={onRetry}
      />
    )
  }
  if (!page) {
    return (
      <p role="status" className="py-8 text-center text-slate-600 dark:text-slate-400">
        Loading conversations…
      </p>
    )
  }
  if (page.count === 0 && page.rows.length === 0) {
    return <EmptyResults filters={activeFilters} onClear={onClear} />
  }
  return (
    <>
      <PartialNotice partialResult={page.partialResult} partialRecords={page.partialRecords} />
      <ResultsTable
        {...table}
        rows={page.rows}
        count={page.count}
        busy={busy}
        caption={`Conversations, ${number.format(page.count)} ${page.count === 1 ? 'match' : 'matches'}`}
      />
    </>
  )
}
