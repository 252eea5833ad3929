/** An answer other than 2xx, thrown by handlers and sent as `{"error": {...}}` JSON. */
export class HttpError extends Error {
  readonly status: number
  readonly field: string | undefined
  readonly details: string[] | undefined
  readonly headers: Record<string, string>

  constructor(
    status: number,
    message: string,
    options: { field?: string; details?: string[]; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.field = options.field
    this.details = options.details
    this.headers = options.headers ?? {}
  }
}

/** The body of every error answer: `{"error": {"status", "message", "field"?, "details"?}}`. */
export function errorBody(error: HttpError): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = { status: error.status, message: error.message }
  if (error.field !== undefined) body.field = error.field
  if (error.details !== undefined) body.details = error.details
  return { error: body }
}

const MB = 1024 * 1024

/** `body: larger than the 1 MB limit` (413), naming the limit as a person would. */
export function bodyTooLarge(limit: number): HttpError {
  const size = limit >= MB ? `${String(Math.round(limit / MB))} MB` : `${String(limit / 1024)} KB`
  return new HttpError(413, `body: larger than the ${size} limit`, {
    field: 'body',
    headers: { connection: 'close' },
  })
}
