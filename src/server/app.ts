import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { constants as zlib } from 'node:zlib'
import fastifyCompress from '@fastify/compress'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type FastifySchemaCompiler,
} from 'fastify'
import type { ViteDevServer } from 'vite'
import type { z } from 'zod'
import { describeIssue, queryParamsObject } from '@/domain/schema/search-request'
import { HttpError, bodyTooLarge, errorBody } from '@/server/http/http-error'
import { mediaType, originProblem } from '@/server/http/request-guards'
import { logRequests, quietRequests, routeLabel } from '@/server/http/request-log'
import { installAuth, type AuthOptions } from '@/server/auth/auth'
import { API_BODY_LIMIT, apiRoutes, type ApiOptions } from '@/server/routes'
import {
  createPageRenderer,
  splitTemplate,
  startAfterFirstPaint,
  type AppEntryModule,
} from '@/server/ssr/page-renderer'
import { preloadsFromManifest } from '@/server/ssr/preloads'

/** How the web app is served: the production build, or Vite with hot reload (`npm run dev`). */
export type SpaSource =
  | {
      kind: 'dist'
      dir: string
      /** The app's server entry (`vite build --ssr`): pages rendered on the server (issue 14). */
      serverEntry?: string
    }
  | {
      kind: 'vite'
      root: string
      /** Makes the Vite dev server, its hot-reload socket on this app's HTTP server. */
      createVite: (server: Server) => Promise<ViteDevServer>
    }

export interface AppOptions extends ApiOptions {
  /** Sign-in: accounts, sessions, SSO and the audit trail. Without it: local mode. */
  auth?: AuthOptions
  /** Behind a TLS reverse proxy: trust its X-Forwarded-* headers (TRUST_PROXY). */
  trustProxy?: boolean | string | string[]
  logger: FastifyBaseLogger
  /** Only loopback Host headers are accepted on the API (DNS-rebinding guard). */
  loopbackOnly: boolean
  spa?: SpaSource
  /** API requests per minute and client address; 0 turns the limit off (default 1200). */
  rateLimitPerMinute?: number
  /** Connections open at once; more are refused until some close (default 256). */
  maxConnections?: number
  /** All of a request's headers must arrive within this many ms (default 10 s). */
  headersTimeoutMs?: number
}

export interface RegisteredRoute {
  method: string
  url: string
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app, each method on its own. */
    routeList: readonly RegisteredRoute[]
  }
}

const API_PREFIXES = ['/api/', '/messaging_history/']
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/'
}

const isApiPath = (path: string) => path === '/api' || API_PREFIXES.some((p) => path.startsWith(p))

/**
 * Route schemas are zod schemas: one per boundary, shared with the SPA. A failure is a 400 that
 * names the field, in the same words the schema gives it.
 */
const zodValidator: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    if (httpPart === 'body' && data === undefined) {
      return { error: new HttpError(400, 'body: required (a JSON object)', { field: 'body' }) }
    }
    const result = schema.safeParse(data)
    if (result.success) return { value: result.data }
    const { field, message } = describeIssue(result.error)
    return { error: new HttpError(400, message, { field }) }
  }

/** Fastify's own errors, and anything unexpected, in the API's words. */
function asHttpError(error: FastifyError, request: FastifyRequest): HttpError {
  if (error instanceof HttpError) return error
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge(request.routeOptions.bodyLimit ?? API_BODY_LIMIT)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = mediaType(request.headers['content-type'])
      return new HttpError(
        415,
        `Content-Type must be application/json${type ? ` (got ${type})` : ''}`,
        { field: 'content-type' },
      )
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'body: its length differs from the Content-Length header', {
        field: 'body',
        headers: { connection: 'close' },
      })
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_BAD_PARAMS_DECODE':
      return new HttpError(400, 'path: not a valid URL (a broken %-escape)', { field: 'path' })
  }
  const status = error.statusCode
  if (status !== undefined && status >= 400 && status < 500) {
    return new HttpError(status, error.message)
  }
  return new HttpError(500, 'Internal error: the request could not be answered')
}

/**
 * The whole server as one Fastify app: security headers, compression, the API (with its rate
 * limit) and the web app, either built (`dist/`, precompressed) or through Vite in dev.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    logController: quietRequests(),
    keepAliveTimeout: 5_000,
    // The whole-request deadline is per route: seconds for a JSON body, an idle timeout for an
    // upload (which may rightly take minutes). Headers have a deadline of their own.
    requestTimeout: 0,
    http: {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      connectionsCheckingInterval: 1_000,
    },
    bodyLimit: API_BODY_LIMIT,
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
    routerOptions: {
      ignoreTrailingSlash: true,
      querystringParser: (text) => queryParamsObject(new URLSearchParams(text)),
    },
  })
  app.server.maxConnections = options.maxConnections ?? 256
  // Every route as registered, so a test can check each one (a new route is never forgotten).
  const routeList: RegisteredRoute[] = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url })
  })
  app.decorate('routeList', routeList)

  app.setValidatorCompiler(zodValidator)
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const http = asHttpError(error, request)
    if (http.status >= 500) {
      request.log.error({ err: error, route: routeLabel(request) }, 'request failed')
    }
    return reply
      .code(http.status)
      .headers(http.headers)
      .type('application/json; charset=utf-8')
      .send(errorBody(http))
  })
  logRequests(app)

  // The API answers only its own origin (CSRF), on a loopback Host when bound to one (no DNS
  // rebinding). Behind a trusted proxy, "its own" is the host the proxy was asked for.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!isApiPath(pathOf(request))) {
      done()
      return
    }
    const problem = originProblem(request.headers, options.loopbackOnly, {
      host: request.host,
      stateChanging: !SAFE_METHODS.has(request.method),
    })
    done(problem ? new HttpError(403, problem) : undefined)
  })

  await installAuth(app, options.auth ?? {})

  const dev = options.spa?.kind === 'vite'
  await app.register(fastifyHelmet, {
    // Transcripts are untrusted: no inline scripts, no plugins, no requests to other hosts.
    // Vite's dev client needs inline scripts, so `npm run dev` goes without the policy.
    contentSecurityPolicy: dev
      ? false
      : {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            // As before the move; finding 5 of issue 11 (images only when the reader asks) is
            // still open and will narrow this to 'self' and data:.
            imgSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            fontSrc: ["'self'"],
            objectSrc: ["'none'"],
            baseUri: ["'none'"],
            frameAncestors: ["'none'"],
            formAction: ["'self'"],
          },
        },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Plain http on loopback until sign-in brings https (the next issue).
    strictTransportSecurity: false,
  })
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Quality 4: most of Brotli's gain at a fraction of its cost, for JSON made per request.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  })

  await app.register(async (api) => {
    const perMinute = options.rateLimitPerMinute ?? 1200
    if (perMinute > 0) {
      await api.register(fastifyRateLimit, {
        max: perMinute,
        timeWindow: 60_000,
        errorResponseBuilder: (_request, context) =>
          new HttpError(
            429,
            `Too many requests: at most ${String(context.max)} a minute; try again in ${String(Math.ceil(context.ttl / 1000))} s`,
          ),
      })
    }
    await api.register(apiRoutes, {
      ...options,
      workspace: options.workspace ?? options.auth?.workspace,
    })
  })

  const spa = options.spa
  if (spa?.kind === 'dist') {
    await app.register(fastifyStatic, {
      root: spa.dir,
      preCompressed: true,
      cacheControl: false,
      index: false,
      setHeaders: (res, path) => {
        // Hashed file names never change; everything else is checked each time (ETag, 304).
        res.header(
          'cache-control',
          path.startsWith(join(spa.dir, 'assets'))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        )
      },
    })
  }
  let vite: ViteDevServer | undefined
  if (spa?.kind === 'vite') {
    const devServer = await spa.createVite(app.server)
    vite = devServer
    const middie = (await import('@fastify/middie')).default
    await app.register(middie)
    app.use(devServer.middlewares)
    app.addHook('onClose', async () => {
      await devServer.close()
    })
  }

  app.addHook('onClose', async () => {
    await options.imports?.close()
  })

  const pages = pageRendererFor(app, spa, () => vite)

  app.setNotFoundHandler(async (request, reply) => {
    const path = pathOf(request)
    if (isApiPath(path)) throw new HttpError(404, `No API route ${request.method} ${path}`)
    // A deep link (/conversations/abc) is the app's page; a missing file is a 404.
    const page = (request.method === 'GET' || request.method === 'HEAD') && extname(path) === ''
    if (page && pages) return pages.render(request, reply)
    if (page && spa?.kind === 'dist') return reply.sendFile('index.html')
    throw new HttpError(404, `Not found: ${path}`)
  })

  return app
}

/**
 * Pages rendered on the server (issue 14): from the built server entry, or through Vite in dev
 * (its current version of the entry and of index.html, so hot reload keeps working).
 */
function pageRendererFor(
  app: FastifyInstance,
  spa: SpaSource | undefined,
  vite: () => ViteDevServer | undefined,
) {
  if (spa?.kind === 'dist') {
    const serverEntry = spa.serverEntry
    if (!serverEntry) return undefined
    const built = splitTemplate(readFileSync(join(spa.dir, 'index.html'), 'utf8'))
    const template = { ...built, head: startAfterFirstPaint(built.head) }
    let loaded: Promise<AppEntryModule> | undefined
    return createPageRenderer({
      app,
      entry: () => (loaded ??= import(pathToFileURL(serverEntry).href) as Promise<AppEntryModule>),
      template: () => Promise.resolve(template),
      preloads: preloadsFromManifest(join(spa.dir, '.vite', 'manifest.json')),
    })
  }
  if (spa?.kind === 'vite') {
    const server = () => {
      const current = vite()
      if (!current) throw new Error('Vite is not running')
      return current
    }
    return createPageRenderer({
      app,
      entry: () => server().ssrLoadModule('/src/app/entry-server.tsx') as Promise<AppEntryModule>,
      template: async (url) => {
        const html = await readFile(join(spa.root, 'index.html'), 'utf8')
        // In dev the styles come with the scripts; linked here too, the page is styled at once.
        const styled = html.replace(
          '</head>',
          '<link rel="stylesheet" href="/src/app/styles.css" />\n  </head>',
        )
        return splitTemplate(await server().transformIndexHtml(url, styled))
      },
    })
  }
  return undefined
}
