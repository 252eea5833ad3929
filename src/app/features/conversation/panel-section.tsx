import type { ReactNode } from 'react'

/** A side panel's body: its own heading, then its content (or the empty message). */
export function PanelSection({
  id,
  title,
  empty,
  children,
}: {
  id: string
  title: string
  /** Shown instead of the content when set, e.g. "No transfers". */
  empty?: string
  children?: ReactNode
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {empty ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <div className="mt-2">{children}</div>
      )}
    </section>
  )
}
