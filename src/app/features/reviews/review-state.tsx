import { Badge } from '@/app/components/ui/badge'
import type { ReviewRow } from '@/domain/schema/reviews'

/** Draft or submitted, and what the agent did with it: acknowledged, or disputed (how many open). */
export function ReviewState({ review }: { review: ReviewRow }) {
  if (review.state === 'draft') return <Badge>Draft</Badge>
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      {review.openDisputes > 0 ? (
        <Badge tone="warning">{`Disputed · ${String(review.openDisputes)} open`}</Badge>
      ) : review.acknowledged ? (
        <Badge tone="success">Acknowledged</Badge>
      ) : (
        <Badge tone="outline">Submitted</Badge>
      )}
    </span>
  )
}
