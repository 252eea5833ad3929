import { useTimeZone } from '@/app/lib/preferences'
import { formatDateTime, type TimeZone } from '@/app/lib/time'

/**
 * An instant as the user reads it, in a `<time>` element that carries the machine-readable
 * instant for assistive tech. The zone is the user's preference (local or UTC) unless the caller
 * passes one, as a page that has already read the preference does.
 */
export function DateTime({ ms, zone }: { ms: number; zone?: TimeZone }) {
  const [preferred] = useTimeZone()
  return <time dateTime={new Date(ms).toISOString()}>{formatDateTime(ms, zone ?? preferred)}</time>
}
