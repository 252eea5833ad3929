import { formatDateTime, type TimeZone } from '@/app/lib/time'

/**
 * The same strings as `formatDateTime` / `formatTime` / `formatDate` in `@/app/lib/time`, for the
 * transcript, which formats thousands of times (rows, MCS labels, day keys): Intl's
 * `formatToParts` costs microseconds a call (20 ms for a 3,000-message track, on the server and
 * again in the browser), so it is asked only for the zone's offset, at both ends of each quarter
 * hour, and the rest is arithmetic. Most zones change their offset on a quarter hour; not all
 * (St. John's changed at 00:01 local time until 2011): a quarter hour whose ends differ is asked
 * minute by minute (every change since 1970 falls on a minute).
 */
const QUARTER_HOUR = 900_000
const MINUTE = 60_000
/** By zone: the offset of each quarter hour, or NaN where it changes within it. */
const offsets = new Map<TimeZone, Map<number, number>>()

/** The zone's offset at `at`, from Intl (to the second). */
function offsetFromIntl(at: number, zone: TimeZone): number {
  const [date, time] = formatDateTime(at, zone).split(' ')
  const [y, mo, d] = (date ?? '').split('-').map(Number)
  const [h, mi, sec] = (time ?? '').split(':').map(Number)
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, sec ?? 0) - at
}

function offsetAt(ms: number, zone: TimeZone): number {
  let byBucket = offsets.get(zone)
  if (!byBucket) {
    byBucket = new Map()
    offsets.set(zone, byBucket)
  }
  const bucket = Math.floor(ms / QUARTER_HOUR)
  let offset = byBucket.get(bucket)
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR
    const first = offsetFromIntl(start, zone)
    offset = offsetFromIntl(start + QUARTER_HOUR - MINUTE, zone) === first ? first : Number.NaN
    if (byBucket.size > 20_000) byBucket.clear()
    byBucket.set(bucket, offset)
  }
  return Number.isNaN(offset) ? offsetFromIntl(Math.floor(ms / MINUTE) * MINUTE, zone) : offset
}

const two = (n: number) => String(n).padStart(2, '0')

/** 2026-11-27 14:03:09 in the chosen zone. */
export function clockDateTime(ms: number, zone: TimeZone): string {
  const wall = new Date(ms + offsetAt(ms, zone))
  const year = wall.getUTCFullYear()
  if (year < 1000 || year > 9999) return formatDateTime(ms, zone)
  return `${String(year)}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}`
}

export const clockDate = (ms: number, zone: TimeZone): string =>
  clockDateTime(ms, zone).slice(0, 10)
export const clockTime = (ms: number, zone: TimeZone): string => clockDateTime(ms, zone).slice(11)

/**
 * A day namer for `buildTimeline`, memoised by quarter hour: every zone's day starts on a
 * quarter hour, so all instants in one quarter hour share a day.
 */
export function dayNamer(zone: TimeZone): (ms: number) => string {
  const cache = new Map<number, string>()
  return (ms) => {
    const bucket = Math.floor(ms / 900_000)
    let day = cache.get(bucket)
    if (day === undefined) {
      day = clockDate(ms, zone)
      cache.set(bucket, day)
    }
    return day
  }
}
