import { useTimeZone } from '@/app/lib/preferences'
import { formatDateTime } from '@/app/lib/time'

/** A time in the clock the user chose (local or UTC), in a <time> element. */
export function TimeText({ ms }: { ms: number }) {
  const [zone] = useTimeZone()
  return <time dateTime={new Date(ms).toISOString()}>{formatDateTime(ms, zone)}</time>
}
