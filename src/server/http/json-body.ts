import { locateJsonError } from '@/server/archive/json-error'
import { HttpError } from '@/server/http/http-error'

/** Parses a JSON request body; a 400 naming `body` (with line and column) when it is not JSON. */
export function parseJsonBody(buffer: Buffer): unknown {
  const text = buffer.toString('utf8')
  if (text.trim() === '') {
    throw new HttpError(400, 'body: required (a JSON object)', { field: 'body' })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    const where = locateJsonError(text, error)
    throw new HttpError(
      400,
      `body: not valid JSON at line ${String(where.line)}, column ${String(where.column)}: ${where.message}`,
      { field: 'body' },
    )
  }
}
