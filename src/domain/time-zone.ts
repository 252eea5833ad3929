/**
 * Wall clocks in named zones (IANA: `UTC`, `Europe/Berlin`), for the app's times and the
 * server's insights alike (days and hours are the reader's): one `Intl` formatter per zone.
 */

/** Building an Intl formatter is costly (milliseconds); keep one per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
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

/** True for a zone name `Intl` knows. */
export function isKnownZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** The wall clock in `zone` at `ms` (whole seconds), as the zone's own digits say it. */
export function wallClockParts(
  ms: number,
  zone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = formatterFor(zone).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  }
}

/** The wall clock in `zone` at `ms`, as numbers. */
export function wallClock(ms: number, zone: string): WallClock {
  const p = wallClockParts(ms, zone)
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
  }
}

/**
 * The instant a wall-clock time in `zone` names, with `Date.UTC`'s overflow (day 32 is the next
 * month's first). A time that a change to summer time skips reads as the same time after the
 * change (02:30 on the night clocks go from 02:00 to 03:00 is 03:30), as `new Date(...)` reads it
 * in the browser's own zone.
 */
export function zonedTime(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  if (!Number.isFinite(wall) || zone === 'UTC') return wall
  const offsetAt = (instant: number) => {
    const whole = Math.floor(instant / 1000) * 1000
    const c = wallClock(whole, zone)
    return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - whole
  }
  const guess = wall - offsetAt(wall)
  return wall - offsetAt(guess)
}
