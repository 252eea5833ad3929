import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { Button } from '@/app/components/ui/button'
import { errorMessage } from '@/app/lib/error-message'
import { reviewQueries } from '@/app/lib/review-api'
import { formatDateTime, type TimeZone } from '@/app/lib/time'
import { useTranscriptMarks, type ReviewMarks } from './transcript-marks'
import { ReviewStateBadge, ScoreText } from './review-badges'
import { legName } from './transcript-facts'
import { PanelMessage } from './panel-message'

/** This conversation's reviews the reader may see, each a link that opens it; "Start a review". */
export function ReviewList({
  conversationId,
  zone,
  onMarksChange,
  onStart,
}: {
  conversationId: string
  zone: TimeZone
  onMarksChange: (marks: ReviewMarks) => void
  onStart: () => void
}) {
  useTranscriptMarks(onMarksChange, undefined, false)
  const { data, error, isPending } = useQuery(reviewQueries.forConversation(conversationId))
  if (isPending) return <PanelMessage>Loading reviews…</PanelMessage>
  if (error)
    return (
      <PanelMessage error>{`The reviews could not be loaded: ${errorMessage(error)}`}</PanelMessage>
    )
  return (
    <div className="flex flex-col gap-3">
      {data.reviews.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No reviews of this conversation yet.
        </p>
      ) : (
        <ul aria-label="Reviews of this conversation" className="flex flex-col gap-2">
          {data.reviews.map((review) => (
            <li key={review.id}>
              <Link
                from="/conversations/$conversationId"
                to="/conversations/$conversationId"
                params={{ conversationId }}
                search={(prev) => ({ ...prev, review: review.id })}
                resetScroll={false}
                className="block rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:hover:bg-slate-900"
              >
                <span className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium">
                    <span className="text-blue-800 underline dark:text-blue-300">
                      {legName(review.leg)}
                    </span>
                    <span className="font-normal text-slate-600 dark:text-slate-400">
                      {` (${review.leg.role === 'bot' ? 'bot' : 'agent'})`}
                    </span>
                  </span>
                  <ScoreText
                    percent={review.score.percent}
                    criticalFailed={review.score.criticalFailed}
                  />
                </span>
                <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
                  <ReviewStateBadge review={review} />
                  <span>{review.scorecard.name}</span>
                  <span>{`by ${review.author.name}`}</span>
                  <span>{formatDateTime(review.updatedAt, zone)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data.canReview ? (
        <div>
          <Button variant="primary" onClick={onStart}>
            Start a review
          </Button>
        </div>
      ) : null}
    </div>
  )
}
