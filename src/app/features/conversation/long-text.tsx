import { useState } from 'react'

const PREVIEW_CHARS = 400

/**
 * Text shown as text (never as HTML), line breaks kept. Past a few hundred characters it is cut
 * with an expander, so a 50,000-character attribute value does not flood the page.
 */
export function LongText({ text, label }: { text: string; label: string }) {
  const [expanded, setExpanded] = useState(false)
  const long = text.length > PREVIEW_CHARS
  return (
    <span className="whitespace-pre-wrap break-words">
      {long && !expanded ? `${text.slice(0, PREVIEW_CHARS)}…` : text}
      {long ? (
        <>
          {' '}
          <button
            type="button"
            aria-expanded={expanded}
            aria-label={
              expanded
                ? `Show less of ${label}`
                : `Show all ${text.length.toLocaleString('en-US')} characters of ${label}`
            }
            onClick={() => setExpanded((value) => !value)}
            className="rounded text-xs font-medium whitespace-nowrap text-blue-700 underline hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
          >
            {expanded
              ? 'Show less'
              : `Show all (${text.length.toLocaleString('en-US')} characters)`}
          </button>
        </>
      ) : null}
    </span>
  )
}
