import type { z } from 'zod'

/** An HTTP error with the server's message and, for a 400, the field it names. */
export class HttpError extends Error {
  readonly status: number
  readonly field: string | undefined
  readonly body: unknown

  constructor(status: number, message: string, field?: string, body?: unknown) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.field = field
    this.body = body
  }
}

function errorFromBody(status: number, statusText: string, body: unknown): HttpError {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>
    const error = record.error
    const nested = error && typeof error === 'object' ? (error as Record<string, unknown>) : record
    const message = typeof nested.message === 'string' ? nested.message : undefined
    const field = typeof nested.field === 'string' ? nested.field : undefined
    if (message) return new HttpError(status, message, field, body)
  }
  return new HttpError(status, `${status} ${statusText || 'request failed'}`, undefined, body)
}

let onUnauthorized: (() => void) | undefined

/** An answer already read as JSON: one the server handed over with a page it rendered. */
export interface ParsedAnswer {
  status: number
  parsed: unknown
}

/** How a request reaches the API: `fetch`, but for a page rendered on the server (issue 14). */
export type Transport = (url: string, init: RequestInit) => Promise<Response | ParsedAnswer>

const viaFetch: Transport = (url, init) => fetch(url, init)
let transport: Transport = viaFetch

/**
 * Where requests go. The server renders pages through the API itself, as the signed-in reader
 * (so scope, audit and errors are the API's own); the browser hydrating such a page answers the
 * requests the server made with the answers the server got. `undefined` goes back to `fetch`.
 */
export function setTransport(next: Transport | undefined): void {
  transport = next ?? viaFetch
}

/**
 * What happens when any request answers 401 (no session, or it expired): the router sets it to
 * go to the sign-in page, which brings the user back to where they were.
 */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

/**
 * Fetches JSON, throws HttpError on a non-2xx answer, and parses the body with `schema`. A 401
 * also calls the unauthorized handler, unless `signInOn401` is false (signing in itself, where
 * a 401 means a wrong password).
 */
export async function requestJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init: RequestInit & { json?: unknown; signInOn401?: false } = {},
): Promise<z.output<S>> {
  const { json, headers, signInOn401, ...rest } = init
  const res = await transport(url, {
    ...rest,
    method: rest.method ?? (json === undefined ? 'GET' : 'POST'),
    headers: {
      Accept: 'application/json',
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(headers as Record<string, string> | undefined),
    },
    body: json === undefined ? rest.body : JSON.stringify(json),
  })
  if (res.status === 401 && signInOn401 !== false) onUnauthorized?.()
  const ok = res.status >= 200 && res.status < 300
  const statusText = 'statusText' in res ? res.statusText : ''
  let body: unknown = undefined
  if ('parsed' in res) {
    body = res.parsed
  } else {
    const text = await res.text()
    if (text) {
      try {
        body = JSON.parse(text)
      } catch {
        if (!ok) throw new HttpError(res.status, `${res.status} ${statusText}`)
        throw new HttpError(res.status, 'The server answered with something that is not JSON')
      }
    }
  }
  if (!ok) throw errorFromBody(res.status, statusText, body)
  return schema.parse(body)
}

/**
 * POSTs a file and reports how much of it has been sent (fetch cannot tell upload progress;
 * XMLHttpRequest can). Parses the JSON answer with `schema`; throws HttpError as requestJson does.
 */
export function uploadJson<S extends z.ZodType>(
  url: string,
  body: Blob,
  schema: S,
  options: { contentType: string; onProgress?: (sent: number, total: number) => void },
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Content-Type', options.contentType)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.addEventListener('progress', (event) => {
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : body.size)
    })
    xhr.addEventListener('error', () => {
      reject(new HttpError(0, 'The upload failed: the server could not be reached'))
    })
    xhr.addEventListener('abort', () => {
      reject(new HttpError(0, 'The upload was stopped'))
    })
    xhr.addEventListener('load', () => {
      if (xhr.status === 401) onUnauthorized?.()
      let parsed: unknown
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        reject(new HttpError(xhr.status, 'The server answered with something that is not JSON'))
        return
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorFromBody(xhr.status, xhr.statusText, parsed))
        return
      }
      const result = schema.safeParse(parsed)
      if (result.success) resolve(result.data)
      else reject(result.error)
    })
    xhr.send(body)
  })
}
