import { useState } from 'react'
import { Button } from '@/app/components/ui/button'
import { errorMessage } from '@/app/lib/error-message'
import { formatTime, type TimeZone } from '@/app/lib/time'
import type { Conflict } from './use-review-draft'

/** Someone else saved the review: say who and when; Reload takes their version. */
export function ConflictAlert({
  conflict,
  zone,
  onReload,
}: {
  conflict: Conflict
  zone: TimeZone
  onReload: () => Promise<void>
}) {
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const message =
    conflict.changedBy && conflict.changedAt !== undefined
      ? `Changed by ${conflict.changedBy.name} at ${formatTime(conflict.changedAt, zone)}: reload to see it`
      : conflict.message
  const reload = async () => {
    setBusy(true)
    setFailure(undefined)
    try {
      await onReload()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">{message}</p>
      <p className="mt-1 text-xs">
        Your changes since then are not saved; they stay on screen until you reload. Reloading
        replaces them with the saved review.
      </p>
      {failure ? <p className="mt-1 text-xs text-red-800 dark:text-red-300">{failure}</p> : null}
      <Button size="sm" className="mt-2" disabled={busy} onClick={() => void reload()}>
        Reload
      </Button>
    </div>
  )
}
