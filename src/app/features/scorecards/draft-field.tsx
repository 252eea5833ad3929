import { useId, type ComponentPropsWithRef } from 'react'
import { FieldError } from '@/app/components/ui/field-error'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'

/**
 * A labelled text input (or, `rows` given, a text area) of the scorecard editor, with the
 * schema's message for its field under it.
 */
export function DraftField({
  id,
  label,
  value,
  error,
  rows,
  onValue,
  className,
  ...props
}: Omit<ComponentPropsWithRef<'input'>, 'id' | 'value' | 'onChange' | 'className'> & {
  id: string
  label: string
  value: string
  error: string | undefined
  /** A text area of this many rows. */
  rows?: number
  onValue: (value: string) => void
  className?: string
}) {
  const errorId = `${id}-error`
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: cn('mt-1', INPUT_CLASSES),
  }
  return (
    <div className={className}>
      <label htmlFor={id} className={LABEL_CLASSES}>
        {label}
      </label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(event) => onValue(event.target.value)} />
      ) : (
        <input {...common} {...props} onChange={(event) => onValue(event.target.value)} />
      )}
      <FieldError id={errorId} message={error} />
    </div>
  )
}

/** A checkbox with its label beside it, and a hint under the label. */
export function DraftCheckbox({
  label,
  checked,
  onChecked,
  hint,
}: {
  label: string
  checked: boolean
  onChecked: (checked: boolean) => void
  hint?: string
}) {
  const id = useId()
  return (
    <div className="flex items-start gap-2 text-sm text-slate-800 dark:text-slate-200">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChecked(event.target.checked)}
        className="mt-0.5 size-4 accent-blue-700"
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  )
}
