import { useId, useMemo, useState } from 'react'
import { EXPANDER, showAllLabel } from './expandable-text'
import type { FindHighlight } from './find-context'
import { sanitizeMessageHtml } from './sanitize-html'
import { cn } from '@/app/lib/cn'
import { useInBrowser } from '@/app/lib/in-browser'
import { htmlToText } from '@/domain/html-text'

interface HtmlMessageProps {
  html: string
  find: FindHighlight
  /** Length of the message's visible text, and how many find matches it holds. */
  textLength: number
  matches: number
  /** Longer texts show their first lines and a "Show all" button (as plain text messages do). */
  limit: number
}

/**
 * A `TEXT_HTML` message: sanitised (formatting and http(s) links only), find matches marked.
 * Past `limit` characters of text it is shown cut to its first lines, with a "Show all (N
 * characters)" button; when the current find match is in it, it shows whole.
 */
export function HtmlMessage({ html, find, textLength, matches, limit }: HtmlMessageProps) {
  const id = useId()
  const [expanded, setExpanded] = useState(false)
  const { re, offset, active } = find
  // DOMPurify needs a DOM: the server (and the first render here) shows the message's text.
  const inBrowser = useInBrowser()
  const clean = useMemo(
    () =>
      inBrowser
        ? sanitizeMessageHtml(html, re, active === undefined ? undefined : active - offset)
        : undefined,
    [inBrowser, html, re, offset, active],
  )
  const long = textLength > limit
  const revealed = active !== undefined && active >= offset && active < offset + matches
  const cut = long && !expanded && !revealed
  return (
    <>
      <div
        id={id}
        className={cn(
          'break-words [&_a]:text-blue-700 [&_a]:underline dark:[&_a]:text-blue-300 [&_blockquote]:border-l-2 [&_blockquote]:pl-2 [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1 [&_pre]:whitespace-pre-wrap [&_ul]:list-disc',
          cut && 'max-h-72 overflow-hidden',
        )}
        style={
          cut ? { maskImage: 'linear-gradient(to bottom, black 75%, transparent)' } : undefined
        }
        // Sanitised by DOMPurify (strict allow-list) in sanitizeMessageHtml; marks are added to text nodes only.
        {...(clean
          ? { dangerouslySetInnerHTML: { __html: clean.html } }
          : { children: <span className="whitespace-pre-wrap">{htmlToText(html)}</span> })}
      />
      {long && !revealed ? (
        <button
          type="button"
          aria-expanded={!cut}
          aria-controls={id}
          onClick={() => setExpanded((value) => !value)}
          className={cn(EXPANDER, 'self-start')}
        >
          {cut ? showAllLabel(textLength) : 'Show less'}
        </button>
      ) : null}
    </>
  )
}
