import { parseFailedKey } from '@/app/features/search/search-params'
import { useQuery } from '@tanstack/react-query'
import { reviewQueries } from '@/app/lib/review-api'
import { CheckboxGroup, type Choice } from '@/app/features/search/checkbox-group'
import type { FilterDraft, FilterField } from '@/app/features/search/filter-draft'
import { REVIEW_STATUS_CHOICES } from '@/app/features/search/filter-choices'
import { RangeInputs } from '@/app/features/search/range-inputs'
import { TokenField, type TokenOption } from '@/app/features/search/token-field'

export type ReviewDraft = Pick<
  FilterDraft,
  | 'review'
  | 'scoreMin'
  | 'scoreMax'
  | 'reviewer'
  | 'scorecard'
  | 'disputed'
  | 'reviewedAgent'
  | 'failed'
>

const NOTE_CLASSES = 'mt-1 text-xs text-slate-600 dark:text-slate-400'

/**
 * The review filters of the search form (issue 13): review status, score range, reviewer,
 * scorecard, open disputes. Loaded with the Review column's chunk when the section is opened; it
 * asks for its choices (the reviewers reviews name, the scorecards) then.
 */
export function ReviewFilterFields({
  value,
  onChange,
  errorOf,
}: {
  value: ReviewDraft
  onChange: (patch: Partial<ReviewDraft>) => void
  errorOf: (field: FilterField) => string | undefined
}) {
  const people = useQuery(reviewQueries.people())
  const scorecards = useQuery(reviewQueries.scorecards())

  const reviewerOptions: TokenOption[] =
    people.data?.reviewers.map((person) => ({
      id: person.email,
      name: person.name,
      detail: person.email,
    })) ?? []
  const cardChoices: Choice[] =
    scorecards.data?.scorecards.map((card) => ({
      value: String(card.id),
      label: card.archived ? `${card.name} (archived)` : card.name,
    })) ?? []
  // A scorecard chosen in the URL that the list does not have (yet) stays visible and removable.
  for (const chosen of value.scorecard) {
    if (!cardChoices.some((choice) => choice.value === chosen)) {
      cardChoices.push({ value: chosen, label: `Scorecard #${chosen}` })
    }
  }

  const agentOptions: TokenOption[] =
    people.data?.agents.map((agent) => ({
      id: agent.agentId,
      name: agent.agentName ?? agent.agentId,
      detail: agent.agentId,
    })) ?? []
  // Issue 15: a failing criterion comes from a QA chart's link; here it can be seen and removed.
  const cardName = (id: string) =>
    scorecards.data?.scorecards.find((card) => String(card.id) === id)?.name ?? `Scorecard #${id}`
  const failedChoices: Choice[] = value.failed.map((key) => {
    const { scorecard, criterion } = parseFailedKey(key)
    return { value: key, label: `${criterion} (${cardName(scorecard)})` }
  })

  return (
    <>
      <CheckboxGroup
        legend="Review status"
        choices={REVIEW_STATUS_CHOICES}
        values={value.review}
        onChange={(review) => onChange({ review })}
        error={errorOf('review')}
      />
      <RangeInputs
        legend="Review score (0 to 100)"
        min={value.scoreMin}
        max={value.scoreMax}
        bounds={{ min: 0, max: 100 }}
        onChange={({ min, max }) => onChange({ scoreMin: min, scoreMax: max })}
        error={errorOf('score')}
      />
      <div>
        <TokenField
          label="Reviewers"
          noun="reviewer"
          placeholder="Name or email"
          values={value.reviewer}
          options={reviewerOptions}
          onChange={(reviewer) => onChange({ reviewer })}
          error={errorOf('reviewer')}
        />
        {people.isError ? (
          <p className={NOTE_CLASSES}>The reviewers could not be listed; type an email.</p>
        ) : null}
      </div>
      <div>
        <CheckboxGroup
          legend="Scorecard"
          choices={cardChoices}
          values={value.scorecard}
          onChange={(scorecard) => onChange({ scorecard })}
          error={errorOf('scorecard')}
        />
        {scorecards.isPending ? <p className={NOTE_CLASSES}>Loading scorecards…</p> : null}
        {scorecards.isError ? (
          <p
            className={NOTE_CLASSES}
          >{`The scorecards could not be listed: ${scorecards.error.message}`}</p>
        ) : null}
      </div>
      <TokenField
        label="Reviewed agents"
        noun="reviewed agent"
        values={value.reviewedAgent}
        options={agentOptions}
        onChange={(reviewedAgent) => onChange({ reviewedAgent })}
      />
      {failedChoices.length > 0 ? (
        <CheckboxGroup
          legend="Failing criterion (submitted reviews)"
          choices={failedChoices}
          values={value.failed}
          onChange={(failed) => onChange({ failed })}
        />
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Disputes</legend>
        <label className="mt-1 inline-flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            checked={value.disputed}
            onChange={(event) => onChange({ disputed: event.target.checked })}
            className="size-4 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:accent-blue-400"
          />
          Only with an open dispute
        </label>
      </fieldset>
    </>
  )
}
