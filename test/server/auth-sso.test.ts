/**
 * Single sign-on (issue 12) against a real OpenID provider (oidc-provider in a child process, no
 * mocks): the authorization code flow with PKCE, state and nonce, from `/api/sso/start` through
 * the provider's login and consent to `/api/sso/callback`; roles and scope from the claims; and
 * the refusals: no mapped role, a forged or missing state, a `next` elsewhere, an unverified
 * email that belongs to a password account. Real HTTP on 127.0.0.1, a real workspace file.
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { NewUser } from '@/domain/schema/auth'
import type { OidcSettings } from '@/server/auth/oidc'
import { generateDemoConversations } from '@/server/demo/generate'
import { ACCOUNT, idsOf, pick, startTestApi, type TestApi } from './api-harness'
import { startOidcProvider, TEST_ACCOUNTS, type OidcProviderHandle } from './oidc-provider'
import { sessionClient, type SessionClient } from './session-client'

type Json = Record<string, unknown>
const NOW = Date.UTC(2026, 10, 1)
const DAY = 86_400_000
const WINDOW = { from: NOW - 89 * DAY, to: NOW + DAY }
const BASE = `/messaging_history/api/account/${ACCOUNT}/conversations`

/** A local password account with dave's email (the provider does not verify dave's). */
const LOCAL_DAVE: NewUser = {
  email: 'dave@example.com',
  name: 'Dave Local',
  role: 'reviewer',
  password: 'dave local password',
  agentGroups: [],
  skills: [],
}
/** A local admin, to read the audit trail after a refused SSO sign-in. */
const LOCAL_ADMIN: NewUser = {
  email: 'ada@example.com',
  name: 'Ada Admin',
  role: 'admin',
  password: 'correct horse battery',
  agentGroups: [],
  skills: [],
}

let provider: OidcProviderHandle
let api: TestApi | undefined
let clients = 0

beforeAll(async () => {
  provider = await startOidcProvider()
})
afterAll(async () => {
  await provider.stop()
})
afterEach(async () => {
  await api?.stop()
  api = undefined
})

/** The app with SSO on, and its client registered at the provider with the app's callback. */
async function startApp(
  options: { users?: NewUser[]; records?: unknown[] } = {},
): Promise<{ api: TestApi; settings: OidcSettings }> {
  clients += 1
  const settings: OidcSettings = {
    issuer: provider.issuer,
    clientId: `conversation-viewer-${String(clients)}`,
    clientSecret: randomBytes(24).toString('base64url'),
    roleClaim: 'groups',
    roleMap: { 'cv-admins': 'admin', 'cv-agents': 'agent' },
    agentIdClaim: 'lp_agent_id',
    agentGroupsClaim: 'lp_agent_groups',
    skillsClaim: 'lp_skills',
    allowHttpIssuer: true,
  }
  api = await startTestApi({
    ...(options.records ? { records: options.records } : {}),
    secrets: [settings.clientSecret],
    workspace: { users: options.users ?? [], oidc: settings },
  })
  await provider.addClient({
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    redirect_uris: [`${api.url}/api/sso/callback`],
  })
  return { api, settings }
}

/** `/api/sso/start` with the app's client: the provider's authorization URL. */
async function startSso(app: SessionClient, next?: string): Promise<URL> {
  const res = await app.request(
    next === undefined ? '/api/sso/start' : `/api/sso/start?next=${encodeURIComponent(next)}`,
  )
  expect(res.status).toBe(302)
  expect(res.headers.get('cache-control')).toBe('no-store')
  return new URL(res.headers.get('location') ?? '')
}

/** The provider's answer at the app's callback, as the path to ask it with. */
const pathOf = (url: URL) => url.pathname + url.search

/** Start → provider (login and consent) → callback, as one browser; the callback's answer. */
async function ssoSignIn(a: TestApi, login: string, next?: string) {
  const app = sessionClient(a.url)
  const authorization = await startSso(app, next)
  const { redirect } = await provider.authorize(authorization.href, login)
  expect(redirect.origin + redirect.pathname).toBe(`${a.url}/api/sso/callback`)
  const callback = await app.request(pathOf(redirect))
  return { app, callback, setCookie: app.lastSetCookie }
}

const sessionCookie = (lines: string[]) => lines.find((line) => line.startsWith('cv_session='))

/** The message of a `/sign-in?error=…` redirect, or a failure naming where it went instead. */
function signInError(res: Response): string {
  expect(res.status).toBe(302)
  const location = res.headers.get('location') ?? ''
  expect(location).toMatch(/^\/sign-in\?error=/)
  return new URLSearchParams(location.slice('/sign-in'.length)).get('error') ?? ''
}

async function auditOf(client: SessionClient, action: string): Promise<Json[]> {
  const res = await client.request(`/api/audit?action=${action}`)
  expect(res.status).toBe(200)
  const entries = pick(await res.json(), 'entries')
  return Array.isArray(entries) ? (entries as Json[]) : []
}

async function signedInAdmin(a: TestApi): Promise<SessionClient> {
  const admin = sessionClient(a.url)
  expect((await admin.signIn(LOCAL_ADMIN.email, LOCAL_ADMIN.password)).status).toBe(200)
  return admin
}

describe('SSO with a real OpenID provider', () => {
  it('says sign-in is on, with SSO', async () => {
    const { api: a } = await startApp()
    expect((await a.get('/api/session')).json).toEqual({ mode: 'sign-in', sso: true })
  })

  it('signs alice in with the code flow and PKCE, as an admin, back where she asked', async () => {
    const { api: a, settings } = await startApp()
    const app = sessionClient(a.url)
    const authorization = await startSso(app, '/conversations/abc?msg=m-3')
    // The flow's state, nonce and PKCE verifier are in a signed, httpOnly cookie for /api/sso.
    const flowCookie = app.lastSetCookie.find((line) => line.startsWith('cv_sso='))
    expect(flowCookie).toMatch(/; Path=\/api\/sso/i)
    expect(flowCookie).toMatch(/; HttpOnly/i)
    expect(flowCookie).toMatch(/; SameSite=Lax/i)

    expect(authorization.origin).toBe(provider.issuer)
    const asked = authorization.searchParams
    expect(asked.get('response_type')).toBe('code')
    expect(asked.get('client_id')).toBe(settings.clientId)
    expect(asked.get('redirect_uri')).toBe(`${a.url}/api/sso/callback`)
    expect(asked.get('scope')).toBe('openid email profile')
    expect(asked.get('code_challenge_method')).toBe('S256')
    expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(asked.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(asked.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    // The verifier itself never leaves the app.
    expect(authorization.href).not.toContain('code_verifier')

    const { redirect, prompts } = await provider.authorize(authorization.href, 'alice')
    expect(prompts).toEqual(['login', 'consent'])
    expect(redirect.origin + redirect.pathname).toBe(`${a.url}/api/sso/callback`)
    expect(redirect.searchParams.get('state')).toBe(asked.get('state'))
    const code = redirect.searchParams.get('code') ?? ''
    expect(code).not.toBe('')

    // The verifier the app keeps (in its signed flow cookie) is the one the challenge is made of.
    const flow = decodeURIComponent(app.cookies.get('cv_sso') ?? '')
    const verifier = String(pick(JSON.parse(flow.slice(0, flow.lastIndexOf('.'))), 'verifier'))
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      asked.get('code_challenge'),
    )

    // The provider insists on PKCE: the code alone, or with a wrong verifier, buys no token.
    // (It checks the verifier after finding the code and before spending it or checking the
    // redirect URI; the app redeems this same code below, so the 400s are PKCE's.)
    const discovery: unknown = await (
      await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    ).json()
    const tokenEndpoint = String(pick(discovery, 'token_endpoint'))
    for (const wrong of [undefined, 'x'.repeat(43)]) {
      const res = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: `${a.url}/api/sso/callback`,
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          ...(wrong ? { code_verifier: wrong } : {}),
        }).toString(),
      })
      expect(res.status, `code_verifier ${String(wrong)}`).toBe(400)
      expect(pick(await res.json(), 'error')).toBe('invalid_grant')
    }

    const callback = await app.request(pathOf(redirect))
    expect(callback.status).toBe(302)
    expect(callback.headers.get('location')).toBe('/conversations/abc?msg=m-3')
    expect(callback.headers.get('cache-control')).toBe('no-store')
    const cookie = sessionCookie(app.lastSetCookie)
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; SameSite=Lax/i)
    expect(cookie).toMatch(/; Path=\//i)
    // The flow's cookie is spent.
    expect(app.cookies.has('cv_sso')).toBe(false)

    const session = await app.request('/api/session')
    const info = (await session.json()) as Json
    expect(info.mode).toBe('sign-in')
    expect(info.sso).toBe(true)
    expect(info.user).toMatchObject({
      email: 'alice@example.com',
      name: 'Alice Admin',
      role: 'admin',
      source: 'sso',
      disabled: false,
    })
    expect((await app.request('/api/users')).status).toBe(200)

    const signIns = await auditOf(app, 'sign-in')
    expect(signIns).toHaveLength(1)
    expect(signIns[0]).toMatchObject({
      actor: 'alice@example.com',
      target: 'alice@example.com',
      detail: { method: 'sso' },
    })
    // The stored account remembers the provider and subject.
    const row = a.workspace?.db
      .prepare('SELECT sso_issuer, sso_subject FROM users WHERE email = ?')
      .get('alice@example.com')
    expect(row).toEqual({ sso_issuer: provider.issuer, sso_subject: 'alice' })
    expect(a.logs.join('\n')).not.toContain(settings.clientSecret)

    // The same code, once more (with a new flow's cookie), is refused by the provider.
    const again = sessionClient(a.url)
    const second = await startSso(again)
    const replay = new URL(redirect)
    replay.searchParams.set('state', second.searchParams.get('state') ?? '')
    const replayed = await again.request(pathOf(replay))
    expect(signInError(replayed)).toMatch(/could not be completed/)
    expect(sessionCookie(again.lastSetCookie)).toBeUndefined()
  })

  it('signs bob in as an agent whose searches find only the conversations he took part in', async () => {
    const records = generateDemoConversations({ count: 300, now: NOW }) as Json[]
    const { api: a } = await startApp({ records })
    const { app, callback } = await ssoSignIn(a, 'bob')
    expect(callback.status).toBe(302)
    expect(callback.headers.get('location')).toBe('/conversations')

    const user = pick(await (await app.request('/api/session')).json(), 'user')
    expect(user).toMatchObject({
      email: 'bob@example.com',
      role: 'agent',
      agentId: TEST_ACCOUNTS.bob.lp_agent_id,
      agentGroups: TEST_ACCOUNTS.bob.lp_agent_groups,
      skills: TEST_ACCOUNTS.bob.lp_skills,
      source: 'sso',
    })
    expect((await app.request('/api/users')).status).toBe(403)

    const info = (r: Json) => r.info as Json
    const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
    const agentId = TEST_ACCOUNTS.bob.lp_agent_id
    const tookPart = (r: Json) =>
      String(info(r).latestAgentId) === agentId ||
      list(r.agentParticipants).some((p) => String(p.agentId) === agentId) ||
      list(r.transfers).some((t) => String(t.assignedAgentId) === agentId)
    const inWindow = (r: Json) => {
      const start = Number(info(r).startTimeL)
      return start >= WINDOW.from && start <= WINDOW.to
    }
    const want = records
      .filter((r) => inWindow(r) && tookPart(r))
      .map((r) => String(info(r).conversationId))
      .sort()
    expect(want.length).toBeGreaterThanOrEqual(5)
    expect(want.length).toBeLessThan(records.filter(inWindow).length / 2)

    const got: string[] = []
    for (let offset = 0; ; offset += 100) {
      const res = await app.request(`${BASE}/search?offset=${String(offset)}&limit=100`, {
        json: { start: WINDOW },
      })
      expect(res.status).toBe(200)
      const json: unknown = await res.json()
      expect(pick(json, '_metadata', 'count')).toBe(want.length)
      const page = idsOf(json)
      got.push(...page)
      if (page.length < 100) break
    }
    expect(got.sort()).toEqual(want)
  })

  it('refuses carol, whose groups map to no role: no session, no account, a failed sign-in audited', async () => {
    const { api: a } = await startApp({ users: [LOCAL_ADMIN] })
    const { app, callback, setCookie } = await ssoSignIn(a, 'carol')
    expect(signInError(callback)).toBe(
      'Your account has no role in Conversation Viewer: ask an admin for one',
    )
    expect(sessionCookie(setCookie)).toBeUndefined()
    expect(app.cookies.has('cv_session')).toBe(false)
    expect((await app.request('/api/session')).status).toBe(200)
    expect(pick(await (await app.request('/api/session')).json(), 'user')).toBeUndefined()
    expect((await app.request('/api/users')).status).toBe(401)
    expect(a.workspace?.users.byEmail('carol@example.com')).toBeUndefined()

    const admin = await signedInAdmin(a)
    const failed = await auditOf(admin, 'sign-in-failed')
    expect(failed).toEqual([
      expect.objectContaining({
        actor: null,
        target: 'carol@example.com',
        detail: { method: 'sso' },
      }),
    ])
    expect((await auditOf(admin, 'sign-in')).map((e) => e.target)).toEqual([LOCAL_ADMIN.email])
  })

  it('refuses a callback whose state is altered, or whose flow cookie is missing or forged', async () => {
    const { api: a } = await startApp()
    const app = sessionClient(a.url)
    const authorization = await startSso(app, '/conversations')
    const { redirect } = await provider.authorize(authorization.href, 'alice')
    const flowCookie = app.cookies.get('cv_sso') ?? ''
    expect(flowCookie).not.toBe('')

    // Another browser (no cv_sso cookie) replaying the provider's answer.
    const stranger = sessionClient(a.url)
    expect(signInError(await stranger.request(pathOf(redirect)))).toMatch(/not started here/)
    expect(sessionCookie(stranger.lastSetCookie)).toBeUndefined()

    // A flow cookie made up by the stranger (unsigned), with the provider's state in it.
    stranger.cookies.set(
      'cv_sso',
      encodeURIComponent(
        JSON.stringify({
          state: redirect.searchParams.get('state'),
          nonce: 'n'.repeat(43),
          verifier: 'v'.repeat(43),
          next: '/conversations',
        }),
      ),
    )
    expect(signInError(await stranger.request(pathOf(redirect)))).toMatch(/not started here/)
    expect(sessionCookie(stranger.lastSetCookie)).toBeUndefined()

    // The right browser, the state altered.
    const altered = new URL(redirect)
    altered.searchParams.set('state', `${redirect.searchParams.get('state') ?? ''}x`)
    expect(signInError(await app.request(pathOf(altered)))).toMatch(/could not be completed/)
    expect(sessionCookie(app.lastSetCookie)).toBeUndefined()
    // The state is gone too.
    const noState = new URL(redirect)
    noState.searchParams.delete('state')
    app.cookies.set('cv_sso', flowCookie)
    expect(signInError(await app.request(pathOf(noState)))).toMatch(/could not be completed/)
    expect(sessionCookie(app.lastSetCookie)).toBeUndefined()
    // A refused callback spends the flow: the untouched answer no longer works either.
    expect(app.cookies.has('cv_sso')).toBe(false)
    expect(signInError(await app.request(pathOf(redirect)))).toMatch(/not started here/)
    expect(app.cookies.has('cv_session')).toBe(false)
    expect(a.workspace?.users.byEmail('alice@example.com')).toBeUndefined()
  })

  it('a next that points elsewhere lands on /conversations', async () => {
    const { api: a } = await startApp()
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const { callback } = await ssoSignIn(a, 'alice', next)
      expect(callback.status, next).toBe(302)
      expect(callback.headers.get('location'), next).toBe('/conversations')
    }
  })

  it('a next with characters a header cannot carry arrives percent-encoded, not as a 500', async () => {
    const { api: a } = await startApp()
    const { app, callback } = await ssoSignIn(
      a,
      'alice',
      '/conversations/caf\u00e9?find=\u2713 x%20y',
    )
    expect(callback.status).toBe(302)
    expect(callback.headers.get('location')).toBe('/conversations/caf%C3%A9?find=%E2%9C%93%20x%20y')
    expect(pick(await (await app.request('/api/session')).json(), 'user', 'email')).toBe(
      'alice@example.com',
    )
  })

  it('a provider that answers with an error (consent refused) signs nobody in', async () => {
    const { api: a } = await startApp()
    const app = sessionClient(a.url)
    const authorization = await startSso(app)
    const { redirect } = await provider.authorize(authorization.href, 'alice', { consent: false })
    expect(redirect.searchParams.get('error')).toBe('access_denied')
    expect(signInError(await app.request(pathOf(redirect)))).toBe(
      'The identity provider did not sign you in',
    )
    expect(app.cookies.has('cv_session')).toBe(false)
  })

  it('refuses dave, whose unverified email has a password account, and leaves that account alone', async () => {
    const { api: a } = await startApp({ users: [LOCAL_DAVE] })
    const before = a.workspace?.users.byEmail(LOCAL_DAVE.email)
    expect(before?.source).toBe('local')
    const { app, callback, setCookie } = await ssoSignIn(a, 'dave')
    expect(signInError(callback)).toBe(
      'This email has a password account; the provider did not verify it',
    )
    expect(sessionCookie(setCookie)).toBeUndefined()
    expect(app.cookies.has('cv_session')).toBe(false)
    expect(a.workspace?.users.byEmail(LOCAL_DAVE.email)).toEqual(before)
    const row = a.workspace?.db
      .prepare('SELECT sso_issuer, sso_subject FROM users WHERE email = ?')
      .get(LOCAL_DAVE.email)
    expect(row).toEqual({ sso_issuer: null, sso_subject: null })
    expect(a.workspace?.users.count()).toBe(1)

    // Dave's password still signs him in, with the role he had.
    const local = sessionClient(a.url)
    const res = await local.signIn(LOCAL_DAVE.email, LOCAL_DAVE.password)
    expect(res.status).toBe(200)
    expect(pick(await res.json(), 'user')).toMatchObject({ role: 'reviewer', source: 'local' })
  })

  it('a password account linked by a verified email signs in by SSO only from then on', async () => {
    const localErin = { ...LOCAL_DAVE, email: 'erin@example.com', password: 'erin local password' }
    const { api: a } = await startApp({ users: [localErin] })
    const { callback } = await ssoSignIn(a, 'erin')
    expect(callback.headers.get('location')).toBe('/conversations')
    expect(a.workspace?.users.byEmail('erin@example.com')).toMatchObject({
      source: 'sso',
      role: 'admin',
    })
    // Disabled at the provider, erin must not get in with the old password instead.
    const local = sessionClient(a.url)
    expect((await local.signIn(localErin.email, localErin.password)).status).toBe(401)
  })

  it("refuses mallory, whose unverified email is erin's: erin's SSO account stays erin's", async () => {
    const { api: a } = await startApp()
    const erin = await ssoSignIn(a, 'erin')
    expect(erin.callback.headers.get('location')).toBe('/conversations')
    const before = a.workspace?.users.byEmail('erin@example.com')
    expect(before).toMatchObject({ role: 'admin', source: 'sso' })

    const mallory = await ssoSignIn(a, 'mallory')
    expect(signInError(mallory.callback)).toBe(
      'This email belongs to another account; the provider did not verify it',
    )
    expect(mallory.app.cookies.has('cv_session')).toBe(false)
    expect(a.workspace?.users.byEmail('erin@example.com')).toEqual(before)
    const row = a.workspace?.db
      .prepare('SELECT sso_subject FROM users WHERE email = ?')
      .get('erin@example.com')
    expect(row).toEqual({ sso_subject: 'erin' })
    expect((await erin.app.request('/api/users')).status).toBe(200)
  })

  it('an unverified email with no other account signs in, and again (the account is its own)', async () => {
    const { api: a } = await startApp()
    for (let time = 1; time <= 2; time++) {
      const { app, callback } = await ssoSignIn(a, 'dave')
      expect(callback.headers.get('location'), `time ${String(time)}`).toBe('/conversations')
      expect(pick(await (await app.request('/api/session')).json(), 'user')).toMatchObject({
        email: 'dave@example.com',
        role: 'admin',
        source: 'sso',
      })
    }
    expect(a.workspace?.users.count()).toBe(1)
  })
})
