/** The start of a new calendar day in the chosen zone. */
export function DaySeparator({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-3 py-1 text-xs font-semibold text-slate-600 dark:text-slate-400">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
      <span>{label}</span>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
    </div>
  )
}
