import { isLoopbackHost } from '@/server/config'
import type { IncomingHttpHeaders } from 'node:http'
import { HttpError } from '@/server/http/http-error'

/**
 * Guards the API against DNS rebinding and cross-site requests: on a loopback-bound server the
 * Host header must name a loopback address; a browser's Origin (when sent) must be this same
 * host; and a state-changing request that a browser marks as coming from another site
 * (`Sec-Fetch-Site: cross-site` or `same-site`) is refused even without an Origin. `host` is the
 * host the request was made to (Fastify's `request.host`, which follows a trusted proxy).
 * Returns the problem, or undefined when the request may proceed.
 */
export function originProblem(
  headers: IncomingHttpHeaders,
  loopbackOnly: boolean,
  request: { host?: string; stateChanging?: boolean } = {},
): string | undefined {
  const rawHost = headers.host ?? ''
  const host = request.host ?? rawHost
  if (loopbackOnly) {
    // The same rule the server starts by (config.ts): localhost, 127.0.0.0/8, ::1.
    const name = rawHost.startsWith('[')
      ? rawHost.slice(1, rawHost.indexOf(']'))
      : rawHost.split(':')[0]
    if (!isLoopbackHost(name ?? '')) {
      return `Host ${rawHost || '(none)'} is not allowed: this server answers on localhost only`
    }
  }
  const origin = headers.origin
  if (origin === 'null') return 'Cross-origin requests are not allowed (Origin null)'
  if (origin !== undefined) {
    let originHost: string
    try {
      originHost = new URL(origin).host
    } catch {
      return 'Origin header is not a URL'
    }
    if (originHost.toLowerCase() !== host.toLowerCase()) {
      return `Cross-origin requests are not allowed (Origin ${origin})`
    }
  }
  const site = headers['sec-fetch-site']
  if (request.stateChanging && (site === 'cross-site' || site === 'same-site')) {
    return `Cross-origin requests are not allowed (Sec-Fetch-Site ${site})`
  }
  return undefined
}

/** The media type of a Content-Type header without parameters, lower case. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * POST bodies must be declared JSON (or NDJSON for imports). Besides being honest about the
 * format, this makes every write a non-simple cross-origin request, so a web page elsewhere
 * cannot post to this server without a CORS preflight, which it never grants.
 */
export function requireContentType(
  contentType: string | undefined,
  allowed: readonly string[],
): void {
  const type = mediaType(contentType)
  if (!allowed.includes(type)) {
    throw new HttpError(
      415,
      `Content-Type must be ${allowed.join(' or ')}${type ? ` (got ${type})` : ''}`,
      { field: 'content-type' },
    )
  }
}
