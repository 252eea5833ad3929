import { formatDate, zonedTime, type TimeZone } from '@/app/lib/time'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The first instant of the day a `date` input names, in the chosen clock; with `end`, the last
 * millisecond of that day (so a To includes it). Empty or malformed: undefined.
 */
export function fromDateInput(value: string, zone: TimeZone, end = false): number | undefined {
  const match = DATE.exec(value)
  if (!match) return undefined
  const [year, month, day] = match.slice(1, 4).map(Number)
  if (year === undefined || month === undefined || day === undefined) return undefined
  const next = end ? day + 1 : day
  const start = zonedTime(zone, year, month, next)
  if (!Number.isFinite(start)) return undefined
  return end ? start - 1 : start
}

/** An instant as a `date` input shows it, in the chosen clock. */
export const toDateInput = (ms: number, zone: TimeZone): string => formatDate(ms, zone)
