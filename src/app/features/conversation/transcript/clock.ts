import type { TimeZoneSetting } from '@/app/lib/time'

/**
 * The same strings as `formatDateTime` / `formatTime` / `formatDate` in `@/app/lib/time`, from
 * one cached `Intl.DateTimeFormat` per zone. Creating a formatter costs far more than using one,
 * and a 3,000-message transcript formats thousands of times (day keys, MCS labels, rows).
 */

const formatters = new Map<TimeZoneSetting, Intl.DateTimeFormat>()

function formatter(zone: TimeZoneSetting): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone === 'utc' ? 'UTC' : undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(zone, f)
  }
  return f
}

/** 2026-11-27 14:03:09 in the chosen zone. */
export function clockDateTime(ms: number, zone: TimeZoneSetting): string {
  const parts = formatter(zone).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`
}

export function clockDate(ms: number, zone: TimeZoneSetting): string {
  return clockDateTime(ms, zone).slice(0, 10)
}

export function clockTime(ms: number, zone: TimeZoneSetting): string {
  return clockDateTime(ms, zone).slice(11)
}

/**
 * A day namer for `buildTimeline`, memoised by quarter hour: every zone's day starts on a
 * quarter hour, so all instants in one quarter hour share a day.
 */
export function dayNamer(zone: TimeZoneSetting): (ms: number) => string {
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
