import type { ComponentPropsWithRef } from 'react'
import { FieldError } from '@/app/components/ui/field-error'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import type { FormFailure } from '@/app/features/users/form-failure'

/** A labelled input of a user form, with a hint and the error that names its field. */
export function TextField({
  idPrefix,
  name,
  label,
  hint,
  failure,
  ...props
}: Omit<ComponentPropsWithRef<'input'>, 'id' | 'name' | 'className'> & {
  idPrefix: string
  name: string
  label: string
  hint?: string
  failure: FormFailure
}) {
  const id = `${idPrefix}-${name}`
  const message = failure.field === name ? failure.message : undefined
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div>
      <LabeledInput
        id={id}
        name={name}
        label={label}
        invalid={message !== undefined}
        describedBy={describedBy || undefined}
        {...props}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={message} />
    </div>
  )
}
