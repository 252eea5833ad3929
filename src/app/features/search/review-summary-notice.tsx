import { useQuery } from '@tanstack/react-query'
import { Button } from '@/app/components/ui/button'
import { reviewQueries } from '@/app/lib/review-api'

/**
 * Says once, above the table, that the Review column could not be filled (the cells show a
 * dash); the rest of the table works as usual. Reads the same query as the cells.
 */
export function ReviewSummaryNotice({ ids }: { ids: readonly string[] }) {
  const summaries = useQuery(reviewQueries.summaries(ids))
  if (!summaries.isError) return null
  return (
    <div
      role="alert"
      className="mr-auto flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>{`Review status could not be loaded: ${summaries.error.message}`}</span>
      <Button size="sm" onClick={() => void summaries.refetch()}>
        Retry
      </Button>
    </div>
  )
}
