import { useId } from 'react'
import { FieldError } from '@/app/components/ui/field-error'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import { RANGE_PRESETS, type RangePreset } from '@/app/features/search/search-params'
import { RANGE_LABELS } from '@/app/features/search/search-window'
import type { FilterDraft } from '@/app/features/search/filter-draft'
import { cn } from '@/app/lib/cn'

type RangeDraft = Pick<FilterDraft, 'range' | 'fromDate' | 'fromTime' | 'toDate' | 'toTime'>

const isPreset = (value: string): value is RangePreset =>
  (RANGE_PRESETS as readonly string[]).includes(value)

/**
 * "Started": a preset (last 24 hours … 90 days, relative to now) or a custom range of days, each
 * with an optional time. A day alone means the whole day in the chosen clock; To is inclusive.
 */
export function TimeRangeField({
  value,
  onChange,
  onCustom,
  errors,
  zoneLabel,
}: {
  value: RangeDraft
  onChange: (next: Partial<RangeDraft>) => void
  /** Called when the user switches to a custom range: fills the dates of the current window. */
  onCustom: () => Partial<RangeDraft>
  errors: { range?: string | undefined; from?: string | undefined; to?: string | undefined }
  zoneLabel: string
}) {
  const id = useId()
  const custom = value.range === 'custom'
  const rangeError = custom ? errors.range : (errors.range ?? errors.from ?? errors.to)
  return (
    <div className="flex flex-wrap items-start gap-3">
      <div className="min-w-44">
        <label htmlFor={`${id}-range`} className={LABEL_CLASSES}>
          Started
        </label>
        <select
          id={`${id}-range`}
          value={value.range}
          aria-invalid={rangeError ? true : undefined}
          aria-describedby={rangeError ? `${id}-range-error` : undefined}
          onChange={(event) => {
            const next = event.target.value
            if (isPreset(next)) onChange({ range: next })
            else onChange({ range: 'custom', ...onCustom() })
          }}
          className={cn('mt-1', INPUT_CLASSES)}
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_LABELS[preset]}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </select>
        <FieldError id={`${id}-range-error`} message={rangeError} />
      </div>
      {custom ? (
        <fieldset className="flex flex-wrap items-start gap-3" aria-describedby={`${id}-zone`}>
          <legend className="sr-only">Custom range</legend>
          <div className="flex gap-2">
            <LabeledInput
              label="From"
              type="date"
              value={value.fromDate}
              invalid={Boolean(errors.from)}
              describedBy={errors.from ? `${id}-from-error` : undefined}
              onChange={(event) => onChange({ fromDate: event.target.value })}
            />
            <LabeledInput
              label="From time (optional)"
              type="time"
              value={value.fromTime}
              invalid={Boolean(errors.from)}
              describedBy={errors.from ? `${id}-from-error` : undefined}
              onChange={(event) => onChange({ fromTime: event.target.value })}
            />
          </div>
          <div className="flex gap-2">
            <LabeledInput
              label="To (inclusive)"
              type="date"
              value={value.toDate}
              invalid={Boolean(errors.to)}
              describedBy={errors.to ? `${id}-to-error` : undefined}
              onChange={(event) => onChange({ toDate: event.target.value })}
            />
            <LabeledInput
              label="To time (optional)"
              type="time"
              value={value.toTime}
              invalid={Boolean(errors.to)}
              describedBy={errors.to ? `${id}-to-error` : undefined}
              onChange={(event) => onChange({ toTime: event.target.value })}
            />
          </div>
          <p id={`${id}-zone`} className="basis-full text-xs text-slate-600 dark:text-slate-400">
            Times are {zoneLabel}. At most 92 days (3 months).
          </p>
          <div className="basis-full">
            <FieldError id={`${id}-from-error`} message={errors.from} />
            <FieldError id={`${id}-to-error`} message={errors.to} />
          </div>
        </fieldset>
      ) : null}
    </div>
  )
}
