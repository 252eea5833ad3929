import { z } from 'zod'
import { describeFetchFailure, statusLine } from '@/server/upstream/upstream-errors'

/** Where Messaging History requests go: `url` without a trailing slash, `label` for display. */
export interface MsgHistBase {
  url: string
  label: string
}

const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/

/**
 * A msgHist domain as the Domain API gives it (`va.msghist.liveperson.net`, HTTPS implied), or
 * an `http://` / `https://` URL used as it is (tests, local mocks). Undefined when it is neither.
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
  const msgHist = parseMsgHistBase(entry.baseURI)
  if (!msgHist) {
    return {
      ok: false,
      reason: 'the msgHist baseURI in the Domain API answer is not a host',
      retry: false,
    }
  }
  return { ok: true, base: msgHist }
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
