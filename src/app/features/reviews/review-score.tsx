const percent = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })

/** A review's score: the percentage, a critical fail said in words, "—" when nothing is scored. */
export function ReviewScore({
  score,
  criticalFailed,
}: {
  score: number | null
  criticalFailed: boolean
}) {
  if (score === null) {
    return (
      <span className="text-slate-500 dark:text-slate-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">No score</span>
      </span>
    )
  }
  return (
    <span className="inline-flex items-center justify-end gap-1.5 whitespace-nowrap">
      {criticalFailed ? (
        <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900 dark:bg-red-950 dark:text-red-200">
          critical fail
        </span>
      ) : null}
      <span className="font-medium">{`${percent.format(score)}%`}</span>
    </span>
  )
}
