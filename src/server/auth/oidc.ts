import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import * as client from 'openid-client'
import { z } from 'zod'
import { lpIdSchema, MAX_IDS, ROLES, roleSchema, type Role } from '@/domain/schema/auth'
import type { StoredUser } from '@/server/workspace/users'
import type { Workspace } from '@/server/workspace/workspace'

/**
 * Single sign-on with OpenID Connect (Okta, Entra ID, Google Workspace, any certified provider)
 * through `openid-client`: the authorization code flow with PKCE (S256), state and nonce. The
 * provider's claims give the role (a group or role claim, mapped) and the LivePerson scope.
 */
export interface OidcSettings {
  issuer: string
  clientId: string
  clientSecret: string
  /** Where the provider sends people back; default: this server's `/api/sso/callback`. */
  redirectUri?: string
  /** The claim listing the user's groups or roles (OIDC_ROLE_CLAIM, default `groups`). */
  roleClaim: string
  /** Claim value → role (OIDC_ROLE_MAP `cv-admins=admin,qa=reviewer`); the highest wins. */
  roleMap: Record<string, Role>
  /** The role of a user none of whose groups is mapped; undefined refuses them. */
  defaultRole?: Role
  /** Claims with the LivePerson agent ID, agent groups and skills. */
  agentIdClaim: string
  agentGroupsClaim: string
  skillsClaim: string
  /** Plain-http issuers are refused unless on this machine (the tests' provider). */
  allowHttpIssuer: boolean
}

export interface OidcInstallContext {
  workspace: Workspace
  startSession: (request: FastifyRequest, user: StoredUser) => Promise<void>
  safeNext: (value: unknown) => string
}

export interface OidcSignIn {
  settings: OidcSettings
  install(app: FastifyInstance, context: OidcInstallContext): Promise<void>
}

const RANK: Record<Role, number> = { agent: 0, reviewer: 1, supervisor: 2, admin: 3 }

/** `a=admin, b=reviewer` → the map; a clear error naming the bad entry. */
export function parseRoleMap(text: string | undefined): Record<string, Role> {
  const map: Record<string, Role> = {}
  if (!text?.trim()) return map
  for (const entry of text.split(',')) {
    const [claim, role] = entry.split('=').map((part) => part.trim())
    const parsed = roleSchema.safeParse(role)
    if (!claim || !parsed.success) {
      throw new Error(
        `OIDC_ROLE_MAP: "${entry.trim()}" must be claim=role, the role one of ${ROLES.join(', ')}`,
      )
    }
    map[claim] = parsed.data
  }
  return map
}

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string' && value.trim() !== ''
      ? value.split(',').map((v) => v.trim())
      : []

/** A LivePerson ID from a claim, by the same rule as an account made here, or undefined. */
const lpId = (value: unknown): string | undefined => {
  const parsed = lpIdSchema.safeParse(typeof value === 'number' ? String(value) : value)
  return parsed.success ? parsed.data : undefined
}
const lpIds = (value: unknown): string[] =>
  list(value)
    .flatMap((id) => lpId(id) ?? [])
    .slice(0, MAX_IDS)

/** What a provider's claims make of the user: role and scope, or why they may not sign in. */
export function mapClaims(
  settings: OidcSettings,
  claims: Record<string, unknown>,
): { role: Role; agentId?: string; agentGroups: string[]; skills: string[] } | { refused: string } {
  let role: Role | undefined
  for (const value of list(claims[settings.roleClaim])) {
    const mapped = settings.roleMap[value]
    if (mapped && (role === undefined || RANK[mapped] > RANK[role])) role = mapped
  }
  role ??= settings.defaultRole
  if (role === undefined) {
    return { refused: 'Your account has no role in Conversation Viewer: ask an admin for one' }
  }
  const agentId = lpId(claims[settings.agentIdClaim])
  const agentGroups = lpIds(claims[settings.agentGroupsClaim])
  const skills = lpIds(claims[settings.skillsClaim])
  if (role === 'agent' && !agentId) {
    return { refused: `Your account has no LivePerson agent ID (claim ${settings.agentIdClaim})` }
  }
  if (role === 'supervisor' && agentGroups.length === 0 && skills.length === 0) {
    return { refused: 'Your account supervises no agent group or skill' }
  }
  return { role, ...(agentId ? { agentId } : {}), agentGroups, skills }
}

const startQuery = z.object({
  next: z.string().max(4096, 'next: at most 4096 characters').optional(),
})
// The provider's answer is read whole by openid-client (from the URL); these are checked first.
const callbackQuery = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
})

/**
 * `next` as a Location header can carry it: what is not printable ASCII percent-encoded as UTF-8,
 * nothing else changed (a URL parser would also resolve `/.//host` into `//host`, elsewhere).
 */
const headerSafe = (path: string) =>
  path.replace(/[^\x21-\x7e]/gu, (c) =>
    [...Buffer.from(c, 'utf8')]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  )

/** What a log line says of a failure: its kind and message, cut short (never a token). */
const errorSummary = (error: unknown) =>
  error instanceof Error
    ? { name: error.name, message: error.message.slice(0, 200) }
    : { name: 'Error', message: String(error).slice(0, 200) }

const FLOW_COOKIE = 'cv_sso'
const FLOW_MAX_AGE_S = 600
const flowSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  next: z.string(),
})

export function createOidcSignIn(settings: OidcSettings): OidcSignIn {
  let config: Promise<client.Configuration> | undefined
  // Discovered when first needed (and again after a failure), so a provider that is down when
  // the server starts does not keep it from starting; local accounts still work meanwhile.
  const configuration = () => {
    config ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.allowHttpIssuer ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        config = undefined
        throw error
      })
    return config
  }
  const redirectUri = (request: FastifyRequest) =>
    settings.redirectUri ?? `${request.protocol}://${request.host}/api/sso/callback`

  const toSignIn = (reply: FastifyReply, message: string) =>
    reply
      .code(302)
      .header('cache-control', 'no-store')
      .redirect(`/sign-in?error=${encodeURIComponent(message)}`)

  return {
    settings,
    install(app, { workspace, startSession, safeNext }) {
      const api = app.withTypeProvider<ZodTypeProvider>()
      api.get('/api/sso/start', { schema: { querystring: startQuery } }, async (request, reply) => {
        const query = request.query
        let discovered: client.Configuration
        try {
          discovered = await configuration()
        } catch (error) {
          // A page load (the sign-in page links here): back to sign-in with the reason.
          request.log.warn({ err: errorSummary(error) }, 'SSO discovery failed')
          return toSignIn(reply, 'The identity provider could not be reached: try again soon')
        }
        const flow = {
          state: client.randomState(),
          nonce: client.randomNonce(),
          verifier: client.randomPKCECodeVerifier(),
          next: safeNext(query.next),
        }
        const url = client.buildAuthorizationUrl(discovered, {
          redirect_uri: redirectUri(request),
          scope: 'openid email profile',
          state: flow.state,
          nonce: flow.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
          code_challenge_method: 'S256',
        })
        return reply
          .setCookie(FLOW_COOKIE, JSON.stringify(flow), {
            path: '/api/sso',
            httpOnly: true,
            sameSite: 'lax',
            secure: request.protocol === 'https',
            signed: true,
            maxAge: FLOW_MAX_AGE_S,
          })
          .header('cache-control', 'no-store')
          .redirect(url.href)
      })

      api.get(
        '/api/sso/callback',
        { schema: { querystring: callbackQuery } },
        async (request, reply) => {
          const raw = request.cookies[FLOW_COOKIE]
          void reply.clearCookie(FLOW_COOKIE, { path: '/api/sso' })
          const unsigned = raw === undefined ? undefined : request.unsignCookie(raw)
          let flow: z.infer<typeof flowSchema> | undefined
          if (unsigned?.valid && unsigned.value !== null) {
            try {
              const parsed = flowSchema.safeParse(JSON.parse(unsigned.value))
              if (parsed.success) flow = parsed.data
            } catch {
              flow = undefined
            }
          }
          if (!flow) return toSignIn(reply, 'The sign-in took too long or was not started here')
          const query = request.query
          if (query.error !== undefined) {
            // Only the provider that was sent this flow's state may end it with an error.
            if (query.state !== flow.state) {
              return toSignIn(reply, 'The sign-in took too long or was not started here')
            }
            request.audit({
              action: 'sign-in-failed',
              detail: { method: 'sso', error: query.error.slice(0, 64) },
            })
            return toSignIn(reply, 'The identity provider did not sign you in')
          }
          let claims: Record<string, unknown>
          try {
            const discovered = await configuration()
            const current = new URL(redirectUri(request))
            current.search = new URL(request.url, 'http://x').search
            const tokens = await client.authorizationCodeGrant(discovered, current, {
              pkceCodeVerifier: flow.verifier,
              expectedState: flow.state,
              expectedNonce: flow.nonce,
              idTokenExpected: true,
            })
            const idClaims = tokens.claims()
            if (!idClaims) throw new Error('no ID token')
            const info = await client.fetchUserInfo(discovered, tokens.access_token, idClaims.sub)
            claims = { ...idClaims, ...info }
          } catch (error) {
            request.log.warn({ err: errorSummary(error) }, 'SSO callback refused')
            request.audit({ action: 'sign-in-failed', detail: { method: 'sso' } })
            return toSignIn(reply, 'The sign-in could not be completed: try again')
          }
          const subject = typeof claims.sub === 'string' ? claims.sub : ''
          const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : ''
          if (!subject || !email) {
            request.audit({
              action: 'sign-in-failed',
              detail: { method: 'sso', reason: 'no email' },
            })
            return toSignIn(reply, 'The identity provider sent no email')
          }
          const mapped = mapClaims(settings, claims)
          if ('refused' in mapped) {
            request.audit({ action: 'sign-in-failed', target: email, detail: { method: 'sso' } })
            return toSignIn(reply, mapped.refused)
          }
          // An account this identity has not signed in to before is linked by its email only
          // when the provider vouches for the email: a password account, and just as much an
          // SSO account of another subject (else anyone whose provider lets them set an email
          // would take that account over).
          const linked = workspace.users.bySso(settings.issuer, subject)
          const existing = linked ? undefined : workspace.users.byEmail(email)
          if (existing && claims.email_verified !== true) {
            request.audit({
              action: 'sign-in-failed',
              target: email,
              detail: { method: 'sso', reason: 'email not verified for an existing account' },
            })
            return toSignIn(
              reply,
              existing.source === 'local'
                ? 'This email has a password account; the provider did not verify it'
                : 'This email belongs to another account; the provider did not verify it',
            )
          }
          // A disabled account stays as it is: refused before anything of it is rewritten.
          const before = linked ?? existing
          if (before?.disabled) {
            request.audit({ action: 'sign-in-failed', target: email, detail: { method: 'sso' } })
            return toSignIn(reply, 'This account is disabled')
          }
          const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : email
          const user = workspace.users.upsertSso({
            issuer: settings.issuer,
            subject,
            email,
            name: name.slice(0, 120),
            ...mapped,
          })
          if (user.disabled) {
            request.audit({ action: 'sign-in-failed', target: email, detail: { method: 'sso' } })
            return toSignIn(reply, 'This account is disabled')
          }
          await startSession(request, user)
          request.audit({ action: 'sign-in', target: email, detail: { method: 'sso' } })
          return reply.code(302).header('cache-control', 'no-store').redirect(headerSafe(flow.next))
        },
      )
      return Promise.resolve()
    },
  }
}
