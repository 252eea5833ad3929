import { useSyncExternalStore } from 'react'
import { renderContext, serverSnapshotContext } from '@/app/lib/render-context'
import { zonedTime, type TimeZone } from '@/app/lib/time'
import { MAX_WINDOW_DAYS, MAX_WINDOW_MS, TEN_MINUTES_MS } from '@/domain/schema/search-constants'
import {
  DEFAULT_RANGE,
  ISO_DATE_OR_DATE_TIME,
  type ConversationSearch,
  type RangePreset,
} from '@/app/features/search/search-params'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

export const RANGE_MS: Readonly<Record<RangePreset, number>> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
}

export const RANGE_LABELS: Readonly<Record<RangePreset, string>> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
}

/**
 * "Now" for relative windows, rounded up to the next 10 minutes (LivePerson rounds `to` up to 10
 * minutes anyway). Rounding keeps the request, and so the query key, the same for a while instead
 * of changing on every render.
 */
export function roundedNow(now: number): number {
  return Math.ceil(now / TEN_MINUTES_MS) * TEN_MINUTES_MS
}

/**
 * Epoch ms of an ISO date or date-time from the URL. A date alone means the start of that day
 * (or, with `endOfDay`, its last millisecond) in the chosen clock; a date-time without an offset
 * is read in the chosen clock; one with `Z` or an offset is absolute.
 */
export function parseUrlTime(value: string, zone: TimeZone, endOfDay = false): number | undefined {
  if (!ISO_DATE_OR_DATE_TIME.test(value)) return undefined
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value)
    return Number.isFinite(ms) ? ms : undefined
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(
    value,
  )
  if (!match) return undefined
  const [year, month, day, hour, minute, second, fraction] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)))
  if (year === undefined || month === undefined || day === undefined) return undefined
  const ms = fraction === undefined ? 0 : Number(`0.${String(match[7])}`) * 1000
  if (hour === undefined) {
    const next = endOfDay ? 1 : 0
    const start = zonedTime(zone, year, month, day + next)
    return endOfDay ? start - 1 : start
  }
  return zonedTime(zone, year, month, day, hour, minute ?? 0, second ?? 0, ms)
}

export type WindowField = 'from' | 'to'

export type ResolvedWindow =
  | { ok: true; from: number; to: number; relative: RangePreset | undefined }
  | { ok: false; field: WindowField; message: string }

export const WINDOW_TOO_LONG_MESSAGE = `The time range can be at most ${String(MAX_WINDOW_DAYS)} days (3 months), the longest window LivePerson searches. Move From or To closer together.`

/** Checks a `{from, to}` window the way the API will, so no request is sent that would fail. */
export function checkWindow(from: number, to: number): ResolvedWindow {
  if (from > to) return { ok: false, field: 'from', message: 'From must be before To.' }
  if (to - from > MAX_WINDOW_MS)
    return { ok: false, field: 'from', message: WINDOW_TOO_LONG_MESSAGE }
  return { ok: true, from, to, relative: undefined }
}

/**
 * The start-time window a search means. With neither `from` nor `to`, the window is relative
 * (`range`, default the last 7 days) and ends now. `from` alone runs to now; `to` alone starts
 * 7 days before it.
 */
export function resolveWindow(
  search: Pick<ConversationSearch, 'from' | 'to' | 'range'>,
  zone: TimeZone,
  now: number,
): ResolvedWindow {
  if (search.from === undefined && search.to === undefined) {
    const range = search.range ?? DEFAULT_RANGE
    const to = roundedNow(now)
    return { ok: true, from: to - RANGE_MS[range], to, relative: range }
  }
  const to = search.to === undefined ? roundedNow(now) : parseUrlTime(search.to, zone, true)
  if (to === undefined) return { ok: false, field: 'to', message: 'To is not a valid date.' }
  const from =
    search.from === undefined ? to - RANGE_MS[DEFAULT_RANGE] : parseUrlTime(search.from, zone)
  if (from === undefined) return { ok: false, field: 'from', message: 'From is not a valid date.' }
  return checkWindow(from, to)
}

/** The current time, outside React (the route's loader): the server's while it renders. */
export function currentTime(): number {
  return renderContext()?.now ?? Date.now()
}

const noChange = () => () => undefined

/**
 * "Now" for a relative window, in the search page's render: rounded as the window is, so it
 * changes every 10 minutes, not at every render; the server's while a page it rendered is
 * hydrated, so the request (and its answer, sent with the page) is the one it rendered.
 */
export function useSearchNow(): number {
  return useSyncExternalStore(
    noChange,
    () => roundedNow(Date.now()),
    () => roundedNow(serverSnapshotContext()?.now ?? Date.now()),
  )
}
