import { z } from 'zod'
import { describeFetchFailure, statusLine } from '@/server/upstream/upstream-errors'

/** Where Messaging History requests go: `url` without a trailing slash, `label` for display. */
export interface MsgHistBase {
  url: string
  label: string
}

const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/

/**
 * A msgHist domain as the operator sets it in LP_MSGHIST_DOMAIN: a host name
 * (`va.msghist.liveperson.net`, HTTPS implied), or an `http://` / `https://` URL used as it is
 * (a local mock, a test). Undefined when it is neither. Not for what the Domain API answers:
 * that is `msgHistBaseFromDomainAnswer`.
 */
export function parseMsgHistBase(value: string): MsgHistBase | undefined {
  const trimmed = value.trim()
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      return undefined
    }
    if (url.username || url.password || url.search || url.hash) return undefined
    const base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`
    return { url: base, label: base }
  }
  if (!HOST.test(trimmed)) return undefined
  return { url: `https://${trimmed}`, label: trimmed }
}

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const LIVEPERSON_DOMAIN = ['liveperson', 'net']
const MAX_SHOWN = 80

/**
 * The msgHist host a Domain API answer names, held to what LivePerson itself answers: a bare
 * host name under liveperson.net (`va.msghist.liveperson.net`), called over HTTPS. Anything else
 * (a scheme, a path, a port, userinfo, an IP address, another domain) is refused with the reason:
 * the proxy sends its credentials to this host, so an answer from whoever sits between us and
 * the Domain API must not be able to choose it.
 */
export function msgHistBaseFromDomainAnswer(
  value: string,
): { ok: true; base: MsgHistBase } | { ok: false; reason: string } {
  const host = value.trim().toLowerCase()
  const labels = host.split('.')
  const under =
    labels.length > LIVEPERSON_DOMAIN.length &&
    LIVEPERSON_DOMAIN.every(
      (label, i) => labels[labels.length - LIVEPERSON_DOMAIN.length + i] === label,
    )
  if (host.length > 253 || !labels.every((label) => LABEL.test(label)) || !under) {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value
    return {
      ok: false,
      reason:
        `the msgHist baseURI in the Domain API answer (${JSON.stringify(shown)}) is not a host ` +
        'name under liveperson.net, so the credentials are not sent there',
    }
  }
  return { ok: true, base: { url: `https://${host}`, label: host } }
}

const domainAnswer = z.object({
  baseURIs: z.array(z.object({ service: z.string(), baseURI: z.string() }).loose()),
})

type Lookup = { ok: true; base: MsgHistBase } | { ok: false; reason: string; retry: boolean }

export interface DomainLookupOptions {
  accountId: string
  domainApiBase: string
  timeoutMs: number
  fetchImpl: typeof fetch
  /** Pause before the one retry of a failed lookup. */
  retryDelayMs?: number
}

/** One Domain API call: `GET …/api/account/{id}/service/msgHist/baseURI.json?version=1.0`. */
async function lookupOnce(options: DomainLookupOptions): Promise<Lookup> {
  const base = options.domainApiBase.replace(/\/+$/, '')
  const url = `${base}/api/account/${encodeURIComponent(options.accountId)}/service/msgHist/baseURI.json?version=1.0`
  let status: number
  let text: string
  try {
    const res = await options.fetchImpl(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    status = res.status
    text = await res.text()
  } catch (error) {
    const failure = describeFetchFailure(error)
    if (failure.timedOut) {
      return {
        ok: false,
        reason: `the Domain API did not answer within ${seconds(options.timeoutMs)}`,
        retry: false,
      }
    }
    return {
      ok: false,
      reason: `the Domain API could not be reached (${failure.detail})`,
      retry: true,
    }
  }
  if (status < 200 || status > 299) {
    const retry = status >= 500 || status === 429
    return { ok: false, reason: `the Domain API answered ${statusLine(status)}`, retry }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'the Domain API answer is not JSON', retry: true }
  }
  const parsed = domainAnswer.safeParse(json)
  if (!parsed.success) {
    return { ok: false, reason: 'the Domain API answer has no baseURIs list', retry: false }
  }
  // Service names are case-sensitive.
  const entry = parsed.data.baseURIs.find((b) => b.service === 'msgHist')
  if (!entry) {
    return { ok: false, reason: 'the Domain API answer lists no msgHist service', retry: false }
  }
  const msgHist = msgHistBaseFromDomainAnswer(entry.baseURI)
  if (!msgHist.ok) return { ok: false, reason: msgHist.reason, retry: false }
  return { ok: true, base: msgHist.base }
}

export type Resolution = { ok: true; base: MsgHistBase } | { ok: false; message: string }

/**
 * Resolves the msgHist host once and caches it. Concurrent callers share one lookup; a failed
 * lookup is retried once (unless it was a 4xx, a bad answer or a timeout) and is not cached, so
 * the next request tries again.
 */
export function createMsgHistResolver(options: DomainLookupOptions): {
  resolve(): Promise<Resolution>
  known(): MsgHistBase | undefined
} {
  let known: MsgHistBase | undefined
  let pending: Promise<Resolution> | undefined

  async function lookup(): Promise<Resolution> {
    let result = await lookupOnce(options)
    if (!result.ok && result.retry) {
      await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 250))
      result = await lookupOnce(options)
    }
    if (result.ok) return result
    return {
      ok: false,
      message:
        `Could not find the LivePerson Messaging History host for account ${options.accountId}: ` +
        `${result.reason} (Domain API ${options.domainApiBase}). ` +
        'Set LP_MSGHIST_DOMAIN to skip the lookup.',
    }
  }

  return {
    known: () => known,
    async resolve() {
      if (known) return { ok: true, base: known }
      pending ??= lookup()
      const current = pending
      const result = await current
      if (pending === current) pending = undefined
      if (result.ok) known = result.base
      return result
    },
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}
