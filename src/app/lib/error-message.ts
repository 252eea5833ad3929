import { z } from 'zod'
import { HttpError } from '@/app/lib/http'

/** What to tell the user about a failed request or a form the schema refused, in one sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof HttpError) return error.message
  if (error instanceof z.ZodError)
    return error.issues[0]?.message ?? 'Something in the form is wrong.'
  if (error instanceof TypeError) return `The server could not be reached (${error.message}).`
  if (error instanceof Error) return error.message
  return 'Something went wrong.'
}

/** The form field a failure names: the server's `error.field`, or the first field zod refused. */
export function errorField(error: unknown): string | undefined {
  if (error instanceof HttpError) return error.field
  if (error instanceof z.ZodError) {
    const first = error.issues[0]?.path[0]
    return typeof first === 'string' ? first : undefined
  }
  return undefined
}
