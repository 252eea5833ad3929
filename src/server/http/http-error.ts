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

/** A byte limit as a person would say it: `8 MB`, `200 KB`. */
export function sizeLimit(bytes: number): string {
  return bytes >= MB
    ? `${String(Math.round(bytes / MB))} MB`
    : `${String(Math.round(bytes / 1024))} KB`
}

/** `body: larger than the 1 MB limit` (413), naming the limit as a person would. */
export function bodyTooLarge(limit: number): HttpError {
  return new HttpError(413, `body: larger than the ${sizeLimit(limit)} limit`, {
    field: 'body',
    headers: { connection: 'close' },
  })
}
