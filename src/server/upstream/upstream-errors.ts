import { STATUS_CODES } from 'node:http'
import { z } from 'zod'

/** `401 Unauthorized`, `429 Too Many Requests`, or just `599` for a code without a name. */
export function statusLine(status: number): string {
  const text = STATUS_CODES[status]
  return text ? `${status} ${text}` : String(status)
}

/** What went wrong with a `fetch` that threw: a timeout, or a network failure with its code. */
export function describeFetchFailure(error: unknown): { timedOut: boolean; detail: string } {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { timedOut: true, detail: 'timed out' }
  }
  const cause = error instanceof Error ? error.cause : undefined
  const code = z.object({ code: z.string() }).safeParse(cause)
  if (code.success) return { timedOut: false, detail: code.data.code }
  const message = z.object({ message: z.string() }).safeParse(cause)
  if (message.success) return { timedOut: false, detail: oneLine(message.data.message) }
  return { timedOut: false, detail: 'network error' }
}

const messageFields = z
  .object({
    message: z.string().optional(),
    errorMessage: z.string().optional(),
    error_description: z.string().optional(),
    error: z.union([z.string(), z.object({ message: z.string() }).loose()]).optional(),
    errors: z.array(z.object({ message: z.string() }).loose()).optional(),
    internalCode: z.union([z.string(), z.number()]).optional(),
  })
  .loose()

const MAX_MESSAGE = 300

/**
 * The human message inside an upstream error body, if there is one. JSON bodies are searched
 * for the usual fields; plain-text bodies are used as they are; HTML pages are ignored.
 */
export function upstreamMessage(text: string, contentType: string): string | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    if (/html/i.test(contentType) || trimmed.startsWith('<')) return undefined
    return truncate(oneLine(trimmed))
  }
  if (typeof json === 'string') return truncate(oneLine(json))
  const parsed = messageFields.safeParse(json)
  if (!parsed.success) return undefined
  const f = parsed.data
  const nested = typeof f.error === 'object' ? f.error.message : f.error
  const message =
    f.message ?? f.errorMessage ?? nested ?? f.errors?.[0]?.message ?? f.error_description
  if (message === undefined || !message.trim()) return undefined
  const code = f.internalCode === undefined ? '' : ` (internal code ${String(f.internalCode)})`
  return truncate(oneLine(message) + code)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text
}
