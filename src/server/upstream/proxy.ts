import { z } from 'zod'
import {
  createMsgHistResolver,
  parseMsgHistBase,
  type MsgHistBase,
} from '@/server/upstream/msg-hist-domain'
import { oauth1AuthorizationHeader, percentEncode } from '@/server/upstream/oauth1'
import {
  describeFetchFailure,
  statusLine,
  upstreamMessage,
} from '@/server/upstream/upstream-errors'

export type UpstreamAuth =
  | { kind: 'bearer'; token: string }
  | {
      kind: 'oauth1'
      appKey: string
      appSecret: string
      accessToken: string
      accessTokenSecret: string
    }

export interface ProxyConfig {
  accountId: string
  auth: UpstreamAuth
  /** LP_MSGHIST_DOMAIN: skip the Domain API lookup. */
  msgHistDomain?: string
  /**
   * LP_DOMAIN_API_BASE, default `https://api.liveperson.net`. The operator's choice, http or
   * https; what its answer names is still held to `msgHistBaseFromDomainAnswer`.
   */
  domainApiBase: string
  /** LP_SOURCE, default `ConvViewer`: the `source` query parameter LivePerson requires. */
  source: string
  /** LP_TIMEOUT_MS, default 30000. */
  timeoutMs: number
}

export interface UpstreamResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

/** Where the msgHist host is looked up: over HTTPS, so that nobody on the way can answer. */
export const DEFAULT_DOMAIN_API_BASE = 'https://api.liveperson.net'
export const DEFAULT_SOURCE = 'ConvViewer'
export const DEFAULT_TIMEOUT_MS = 30_000
const MAX_TIMEOUT_MS = 600_000

const OAUTH_VARS = [
  'LP_APP_KEY',
  'LP_APP_SECRET',
  'LP_ACCESS_TOKEN',
  'LP_ACCESS_TOKEN_SECRET',
] as const

const envValue = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))

const proxyEnv = z.object({
  LP_ACCOUNT_ID: envValue,
  LP_BEARER_TOKEN: envValue,
  LP_APP_KEY: envValue,
  LP_APP_SECRET: envValue,
  LP_ACCESS_TOKEN: envValue,
  LP_ACCESS_TOKEN_SECRET: envValue,
  LP_MSGHIST_DOMAIN: envValue,
  LP_DOMAIN_API_BASE: envValue,
  LP_SOURCE: envValue,
  LP_TIMEOUT_MS: envValue,
})

/**
 * Proxy mode settings from the environment. Undefined when LP_ACCOUNT_ID or the credentials are
 * absent (the server then runs without LivePerson). Throws an Error naming the variable (never its
 * value) when the settings are partial or malformed. Credentials: LP_BEARER_TOKEN, or all four of
 * LP_APP_KEY, LP_APP_SECRET, LP_ACCESS_TOKEN, LP_ACCESS_TOKEN_SECRET.
 */
export function proxyConfigFromEnv(env: NodeJS.ProcessEnv): ProxyConfig | undefined {
  const e = proxyEnv.parse(env)

  const oauthSet = OAUTH_VARS.filter((name) => e[name] !== undefined)
  if (oauthSet.length > 0 && oauthSet.length < OAUTH_VARS.length) {
    const missing = OAUTH_VARS.filter((name) => e[name] === undefined)
    throw new Error(
      `Incomplete LivePerson OAuth 1.0 credentials: ${oauthSet.join(', ')} ` +
        `${oauthSet.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} missing. An API key needs all four of ` +
        `${OAUTH_VARS.join(', ')}.`,
    )
  }
  if (e.LP_BEARER_TOKEN !== undefined && oauthSet.length > 0) {
    throw new Error(
      'Both LP_BEARER_TOKEN and the OAuth 1.0 variables (LP_APP_KEY, …) are set: set only one kind of LivePerson credentials.',
    )
  }

  let auth: UpstreamAuth | undefined
  if (e.LP_BEARER_TOKEN !== undefined) {
    auth = { kind: 'bearer', token: e.LP_BEARER_TOKEN }
  } else if (
    e.LP_APP_KEY !== undefined &&
    e.LP_APP_SECRET !== undefined &&
    e.LP_ACCESS_TOKEN !== undefined &&
    e.LP_ACCESS_TOKEN_SECRET !== undefined
  ) {
    auth = {
      kind: 'oauth1',
      appKey: e.LP_APP_KEY,
      appSecret: e.LP_APP_SECRET,
      accessToken: e.LP_ACCESS_TOKEN,
      accessTokenSecret: e.LP_ACCESS_TOKEN_SECRET,
    }
  }
  if (e.LP_ACCOUNT_ID === undefined || auth === undefined) return undefined

  if (!/^[A-Za-z0-9_-]{1,64}$/.test(e.LP_ACCOUNT_ID)) {
    throw new Error('LP_ACCOUNT_ID must be a LivePerson account id (letters, digits, - or _).')
  }

  const source = e.LP_SOURCE ?? DEFAULT_SOURCE
  if (source.length > 20 || !/^[A-Za-z0-9_+.-]+$/.test(source)) {
    throw new Error(
      'LP_SOURCE must be 1 to 20 characters of letters, digits, _, +, . or - (LivePerson limits the source parameter to 20 characters).',
    )
  }

  let timeoutMs = DEFAULT_TIMEOUT_MS
  if (e.LP_TIMEOUT_MS !== undefined) {
    timeoutMs = Number(e.LP_TIMEOUT_MS)
    if (!/^\d+$/.test(e.LP_TIMEOUT_MS) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new Error(
        `LP_TIMEOUT_MS must be a whole number of milliseconds between 1 and ${MAX_TIMEOUT_MS}.`,
      )
    }
  }

  const domainApiBase = e.LP_DOMAIN_API_BASE ?? DEFAULT_DOMAIN_API_BASE
  if (!isHttpUrl(domainApiBase)) {
    throw new Error('LP_DOMAIN_API_BASE must be an http:// or https:// URL.')
  }

  if (e.LP_MSGHIST_DOMAIN !== undefined && !parseMsgHistBase(e.LP_MSGHIST_DOMAIN)) {
    throw new Error(
      'LP_MSGHIST_DOMAIN must be a host name such as va.msghist.liveperson.net, or an http(s) URL.',
    )
  }

  return {
    accountId: e.LP_ACCOUNT_ID,
    auth,
    ...(e.LP_MSGHIST_DOMAIN === undefined ? {} : { msgHistDomain: e.LP_MSGHIST_DOMAIN }),
    domainApiBase,
    source,
    timeoutMs,
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export interface ForwardRequest {
  /** The LivePerson path, e.g. `/messaging_history/api/account/123/conversations/search`. */
  path: string
  query: URLSearchParams
  body: unknown
}

export interface Upstream {
  forward(req: ForwardRequest): Promise<UpstreamResponse>
  describe(): { accountId: string; mode: 'proxy'; authKind: 'bearer' | 'oauth1'; host?: string }
}

/** `{ error: { status, message, upstream: true } }` with that status. */
function errorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): UpstreamResponse {
  return { status, headers, body: { error: { status, message, upstream: true } } }
}

/** Every secret value, longest first, and the encodings in which it could leak. */
function secretStrings(auth: UpstreamAuth): string[] {
  const raw =
    auth.kind === 'bearer'
      ? [auth.token]
      : [
          auth.appSecret,
          auth.accessTokenSecret,
          auth.accessToken,
          auth.appKey,
          `${percentEncode(auth.appSecret)}&${percentEncode(auth.accessTokenSecret)}`,
        ]
  const all = raw.flatMap((s) => [s, percentEncode(s), encodeURIComponent(s)])
  return [...new Set(all)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)
}

/**
 * The LivePerson Messaging History proxy: resolves the msgHist host (once), signs each request
 * with the server-side credentials and maps LivePerson's answers to JSON the SPA understands.
 * `forward` never throws; every failure is an UpstreamResponse with a JSON error body.
 */
export function createUpstream(config: ProxyConfig, fetchImpl: typeof fetch = fetch): Upstream {
  const secrets = secretStrings(config.auth)
  const redact = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text)
  const warn = (message: string): void => {
    console.warn(`[upstream] ${redact(message)}`)
  }

  let fixed: MsgHistBase | undefined
  if (config.msgHistDomain !== undefined) {
    fixed = parseMsgHistBase(config.msgHistDomain)
    if (!fixed) throw new Error('msgHistDomain must be a host name or an http(s) URL.')
  }
  const resolver = createMsgHistResolver({
    accountId: config.accountId,
    domainApiBase: config.domainApiBase,
    timeoutMs: config.timeoutMs,
    fetchImpl,
  })
  const accountPrefix = ['', 'messaging_history', 'api', 'account', config.accountId]

  function checkPath(path: string): string | undefined {
    const segments = path.split('/')
    const rest = segments.slice(accountPrefix.length)
    const validRest = rest.length > 0 && rest.every((s) => /^[A-Za-z0-9_-]+$/.test(s))
    if (accountPrefix.every((segment, i) => segments[i] === segment) && validRest) return undefined
    if (accountPrefix.slice(0, 4).every((segment, i) => segments[i] === segment) && validRest) {
      return `This server reads LivePerson account ${config.accountId} only.`
    }
    return 'Not a LivePerson Messaging History path.'
  }

  async function forward(req: ForwardRequest): Promise<UpstreamResponse> {
    const pathProblem = checkPath(req.path)
    if (pathProblem) return errorResponse(400, pathProblem)

    let base = fixed
    if (!base) {
      const resolution = await resolver.resolve()
      if (!resolution.ok) {
        warn(resolution.message)
        return errorResponse(502, redact(resolution.message))
      }
      base = resolution.base
    }

    // The client's `source` is replaced by ours; `oauth_*` names are reserved for the signature.
    const params: Array<[string, string]> = [...req.query].filter(
      ([name]) => name !== 'source' && !name.startsWith('oauth_'),
    )
    params.push(['source', config.source])
    const query = params.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')
    const url = new URL(`${base.url}${req.path}?${query}`)

    const authorization =
      config.auth.kind === 'bearer'
        ? `Bearer ${config.auth.token}`
        : oauth1AuthorizationHeader({ method: 'POST', url, credentials: config.auth })

    let payload: string
    try {
      payload = JSON.stringify(req.body ?? {})
    } catch {
      return errorResponse(400, 'The request body cannot be sent as JSON.')
    }

    let status: number
    let text: string
    let contentType: string
    let retryAfter: string | null
    try {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: {
          Authorization: authorization,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(config.timeoutMs),
      })
      status = res.status
      contentType = res.headers.get('content-type') ?? ''
      retryAfter = res.headers.get('retry-after')
      text = await res.text()
    } catch (error) {
      const failure = describeFetchFailure(error)
      if (failure.timedOut) {
        const message = `LivePerson (${base.label}) did not answer within ${config.timeoutMs} ms.`
        warn(`${message} POST ${req.path}`)
        return errorResponse(504, message)
      }
      const message = redact(`Could not reach LivePerson (${base.label}): ${failure.detail}.`)
      warn(`${message} POST ${req.path}`)
      return errorResponse(502, message)
    }

    if (status >= 200 && status <= 299) {
      if (!text.trim()) return { status, headers: {}, body: null }
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        const message = `LivePerson answered ${statusLine(status)} with a body that is not JSON.`
        warn(`${message} POST ${req.path}`)
        return errorResponse(502, message)
      }
      return { status, headers: {}, body }
    }

    const detail = upstreamMessage(text, contentType)
    const answered = `LivePerson answered ${statusLine(status)}`
    // An upstream error may echo what it was sent: drop the header, then every secret in it.
    const message = redact(
      (detail ? `${answered}: ${detail}` : answered).split(authorization).join('[redacted]'),
    )
    warn(`${message} (POST ${req.path})`)

    if (status === 429) {
      return errorResponse(429, message, { 'retry-after': retryAfterHeader(retryAfter) })
    }
    if (status >= 400 && status <= 599) return errorResponse(status, message)
    // 1xx and 3xx. Redirects are not followed: they would carry the credentials elsewhere.
    return errorResponse(502, `${answered}, an answer the proxy does not follow.`)
  }

  return {
    forward,
    describe() {
      const host = fixed?.label ?? resolver.known()?.label
      return {
        accountId: config.accountId,
        mode: 'proxy',
        authKind: config.auth.kind,
        ...(host === undefined ? {} : { host }),
      }
    },
  }
}

/**
 * The Retry-After to pass on after a 429: LivePerson's own value (seconds or an HTTP date), or
 * "1" when it sent none, per its retry guidance (wait at least one second, avoid bursts).
 */
function retryAfterHeader(value: string | null): string {
  const wait = value?.trim()
  if (!wait) return '1'
  if (/^\d+$/.test(wait)) return Number(wait) >= 1 ? wait : '1'
  return Number.isNaN(Date.parse(wait)) ? '1' : wait
}
