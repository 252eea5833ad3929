import type { IncomingMessage, ServerResponse } from 'node:http'
import { locateJsonError } from '@/server/archive/json-error'

/** Headers on every API answer: JSON that is never sniffed, framed or cached. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
}

/** An answer other than 200, thrown by handlers and turned into `{error: {...}}` JSON. */
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

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || status === 304) {
    res.writeHead(status, { ...API_HEADERS, ...headers })
    res.end()
    return
  }
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...API_HEADERS,
    ...headers,
    'content-length': String(Buffer.byteLength(text)),
  })
  res.end(text)
}

/** Sends text that is already JSON. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...API_HEADERS, 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}

/** `{"error": {"status", "message", "field"?, "details"?}}` with that status. */
export function sendError(res: ServerResponse, error: HttpError): void {
  const body: Record<string, unknown> = { status: error.status, message: error.message }
  if (error.field !== undefined) body.field = error.field
  if (error.details !== undefined) body.details = error.details
  sendJson(res, error.status, { error: body }, error.headers)
}

const KB = 1024
export const API_BODY_LIMIT = 1024 * KB
export const IMPORT_BODY_LIMIT = 200 * 1024 * KB

function tooLarge(limit: number): HttpError {
  const size = limit >= 1024 * KB ? `${String(limit / (1024 * KB))} MB` : `${String(limit / KB)} KB`
  return new HttpError(413, `body: larger than the ${size} limit`, {
    field: 'body',
    headers: { connection: 'close' },
  })
}

/** Reads the whole request body, refusing (413) anything over `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    return Promise.reject(tooLarge(limit))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        chunks.length = 0
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks))
    })
    req.on('error', (error) => {
      if (!failed) {
        failed = true
        reject(error)
      }
    })
  })
}

/** The media type of the request without parameters, lower case. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * POST bodies must be declared JSON (or NDJSON for imports). Besides being honest about the
 * format, this makes every write a non-simple cross-origin request, so a web page elsewhere
 * cannot post to this local server without a CORS preflight, which it never grants.
 */
export function requireContentType(req: IncomingMessage, allowed: readonly string[]): void {
  const type = mediaType(req)
  if (!allowed.includes(type)) {
    throw new HttpError(
      415,
      `Content-Type must be ${allowed.join(' or ')}${type ? ` (got ${type})` : ''}`,
      { field: 'content-type' },
    )
  }
}

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

/** Replaces every secret value in a log line. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const list = [...new Set(secrets.filter((s) => s.length >= 4))].sort(
    (a, b) => b.length - a.length,
  )
  return (text) => list.reduce((out, secret) => out.split(secret).join('[redacted]'), text)
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Guards a loopback-bound server against DNS rebinding and cross-site requests: the Host header
 * must name a loopback address, and a browser's Origin (when sent) must be this same host.
 * Returns the problem, or undefined when the request may proceed.
 */
export function originProblem(req: IncomingMessage, loopbackOnly: boolean): string | undefined {
  const host = req.headers.host ?? ''
  if (loopbackOnly) {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
    if (!LOOPBACK_NAMES.has((name ?? '').toLowerCase())) {
      return `Host ${host || '(none)'} is not allowed: this server answers on localhost only`
    }
  }
  const origin = req.headers.origin
  if (origin !== undefined && origin !== 'null') {
    let originHost: string
    try {
      originHost = new URL(origin).host
    } catch {
      return 'Origin header is not a URL'
    }
    if (originHost.toLowerCase() !== host.toLowerCase()) {
      return `Cross-origin requests are not allowed (Origin ${origin})`
    }
  } else if (origin === 'null') {
    return 'Cross-origin requests are not allowed (Origin null)'
  }
  return undefined
}
