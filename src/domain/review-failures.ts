import {
  criteriaOf,
  NOT_APPLICABLE,
  scalePoints,
  type ScorecardDefinition,
} from '@/domain/schema/reviews'

/**
 * Which criteria a review fails (issue 15's "criteria that fail most", and the search's
 * `review.failedCriterion`).
 *
 * A scorecard has no pass mark per criterion: each scale names its failing points instead
 * (`scalePoints(...).fail`): "No" on a yes/no scale, 1 or 2 on a one-to-five scale, on a custom
 * scale the points marked as a fail (or, with none marked, its lowest-valued point). Those are the
 * points that zero the whole review when the criterion is critical. So here:
 *
 * **A criterion fails in a review when its answer is one of its scale's failing points**, critical
 * or not (for a critical criterion, that fail also makes the score 0). Not applicable, unscored,
 * and answers that are not one of its points (a scorecard changed under a draft) do not fail.
 *
 * Criterion IDs are stable across a scorecard's versions, so (scorecard ID, criterion ID) names
 * one criterion in every version. Counted only on submitted reviews (the search's filter says so),
 * as a draft is not yet a verdict; the IDs are kept for drafts too (the review may be submitted).
 */
export function failedCriteria(
  card: ScorecardDefinition,
  answers: Readonly<Record<string, string>>,
): string[] {
  const failed: string[] = []
  for (const criterion of criteriaOf(card)) {
    // Own keys only: a criterion may be called `constructor`.
    const answer = Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined
    if (answer === undefined || answer === NOT_APPLICABLE) continue
    const point = scalePoints(criterion.scale).find((p) => p.key === answer)
    if (point?.fail) failed.push(criterion.id)
  }
  return failed
}
