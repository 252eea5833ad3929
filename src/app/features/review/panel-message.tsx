import type { ReactNode } from 'react'

/** A state of the panel in one sentence: loading (a status) or a failure (an alert). */
export function PanelMessage({
  error = false,
  children,
}: {
  error?: boolean
  children: ReactNode
}) {
  return error ? (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {children}
    </p>
  ) : (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
      {children}
    </p>
  )
}
