import { errorField, errorMessage } from '@/app/lib/error-message'

/** Why a form was refused: beside `field` when the form has it, else in the form's alert. */
export interface FormFailure {
  field: string | undefined
  message: string | undefined
}

export const NO_FAILURE: FormFailure = { field: undefined, message: undefined }

/** The failure of a mutation (the server's answer or the schema's), placed on the form's fields. */
export function formFailure(error: unknown, fields: readonly string[]): FormFailure {
  if (!error) return NO_FAILURE
  const field = errorField(error)
  return {
    field: field !== undefined && fields.includes(field) ? field : undefined,
    message: errorMessage(error),
  }
}
