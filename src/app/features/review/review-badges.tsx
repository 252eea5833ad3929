import { Badge } from '@/app/components/ui/badge'
import type { Review } from '@/domain/schema/reviews'

const percent = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })

/** A score as a percentage; a critical fail said in words; "not scored" when nothing applies. */
export function ScoreText({
  percent: value,
  criticalFailed,
}: {
  percent: number | null
  criticalFailed: boolean
}) {
  if (value === null) return <span className="text-slate-600 dark:text-slate-400">not scored</span>
  return (
    <span className="inline-flex items-center gap-1.5">
      {criticalFailed ? (
        <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900 dark:bg-red-950 dark:text-red-200">
          critical fail
        </span>
      ) : null}
      <span className="font-semibold tabular-nums">{`${percent.format(value)}%`}</span>
    </span>
  )
}

/** Draft or submitted, and what the agent did with it. */
export function ReviewStateBadge({ review }: { review: Review }) {
  if (review.state === 'draft') return <Badge>Draft</Badge>
  const open = review.disputes.filter((d) => d.state === 'open').length
  if (open > 0) return <Badge tone="warning">{`Disputed · ${String(open)} open`}</Badge>
  if (review.acknowledged) return <Badge tone="success">Acknowledged</Badge>
  return <Badge tone="outline">Submitted</Badge>
}
