import { useId } from 'react'
import { FieldError } from '@/app/components/ui/field-error'

export interface Choice {
  value: string
  label: string
}

/** A fieldset of checkboxes for a repeatable filter (status, device, channel, ...). */
export function CheckboxGroup({
  legend,
  choices,
  values,
  onChange,
  error,
}: {
  legend: string
  choices: readonly Choice[]
  values: readonly string[]
  onChange: (values: string[]) => void
  error?: string | undefined
}) {
  const errorId = useId()
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {choices.map((choice) => (
          <label key={choice.value} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={values.includes(choice.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...values, choice.value]
                    : values.filter((value) => value !== choice.value),
                )
              }
              className="size-4 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:accent-blue-400"
            />
            {choice.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  )
}
