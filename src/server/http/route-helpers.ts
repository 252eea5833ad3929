import { PassThrough } from 'node:stream'
import type { FastifyInstance, HTTPMethods, preParsingHookHandler } from 'fastify'
import { HttpError } from '@/server/http/http-error'
import { requireContentType } from '@/server/http/request-guards'

const ALL_METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']

/** Answers every method but `allowed` on `url` with 405 and an Allow header, before any body. */
export function refuseOtherMethods(app: FastifyInstance, url: string, allowed: HTTPMethods[]) {
  const allow = allowed.join(', ')
  app.route({
    method: ALL_METHODS.filter((method) => !allowed.includes(method)),
    url,
    exposeHeadRoute: false,
    onRequest: (request, _reply, done) => {
      done(
        new HttpError(405, `${request.method} is not allowed here (use ${allow})`, {
          headers: { allow },
        }),
      )
    },
    handler: () => undefined,
  })
}

/**
 * Before a JSON body is read: its Content-Type must say JSON, and all of it must arrive within
 * `deadlineMs` (a client that sends a byte now and then cannot hold a connection).
 */
export function jsonBodyGuard(deadlineMs: number): preParsingHookHandler {
  return (request, _reply, payload, done) => {
    try {
      requireContentType(request.headers['content-type'], ['application/json'])
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)))
      return
    }
    const timed = new PassThrough()
    const timer = setTimeout(() => {
      payload.unpipe(timed)
      timed.destroy(
        new HttpError(408, `body: not received within ${String(deadlineMs / 1000)} s`, {
          field: 'body',
          headers: { connection: 'close' },
        }),
      )
    }, deadlineMs)
    const stop = () => {
      clearTimeout(timer)
    }
    payload.once('end', stop)
    payload.once('close', stop)
    timed.once('close', stop)
    payload.pipe(timed)
    done(null, timed)
  }
}
