import { Badge } from '@/app/components/ui/badge'
import { cn } from '@/app/lib/cn'
import { statusLabel } from '@/app/lib/vocabulary/labels'

/**
 * A conversation's status: "Open", or "Closed" with how it closed ("by agent", "auto close")
 * when `closeReason` is given. The same badge in the results and on the detail page.
 */
export function StatusBadge({
  status,
  closeReason,
  size = 'sm',
  className,
}: {
  status: string | undefined
  closeReason?: string | undefined
  size?: 'sm' | 'md'
  /** Layout only. */
  className?: string
}) {
  const tone = status === 'OPEN' ? 'success' : status === 'CLOSE' ? 'neutral' : 'warning'
  return (
    <span className={cn('whitespace-nowrap', className)}>
      <Badge tone={tone} size={size}>
        {statusLabel(status)}
      </Badge>
      {closeReason ? (
        <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">({closeReason})</span>
      ) : null}
    </span>
  )
}
