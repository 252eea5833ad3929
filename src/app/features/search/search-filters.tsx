import { useId, useRef, useState, type FormEvent } from 'react'
import { flushSync } from 'react-dom'
import { Button } from '@/app/components/ui/button'
import { FieldError } from '@/app/components/ui/field-error'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import { zoneName, type TimeZoneSetting } from '@/app/lib/time'
import { SDE_LABELS } from '@/app/lib/vocabulary/labels'
import { SDE_SEARCH_KEYS } from '@/domain/schema/search-constants'
import { countMoreFilters } from '@/app/features/search/active-filters'
import { CheckboxGroup } from '@/app/features/search/checkbox-group'
import {
  customRangeDraft,
  fromDraft,
  toDraft,
  type FilterDraft,
  type FilterErrors,
  type FilterField,
} from '@/app/features/search/filter-draft'
import {
  ALERTED_MCS_CHOICES,
  channelChoices,
  CONTENT_CHOICES,
  DEVICE_CHOICES,
  QUEUE_CHOICES,
  STATUS_CHOICES,
} from '@/app/features/search/filter-choices'
import { RangeInputs } from '@/app/features/search/range-inputs'
import type { Facets } from '@/app/lib/facet-queries'
import {
  compactSearch,
  EMPTY_SEARCH,
  type ConversationSearch,
} from '@/app/features/search/search-params'
import { TimeRangeField } from '@/app/features/search/time-range-field'
import { TokenField, type TokenOption } from '@/app/features/search/token-field'
import { cn } from '@/app/lib/cn'

const MORE_FIELDS: readonly FilterField[] = [
  'summary',
  'channel',
  'device',
  'mcs',
  'csat',
  'duration',
  'alertedMcs',
  'content',
  'queue',
  'sde',
]

const NO_OPTIONS: readonly TokenOption[] = []

function tokenOptions(items: Facets['agents'] | undefined): readonly TokenOption[] {
  if (!items) return NO_OPTIONS
  return items.map((item) => ({
    id: item.id,
    name: item.name,
    detail: item.login && item.login !== item.name ? `${item.login} · ${item.id}` : item.id,
  }))
}

/** The filters of a search, without page, sort and page size: what the form edits. */
function filterKey(search: ConversationSearch): string {
  return JSON.stringify(compactSearch({ ...search, page: 1, sort: 'start:desc', pageSize: 50 }))
}

/**
 * The filter panel. It edits a draft and navigates on "Search"; the URL stays the only store of
 * the search. When the URL changes from elsewhere (back, forward, a link), the draft is reset to
 * it during render; after the form's own navigation the draft already matches, so nothing the user
 * is doing (focus, an open popup) is disturbed.
 */
export function SearchFilters({
  search,
  zone,
  now,
  currentWindow,
  facets,
  serverError,
  onSearch,
}: {
  search: ConversationSearch
  zone: TimeZoneSetting
  now: number
  /** The window the current search covers, to prefill a custom range. */
  currentWindow: { from: number; to: number } | undefined
  facets: Facets | undefined
  /** A 400 from the server, and the filter it names. */
  serverError: { field: FilterField | undefined; message: string } | undefined
  onSearch: (search: ConversationSearch) => void
}) {
  const summaryId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const urlKey = filterKey(search)
  const [draft, setDraft] = useState(() => toDraft(search, zone))
  const [errors, setErrors] = useState<FilterErrors>({})
  const [syncedKey, setSyncedKey] = useState(urlKey)
  const [moreOpen, setMoreOpen] = useState(() => countMoreFilters(search) > 0)
  const [submittedKey, setSubmittedKey] = useState<string | undefined>(undefined)

  if (syncedKey !== urlKey) {
    setSyncedKey(urlKey)
    setSubmittedKey(undefined)
    if (urlKey !== submittedKey) {
      setDraft(toDraft(search, zone))
      setErrors({})
      if (countMoreFilters(search) > 0) setMoreOpen(true)
    }
  }

  const update = (patch: Partial<FilterDraft>) => setDraft((current) => ({ ...current, ...patch }))
  const errorOf = (field: FilterField): string | undefined =>
    errors[field] ?? (serverError?.field === field ? serverError.message : undefined)
  const moreHasError = MORE_FIELDS.some((field) => errorOf(field) !== undefined)
  const moreCount = countMoreFilters(search)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = fromDraft(draft, search, zone, now)
    if (!result.ok) {
      flushSync(() => {
        setErrors(result.errors)
        if (MORE_FIELDS.some((field) => result.errors[field])) setMoreOpen(true)
      })
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    setErrors({})
    setSubmittedKey(filterKey(result.search))
    onSearch(result.search)
  }

  const clear = () => {
    const cleared = { ...EMPTY_SEARCH, sort: search.sort, pageSize: search.pageSize }
    setDraft(toDraft(cleared, zone))
    setErrors({})
    setSubmittedKey(filterKey(cleared))
    onSearch(cleared)
  }

  const errorList = Object.values(errors)
  const facetName = (items: Facets['channels'] | undefined) => items?.map((item) => item.id) ?? []

  return (
    <form
      ref={formRef}
      role="search"
      aria-label="Filter conversations"
      noValidate
      onSubmit={submit}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      {errorList.length > 0 ? (
        <div
          role="alert"
          className="mb-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {errorList.length === 1
            ? `Check the filter: ${String(errorList[0])}`
            : `Check ${String(errorList.length)} filters: ${errorList.join(' ')}`}
        </div>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <div className="md:col-span-2">
          <TimeRangeField
            value={draft}
            onChange={update}
            onCustom={() => (currentWindow ? customRangeDraft(currentWindow, zone) : {})}
            errors={{ from: errorOf('from'), to: errorOf('to') }}
            zoneLabel={zone === 'utc' ? 'in UTC' : `in your local time (${zoneName(zone)})`}
          />
        </div>
        <div>
          <LabeledInput
            label="Keyword in messages"
            type="search"
            value={draft.q}
            placeholder='Words or a "quoted phrase"'
            invalid={Boolean(errorOf('q'))}
            describedBy={errorOf('q') ? `${summaryId}-q` : undefined}
            onChange={(event) => update({ q: event.target.value })}
          />
          <FieldError id={`${summaryId}-q`} message={errorOf('q')} />
        </div>
        <CheckboxGroup
          legend="Status"
          choices={STATUS_CHOICES}
          values={draft.status}
          onChange={(status) => update({ status })}
          error={errorOf('status')}
        />
        <TokenField
          label="Agents"
          noun="agent"
          values={draft.agent}
          options={tokenOptions(facets?.agents)}
          onChange={(agent) => update({ agent })}
          error={errorOf('agent')}
        />
        <TokenField
          label="Skills"
          noun="skill"
          values={draft.skill}
          options={tokenOptions(facets?.skills)}
          onChange={(skill) => update({ skill })}
          error={errorOf('skill')}
        />
        <TokenField
          label="Agent groups"
          noun="agent group"
          values={draft.group}
          options={tokenOptions(facets?.agentGroups)}
          onChange={(group) => update({ group })}
          error={errorOf('group')}
        />
      </div>

      <details
        open={moreOpen || moreHasError}
        onToggle={(event) => setMoreOpen(event.currentTarget.open)}
        className="mt-4 rounded-md border border-slate-200 dark:border-slate-700"
      >
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium select-none hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800">
          More filters{moreCount > 0 ? ` (${String(moreCount)} active)` : ''}
        </summary>
        <div className="grid gap-4 border-t border-slate-200 p-3 md:grid-cols-2 xl:grid-cols-4 dark:border-slate-700">
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
            <p
              id={`${summaryId}-sde-hint`}
              className="mt-1 text-xs text-slate-600 dark:text-slate-400"
            >
              LivePerson can search attributes about 2 hours after they are set.
            </p>
            <FieldError id={`${summaryId}-sde-error`} message={errorOf('sde')} />
          </fieldset>
        </div>
      </details>

      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary">
          Search
        </Button>
        <Button onClick={clear}>Clear filters</Button>
      </div>
    </form>
  )
}
