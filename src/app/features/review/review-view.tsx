import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '@/app/lib/error-message'
import { HttpError } from '@/app/lib/http'
import { reviewQueries } from '@/app/lib/review-api'
import type { TimeZone } from '@/app/lib/time'
import { PanelMessage } from './panel-message'
import { ReviewForm } from './review-form'
import type { TranscriptFacts } from './transcript-facts'
import { useTranscriptMarks, type ReviewMarks } from './transcript-marks'

function failure(what: string, error: unknown): string {
  if (error instanceof HttpError && (error.status === 404 || error.status === 403)) {
    return `This ${what} does not exist, or you may not see it.`
  }
  return `The ${what} could not be loaded: ${errorMessage(error)}`
}

/** One review: loads it and the scorecard version it was made with. */
export function ReviewView({
  reviewId,
  facts,
  zone,
  selected,
  onSelectedChange,
  onMarksChange,
}: {
  reviewId: string
  facts: TranscriptFacts
  zone: TimeZone
  selected: ReadonlySet<string>
  onSelectedChange: (selected: ReadonlySet<string>) => void
  onMarksChange: (marks: ReviewMarks) => void
}) {
  const review = useQuery(reviewQueries.review(reviewId))
  const card = review.data?.scorecard
  const scorecard = useQuery({
    ...reviewQueries.scorecard(card?.id ?? 0, card?.version),
    enabled: card !== undefined,
  })
  // Until the form takes over: the leg is marked as soon as the review is known.
  useTranscriptMarks(
    onMarksChange,
    review.data?.leg.agentId,
    false,
    review.data === undefined || scorecard.data === undefined,
  )

  if (review.isPending) return <PanelMessage>Loading the review…</PanelMessage>
  if (review.error) return <PanelMessage error>{failure('review', review.error)}</PanelMessage>
  if (scorecard.isPending) return <PanelMessage>Loading the scorecard…</PanelMessage>
  if (scorecard.error) {
    return <PanelMessage error>{failure('scorecard', scorecard.error)}</PanelMessage>
  }
  return (
    <ReviewForm
      key={review.data.id}
      review={review.data}
      scorecard={scorecard.data}
      facts={facts}
      zone={zone}
      selected={selected}
      onSelectedChange={onSelectedChange}
      onMarksChange={onMarksChange}
    />
  )
}
