import type { FormFailure } from '@/app/features/users/form-failure'

/** A refusal that names none of the form's fields, said once for the whole form. */
export function FormAlert({ failure }: { failure: FormFailure }) {
  if (!failure.message || failure.field) return null
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {failure.message}
    </p>
  )
}
