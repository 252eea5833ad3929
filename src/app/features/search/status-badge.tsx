import { Badge } from '@/app/components/ui/badge'
import { statusLabel } from '@/app/lib/vocabulary/labels'

/** "Open", or "Closed" with how it closed ("by agent", "auto close"). */
export function StatusBadge({
  status,
  closeReason,
}: {
  status: string | undefined
  closeReason: string | undefined
}) {
  const tone = status === 'OPEN' ? 'success' : status === 'CLOSE' ? 'neutral' : 'warning'
  const label = statusLabel(status)
  return (
    <span className="whitespace-nowrap">
      <Badge tone={tone}>{label}</Badge>
      {closeReason ? (
        <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">({closeReason})</span>
      ) : null}
    </span>
  )
}
