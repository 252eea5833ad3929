import { renderContext } from '@/app/lib/render-context'
import { wallClockParts } from '@/domain/time-zone'

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

export { isKnownZone, zonedTime } from '@/domain/time-zone'

/** 2026-11-27 14:03:09 in the chosen zone (ISO-like, sortable, unambiguous). */
export function formatDateTime(ms: number, zone: TimeZone): string {
  const { year, month, day, hour, minute, second } = wallClockParts(ms, zone)
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`
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
