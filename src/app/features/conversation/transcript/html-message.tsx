import { useMemo } from 'react'
import type { FindHighlight } from './find-context'
import { sanitizeMessageHtml } from './sanitize-html'

/** A `TEXT_HTML` message: sanitised (formatting and http(s) links only), find matches marked. */
export function HtmlMessage({ html, find }: { html: string; find: FindHighlight }) {
  const { re, offset, active } = find
  const clean = useMemo(
    () => sanitizeMessageHtml(html, re, active === undefined ? undefined : active - offset),
    [html, re, offset, active],
  )
  return (
    <div
      className="break-words [&_a]:text-blue-700 [&_a]:underline dark:[&_a]:text-blue-300 [&_blockquote]:border-l-2 [&_blockquote]:pl-2 [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1 [&_pre]:whitespace-pre-wrap [&_ul]:list-disc"
      // Sanitised by DOMPurify (strict allow-list) in sanitizeMessageHtml; marks are added to text nodes only.
      dangerouslySetInnerHTML={{ __html: clean.html }}
    />
  )
}
