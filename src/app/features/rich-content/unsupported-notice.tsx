import { useId, useState } from 'react'
import type { ScIssue } from '@/domain/schema/structured-content'

const SHOWN_ISSUES = 5

/**
 * "Unsupported rich content": what could not be rendered, and a toggle to the raw JSON so the
 * reviewer can still read it.
 */
export function UnsupportedNotice({ issues, raw }: { issues: readonly ScIssue[]; raw: string }) {
  const [open, setOpen] = useState(false)
  const rawId = useId()
  const hidden = issues.length - SHOWN_ISSUES
  return (
    <div
      role="note"
      aria-label="Unsupported rich content"
      className="mt-1.5 max-w-md rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="font-semibold">Unsupported rich content</p>
      {issues.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 ps-4 break-words">
          {issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
            <li key={i}>
              {issue.path ? <code>{issue.path}: </code> : null}
              {issue.message}
            </li>
          ))}
          {hidden > 0 ? <li>and {hidden} more</li> : null}
        </ul>
      ) : null}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={rawId}
        onClick={() => {
          setOpen((o) => !o)
        }}
        className="mt-1.5 rounded border border-amber-400 bg-white px-2 py-0.5 font-medium text-amber-950 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-700 dark:border-amber-600 dark:bg-amber-900 dark:text-amber-50 dark:hover:bg-amber-800"
      >
        {open ? 'Hide raw JSON' : 'Show raw JSON'}
      </button>
      <pre
        id={rawId}
        hidden={!open}
        tabIndex={0}
        role="region"
        aria-label="Raw JSON"
        className="mt-1.5 max-h-64 overflow-auto rounded bg-white p-2 font-mono text-[11px] whitespace-pre-wrap break-all text-slate-900 dark:bg-slate-900 dark:text-slate-100"
      >
        {raw}
      </pre>
    </div>
  )
}
