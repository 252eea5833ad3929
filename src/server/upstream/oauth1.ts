import { createHmac, randomBytes } from 'node:crypto'

/** The four values of a LivePerson API key (Campaign Builder → Data Sources → API). */
export interface OAuth1Credentials {
  appKey: string
  appSecret: string
  accessToken: string
  accessTokenSecret: string
}

/**
 * RFC 5849 §3.6 percent-encoding: every octet except the RFC 3986 unreserved characters
 * (ALPHA, DIGIT, `-`, `.`, `_`, `~`) becomes `%XX` with upper-case hex.
 * `encodeURIComponent` leaves `!'()*` alone, so those are encoded here.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when it is not the default. */
export function baseStringUri(url: URL): string {
  return `${url.protocol.toLowerCase()}//${url.host.toLowerCase()}${url.pathname}`
}

/** RFC 5849 §3.4.1.3.2: encode names and values, sort by name then value, join with `&`. */
export function normalizeParameters(params: ReadonlyArray<readonly [string, string]>): string {
  return params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

/**
 * RFC 5849 §3.4.1: `METHOD&encoded-base-uri&encoded-normalized-parameters`. `params` are every
 * parameter that takes part: query, form body (none for a JSON body) and the `oauth_*` protocol
 * parameters except `oauth_signature` and `realm`.
 */
export function signatureBaseString(
  method: string,
  url: URL,
  params: ReadonlyArray<readonly [string, string]>,
): string {
  return [
    method.toUpperCase(),
    percentEncode(baseStringUri(url)),
    percentEncode(normalizeParameters(params)),
  ].join('&')
}

/** RFC 5849 §3.4.2: HMAC-SHA1 keyed with `encode(consumer secret)&encode(token secret)`, base64. */
export function hmacSha1Signature(
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`
  return createHmac('sha1', key).update(baseString).digest('base64')
}

/**
 * The `Authorization: OAuth …` header for one request (RFC 5849 §3.5.1). The query parameters
 * of `url` are signed; a fresh nonce and the current timestamp are used unless given (tests).
 */
export function oauth1AuthorizationHeader(input: {
  method: string
  url: URL
  credentials: OAuth1Credentials
  nonce?: string
  timestamp?: number
}): string {
  const { method, url, credentials } = input
  const protocol: Array<[string, string]> = [
    ['oauth_consumer_key', credentials.appKey],
    ['oauth_nonce', input.nonce ?? randomBytes(16).toString('hex')],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', String(input.timestamp ?? Math.floor(Date.now() / 1000))],
    ['oauth_token', credentials.accessToken],
    ['oauth_version', '1.0'],
  ]
  const baseString = signatureBaseString(method, url, [...url.searchParams, ...protocol])
  const signature = hmacSha1Signature(
    baseString,
    credentials.appSecret,
    credentials.accessTokenSecret,
  )
  const fields = [...protocol, ['oauth_signature', signature] as [string, string]]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`)
  return `OAuth ${fields.join(', ')}`
}
