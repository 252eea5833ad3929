import { createServer } from 'node:http'
import { format } from 'node:util'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createUpstream,
  type ProxyConfig,
  type UpstreamAuth,
  type UpstreamResponse,
} from '@/server/upstream/proxy'
import {
  FAKE_MSGHIST_HOST,
  startFakeUpstream,
  type FakeUpstream,
  type FakeUpstreamOptions,
} from './fake-upstream'

const ACCOUNT = '12345678'
const SEARCH = `/messaging_history/api/account/${ACCOUNT}/conversations/search`

const BEARER = 'bearer-tok-Qz81x7Lm'
const OAUTH = {
  appKey: 'appkey-Hd72kQ',
  appSecret: 'appsecret-Wn40pZ',
  accessToken: 'accesstoken-Jr19cV',
  accessTokenSecret: 'tokensecret-Xb63fT',
}
const SECRETS = [
  BEARER,
  OAUTH.appKey,
  OAUTH.appSecret,
  OAUTH.accessToken,
  OAUTH.accessTokenSecret,
  `${OAUTH.appSecret}&${OAUTH.accessTokenSecret}`,
]

const bearerAuth: UpstreamAuth = { kind: 'bearer', token: BEARER }
const oauthAuth: UpstreamAuth = { kind: 'oauth1', ...OAUTH }

const fakes: FakeUpstream[] = []
let logged: string[] = []
let seen: unknown[] = []

async function fake(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const f = await startFakeUpstream({
    accountId: ACCOUNT,
    bearerToken: BEARER,
    oauth1: OAUTH,
    ...options,
  })
  fakes.push(f)
  return f
}

/** msgHist at the fake as the operator sets it (LP_MSGHIST_DOMAIN): no Domain API lookup. */
function configFor(f: FakeUpstream, overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return { ...lookupConfigFor(f), msgHistDomain: f.baseUrl, ...overrides }
}

/**
 * The msgHist host from the fake's Domain API (LP_DOMAIN_API_BASE): a liveperson.net host, which
 * `f.fetch` sends to the fake.
 */
function lookupConfigFor(f: FakeUpstream, overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    accountId: ACCOUNT,
    auth: bearerAuth,
    domainApiBase: f.baseUrl,
    source: 'ConvViewer',
    timeoutMs: 3000,
    ...overrides,
  }
}

/** Calls forward and keeps the answer for the secret scan in afterEach. */
async function forward(
  upstream: ReturnType<typeof createUpstream>,
  req: { path?: string; query?: string; body?: unknown } = {},
): Promise<UpstreamResponse> {
  const res = await upstream.forward({
    path: req.path ?? SEARCH,
    query: new URLSearchParams(req.query ?? 'offset=0&limit=50'),
    body: req.body ?? { start: { from: 1700000000000, to: 1702000000000 } },
  })
  seen.push(res, upstream.describe())
  return res
}

function errorMessage(res: UpstreamResponse): string {
  const body = res.body
  if (typeof body !== 'object' || body === null || !('error' in body)) return ''
  const error = body.error
  if (typeof error !== 'object' || error === null || !('message' in error)) return ''
  return typeof error.message === 'string' ? error.message : ''
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

beforeEach(() => {
  logged = []
  seen = []
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(format(...args))
    })
  }
})

afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(fakes.splice(0).map((f) => f.close()))
  // No answer, description or log line of any test may carry a credential or the signing key.
  const text = JSON.stringify(seen) + '\n' + logged.join('\n')
  for (const secret of SECRETS) expect(text).not.toContain(secret)
  expect(text).not.toMatch(/Bearer |oauth_signature/)
})

describe('msgHist host lookup', () => {
  it('asks the Domain API once and reuses the answer', async () => {
    const f = await fake()
    const upstream = createUpstream(lookupConfigFor(f), f.fetch)
    expect(upstream.describe()).toEqual({ accountId: ACCOUNT, mode: 'proxy', authKind: 'bearer' })

    expect((await forward(upstream)).status).toBe(200)
    expect((await forward(upstream)).status).toBe(200)
    expect(f.domainLookups()).toBe(1)
    expect(f.requests).toHaveLength(2)
    expect(upstream.describe()).toEqual({
      accountId: ACCOUNT,
      mode: 'proxy',
      authKind: 'bearer',
      host: FAKE_MSGHIST_HOST,
    })
  })

  it('shares one lookup between concurrent first requests', async () => {
    const f = await fake()
    const upstream = createUpstream(lookupConfigFor(f), f.fetch)
    const answers = await Promise.all([forward(upstream), forward(upstream), forward(upstream)])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(f.domainLookups()).toBe(1)
  })

  it('skips the Domain API when msgHistDomain is set', async () => {
    const f = await fake()
    const upstream = createUpstream(
      configFor(f, {
        msgHistDomain: f.baseUrl,
        domainApiBase: `http://127.0.0.1:${await closedPort()}`,
      }),
    )
    expect(upstream.describe().host).toBe(f.baseUrl)
    expect((await forward(upstream)).status).toBe(200)
    expect(f.domainLookups()).toBe(0)
  })

  it('retries a failed lookup once', async () => {
    const f = await fake({ failDomainLookups: 1 })
    const upstream = createUpstream(lookupConfigFor(f), f.fetch)
    expect((await forward(upstream)).status).toBe(200)
    expect(f.domainLookups()).toBe(2)
  })

  it('answers 502 with a clear message when the lookup fails twice, and tries again later', async () => {
    const f = await fake({ failDomainLookups: 2 })
    const upstream = createUpstream(lookupConfigFor(f), f.fetch)

    const res = await forward(upstream)
    expect(res.status).toBe(502)
    expect(res.body).toEqual({ error: { status: 502, message: errorMessage(res), upstream: true } })
    expect(errorMessage(res)).toContain(`host for account ${ACCOUNT}`)
    expect(errorMessage(res)).toContain('the Domain API answered 500 Internal Server Error')
    expect(errorMessage(res)).toContain('LP_MSGHIST_DOMAIN')
    expect(f.domainLookups()).toBe(2)
    expect(f.requests).toHaveLength(0)

    expect((await forward(upstream)).status).toBe(200)
    expect(f.domainLookups()).toBe(3)
  })

  it('answers 502 when the Domain API cannot be reached', async () => {
    const f = await fake()
    const upstream = createUpstream(
      lookupConfigFor(f, { domainApiBase: `http://127.0.0.1:${await closedPort()}` }),
    )
    const res = await forward(upstream)
    expect(res.status).toBe(502)
    expect(errorMessage(res)).toContain('the Domain API could not be reached (ECONNREFUSED)')
  })

  it('calls a bare msgHist host over HTTPS', async () => {
    const f = await fake({ msgHistBaseUri: 'va.msghist.liveperson.net' })
    const called: string[] = []
    // Only 127.0.0.1 is reachable here: the fake answers the Domain API, a stub the msgHist call.
    const fetchImpl: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (url.startsWith(f.baseUrl)) return fetch(input, init)
      called.push(url)
      return Promise.resolve(Response.json({ conversationHistoryRecords: [] }))
    }
    const upstream = createUpstream(lookupConfigFor(f), fetchImpl)
    const res = await forward(upstream, { query: 'offset=0' })
    expect(res).toEqual({ status: 200, headers: {}, body: { conversationHistoryRecords: [] } })
    expect(called).toEqual([
      `https://va.msghist.liveperson.net${SEARCH}?offset=0&source=ConvViewer`,
    ])
    expect(upstream.describe().host).toBe('va.msghist.liveperson.net')
  })
})

/** A server on 127.0.0.1 that records every request it gets: where stolen credentials would land. */
async function startAttacker(): Promise<{
  url: string
  received: Array<{ method: string; url: string; authorization: string }>
  close(): Promise<void>
}> {
  const received: Array<{ method: string; url: string; authorization: string }> = []
  const server = createServer((req, res) => {
    received.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization ?? '',
    })
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ conversationHistoryRecords: [] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('a hostile Domain API answer', () => {
  const hostile = [
    ['an http URL of another host', 'http://attacker.example'],
    ['an https URL of another host', 'https://attacker.example/messaging'],
    ['a bare host of another domain', 'attacker.example'],
    ['the attacker on 127.0.0.1', 'ATTACKER'],
    ['an IPv4 address', '127.0.0.1'],
    ['an IPv6 address', '[::1]'],
    ['a scheme before a liveperson.net host', 'http://va.msghist.liveperson.net'],
    ['https before a liveperson.net host', 'https://va.msghist.liveperson.net'],
    ['a path', 'va.msghist.liveperson.net/evil'],
    ['a port', 'va.msghist.liveperson.net:8080'],
    ['userinfo', 'user:pass@va.msghist.liveperson.net'],
    ['liveperson.net as a prefix of another domain', 'va.msghist.liveperson.net.evil.com'],
    ['a look-alike domain', 'evil-liveperson.net'],
    ['liveperson.net itself', 'liveperson.net'],
    ['a trailing dot', 'va.msghist.liveperson.net.'],
    ['white space inside', 'va.msghist .liveperson.net'],
    ['nothing', ''],
  ] as const

  it.each(hostile)(
    'refuses %s with a 502 naming the reason, and sends the credentials nowhere',
    async (_, answer) => {
      const attacker = await startAttacker()
      try {
        const baseURI = answer === 'ATTACKER' ? attacker.url : answer
        const f = await fake({ msgHistBaseUri: baseURI })
        // A network where every name leads to the attacker: only the Domain API is the real fake.
        const fetched: string[] = []
        const fetchImpl: typeof fetch = (input, init) => {
          const url = new URL(input instanceof Request ? input.url : input)
          fetched.push(url.href)
          if (url.origin === f.baseUrl) return fetch(input, init)
          return fetch(`${attacker.url}${url.pathname}${url.search}`, init)
        }
        for (const auth of [bearerAuth, oauthAuth]) {
          const upstream = createUpstream(lookupConfigFor(f, { auth }), fetchImpl)
          const res = await forward(upstream)
          expect(res.status).toBe(502)
          expect(res.body).toEqual({
            error: { status: 502, message: errorMessage(res), upstream: true },
          })
          expect(errorMessage(res)).toContain(
            `the msgHist baseURI in the Domain API answer (${JSON.stringify(baseURI)}) is not a host name under liveperson.net`,
          )
          expect(upstream.describe().host).toBeUndefined()
        }
        expect(attacker.received).toEqual([])
        expect(f.requests).toEqual([])
        // One lookup per upstream, no retry of a refused answer, and nothing else.
        expect(fetched.map((url) => new URL(url).pathname)).toEqual([
          `/api/account/${ACCOUNT}/service/msgHist/baseURI.json`,
          `/api/account/${ACCOUNT}/service/msgHist/baseURI.json`,
        ])
      } finally {
        await attacker.close()
      }
    },
  )

  it('accepts a liveperson.net host in any case, over HTTPS', async () => {
    const f = await fake({ msgHistBaseUri: ' VA.MsgHist.LivePerson.net ' })
    const upstream = createUpstream(lookupConfigFor(f), f.fetch)
    expect((await forward(upstream)).status).toBe(200)
    expect(f.requests).toHaveLength(1)
    expect(upstream.describe().host).toBe(FAKE_MSGHIST_HOST)
  })
})

describe('authentication', () => {
  it('sends the bearer token and JSON headers', async () => {
    const f = await fake()
    const upstream = createUpstream(configFor(f))
    expect((await forward(upstream)).status).toBe(200)
    const [req] = f.requests
    expect(req?.method).toBe('POST')
    expect(req?.auth).toEqual({ ok: true, kind: 'bearer' })
    expect(req?.headers['content-type']).toBe('application/json')
    expect(req?.headers.accept).toBe('application/json')
  })

  it('reports a rejected bearer token as LivePerson 401', async () => {
    const f = await fake({ bearerToken: 'another-token' })
    const upstream = createUpstream(configFor(f))
    const res = await forward(upstream)
    expect(res).toEqual({
      status: 401,
      headers: {},
      body: {
        error: {
          status: 401,
          message: 'LivePerson answered 401 Unauthorized: Authentication failed',
          upstream: true,
        },
      },
    })
  })

  it('signs with OAuth 1.0 so that LivePerson (the fake) accepts the signature', async () => {
    const f = await fake()
    const upstream = createUpstream(configFor(f, { auth: oauthAuth }))
    // Characters that must be encoded the same way by the signer and the server.
    const query = new URLSearchParams({
      offset: '0',
      limit: '100',
      sort: 'start:desc',
      v: '2',
      note: "a b+c/ü~*!'()",
    }).toString()
    expect((await forward(upstream, { query })).status).toBe(200)
    expect((await forward(upstream, { query })).status).toBe(200)

    expect(f.requests.map((r) => r.auth)).toEqual([
      { ok: true, kind: 'oauth1' },
      { ok: true, kind: 'oauth1' },
    ])
    expect(f.requests[0]?.query.get('note')).toBe("a b+c/ü~*!'()")
    const nonces = f.requests.map(
      (r) => /oauth_nonce="([^"]+)"/.exec(r.headers.authorization ?? '')?.[1],
    )
    expect(nonces[0]).toBeTruthy()
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('is refused by the fake when signed with the wrong secret', async () => {
    const f = await fake()
    const upstream = createUpstream(
      configFor(f, { auth: { ...oauthAuth, accessTokenSecret: 'not-the-secret' } }),
    )
    const res = await forward(upstream)
    expect(res.status).toBe(401)
    expect(f.requests[0]?.auth).toEqual({ ok: false, problem: 'signature mismatch' })
  })
})

describe('the forwarded request', () => {
  it('sets our source parameter and keeps the client query', async () => {
    const f = await fake()
    const upstream = createUpstream(configFor(f, { source: 'Acme_Viewer' }))
    await forward(upstream, {
      query: 'offset=50&limit=25&sort=start:asc&source=Evil&oauth_token=x',
    })
    const query = f.requests[0]?.query
    expect(query?.getAll('source')).toEqual(['Acme_Viewer'])
    expect(query?.get('offset')).toBe('50')
    expect(query?.get('limit')).toBe('25')
    expect(query?.get('sort')).toBe('start:asc')
    expect(query?.has('oauth_token')).toBe(false)
    expect(f.requests[0]?.path).toBe(SEARCH)
  })

  it('forwards the body unchanged and passes a 2xx answer through', async () => {
    const f = await fake()
    const answer = {
      _metadata: { count: 1 },
      conversationHistoryRecords: [{ info: { conversationId: 'c-1', startTimeL: 1 } }],
    }
    f.setReply(() => ({ status: 200, json: answer }))
    const upstream = createUpstream(configFor(f))
    const body = {
      start: { from: '1700000000000', to: 1702000000000 },
      keyword: '"exact phrase" ünïcødé',
      contentToRetrieve: ['messageRecords', 'sdes'],
      sdeSearch: { personalInfo: 'x' },
    }
    const res = await forward(upstream, { body })
    expect(JSON.parse(f.requests[0]?.body ?? '')).toEqual(body)
    expect(res).toEqual({ status: 200, headers: {}, body: answer })
  })

  it('passes a 204 through with no body', async () => {
    const f = await fake()
    f.setReply(() => ({ status: 204 }))
    const res = await forward(createUpstream(configFor(f)))
    expect(res).toEqual({ status: 204, headers: {}, body: null })
  })

  it('refuses paths of another account or outside Messaging History without calling LivePerson', async () => {
    const f = await fake()
    const upstream = createUpstream(configFor(f))
    const other = await forward(upstream, {
      path: '/messaging_history/api/account/999/conversations/search',
    })
    expect(other.status).toBe(400)
    expect(errorMessage(other)).toBe(`This server reads LivePerson account ${ACCOUNT} only.`)
    const escape = await forward(upstream, { path: `${SEARCH}/../../../../admin` })
    expect(escape.status).toBe(400)
    expect(f.requests).toHaveLength(0)
  })
})

describe('LivePerson errors', () => {
  it('keeps a 404 and its message', async () => {
    const f = await fake()
    f.setReply(() => ({ status: 404, json: { message: 'Account not found' } }))
    const res = await forward(createUpstream(configFor(f)))
    expect(res.status).toBe(404)
    expect(res.body).toEqual({
      error: {
        status: 404,
        message: 'LivePerson answered 404 Not Found: Account not found',
        upstream: true,
      },
    })
  })

  it('keeps a 429 with its Retry-After, without retrying', async () => {
    const f = await fake()
    f.setReply(() => ({
      status: 429,
      headers: { 'retry-after': '7' },
      json: { message: 'slow down' },
    }))
    const res = await forward(createUpstream(configFor(f)))
    expect(res.status).toBe(429)
    expect(res.headers).toEqual({ 'retry-after': '7' })
    expect(errorMessage(res)).toBe('LivePerson answered 429 Too Many Requests: slow down')
    expect(f.requests).toHaveLength(1)
  })

  it('adds Retry-After: 1 to a 429 that has none', async () => {
    const f = await fake()
    f.setReply(() => ({ status: 429 }))
    const res = await forward(createUpstream(configFor(f)))
    expect(res.status).toBe(429)
    expect(res.headers).toEqual({ 'retry-after': '1' })
    expect(errorMessage(res)).toBe('LivePerson answered 429 Too Many Requests')
  })

  it('keeps a 500 with its internal code, without retrying', async () => {
    const f = await fake()
    f.setReply(() => ({
      status: 500,
      json: { message: 'Elastic search exception', internalCode: '0007' },
    }))
    const res = await forward(createUpstream(configFor(f)))
    expect(res.status).toBe(500)
    expect(errorMessage(res)).toBe(
      'LivePerson answered 500 Internal Server Error: Elastic search exception (internal code 0007)',
    )
    expect(f.requests).toHaveLength(1)
  })

  it('handles non-JSON bodies: HTML pages are dropped, plain text is kept', async () => {
    const f = await fake()
    const upstream = createUpstream(configFor(f))

    f.setReply(() => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      text: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
    }))
    const html = await forward(upstream)
    expect(html.status).toBe(502)
    expect(errorMessage(html)).toBe('LivePerson answered 502 Bad Gateway')

    f.setReply(() => ({ status: 400, text: 'start is required' }))
    const text = await forward(upstream)
    expect(text.status).toBe(400)
    expect(errorMessage(text)).toBe('LivePerson answered 400 Bad Request: start is required')

    f.setReply(() => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      text: '<html>login</html>',
    }))
    const notJson = await forward(upstream)
    expect(notJson.status).toBe(502)
    expect(errorMessage(notJson)).toBe('LivePerson answered 200 OK with a body that is not JSON.')
  })

  it('does not follow a redirect', async () => {
    const f = await fake()
    f.setReply((req) =>
      req.path === SEARCH
        ? { status: 302, headers: { location: `${SEARCH}/elsewhere` } }
        : undefined,
    )
    const res = await forward(createUpstream(configFor(f)))
    expect(res.status).toBe(502)
    expect(f.requests).toHaveLength(1)
  })

  it('answers 504 when LivePerson does not answer in time', async () => {
    const f = await fake()
    f.setReply(() => ({ status: 200, json: {}, delayMs: 5000 }))
    const upstream = createUpstream(configFor(f, { timeoutMs: 300 }))
    const started = Date.now()
    const res = await forward(upstream)
    expect(Date.now() - started).toBeLessThan(2500)
    expect(res.status).toBe(504)
    expect(errorMessage(res)).toBe(`LivePerson (${f.baseUrl}) did not answer within 300 ms.`)
  })

  it('answers 502 when LivePerson cannot be reached', async () => {
    const f = await fake()
    const port = await closedPort()
    const upstream = createUpstream(configFor(f, { msgHistDomain: `http://127.0.0.1:${port}` }))
    const res = await forward(upstream)
    expect(res.status).toBe(502)
    expect(errorMessage(res)).toBe(
      `Could not reach LivePerson (http://127.0.0.1:${port}): ECONNREFUSED.`,
    )
  })
})

describe('secrets', () => {
  it.each([
    ['bearer', bearerAuth],
    ['oauth1', oauthAuth],
  ])('stay out of answers and logs even when LivePerson echoes them (%s)', async (_, auth) => {
    const f = await fake()
    const upstream = createUpstream(configFor(f, { auth }))
    const known = auth.kind === 'bearer' ? [auth.token] : [auth.appSecret, auth.accessTokenSecret]
    f.setReply((req) => ({
      status: 401,
      json: { message: `Rejected ${req.headers.authorization ?? ''} for ${known.join(' ')}` },
    }))
    const res = await forward(upstream)
    expect(res.status).toBe(401)
    expect(errorMessage(res)).toMatch(/^LivePerson answered 401 Unauthorized: Rejected /)
    expect(errorMessage(res)).toContain('[redacted]')
    expect(logged.join('\n')).toContain('LivePerson answered 401 Unauthorized')

    // And the other failure paths, for good measure; afterEach scans all of it.
    f.setReply(() => ({ status: 500, text: `oops ${known.join(' ')}` }))
    expect((await forward(upstream)).status).toBe(500)
    f.setReply(() => ({ status: 200, json: {}, delayMs: 2000 }))
    const slow = createUpstream(configFor(f, { auth, timeoutMs: 100, msgHistDomain: f.baseUrl }))
    expect((await forward(slow)).status).toBe(504)
  })
})
