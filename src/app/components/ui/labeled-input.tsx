import { useId, type ComponentPropsWithRef } from 'react'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'

/** A label above an input; `invalid` and `describedBy` wire it to an error shown elsewhere. */
export function LabeledInput({
  label,
  invalid,
  describedBy,
  id,
  ...props
}: Omit<ComponentPropsWithRef<'input'>, 'className' | 'aria-invalid' | 'aria-describedby'> & {
  label: string
  invalid?: boolean
  describedBy?: string | undefined
}) {
  const generated = useId()
  const inputId = id ?? generated
  return (
    <div>
      <label htmlFor={inputId} className={LABEL_CLASSES}>
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className={cn('mt-1', INPUT_CLASSES)}
        {...props}
      />
    </div>
  )
}
