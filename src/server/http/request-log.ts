import {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify'
import { pino } from 'pino'

/**
 * The server's logs: pino, one JSON line per event. A request is logged once, when it ends, as
 * method, route and status, never its query string, body, headers or cookies: transcripts,
 * searches and credentials hold personal data. Every line passes through `redact` as a last
 * guard (it replaces the configured secrets).
 */
export function createLogger(options: {
  destination?: { write(line: string): void }
  redact: (text: string) => string
  level?: string
}): FastifyBaseLogger {
  const destination = options.destination ?? process.stdout
  return pino(
    {
      level: options.level ?? 'info',
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: options.redact },
    },
    { write: (line: string) => destination.write(line) },
  )
}

/** Fastify's own per-request lines are off; {@link logRequests} writes one line per request. */
export const quietRequests = () => new LogController({ disableRequestLogging: true })

/**
 * What a log line calls the request: its route's pattern (`/api/imports/:id`), or for a request
 * no route took, its path without the query, cut short.
 */
export function routeLabel(request: FastifyRequest): string {
  const pattern = request.routeOptions.url
  if (pattern !== undefined && pattern !== '/*') return pattern
  const path = request.url.split('?')[0] ?? ''
  return path.length > 120 ? `${path.slice(0, 120)}…` : path
}

export function logRequests(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: routeLabel(request),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    )
    done()
  })
  app.addHook('onRequestAbort', (request, done) => {
    request.log.info(
      { method: request.method, route: routeLabel(request), aborted: true },
      'request aborted by the client',
    )
    done()
  })
}
