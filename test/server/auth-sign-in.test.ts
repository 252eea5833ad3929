/**
 * Sign-in (issue 12): modes, every route behind a session, cookie flags, sign-out, sessions that
 * end when their user is disabled or changes password, idle timeout, brute-force throttling,
 * cross-origin refusal, and the users API. Real HTTP on 127.0.0.1, a real workspace file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { NewUser } from '@/domain/schema/auth'
import { ACCOUNT, pick, startTestApi, type TestApi } from './api-harness'
import { FIXTURE_RECORDS, WIDE } from './fixtures'
import { sessionClient } from './session-client'

const ADMIN: NewUser = {
  email: 'ada@example.com',
  name: 'Ada Admin',
  role: 'admin',
  password: 'correct horse battery',
  agentGroups: [],
  skills: [],
}
const AGENT: NewUser = {
  email: 'alan@example.com',
  name: 'Alan Agent',
  role: 'agent',
  agentId: '4100000110',
  password: 'another long password',
  agentGroups: [],
  skills: [],
}
const BASE = `/messaging_history/api/account/${ACCOUNT}/conversations`
const WINDOW = { start: WIDE }

let api: TestApi | undefined
afterEach(async () => {
  await api?.stop()
  api = undefined
})

const signedIn = async (a: TestApi, user: NewUser) => {
  const client = sessionClient(a.url)
  const res = await client.signIn(user.email, user.password)
  expect(res.status).toBe(200)
  return client
}

describe('modes', () => {
  it('with no account and no SSO, the server works as before and says local mode', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS, workspace: {} })
    const info = await api.get('/api/session')
    expect(info.json).toEqual({ mode: 'local', sso: false })
    expect((await api.search(WINDOW)).status).toBe(200)
  })

  it('once an account exists, every API route but sign-in and health needs a session', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS, workspace: { users: [ADMIN] } })
    const open = new Set([
      'GET /api/health',
      'HEAD /api/health',
      'GET /api/session',
      'HEAD /api/session',
      'POST /api/session',
      'DELETE /api/session',
    ])
    const client = sessionClient(api.url)
    const checked: string[] = []
    for (const route of api.app.routeList) {
      const key = `${route.method} ${route.url}`
      if (open.has(key) || route.method === 'OPTIONS') continue
      const path = route.url.replace(':accountId', ACCOUNT).replace(':id', '1').replace('*', 'x')
      const res = await client.request(path, {
        method: route.method,
        ...(['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) ? { json: {} } : {}),
      })
      expect(res.status, key).toBe(401)
      if (route.method !== 'HEAD') {
        expect(await res.json(), key).toEqual({
          error: { status: 401, message: 'Sign in to continue' },
        })
      }
      checked.push(key)
    }
    // The routes that hold data are among those checked.
    const routeBase = '/messaging_history/api/account/:accountId/conversations'
    for (const key of [
      `POST ${routeBase}/search`,
      `POST ${routeBase}/conversation/search`,
      `POST ${routeBase}/consumer/search`,
      'GET /api/facets',
      'GET /api/config',
      'POST /api/import',
      'GET /api/users',
      'GET /api/audit',
      'GET /api/audit.csv',
      'GET /api/image',
    ]) {
      expect(checked, key).toContain(key)
    }
    expect((await api.get('/api/health')).json).toEqual({ ok: true })
    expect((await api.get('/api/session')).json).toEqual({ mode: 'sign-in', sso: false })
  })

  it('pages send to the sign-in page with the asked URL, and files of the app stay public', async () => {
    api = await startTestApi({ workspace: { users: [ADMIN] } })
    const res = await fetch(`${api.url}/conversations/abc?msg=m-3&find=refund`, {
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/conversations/abc?msg=m-3&find=refund')}`,
    )
  })
})

describe('signing in and out', () => {
  it('signs in with the right password; a wrong password and an unknown email get the same answer', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS, workspace: { users: [ADMIN] } })
    const client = sessionClient(api.url)
    const wrong = await client.signIn(ADMIN.email, 'not the password')
    const unknown = await client.signIn('nobody@example.com', 'not the password')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const a: unknown = await wrong.json()
    const b: unknown = await unknown.json()
    expect(a).toEqual({ error: { status: 401, message: 'Email or password is wrong' } })
    expect(b).toEqual(a)
    expect(client.cookies.size).toBe(0)

    const ok = await client.signIn('ADA@example.com ', ADMIN.password)
    expect(ok.status).toBe(200)
    expect(pick(await ok.json(), 'user', 'email')).toBe(ADMIN.email)
    const search = await client.request(`${BASE}/search`, { json: WINDOW })
    expect(search.status).toBe(200)
  })

  it('the session cookie is httpOnly, SameSite=Lax, and Secure behind an https proxy only when trusted', async () => {
    api = await startTestApi({ workspace: { users: [ADMIN] }, trustProxy: true })
    const plain = sessionClient(api.url)
    await plain.signIn(ADMIN.email, ADMIN.password)
    const cookie = plain.lastSetCookie.find((line) => line.startsWith('cv_session='))
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; SameSite=Lax/i)
    expect(cookie).toMatch(/; Path=\//i)
    expect(cookie).not.toMatch(/; Secure/i)

    const viaProxy = sessionClient(api.url)
    await viaProxy.request('/api/session', {
      json: { email: ADMIN.email, password: ADMIN.password },
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(viaProxy.lastSetCookie.find((l) => l.startsWith('cv_session='))).toMatch(/; Secure/i)
  })

  it('an untrusted X-Forwarded-Proto does not make the cookie Secure-only (nor anything else)', async () => {
    api = await startTestApi({ workspace: { users: [ADMIN] } })
    const client = sessionClient(api.url)
    await client.request('/api/session', {
      json: { email: ADMIN.email, password: ADMIN.password },
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(client.lastSetCookie.find((l) => l.startsWith('cv_session='))).not.toMatch(/; Secure/i)
  })

  it('signing in gives a new session ID (no fixation); signing out ends it on the server', async () => {
    api = await startTestApi({ workspace: { users: [ADMIN] } })
    const client = await signedIn(api, ADMIN)
    const first = client.cookies.get('cv_session')
    await client.signIn(ADMIN.email, ADMIN.password)
    expect(client.cookies.get('cv_session')).not.toBe(first)

    const stolen = new Map(client.cookies)
    expect((await client.request('/api/users')).status).toBe(200)
    expect((await client.request('/api/session', { method: 'DELETE' })).status).toBe(204)
    expect(client.cookies.has('cv_session')).toBe(false)
    // The old cookie, replayed, no longer opens anything.
    const replay = sessionClient(api.url)
    for (const [k, v] of stolen) replay.cookies.set(k, v)
    expect((await replay.request('/api/users')).status).toBe(401)
  })

  it("a disabled user's open session stops working at its next request; so does a password change", async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS, workspace: { users: [ADMIN, AGENT] } })
    const admin = await signedIn(api, ADMIN)
    const agent = await signedIn(api, AGENT)
    const agentId = api.workspace?.users.byEmail(AGENT.email)?.id
    expect((await agent.request(`${BASE}/search`, { json: WINDOW })).status).toBe(200)

    const disable = await admin.request(`/api/users/${String(agentId)}`, {
      method: 'PATCH',
      json: { disabled: true },
    })
    expect(disable.status).toBe(200)
    expect((await agent.request(`${BASE}/search`, { json: WINDOW })).status).toBe(401)
    expect((await agent.signIn(AGENT.email, AGENT.password)).status).toBe(401)

    await admin.request(`/api/users/${String(agentId)}`, {
      method: 'PATCH',
      json: { disabled: false },
    })
    const again = await signedIn(api, AGENT)
    const reset = await admin.request(`/api/users/${String(agentId)}/password`, {
      json: { password: 'a brand new password' },
    })
    expect(reset.status).toBe(204)
    expect((await again.request(`${BASE}/search`, { json: WINDOW })).status).toBe(401)
    expect((await again.signIn(AGENT.email, 'a brand new password')).status).toBe(200)
  })

  it('a session unused for longer than the idle timeout ends; so does one past its lifetime', async () => {
    let clock = 1_800_000_000_000
    api = await startTestApi({
      workspace: {
        users: [ADMIN],
        now: () => clock,
        sessionTimes: { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 },
      },
    })
    const client = await signedIn(api, ADMIN)
    // Used every 20 minutes, it lives until its absolute lifetime.
    for (let used = 20; used < 8 * 60; used += 20) {
      clock += 20 * 60_000
      expect((await client.request('/api/users')).status, `after ${String(used)} min`).toBe(200)
    }
    clock += 20 * 60_000
    expect((await client.request('/api/users')).status).toBe(401)

    const idle = await signedIn(api, ADMIN)
    clock += 31 * 60_000
    expect((await idle.request('/api/users')).status).toBe(401)
    const ended = api.workspace?.audit.query({ action: 'session-expired', offset: 0, limit: 10 })
    expect(ended?.entries.map((e) => [e.actor, e.detail])).toEqual([
      [ADMIN.email, { reason: 'idle' }],
      [ADMIN.email, { reason: 'lifetime' }],
    ])
  })
})

describe('brute force', () => {
  it('after a few failures an account waits, longer each time, even with the right password', async () => {
    api = await startTestApi({
      workspace: {
        users: [ADMIN],
        throttle: { windowMs: 60_000, freePerAccount: 3, freePerAddress: 100, maxDelayMs: 60_000 },
      },
    })
    const client = sessionClient(api.url)
    for (let i = 0; i < 3; i++) expect((await client.signIn(ADMIN.email, 'wrong')).status).toBe(401)
    const blocked = await client.signIn(ADMIN.email, ADMIN.password)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(pick(await blocked.json(), 'error', 'message')).toMatch(
      /^Too many sign-in attempts: try again in \d+ s$/,
    )
    // The same for an email that has no account: the throttle does not tell which exist.
    for (let i = 0; i < 3; i++) await client.signIn('ghost@example.com', 'wrong')
    expect((await client.signIn('ghost@example.com', 'wrong')).status).toBe(429)
  })

  it('one address trying many accounts is slowed down too', async () => {
    api = await startTestApi({
      workspace: {
        users: [ADMIN],
        throttle: { windowMs: 60_000, freePerAccount: 100, freePerAddress: 5, maxDelayMs: 60_000 },
      },
    })
    const client = sessionClient(api.url)
    for (let i = 0; i < 5; i++) await client.signIn(`user${String(i)}@example.com`, 'guess')
    expect((await client.signIn(ADMIN.email, ADMIN.password)).status).toBe(429)
  })
})

describe('cross-origin requests', () => {
  it('refuses a state-changing request from another origin, with or without a session', async () => {
    api = await startTestApi({ workspace: { users: [ADMIN] } })
    const client = await signedIn(api, ADMIN)
    const evil = await client.request('/api/users', {
      json: { ...AGENT },
      headers: { origin: 'http://evil.example' },
    })
    expect(evil.status).toBe(403)
    const noOrigin = await client.request('/api/users', {
      json: { ...AGENT },
      headers: { origin: '', 'sec-fetch-site': 'cross-site' },
    })
    expect(noOrigin.status).toBe(403)
    const signIn = await fetch(`${api.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    })
    expect(signIn.status).toBe(403)
    expect(api.workspace?.users.byEmail(AGENT.email)).toBeUndefined()
  })
})

describe('the users API', () => {
  it('admins add, change and list users; others get 403; bad input names the field', async () => {
    api = await startTestApi({ workspace: { users: [ADMIN, AGENT] } })
    const admin = await signedIn(api, ADMIN)
    const added = await admin.request('/api/users', {
      json: {
        email: 'Sue@Example.com',
        role: 'supervisor',
        agentGroups: ['3592202210'],
        password: 'supervisor password',
      },
    })
    expect(added.status).toBe(201)
    expect(pick(await added.json(), 'user', 'email')).toBe('sue@example.com')

    const duplicate = await admin.request('/api/users', {
      json: { email: 'sue@example.com', role: 'reviewer', password: 'reviewer password' },
    })
    expect(duplicate.status).toBe(409)
    expect(pick(await duplicate.json(), 'error', 'field')).toBe('email')

    const noScope = await admin.request('/api/users', {
      json: { email: 'sam@example.com', role: 'supervisor', password: 'supervisor password' },
    })
    expect(noScope.status).toBe(400)
    expect(pick(await noScope.json(), 'error', 'field')).toBe('agentGroups')

    const short = await admin.request('/api/users', {
      json: { email: 'sam@example.com', role: 'reviewer', password: 'short' },
    })
    expect(short.status).toBe(400)
    expect(await short.json()).toEqual({
      error: { status: 400, message: 'password: at least 10 characters', field: 'password' },
    })

    const list = await admin.request('/api/users')
    const users = pick(await list.json(), 'users')
    expect(Array.isArray(users) && users.map((u: unknown) => pick(u, 'email'))).toEqual([
      'ada@example.com',
      'alan@example.com',
      'sue@example.com',
    ])
    expect(JSON.stringify(users)).not.toMatch(/argon2|password/i)

    const agent = await signedIn(api, AGENT)
    expect((await agent.request('/api/users')).status).toBe(403)
    expect((await agent.request('/api/audit')).status).toBe(403)

    const selfLockout = await admin.request(
      `/api/users/${String(api.workspace?.users.byEmail(ADMIN.email)?.id)}`,
      { method: 'PATCH', json: { disabled: true } },
    )
    expect(selfLockout.status).toBe(400)
  })

  it('passwords are stored as argon2id hashes, never as given', async () => {
    api = await startTestApi({ workspace: { users: [ADMIN] } })
    const row = api.workspace?.db
      .prepare('SELECT password_hash FROM users WHERE email = ?')
      .pluck()
      .get(ADMIN.email)
    expect(row).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(String(row)).not.toContain(ADMIN.password)
  })
})
