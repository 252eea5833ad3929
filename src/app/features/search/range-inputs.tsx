import { useId } from 'react'
import { FieldError } from '@/app/components/ui/field-error'
import { INPUT_CLASSES } from '@/app/components/ui/input-classes'

/** A min/max pair (MCS, CSAT, duration); either bound may stay empty. */
export function RangeInputs({
  legend,
  min,
  max,
  bounds,
  step = 1,
  onChange,
  error,
}: {
  legend: string
  min: string
  max: string
  bounds: { min: number; max: number }
  step?: number
  onChange: (next: { min: string; max: string }) => void
  error?: string | undefined
}) {
  const id = useId()
  const errorId = `${id}-error`
  const describedBy = error ? errorId : undefined
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">{legend}</legend>
      <div className="mt-1 flex items-center gap-2">
        <label htmlFor={`${id}-min`} className="sr-only">
          {`${legend} from`}
        </label>
        <input
          id={`${id}-min`}
          type="number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={step}
          placeholder="Min"
          value={min}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ min: event.target.value, max })}
          className={INPUT_CLASSES}
        />
        <span aria-hidden="true" className="text-slate-500">
          –
        </span>
        <label htmlFor={`${id}-max`} className="sr-only">
          {`${legend} to`}
        </label>
        <input
          id={`${id}-max`}
          type="number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={step}
          placeholder="Max"
          value={max}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ min, max: event.target.value })}
          className={INPUT_CLASSES}
        />
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  )
}
