/** A quiet grey bar where something is still loading (a Review cell, a filter section). */
export function LoadingBar({ label }: { label: string }) {
  return (
    <span className="inline-block h-3 w-20 animate-pulse rounded bg-slate-200 align-middle dark:bg-slate-700">
      <span className="sr-only">{label}</span>
    </span>
  )
}
