import { lazy, Suspense, useId, useRef, useState, type FormEvent } from 'react'
import { flushSync } from 'react-dom'
import { Button } from '@/app/components/ui/button'
import { FieldError } from '@/app/components/ui/field-error'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import { UTC, type TimeZone } from '@/app/lib/time'
import { countMoreFilters, countReviewFilters } from '@/app/features/search/active-filters'
import { CheckboxGroup } from '@/app/features/search/checkbox-group'
import {
  customRangeDraft,
  fromDraft,
  toDraft,
  type FilterDraft,
  type FilterErrors,
  type FilterField,
} from '@/app/features/search/filter-draft'
import { STATUS_CHOICES } from '@/app/features/search/filter-choices'
import { LazyReviewFilterFields } from '@/app/features/search/lazy-review'
import { LoadingBar } from '@/app/features/search/loading-bar'
import type { Facets } from '@/app/lib/facet-queries'
import {
  compactSearch,
  clearedSearch,
  type ConversationSearch,
} from '@/app/features/search/search-params'
import { TimeRangeField } from '@/app/features/search/time-range-field'
import { TokenField, type TokenOption } from '@/app/features/search/token-field'

// "More filters" is a chunk of its own, rendered (and loaded) once the section is opened: the
// search page's first script stays within its budget (test/e2e/bundle-budget.test.ts).
const MoreFilterFields = lazy(() =>
  import('@/app/features/search/more-filter-fields').then((module) => ({
    default: module.MoreFilterFields,
  })),
)

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
  'closed',
  'transfers',
  'transferPath',
]

const REVIEW_FIELDS: readonly FilterField[] = ['review', 'score', 'reviewer', 'scorecard']

const SUMMARY_CLASSES =
  'cursor-pointer rounded-md px-3 py-2 text-sm font-medium select-none hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800'
const SECTION_CLASSES =
  'grid gap-4 border-t border-slate-200 p-3 md:grid-cols-2 xl:grid-cols-4 dark:border-slate-700'

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
  zone: TimeZone
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
  const [reviewOpen, setReviewOpen] = useState(() => countReviewFilters(search) > 0)
  const [submittedKey, setSubmittedKey] = useState<string | undefined>(undefined)

  if (syncedKey !== urlKey) {
    setSyncedKey(urlKey)
    setSubmittedKey(undefined)
    if (urlKey !== submittedKey) {
      setDraft(toDraft(search, zone))
      setErrors({})
      if (countMoreFilters(search) > 0) setMoreOpen(true)
      if (countReviewFilters(search) > 0) setReviewOpen(true)
    }
  }

  const update = (patch: Partial<FilterDraft>) => setDraft((current) => ({ ...current, ...patch }))
  const errorOf = (field: FilterField): string | undefined =>
    errors[field] ?? (serverError?.field === field ? serverError.message : undefined)
  const moreShown = moreOpen || MORE_FIELDS.some((field) => errorOf(field) !== undefined)
  const moreCount = countMoreFilters(search)
  const reviewShown = reviewOpen || REVIEW_FIELDS.some((field) => errorOf(field) !== undefined)
  const reviewCount = countReviewFilters(search)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = fromDraft(draft, search, zone, now)
    if (!result.ok) {
      flushSync(() => {
        setErrors(result.errors)
        if (MORE_FIELDS.some((field) => result.errors[field])) setMoreOpen(true)
        if (REVIEW_FIELDS.some((field) => result.errors[field])) setReviewOpen(true)
      })
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    setErrors({})
    setSubmittedKey(filterKey(result.search))
    onSearch(result.search)
  }

  const clear = () => {
    const cleared = clearedSearch(search)
    setDraft(toDraft(cleared, zone))
    setErrors({})
    setSubmittedKey(filterKey(cleared))
    onSearch(cleared)
  }

  const errorList = Object.values(errors)

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
            zoneLabel={zone === UTC ? 'in UTC' : `in your local time (${zone})`}
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
        open={moreShown}
        onToggle={(event) => setMoreOpen(event.currentTarget.open)}
        className="mt-4 rounded-md border border-slate-200 dark:border-slate-700"
      >
        <summary className={SUMMARY_CLASSES}>
          More filters{moreCount > 0 ? ` (${String(moreCount)} active)` : ''}
        </summary>
        {moreShown ? (
          <div className={SECTION_CLASSES}>
            <Suspense fallback={<LoadingBar label="Loading filters" />}>
              <MoreFilterFields draft={draft} update={update} errorOf={errorOf} facets={facets} />
            </Suspense>
          </div>
        ) : null}
      </details>

      <details
        open={reviewShown}
        onToggle={(event) => setReviewOpen(event.currentTarget.open)}
        className="mt-2 rounded-md border border-slate-200 dark:border-slate-700"
      >
        <summary className={SUMMARY_CLASSES}>
          Review filters{reviewCount > 0 ? ` (${String(reviewCount)} active)` : ''}
        </summary>
        {/* Rendered once opened: its chunk and its choices load then. */}
        {reviewShown ? (
          <div className={SECTION_CLASSES}>
            <LazyReviewFilterFields value={draft} onChange={update} errorOf={errorOf} />
          </div>
        ) : null}
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
