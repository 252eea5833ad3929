import { useId, type FormEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import { fromDateInput, toDateInput } from '@/app/features/reviews/day-range'
import type { ReviewsSearch } from '@/app/features/reviews/reviews-search'
import { cn } from '@/app/lib/cn'
import { UTC, type TimeZone } from '@/app/lib/time'
import type { ReviewListQuery } from '@/domain/schema/reviews'

/** A filter's choice: the value the URL and the API take, and what the reader sees. */
export interface Choice {
  value: string
  label: string
}

/** What the filters write to the URL (absent: any). */
export type ReviewFilterValues = Pick<
  ReviewsSearch,
  | 'state'
  | 'reviewer'
  | 'agent'
  | 'scorecard'
  | 'minScore'
  | 'maxScore'
  | 'disputed'
  | 'from'
  | 'to'
>

const field = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

const instant = (ms: number | undefined) => (ms === undefined ? undefined : String(ms))

function Select({
  id,
  name,
  label,
  value,
  choices,
  className,
}: {
  id: string
  name: string
  label: string
  value: string
  choices: readonly Choice[]
  className: string
}) {
  // A value the URL holds that no choice names (a list typed into a link, a person the choices do
  // not know yet) stays selectable, so Apply does not drop it unseen.
  const known = value === '' || choices.some((choice) => choice.value === value)
  return (
    <div className={className}>
      <label htmlFor={`${id}-${name}`} className={LABEL_CLASSES}>
        {label}
      </label>
      <select
        id={`${id}-${name}`}
        name={name}
        defaultValue={value}
        className={cn('mt-1', INPUT_CLASSES)}
      >
        <option value="">Any</option>
        {known ? null : <option value={value}>{value.split(',').join(', ')}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * State, disputes, reviewer, agent, scorecard, a score range and a date range (when the review
 * was last changed, in the chosen clock). The inputs start from the URL (the caller remounts the
 * form, by `key`, when the URL or the clock changes) and Apply writes them back to it.
 */
export function ReviewsFilters({
  query,
  zone,
  reviewers,
  agents,
  scorecards,
  onApply,
}: {
  query: ReviewListQuery
  zone: TimeZone
  reviewers: readonly Choice[]
  agents: readonly Choice[]
  scorecards: readonly Choice[]
  onApply: (filters: ReviewFilterValues) => void
}) {
  const id = useId()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    onApply({
      state: field(form, 'state'),
      disputed: field(form, 'disputed'),
      reviewer: field(form, 'reviewer'),
      agent: field(form, 'agent'),
      scorecard: field(form, 'scorecard'),
      minScore: field(form, 'minScore'),
      maxScore: field(form, 'maxScore'),
      from: instant(fromDateInput(field(form, 'from') ?? '', zone)),
      to: instant(fromDateInput(field(form, 'to') ?? '', zone, true)),
    })
  }
  const list = (values: readonly (string | number)[] | undefined) => (values ?? []).join(',')
  return (
    <form
      role="search"
      aria-label="Review filters"
      onSubmit={onSubmit}
      className="flex flex-wrap items-end gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-900/60"
    >
      <Select
        id={id}
        name="state"
        label="State"
        value={query.state ?? ''}
        choices={[
          { value: 'draft', label: 'Draft' },
          { value: 'submitted', label: 'Submitted' },
        ]}
        className="w-32"
      />
      <Select
        id={id}
        name="disputed"
        label="Disputes"
        value={query.disputed === undefined ? '' : String(query.disputed)}
        choices={[
          { value: 'true', label: 'Disputed' },
          { value: 'false', label: 'Not disputed' },
        ]}
        className="w-36"
      />
      <Select
        id={id}
        name="reviewer"
        label="Reviewer"
        value={list(query.reviewer)}
        choices={reviewers}
        className="w-48"
      />
      <Select
        id={id}
        name="agent"
        label="Agent"
        value={list(query.agent)}
        choices={agents}
        className="w-48"
      />
      <Select
        id={id}
        name="scorecard"
        label="Scorecard"
        value={list(query.scorecard)}
        choices={scorecards}
        className="w-52"
      />
      <div className="w-24">
        <LabeledInput
          label="Min score"
          name="minScore"
          type="number"
          min={0}
          max={100}
          step="any"
          placeholder="0"
          defaultValue={query.minScore ?? ''}
        />
      </div>
      <div className="w-24">
        <LabeledInput
          label="Max score"
          name="maxScore"
          type="number"
          min={0}
          max={100}
          step="any"
          placeholder="100"
          defaultValue={query.maxScore ?? ''}
        />
      </div>
      <div className="w-40">
        <LabeledInput
          label="Changed from"
          name="from"
          type="date"
          describedBy={`${id}-zone`}
          defaultValue={query.from === undefined ? '' : toDateInput(query.from, zone)}
        />
      </div>
      <div className="w-40">
        <LabeledInput
          label="Changed to"
          name="to"
          type="date"
          describedBy={`${id}-zone`}
          defaultValue={query.to === undefined ? '' : toDateInput(query.to, zone)}
        />
      </div>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
      <p id={`${id}-zone`} className="w-full text-xs text-slate-600 dark:text-slate-400">
        {`Dates in ${zone === UTC ? 'UTC' : `local time (${zone})`}; To includes the whole day.`}
      </p>
    </form>
  )
}
