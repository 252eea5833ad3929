import { formatDateTime, zonedTime, type TimeZone } from '@/app/lib/time'

const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/

/** An instant as a `datetime-local` input shows it (to the minute), in the chosen clock. */
export function toDateTimeLocal(ms: number, zone: TimeZone): string {
  return formatDateTime(ms, zone).slice(0, 16).replace(' ', 'T')
}

/**
 * The instant a `datetime-local` value means in the chosen clock; with `inclusive`, the last
 * millisecond of the minute (or second) it names, so a To includes it. Empty or malformed:
 * undefined.
 */
export function fromDateTimeLocal(
  value: string,
  zone: TimeZone,
  inclusive = false,
): number | undefined {
  const match = DATETIME_LOCAL.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number)
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined
  ) {
    return undefined
  }
  const withSeconds = match[6] !== undefined
  const second = withSeconds ? Number(match[6]) : 0
  const start = zonedTime(zone, year, month, day, hour, minute, second)
  if (!Number.isFinite(start)) return undefined
  return inclusive ? start + (withSeconds ? 999 : 59_999) : start
}
