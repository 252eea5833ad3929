import { useQuery } from '@tanstack/react-query'
import { configQueries } from '@/app/lib/config-queries'
import { PageHeading } from '@/app/features/search/page-heading'
import { ResultsError } from '@/app/features/search/results-error'
import { SearchView } from '@/app/features/search/search-view'

/** The supervisor's first screen: filters, results, export and import. */
export function ConversationsPage() {
  const config = useQuery(configQueries.app())
  if (config.isPending) {
    return (
      <section aria-labelledby="conversations-heading" className="space-y-4">
        <PageHeading count={undefined} />
        <p role="status">Loading…</p>
      </section>
    )
  }
  if (config.isError) {
    return (
      <section aria-labelledby="conversations-heading" className="space-y-4">
        <PageHeading count={undefined} />
        <ResultsError
          title="The app could not start"
          message={config.error.message}
          onRetry={() => void config.refetch()}
        />
      </section>
    )
  }
  return <SearchView config={config.data} />
}
