import { useId } from 'react'
import { FieldError } from '@/app/components/ui/field-error'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import { cn } from '@/app/lib/cn'
import type { Facets } from '@/app/lib/facet-queries'
import { codeToWords, SDE_LABELS } from '@/app/lib/vocabulary/labels'
import { SDE_SEARCH_KEYS } from '@/domain/schema/search-constants'
import { CheckboxGroup } from '@/app/features/search/checkbox-group'
import type { FilterDraft, FilterField } from '@/app/features/search/filter-draft'
import {
  ALERTED_MCS_CHOICES,
  channelChoices,
  CONTENT_CHOICES,
  DEVICE_CHOICES,
  QUEUE_CHOICES,
} from '@/app/features/search/filter-choices'
import { RangeInputs } from '@/app/features/search/range-inputs'

/** LivePerson's close reasons, and any other the search already has (the data may say anything). */
function closeReasonChoices(chosen: readonly string[]) {
  const values = ['AGENT', 'CONSUMER', 'SYSTEM']
  for (const value of chosen) if (!values.includes(value)) values.push(value)
  return values.map((value) => ({ value, label: codeToWords(value) }))
}

/** One skill of the transfer: the archive's skills by name, or the ID the search has. */
function SkillSelect({
  id,
  label,
  value,
  skills,
  invalid,
  onChange,
}: {
  id: string
  label: string
  value: string
  skills: Facets['skills'] | undefined
  invalid: boolean
  onChange: (value: string) => void
}) {
  const known = skills ?? []
  return (
    <div className="flex-1">
      <label htmlFor={id} className="text-xs text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.target.value)}
        className={cn('mt-0.5', INPUT_CLASSES)}
      >
        <option value="">Any</option>
        {value && !known.some((skill) => skill.id === value) && (
          <option value={value}>{value}</option>
        )}
        {known.map((skill) => (
          <option key={skill.id} value={skill.id}>
            {skill.name === skill.id ? skill.id : `${skill.name} (${skill.id})`}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * The "More filters" section of the search form: summary keyword, channel, device, MCS, CSAT,
 * duration, alerted MCS, message content, queue state, engagement attribute; and the archive's own
 * close reason, number of transfers and transfer path (issue 15). A chunk of its own
 * (see search-filters.tsx), rendered once the section is opened.
 */
export function MoreFilterFields({
  draft,
  update,
  errorOf,
  facets,
}: {
  draft: FilterDraft
  update: (patch: Partial<FilterDraft>) => void
  errorOf: (field: FilterField) => string | undefined
  facets: Facets | undefined
}) {
  const summaryId = useId()
  const facetName = (items: Facets['channels'] | undefined) => items?.map((item) => item.id) ?? []
  return (
    <>
      <div>
        <LabeledInput
          label="Keyword in agent summary"
          type="search"
          value={draft.summary}
          invalid={Boolean(errorOf('summary'))}
          describedBy={errorOf('summary') ? `${summaryId}-summary` : undefined}
          onChange={(event) => update({ summary: event.target.value })}
        />
        <FieldError id={`${summaryId}-summary`} message={errorOf('summary')} />
      </div>
      <div className="md:col-span-2">
        <CheckboxGroup
          legend="Channel"
          choices={channelChoices(facetName(facets?.channels), draft.channel)}
          values={draft.channel}
          onChange={(channel) => update({ channel })}
          error={errorOf('channel')}
        />
      </div>
      <CheckboxGroup
        legend="Device"
        choices={DEVICE_CHOICES}
        values={draft.device}
        onChange={(device) => update({ device })}
        error={errorOf('device')}
      />
      <RangeInputs
        legend="MCS (0 to 100)"
        min={draft.mcsMin}
        max={draft.mcsMax}
        bounds={{ min: 0, max: 100 }}
        onChange={({ min, max }) => update({ mcsMin: min, mcsMax: max })}
        error={errorOf('mcs')}
      />
      <RangeInputs
        legend="CSAT (1 to 5)"
        min={draft.csatMin}
        max={draft.csatMax}
        bounds={{ min: 1, max: 5 }}
        onChange={({ min, max }) => update({ csatMin: min, csatMax: max })}
        error={errorOf('csat')}
      />
      <RangeInputs
        legend="Duration (minutes)"
        min={draft.durMin}
        max={draft.durMax}
        bounds={{ min: 0, max: 13 * 31 * 24 * 60 }}
        onChange={({ min, max }) => update({ durMin: min, durMax: max })}
        error={errorOf('duration')}
      />
      <CheckboxGroup
        legend="Alerted MCS"
        choices={ALERTED_MCS_CHOICES}
        values={draft.alertedMcs}
        onChange={(alertedMcs) => update({ alertedMcs })}
        error={errorOf('alertedMcs')}
      />
      <div className="md:col-span-2">
        <CheckboxGroup
          legend="Message content"
          choices={CONTENT_CHOICES}
          values={draft.content}
          onChange={(content) => update({ content })}
          error={errorOf('content')}
        />
      </div>
      <div>
        <label htmlFor={`${summaryId}-queue`} className={LABEL_CLASSES}>
          Queue state
        </label>
        <select
          id={`${summaryId}-queue`}
          value={draft.queue}
          aria-invalid={errorOf('queue') ? true : undefined}
          onChange={(event) => update({ queue: event.target.value })}
          className={cn('mt-1', INPUT_CLASSES)}
        >
          <option value="">Any</option>
          {QUEUE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <FieldError id={`${summaryId}-queue-error`} message={errorOf('queue')} />
      </div>
      <fieldset
        className="md:col-span-2"
        aria-describedby={errorOf('sde') ? `${summaryId}-sde-error` : `${summaryId}-sde-hint`}
      >
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Engagement attribute
        </legend>
        <div className="mt-1 flex gap-2">
          <label htmlFor={`${summaryId}-sde-type`} className="sr-only">
            Engagement attribute type
          </label>
          <select
            id={`${summaryId}-sde-type`}
            value={draft.sdeType}
            onChange={(event) => update({ sdeType: event.target.value })}
            className={INPUT_CLASSES}
          >
            {SDE_SEARCH_KEYS.map((key) => (
              <option key={key} value={key}>
                {SDE_LABELS[key]}
              </option>
            ))}
          </select>
          <label htmlFor={`${summaryId}-sde-value`} className="sr-only">
            Engagement attribute value
          </label>
          <input
            id={`${summaryId}-sde-value`}
            type="search"
            value={draft.sdeValue}
            placeholder="e.g. CUST-1"
            aria-invalid={errorOf('sde') ? true : undefined}
            onChange={(event) => update({ sdeValue: event.target.value })}
            className={INPUT_CLASSES}
          />
        </div>
        <p id={`${summaryId}-sde-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          LivePerson can search attributes about 2 hours after they are set.
        </p>
        <FieldError id={`${summaryId}-sde-error`} message={errorOf('sde')} />
      </fieldset>
      <CheckboxGroup
        legend="Closed by"
        choices={closeReasonChoices(draft.closed)}
        values={draft.closed}
        onChange={(closed) => update({ closed })}
        error={errorOf('closed')}
      />
      <RangeInputs
        legend="Transfers"
        min={draft.transfersMin}
        max={draft.transfersMax}
        bounds={{ min: 0, max: 1000 }}
        onChange={({ min, max }) => update({ transfersMin: min, transfersMax: max })}
        error={errorOf('transfers')}
      />
      <fieldset
        className="md:col-span-2"
        aria-describedby={errorOf('transferPath') ? `${summaryId}-path-error` : undefined}
      >
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Transferred from skill to skill
        </legend>
        <div className="mt-1 flex gap-2">
          {(['transferFrom', 'transferTo'] as const).map((key) => (
            <SkillSelect
              key={key}
              id={`${summaryId}-${key}`}
              label={key === 'transferFrom' ? 'From skill' : 'To skill'}
              value={draft[key]}
              skills={facets?.skills}
              invalid={Boolean(errorOf('transferPath'))}
              onChange={(value) => update({ [key]: value })}
            />
          ))}
        </div>
        <FieldError id={`${summaryId}-path-error`} message={errorOf('transferPath')} />
      </fieldset>
    </>
  )
}
