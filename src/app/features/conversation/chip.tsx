import type { ReactNode } from 'react'

/** A small rounded label (keywords, capabilities, intents). */
export function Chip({ children }: { children: ReactNode }) {
  return (
    <span className="inline-block rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">
      {children}
    </span>
  )
}
