import { AsyncLocalStorage } from 'node:async_hooks'
import { PassThrough } from 'node:stream'
import { constants as zlib, createBrotliCompress, createGzip } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type * as AppEntry from '@/app/entry-server'
import type { Transport } from '@/app/lib/http'
import type { RenderContext } from '@/app/lib/render-context'
import type { RecordedAnswer } from '@/app/lib/ssr-handoff'

/**
 * Pages rendered on the server (issue 14): the app's own components render the first screen of
 * every page as HTML, so a deep link shows its conversation before any script has run; the
 * browser then hydrates that HTML with the same code.
 *
 * The app renders through the API itself: each request its loaders make goes through
 * `app.inject` with the reader's cookie and address, so sign-in, scope, the rate limit and the
 * audit trail apply exactly as to the browser's own requests (a page never holds a conversation
 * its reader may not open). Those answers go with the page (`ssr-handoff.ts`), and the browser
 * answers its own first requests with them.
 */

export type AppEntryModule = typeof AppEntry

/** The index.html the page goes in, cut where the app's HTML goes (`<div id="root">`). */
export interface PageTemplate {
  /** Up to and with `<div id="root">`. */
  head: string
  /** From the root's `</div>` on. */
  tail: string
}

export function splitTemplate(html: string): PageTemplate {
  const marker = '<div id="root"></div>'
  const at = html.indexOf(marker)
  if (at < 0) throw new Error('index.html has no <div id="root"></div>')
  const open = at + marker.length - '</div>'.length
  return { head: html.slice(0, open), tail: html.slice(open) }
}

/**
 * The built page's app script, preloaded (fetched and compiled) but started by `/boot.js` only
 * after the browser's first paint of the server's HTML.
 */
export function startAfterFirstPaint(head: string): string {
  const script = /<script type="module" crossorigin src="([^"]+)"><\/script>/
  if (!script.test(head)) throw new Error('index.html has no module script to defer')
  return head.replace(
    script,
    '<link rel="modulepreload" crossorigin href="$1" id="cv-app" />\n    <script src="/boot.js" defer></script>',
  )
}

export interface PageRendererOptions {
  app: FastifyInstance
  /** The app's server entry: the built bundle, or (in dev) Vite's current version of it. */
  entry: () => Promise<AppEntryModule>
  /** The page template for this URL (in dev, transformed by Vite each time). */
  template: (url: string) => Promise<PageTemplate>
  /** Tags for the page's head: the lazy chunks its path needs (`preloads.ts`). */
  preloads?: (path: string) => string
}

interface RenderStore {
  request: FastifyRequest
  context: RenderContext
  answers: RecordedAnswer[]
  entry: AppEntryModule
}

/** The `cv_tz` cookie: `local:<zone>` or `utc:<zone>`, the zone the browser's own. */
export const ZONE_COOKIE = 'cv_tz'
const ZONE_VALUE = /^(local|utc):([A-Za-z0-9_+\-/]{1,64})$/

function zoneOf(
  cookie: string | undefined,
  known: (zone: string) => boolean,
): Pick<RenderContext, 'zoneSetting' | 'localZone'> {
  const match = cookie ? ZONE_VALUE.exec(cookie) : null
  const setting = match?.[1] === 'utc' ? 'utc' : 'local'
  const zone = match?.[2]
  // No cookie yet (a first visit): UTC, which the page says; the browser switches after hydration.
  return { zoneSetting: setting, localZone: zone && known(zone) ? zone : 'UTC' }
}

/** The headers of the page request that an API request made for it carries too. */
const FORWARDED = [
  'cookie',
  'host',
  'user-agent',
  'accept-language',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
] as const

const JSON_TYPE = /^application\/json\b/

/** The preferred encoding the browser accepts: the page is compressed here, flushed in steps. */
function encodingFor(request: FastifyRequest): 'br' | 'gzip' | undefined {
  const accepted = String(request.headers['accept-encoding'] ?? '')
  if (/\bbr\b/.test(accepted)) return 'br'
  if (/\bgzip\b/.test(accepted)) return 'gzip'
  return undefined
}

export function createPageRenderer(options: PageRendererOptions) {
  const store = new AsyncLocalStorage<RenderStore>()
  const configured = new WeakSet<AppEntryModule>()

  const transport: Transport = async (url, init) => {
    const current = store.getStore()
    if (!current) throw new Error('An API request outside a page render')
    const { request } = current
    const headers: Record<string, string> = {}
    for (const name of FORWARDED) {
      const value = request.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      if (typeof value === 'string') headers[name.toLowerCase()] = value
    }
    headers.origin = current.context.origin
    const method = (init.method ?? 'GET') as 'GET' | 'POST'
    const answer = await options.app.inject({
      method,
      url,
      headers,
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
      remoteAddress: request.socket.remoteAddress ?? '127.0.0.1',
    })
    const type = String(answer.headers['content-type'] ?? '')
    if (JSON_TYPE.test(type) && answer.body) {
      current.answers.push({
        key: current.entry.requestKey(url, init),
        status: answer.statusCode,
        json: answer.body,
      })
      // Read once, here: the app gets the value, not text to decode and parse again.
      return { status: answer.statusCode, parsed: JSON.parse(answer.body) as unknown }
    }
    return new Response(answer.statusCode === 204 ? null : answer.body, {
      status: answer.statusCode,
      headers: { 'content-type': type },
    })
  }

  const configure = (entry: AppEntryModule) => {
    if (configured.has(entry)) return
    configured.add(entry)
    entry.setTransport(transport)
    entry.setRenderContextSource(() => store.getStore()?.context)
  }

  /** The page, compressed here (`@fastify/compress` cannot flush a step early). */
  const compressorFor = (request: FastifyRequest) => {
    const encoding = encodingFor(request)
    if (encoding === 'br') {
      const stream = createBrotliCompress({
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: 4,
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        },
      })
      return { encoding, stream, flush: () => stream.flush(zlib.BROTLI_OPERATION_FLUSH) }
    }
    if (encoding === 'gzip') {
      const stream = createGzip({ level: 6 })
      return { encoding, stream, flush: () => stream.flush(zlib.Z_SYNC_FLUSH) }
    }
    return { encoding, stream: new PassThrough(), flush: () => undefined }
  }

  return {
    /** Answers a page request (GET or HEAD, the reader signed in already) with the page. */
    async render(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
      const template = await options.template(request.url)
      const origin = `${request.protocol}://${request.host}`
      void reply.header('cache-control', 'no-store').header('vary', 'cookie, accept-encoding')
      let entry: AppEntryModule
      let page: Awaited<ReturnType<AppEntryModule['renderPage']>>
      let current: RenderStore
      try {
        entry = await options.entry()
        configure(entry)
        current = {
          request,
          context: {
            ...zoneOf(request.cookies[ZONE_COOKIE], entry.isKnownZone),
            now: Date.now(),
            origin,
          },
          answers: [],
          entry,
        }
        const abort = new AbortController()
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) abort.abort()
        })
        const pageRequest = new Request(new URL(request.url, origin), { signal: abort.signal })
        page = await store.run(current, () =>
          entry.renderPage(pageRequest, (error) => {
            request.log.error({ err: error }, 'page render: a component failed')
          }),
        )
      } catch (error) {
        // The app as before server rendering: an empty page the browser renders on its own.
        request.log.error({ err: error }, 'page render failed: sent without server rendering')
        return reply.type('text/html; charset=utf-8').send(template.head + template.tail)
      }

      if (page.kind === 'redirect') return reply.code(page.status).redirect(page.location)
      void reply.code(page.status).type('text/html; charset=utf-8')
      if (request.method === 'HEAD') {
        page.abort()
        return reply.send()
      }
      const out = compressorFor(request)
      if (out.encoding) void reply.header('content-encoding', out.encoding)
      const { context, answers } = current
      const links = options.preloads?.(new URL(request.url, origin).pathname) ?? ''
      const head = links ? template.head.replace('</head>', `${links}\n  </head>`) : template.head
      const write = async () => {
        out.stream.write(head)
        // React ends the stream it writes to; the page goes on after the app's HTML.
        const html = new PassThrough()
        page.pipe(html)
        for await (const chunk of html) out.stream.write(chunk as Buffer)
        const rootEnd = template.tail.indexOf('</div>') + '</div>'.length
        out.stream.write(template.tail.slice(0, rootEnd))
        // The first screen goes out now; the data to hydrate it follows.
        out.flush()
        out.stream.write(entry.payloadScript(context, answers))
        out.stream.end(template.tail.slice(rootEnd))
      }
      write().catch((error: unknown) => {
        request.log.error({ err: error }, 'page could not be written')
        out.stream.destroy(error instanceof Error ? error : new Error(String(error)))
      })
      return reply.send(out.stream)
    },
  }
}
