import { formatDate, formatDateTime, formatTime, type TimeZoneSetting } from '@/app/lib/time'

/**
 * The same strings as `formatDateTime` / `formatTime` / `formatDate` in `@/app/lib/time`, from
 * one cached `Intl.DateTimeFormat` per zone. Creating a formatter costs far more than using one,
 * and a 3,000-message transcript formats thousands of times (day keys, MCS labels, rows).
 */

/** 2026-11-27 14:03:09 in the chosen zone (the app-wide formatter, one Intl object per zone). */
export const clockDateTime = formatDateTime
export const clockDate = formatDate
export const clockTime = formatTime

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
