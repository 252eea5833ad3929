import { extname } from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifySession from '@fastify/session'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { signInBodySchema, type SessionInfo } from '@/domain/schema/auth'
import { adminRoutes } from '@/server/auth/admin-routes'
import { createSignInThrottle, type ThrottleLimits } from '@/server/auth/sign-in-throttle'
import { LOCAL_VIEWER, NOBODY, viewerOf, type Viewer } from '@/server/auth/viewer'
import { HttpError } from '@/server/http/http-error'
import { refuseOtherMethods } from '@/server/http/route-helpers'
import type { AuditEvent } from '@/server/workspace/audit'
import { publicUser, type StoredUser } from '@/server/workspace/users'
import type { Workspace } from '@/server/workspace/workspace'
import type { OidcSignIn } from '@/server/auth/oidc'

export const SESSION_COOKIE = 'cv_session'

export interface AuthOptions {
  /** Accounts, sessions and the audit trail. Without it, the server is in local mode. */
  workspace?: Workspace
  /** Single sign-on through OpenID Connect (OIDC_ISSUER and friends). */
  oidc?: OidcSignIn
  throttle?: ThrottleLimits
  now?: () => number
}

/** Routes and pages anyone may reach: signing in, and a health check for the load balancer. */
const PUBLIC_API = new Set([
  'GET /api/health',
  'HEAD /api/health',
  'GET /api/session',
  'HEAD /api/session',
  'POST /api/session',
  'DELETE /api/session',
  'GET /api/sso/start',
  'GET /api/sso/callback',
])
const SIGN_IN_PAGE = '/sign-in'

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/'
const isApi = (path: string) =>
  path === '/api' || path.startsWith('/api/') || path.startsWith('/messaging_history/')

/** A same-origin path to return to after sign-in; anything else becomes the search page. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 4096) return '/conversations'
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/conversations'
  }
  // eslint-disable-next-line no-control-regex -- a control character in a URL is refused
  if (/[\u0000-\u001f]/.test(value)) return '/conversations'
  return value
}

/**
 * Sign-in on the Fastify app: the session cookie (@fastify/session, kept server-side in the
 * workspace), who is asking (`request.viewer`), the guard that answers 401 (API) or sends to
 * the sign-in page (pages) when sign-in is on, `/api/session` and `/api/health`.
 *
 * Sign-in is on as soon as an account exists or SSO is configured; until then (loopback only:
 * main.ts refuses anything else) the one local user may do everything.
 */
export async function installAuth(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const { workspace, oidc } = options
  const now = options.now ?? Date.now
  const throttle = workspace ? createSignInThrottle(workspace.db, options.throttle, now) : undefined
  const anyUser = workspace?.db.prepare('SELECT EXISTS (SELECT 1 FROM users)').pluck()
  const signInRequired = () => oidc !== undefined || anyUser?.get() === 1

  // Set for every request by the hook below; until then (and should it ever not run) the
  // request may read nothing.
  const viewers = new WeakMap<FastifyRequest, Viewer>()
  app.decorateRequest('viewer', {
    getter(this: FastifyRequest) {
      return viewers.get(this) ?? NOBODY
    },
    setter(this: FastifyRequest, viewer: Viewer) {
      viewers.set(this, viewer)
    },
  })
  app.decorateRequest('audit', function audit(this: FastifyRequest, event: AuditEvent) {
    workspace?.audit.record(
      {
        actor: this.viewer.user ? this.viewer.actor : signInRequired() ? null : 'local',
        ip: this.ip,
        userAgent: this.headers['user-agent'] ?? null,
      },
      event,
    )
  })

  if (workspace) {
    // The same key signs the SSO flow's cookie (state, nonce and PKCE verifier).
    await app.register(fastifyCookie, { secret: workspace.sessionSecret })
    await app.register(fastifySession, {
      secret: workspace.sessionSecret,
      cookieName: SESSION_COOKIE,
      store: workspace.sessions,
      saveUninitialized: false,
      // The idle deadline is kept server-side (touched at most once a minute), so the cookie
      // is not rewritten on every answer; it lasts as long as the absolute lifetime.
      rolling: false,
      cookie: {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        // Secure whenever the request came over https (directly, or said so by a trusted proxy).
        secure: 'auto',
      },
    })
  }

  /** The signed-in user of this request's session, or undefined (and the session ended). */
  async function sessionUser(request: FastifyRequest): Promise<StoredUser | undefined> {
    if (!workspace) return undefined
    const session = request.session
    const userId = session.userId
    if (typeof userId !== 'number') return undefined
    const user = workspace.users.byId(userId)
    if (!user || user.disabled || user.sessionEpoch !== session.epoch) {
      await session.destroy()
      return undefined
    }
    workspace.sessions.touch(session.sessionId, request.ip, request.headers['user-agent'] ?? null)
    return user
  }

  app.addHook('onRequest', async (request, reply) => {
    const user = await sessionUser(request)
    if (user) {
      request.viewer = viewerOf(user)
      return
    }
    if (!signInRequired()) {
      request.viewer = LOCAL_VIEWER
      return
    }
    request.viewer = {
      ...LOCAL_VIEWER,
      role: 'agent',
      scope: { all: false, agentIds: [], agentGroupIds: [], skillIds: [] },
      actor: '',
    }
    const path = pathOf(request)
    if (isApi(path)) {
      if (PUBLIC_API.has(`${request.method} ${path}`)) return
      throw new HttpError(401, 'Sign in to continue', {
        headers: { 'cache-control': 'no-store' },
      })
    }
    // A page (no file extension) sends to sign-in and back; the app's files are public.
    const page = (request.method === 'GET' || request.method === 'HEAD') && extname(path) === ''
    if (!page || path === SIGN_IN_PAGE) return
    await reply
      .code(302)
      .header('cache-control', 'no-store')
      .redirect(`${SIGN_IN_PAGE}?next=${encodeURIComponent(request.url)}`)
  })

  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get('/api/health', () => ({ ok: true }))
  refuseOtherMethods(app, '/api/health', ['GET', 'HEAD'])

  const info = (request: FastifyRequest): SessionInfo => {
    const user = request.viewer.user
    return {
      mode: signInRequired() ? 'sign-in' : 'local',
      sso: oidc !== undefined,
      ...(user ? { user: publicUser(user) } : {}),
    }
  }

  api.get('/api/session', (request, reply) => {
    void reply.header('cache-control', 'no-store')
    return info(request)
  })

  api.post('/api/session', { schema: { body: signInBodySchema } }, async (request, reply) => {
    if (!workspace || !throttle) {
      throw new HttpError(404, 'There are no accounts on this server (local mode)')
    }
    const { email, password } = request.body
    const wait = throttle.waitSeconds(request.ip, email)
    if (wait > 0) {
      throw new HttpError(429, `Too many sign-in attempts: try again in ${String(wait)} s`, {
        headers: { 'retry-after': String(wait) },
      })
    }
    const user = await workspace.users.verifyPassword(email, password)
    if (!user) {
      throttle.failed(request.ip, email)
      request.audit({ action: 'sign-in-failed', target: email })
      // One message whatever was wrong: the email, the password, or a disabled account.
      throw new HttpError(401, 'Email or password is wrong')
    }
    throttle.succeeded(email)
    await startSession(request, user)
    request.audit({ action: 'sign-in', target: user.email, detail: { method: 'password' } })
    return reply.header('cache-control', 'no-store').send(info(request))
  })

  api.delete('/api/session', async (request, reply) => {
    if (request.viewer.user) request.audit({ action: 'sign-out', target: request.viewer.actor })
    if (workspace && typeof request.session.userId === 'number') await request.session.destroy()
    return reply.code(204).clearCookie(SESSION_COOKIE, { path: '/' }).send()
  })
  refuseOtherMethods(app, '/api/session', ['GET', 'HEAD', 'POST', 'DELETE'])

  /** A new session ID for the signed-in user (never the one they had before: no fixation). */
  async function startSession(request: FastifyRequest, user: StoredUser): Promise<void> {
    await request.session.regenerate()
    request.session.userId = user.id
    request.session.epoch = user.sessionEpoch
    request.session.createdAt = now()
    request.viewer = viewerOf(user)
    workspace?.users.recordSignIn(user.id, now())
  }

  if (workspace) await app.register(adminRoutes, { workspace })

  if (oidc && workspace) {
    await oidc.install(app, {
      workspace,
      startSession,
      safeNext,
    })
  }
}

export type { Viewer }
