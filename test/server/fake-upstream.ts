/**
 * A fake LivePerson for tests: the Domain API and the Messaging History endpoints on one
 * node:http server on 127.0.0.1. It records every request, checks Bearer tokens, and verifies
 * OAuth 1.0 signatures the way LivePerson would: it recomputes HMAC-SHA1 from the request it
 * received and the known secrets (its own small implementation, not the proxy's).
 *
 * Its Domain API names a liveperson.net host, as the real one does (the proxy refuses any other
 * answer); `fetch` stands in for DNS and sends that host's requests to the fake.
 */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'

export interface FakeOAuth1Secrets {
  appKey: string
  appSecret: string
  accessToken: string
  accessTokenSecret: string
}

export interface FakeUpstreamOptions {
  /** Default `12345678`. */
  accountId?: string
  /** Accept `Authorization: Bearer <token>`. */
  bearerToken?: string
  /** Accept OAuth 1.0 requests signed with these. */
  oauth1?: FakeOAuth1Secrets
  /** The msgHist `baseURI` the Domain API answers; default `FAKE_MSGHIST_HOST`. */
  msgHistBaseUri?: string
  /** Answer the first N Domain API lookups with a 500. */
  failDomainLookups?: number
  /** Records returned by the default reply to every msgHist POST. */
  records?: unknown[]
}

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
  /** How the request authenticated, or why it did not. */
  auth: { ok: true; kind: 'bearer' | 'oauth1' } | { ok: false; problem: string }
}

export interface FakeReply {
  status: number
  headers?: Record<string, string>
  /** Sent as JSON. */
  json?: unknown
  /** Sent as is (with `text/plain` unless headers say otherwise). */
  text?: string
  /** Wait this long before answering. */
  delayMs?: number
}

export type FakeReplier = (req: RecordedRequest) => FakeReply | undefined

export interface FakeUpstream {
  /** `http://127.0.0.1:port`: the Domain API base, and the msgHist base set as LP_MSGHIST_DOMAIN. */
  baseUrl: string
  /**
   * A fetch for the proxy under test that plays DNS: `https://FAKE_MSGHIST_HOST/…` goes to this
   * fake (over http), every other URL is fetched as it is. OAuth signatures name the
   * liveperson.net URL, which the fake does not see: sign only with `baseUrl` as the msgHist base.
   */
  fetch: typeof fetch
  accountId: string
  /** Messaging History requests, oldest first. */
  requests: RecordedRequest[]
  /** Number of Domain API lookups received. */
  domainLookups(): number
  /** Replace the reply to msgHist POSTs; return undefined to fall back to the default. */
  setReply(replier: FakeReplier | undefined): void
  close(): Promise<void>
}

/** The msgHist host the fake's Domain API names by default, reached through `FakeUpstream.fetch`. */
export const FAKE_MSGHIST_HOST = 'va.msghist.liveperson.net'

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function parseOAuthHeader(header: string): Map<string, string> | undefined {
  if (!header.startsWith('OAuth ')) return undefined
  const fields = new Map<string, string>()
  for (const match of header.slice(6).matchAll(/([A-Za-z0-9_]+)="([^"]*)"/g)) {
    const [, name, value] = match
    if (name !== undefined && value !== undefined) fields.set(name, decodeURIComponent(value))
  }
  return fields
}

function verifyOAuth1(
  secrets: FakeOAuth1Secrets,
  header: string,
  method: string,
  host: string,
  path: string,
  query: URLSearchParams,
  seenNonces: Set<string>,
): string | undefined {
  const fields = parseOAuthHeader(header)
  if (!fields) return 'not an OAuth header'
  if (fields.get('oauth_signature_method') !== 'HMAC-SHA1') return 'signature method'
  if (fields.has('oauth_version') && fields.get('oauth_version') !== '1.0') return 'version'
  if (fields.get('oauth_consumer_key') !== secrets.appKey) return 'unknown consumer key'
  if (fields.get('oauth_token') !== secrets.accessToken) return 'unknown token'
  const timestamp = Number(fields.get('oauth_timestamp'))
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) {
    return 'stale timestamp'
  }
  const nonce = fields.get('oauth_nonce')
  if (!nonce) return 'no nonce'
  if (seenNonces.has(nonce)) return 'nonce reused'
  const signature = fields.get('oauth_signature')
  if (!signature) return 'no signature'

  const params: string[][] = [...query]
  for (const [name, value] of fields) {
    if (name !== 'oauth_signature' && name !== 'realm') params.push([name, value])
  }
  const normalized = params
    .map(([n = '', v = '']) => [rfc3986(n), rfc3986(v)] as const)
    .sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)))
    .map(([n, v]) => `${n}=${v}`)
    .join('&')
  const base = `${method}&${rfc3986(`http://${host.toLowerCase()}${path}`)}&${rfc3986(normalized)}`
  const key = `${rfc3986(secrets.appSecret)}&${rfc3986(secrets.accessTokenSecret)}`
  const expected = createHmac('sha1', key).update(base).digest('base64')
  if (expected !== signature) return 'signature mismatch'
  seenNonces.add(nonce)
  return undefined
}

function send(res: ServerResponse, reply: FakeReply): void {
  const headers: Record<string, string> = { ...reply.headers }
  let payload = ''
  if (reply.json !== undefined) {
    headers['content-type'] ??= 'application/json'
    payload = JSON.stringify(reply.json)
  } else if (reply.text !== undefined) {
    headers['content-type'] ??= 'text/plain'
    payload = reply.text
  }
  res.writeHead(reply.status, headers)
  res.end(payload)
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const accountId = options.accountId ?? '12345678'
  const requests: RecordedRequest[] = []
  const seenNonces = new Set<string>()
  const timers = new Set<NodeJS.Timeout>()
  let lookups = 0
  let replier: FakeReplier | undefined
  let baseUrl = ''

  const defaultReply = (req: RecordedRequest): FakeReply => {
    if (!req.auth.ok) return { status: 401, json: { message: `Authentication failed` } }
    const records = options.records ?? []
    return {
      status: 200,
      json: {
        _metadata: {
          count: records.length,
          self: { rel: 'self', href: `${baseUrl}${req.path}?${req.query.toString()}` },
          shardsStatusResult: { partialResult: false },
        },
        conversationHistoryRecords: records,
      },
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const method = req.method ?? 'GET'

      const domain = /^\/api\/account\/([^/]+)\/service\/msgHist\/baseURI\.json$/.exec(url.pathname)
      if (domain && method === 'GET') {
        lookups += 1
        if (lookups <= (options.failDomainLookups ?? 0)) {
          send(res, { status: 500, json: { message: 'Domain API is down' } })
        } else if (domain[1] !== accountId || url.searchParams.get('version') !== '1.0') {
          send(res, { status: 400, json: { message: 'Bad request' } })
        } else {
          const baseURI = options.msgHistBaseUri ?? FAKE_MSGHIST_HOST
          send(res, {
            status: 200,
            json: { baseURIs: [{ service: 'msgHist', account: accountId, baseURI }] },
          })
        }
        return
      }

      if (method !== 'POST' || !url.pathname.startsWith('/messaging_history/api/account/')) {
        send(res, { status: 404, json: { message: 'Not found' } })
        return
      }

      const authorization = req.headers.authorization ?? ''
      let auth: RecordedRequest['auth'] = { ok: false, problem: 'no credentials' }
      if (options.bearerToken !== undefined && authorization.startsWith('Bearer ')) {
        auth =
          authorization === `Bearer ${options.bearerToken}`
            ? { ok: true, kind: 'bearer' }
            : { ok: false, problem: 'wrong bearer token' }
      } else if (options.oauth1 && authorization.startsWith('OAuth ')) {
        const problem = verifyOAuth1(
          options.oauth1,
          authorization,
          method,
          req.headers.host ?? '',
          url.pathname,
          url.searchParams,
          seenNonces,
        )
        auth = problem === undefined ? { ok: true, kind: 'oauth1' } : { ok: false, problem }
      }

      const recorded: RecordedRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        auth,
      }
      requests.push(recorded)
      const reply = replier?.(recorded) ?? defaultReply(recorded)
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!res.destroyed) send(res, reply)
        }, reply.delayMs)
        timers.add(timer)
      } else {
        send(res, reply)
      }
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('fake upstream: no port')
  baseUrl = `http://127.0.0.1:${address.port}`

  return {
    baseUrl,
    accountId,
    requests,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input)
      if (url.protocol !== 'https:' || url.host !== FAKE_MSGHIST_HOST) return fetch(input, init)
      return fetch(`${baseUrl}${url.pathname}${url.search}`, init)
    },
    domainLookups: () => lookups,
    setReply(next) {
      replier = next
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
