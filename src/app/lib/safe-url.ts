import { renderContext } from '@/app/lib/render-context'
/**
 * URL safety for untrusted content (rich content, message links, HTML messages). Only these reach an `href` or `src`:
 * - absolute `http:` / `https:` URLs (returned normalised by the URL parser);
 * - same-origin paths that start with a single `/` (the offline demo serves `/demo/*.svg`);
 * - for images only, `data:image/*` URLs.
 * Everything else (`javascript:`, `data:text/html`, `//host`, `/\host`, relative paths, anything
 * with control characters) is refused, and the caller shows it as plain text.
 */

export type UrlUse = 'link' | 'image'

// Browsers strip tabs and newlines from URLs, and `\` counts as `/` in http(s) URLs, so
// `/\evil.example` or `/\t/evil.example` would become protocol-relative: refuse them outright.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/
const DATA_IMAGE = /^data:image\/[a-z0-9.+-]{1,64}(;[a-z0-9=.+-]{1,64})*(;base64)?,/i

export function safeUrl(raw: string, use: UrlUse): string | undefined {
  const url = raw.trim()
  if (url === '' || url.length > 100_000 || CONTROL_CHARS.test(url)) return undefined
  if (url.startsWith('/')) {
    const second = url.charAt(1)
    if (second === '/' || second === '\\') return undefined
    return url.includes('\\') ? undefined : url
  }
  if (use === 'image' && DATA_IMAGE.test(url)) return url
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
  return parsed.href
}

/**
 * Message data (link messages, links inside HTML messages): only an absolute http(s) URL,
 * normalised; anything else is `undefined` and shown as text.
 */
export function httpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const safe = safeUrl(raw, 'link')
  return safe === undefined || safe.startsWith('/') ? undefined : safe
}

/** Host and path for display (`example.com/offers`), or the raw text when it is not a URL. */
export function displayUrl(raw: string): string {
  try {
    const parsed = new URL(raw)
    const path = parsed.pathname === '/' ? '' : parsed.pathname
    return `${parsed.host}${path}${parsed.search}`
  } catch {
    return raw
  }
}

/** The Google Maps search link json-pollock opens for a map or a navigate action. */
export function mapsUrl(la: number, lo: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${String(la)},${String(lo)}`
}

/** This page's origin: on the server, the one the reader asked for (issue 14). */
const pageOrigin = () => renderContext()?.origin ?? window.location.origin

/** Where an image would come from: refused, our own origin (or `data:`), or another host. */
export type ImageSource =
  | { kind: 'refused' }
  | { kind: 'local'; src: string }
  | { kind: 'remote'; url: string; host: string }

export function imageSource(raw: string): ImageSource {
  const src = safeUrl(raw, 'image')
  if (src === undefined) return { kind: 'refused' }
  if (src.startsWith('/') || src.startsWith('data:')) return { kind: 'local', src }
  const url = new URL(src)
  if (url.origin === pageOrigin()) return { kind: 'local', src }
  return { kind: 'remote', url: src, host: url.host }
}
