import { statusLabel } from '@/app/lib/vocabulary/labels'

const STYLES = {
  OPEN: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  CLOSE: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  other: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
} as const

/** "Open", or "Closed" with how it closed ("by agent", "auto close"). */
export function StatusBadge({
  status,
  closeReason,
}: {
  status: string | undefined
  closeReason: string | undefined
}) {
  const style = status === 'OPEN' ? STYLES.OPEN : status === 'CLOSE' ? STYLES.CLOSE : STYLES.other
  const label = statusLabel(status)
  return (
    <span className="whitespace-nowrap">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${style}`}>{label}</span>
      {closeReason ? (
        <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">({closeReason})</span>
      ) : null}
    </span>
  )
}
