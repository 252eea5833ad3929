import { renderContext } from '@/app/lib/render-context'

/** The clock the reader chose: their own, or UTC. */
export type TimeZoneSetting = 'local' | 'utc'

/**
 * A clock times are shown in: an IANA zone name (`UTC`, `Europe/Berlin`). The reader's
 * `TimeZoneSetting` resolves to one (`resolveZone`); on the server, "their own" is the zone their
 * browser reported in the `cv_tz` cookie, so a page renders there as it will in the browser.
 */
export type TimeZone = string

export const UTC: TimeZone = 'UTC'

let ownZone: { key: string; zone: TimeZone } | undefined

/**
 * This browser's own zone, whatever page is being rendered. Asking `Intl` costs microseconds, and
 * every component showing a time asks at each render: it is asked again only when the machine's
 * offsets (now, in January, in July) say the zone has changed.
 */
export function browserZone(): TimeZone {
  const year = new Date().getFullYear()
  const key = [
    new Date().getTimezoneOffset(),
    new Date(year, 0, 1).getTimezoneOffset(),
    new Date(year, 6, 1).getTimezoneOffset(),
  ].join()
  if (ownZone?.key !== key) {
    ownZone = { key, zone: Intl.DateTimeFormat().resolvedOptions().timeZone }
  }
  return ownZone.zone
}

/**
 * The reader's own zone, outside React: the browser's, but on the server (and while the browser
 * loads a page rendered there) the zone the reader's browser reported.
 */
export function localZone(): TimeZone {
  return renderContext()?.localZone ?? browserZone()
}

export function resolveZone(setting: TimeZoneSetting): TimeZone {
  return setting === 'utc' ? UTC : localZone()
}

/** True for a zone name `Intl` knows (a cookie's value is checked with this before use). */
export function isKnownZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Building an Intl formatter is costly (milliseconds); keep one per zone. */
const formatters = new Map<TimeZone, Intl.DateTimeFormat>()

function formatterFor(zone: TimeZone): Intl.DateTimeFormat {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(zone, formatter)
  }
  return formatter
}

/** The wall clock in `zone` at `ms`, read as if it were UTC (whole seconds). */
function wallClockAsUtc(ms: number, zone: TimeZone): number {
  const parts = formatterFor(zone).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0)
  return Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
}

/**
 * The instant a wall-clock time in `zone` names, with `Date.UTC`'s overflow (day 32 is the next
 * month's first). A time that a change to summer time skips reads as the same time after the
 * change (02:30 on the night clocks go from 02:00 to 03:00 is 03:30), as `new Date(...)` reads it
 * in the browser's own zone.
 */
export function zonedTime(
  zone: TimeZone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  if (!Number.isFinite(wall) || zone === UTC) return wall
  const offsetAt = (instant: number) => {
    const whole = Math.floor(instant / 1000) * 1000
    return wallClockAsUtc(whole, zone) - whole
  }
  const guess = wall - offsetAt(wall)
  return wall - offsetAt(guess)
}

/** 2026-11-27 14:03:09 in the chosen zone (ISO-like, sortable, unambiguous). */
export function formatDateTime(ms: number, zone: TimeZone): string {
  const parts = formatterFor(zone).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`
}

export function formatDate(ms: number, zone: TimeZone): string {
  return formatDateTime(ms, zone).slice(0, 10)
}

export function formatTime(ms: number, zone: TimeZone): string {
  return formatDateTime(ms, zone).slice(11)
}

/** 1 h 02 min, 3 min 05 s, 42 s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  const totalSeconds = Math.round(ms / 1000)
  const days = Math.floor(totalSeconds / 86_400)
  const hours = Math.floor((totalSeconds % 86_400) / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`
  return `${seconds} s`
}
