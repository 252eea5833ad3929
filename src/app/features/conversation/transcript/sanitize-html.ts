import DOMPurify from 'dompurify'
import type { DOMPurify as Purifier } from 'dompurify'
import { httpUrl } from '@/app/lib/safe-url'
import { matchRanges } from './find-matches'
import { ACTIVE_MARK_CLASSES, MARK_CLASSES } from './mark-classes'

/**
 * `TEXT_HTML` messages: formatting and links only. No styles, no forms, no images, no scripts;
 * links open in a new tab without an opener and only when they are http(s). Our own purifier
 * instance, so these hooks do not touch anyone else's DOMPurify use.
 */

const ALLOWED_TAGS = [
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'br',
  'p',
  'div',
  'span',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]

/** DOMPurify's own URI filter; the hook below then applies the app-wide link rule. */
const HTTP = /^https?:\/\//i

let purifier: Purifier | undefined

function instance(): Purifier {
  if (purifier) return purifier
  const p = DOMPurify(window)
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return
    const href = node.getAttribute('href')?.trim()
    if (httpUrl(href) === undefined) {
      node.removeAttribute('href')
      node.removeAttribute('target')
      node.removeAttribute('rel')
      return
    }
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  })
  purifier = p
  return p
}

/** Sanitised HTML as a fragment owned by the caller. */
function sanitizeToFragment(html: string): DocumentFragment {
  return instance().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: HTTP,
    RETURN_DOM_FRAGMENT: true,
  })
}

/**
 * The message's HTML, sanitised, with every find match in the text wrapped in a `<mark>` (the
 * `active`-th one stands out). Matches are looked for inside each text node of the sanitised
 * output, so markup can never be produced from the message's text.
 */
export function sanitizeMessageHtml(
  html: string,
  re?: RegExp,
  active?: number,
): { html: string; marks: number } {
  const fragment = sanitizeToFragment(html)
  let marks = 0
  if (re) {
    const doc = fragment.ownerDocument
    const walker = doc.createTreeWalker(fragment, NodeFilter.SHOW_TEXT)
    const texts: Text[] = []
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      if (n instanceof Text) texts.push(n)
    }
    for (const node of texts) {
      const text = node.data
      const ranges = matchRanges(text, re)
      if (ranges.length === 0) continue
      const replacement = doc.createDocumentFragment()
      let at = 0
      for (const [start, end] of ranges) {
        if (start > at) replacement.append(text.slice(at, start))
        const mark = doc.createElement('mark')
        mark.className = marks === active ? ACTIVE_MARK_CLASSES : MARK_CLASSES
        if (marks === active) mark.setAttribute('aria-current', 'true')
        mark.textContent = text.slice(start, end)
        replacement.append(mark)
        marks += 1
        at = end
      }
      if (at < text.length) replacement.append(text.slice(at))
      node.replaceWith(replacement)
    }
  }
  const holder = fragment.ownerDocument.createElement('div')
  holder.append(fragment)
  return { html: holder.innerHTML, marks }
}
