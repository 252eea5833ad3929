import { SCORE_RULE, type ReviewScore } from '@/domain/schema/reviews'
import { ScoreText } from './review-badges'

/** The live score (computed here; the server computes it again on save) and the counts. */
export function ScoreSummary({ score }: { score: ReviewScore }) {
  const total = score.scored + score.notApplicable + score.unscored + score.invalid
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <p className="text-2xl" aria-live="polite" aria-atomic="true">
        <span className="sr-only">Score: </span>
        <ScoreText percent={score.percent} criticalFailed={score.criticalFailed} />
      </p>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        {`${String(score.scored)} of ${String(total)} scored`}
        {score.notApplicable ? ` · ${String(score.notApplicable)} N/A` : ''}
        {score.unscored ? ` · ${String(score.unscored)} unscored` : ''}
        {score.invalid ? ` · ${String(score.invalid)} not on this scorecard's scale` : ''}
        {score.criticalFailed ? (
          <span className="ml-1 font-medium text-red-800 dark:text-red-300">
            · critical fail: 0
          </span>
        ) : null}
      </p>
    </div>
  )
}

/** The rule, written beside the score. */
export function ScoreRule() {
  return <p className="text-xs text-slate-600 dark:text-slate-400">{SCORE_RULE}</p>
}
