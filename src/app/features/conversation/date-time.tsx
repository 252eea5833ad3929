import { formatDateTime, type TimeZoneSetting } from '@/app/lib/time'

/** An instant in the chosen zone, with the machine-readable time for assistive tech. */
export function DateTime({ ms, zone }: { ms: number; zone: TimeZoneSetting }) {
  return <time dateTime={new Date(ms).toISOString()}>{formatDateTime(ms, zone)}</time>
}
