import { Button } from '@/app/components/ui/button'
import { formatTime, type TimeZone } from '@/app/lib/time'
import type { SaveStatus } from './use-review-draft'

/** "Saved · 10:42:05", "Saving…", "Unsaved changes", or why it was not saved (with Retry). */
export function SaveStatusLine({
  status,
  zone,
  onRetry,
}: {
  status: SaveStatus
  zone: TimeZone
  onRetry: () => void
}) {
  return (
    <p role="status" className="flex flex-wrap items-center gap-2 text-xs">
      {status.kind === 'saved' ? (
        <span className="text-slate-700 dark:text-slate-300">{`Saved · ${formatTime(status.at, zone)}`}</span>
      ) : status.kind === 'saving' ? (
        <span className="text-slate-700 dark:text-slate-300">Saving…</span>
      ) : status.kind === 'unsaved' ? (
        <span className="text-slate-700 dark:text-slate-300">Unsaved changes</span>
      ) : (
        <>
          <span className="font-medium text-red-800 dark:text-red-300">{`Not saved: ${status.message}`}</span>
          <Button size="sm" onClick={onRetry}>
            Retry
          </Button>
        </>
      )}
    </p>
  )
}
