import { useQuery } from '@tanstack/react-query'
import { Badge } from '@/app/components/ui/badge'
import { reviewQueries } from '@/app/lib/review-api'
import { LoadingBar } from '@/app/features/search/loading-bar'

const percent = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })

/**
 * The Review column's cell: not reviewed, draft, or reviewed with the score (the lowest when
 * several reviews were submitted, and how many), and whether a dispute is open. Every cell of a
 * page reads the same query, so the page makes one `POST /api/reviews/summary` for all its rows.
 */
export function ReviewStatusCell({
  conversationId,
  ids,
}: {
  conversationId: string
  /** The conversation IDs of the page's rows. */
  ids: readonly string[]
}) {
  const summaries = useQuery(reviewQueries.summaries(ids))
  if (summaries.isPending) return <LoadingBar label="Loading review status" />
  if (summaries.isError) {
    // The toolbar says once why (ReviewSummaryNotice); the cells stay quiet.
    return (
      <span className="text-slate-500 dark:text-slate-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Review status unavailable</span>
      </span>
    )
  }
  const summary = summaries.data.summaries[conversationId]
  if (!summary || summary.status === 'none') {
    return <span className="text-slate-600 dark:text-slate-400">Not reviewed</span>
  }
  const scores = summary.scores.filter((score) => score !== null)
  const lowest = scores.length > 0 ? Math.min(...scores) : undefined
  const disputes = summary.openDisputes
  return (
    <span className="inline-flex items-center gap-1.5">
      {summary.status === 'draft' ? (
        <Badge tone="outline">Draft</Badge>
      ) : (
        <Badge tone="success">Reviewed</Badge>
      )}
      {/* The score beside the status, not in its colour: a green 0% would read as good. */}
      {summary.status === 'reviewed' && lowest !== undefined ? (
        <span className="font-semibold tabular-nums">{`${percent.format(lowest)}%`}</span>
      ) : null}
      {summary.status === 'reviewed' && summary.scores.length > 1 ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {`lowest of ${String(summary.scores.length)}`}
        </span>
      ) : null}
      {disputes > 0 ? (
        <Badge tone="warning">
          Disputed<span className="sr-only">{`, ${String(disputes)} open`}</span>
        </Badge>
      ) : null}
    </span>
  )
}
