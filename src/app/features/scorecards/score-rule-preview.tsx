import { SCORE_RULE, type ScorecardDefinitionInput } from '@/domain/schema/reviews'

const share = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 })

/**
 * The score rule as the review panel writes it beside the score, and what it means for this
 * scorecard: each criterion's share of the score when every criterion applies, and which ones
 * are critical.
 */
export function ScoreRulePreview({ definition }: { definition: ScorecardDefinitionInput }) {
  const criteria = definition.sections.flatMap((section) =>
    section.criteria.map((criterion) => ({
      key: `${section.id}/${criterion.id}`,
      name: criterion.name.trim() || criterion.id,
      weight: Number.isFinite(criterion.weight) ? Math.max(0, criterion.weight ?? 1) : 0,
      critical: criterion.critical === true,
      allowNa: criterion.allowNa === true,
    })),
  )
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight, 0)
  return (
    <section
      aria-labelledby="score-rule-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="score-rule-heading" className="text-base font-semibold">
        How the score is computed
      </h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{SCORE_RULE}</p>
      {criteria.length > 0 && total > 0 ? (
        <table className="mt-3 w-full text-left">
          <caption className="sr-only">Each criterion’s share of the score</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Criterion
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Share
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {criteria.map((criterion) => (
              <tr key={criterion.key}>
                <td className="py-1 pr-2 break-words">
                  {criterion.name}
                  {criterion.critical ? (
                    <span className="ml-1.5 rounded bg-red-100 px-1 text-xs text-red-900 dark:bg-red-950 dark:text-red-200">
                      critical
                    </span>
                  ) : null}
                  {criterion.allowNa ? (
                    <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">
                      N/A ok
                    </span>
                  ) : null}
                </td>
                <td className="py-1 text-right tabular-nums">
                  {share.format(criterion.weight / total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Shares when every criterion applies; a criterion marked N/A gives its share to the others.
      </p>
    </section>
  )
}
