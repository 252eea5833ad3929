import { formatDuration, type TimeZone } from '@/app/lib/time'
import type { WaitItem } from '@/domain/timeline/build'
import { clockTime } from './clock'

/** The consumer waited more than five minutes for the reply below. */
export function WaitMarker({ item, zone }: { item: WaitItem; zone: TimeZone }) {
  return (
    <div className="flex justify-center">
      <p className="rounded-full border border-orange-300 bg-orange-50 px-3 py-0.5 text-xs text-orange-950 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-100">
        <span className="font-semibold">Consumer waited {formatDuration(item.waitMs)}</span> for a
        reply (since {clockTime(item.since, zone)})
      </p>
    </div>
  )
}
