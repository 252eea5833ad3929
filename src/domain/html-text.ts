/**
 * Text out of markup, without a DOM: what a reader sees of an HTML message (for find, search,
 * exports) and character references decoded in text that LivePerson's renderer treats as HTML.
 * One set of rules for the browser and the server, so the archive's search and the transcript's
 * find read the same words.
 */
import { decodeHTML } from 'entities/decode'

/**
 * `&amp;` → `&`, `&#x1F449;` → 👉, `&eacute;` → é: every HTML character reference, decoded as a
 * browser decodes text content (the `entities` package, HTML5's full table, legacy references
 * without a semicolon too). Only references are decoded; a `<` stays a `<`, so the result is text,
 * never markup. Unknown names stay as written.
 */
export function decodeCharacterReferences(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text
}

/** Tags whose content is not text: dropped up to their closing tag (or the end, as a browser does). */
const HIDDEN = new Set(['script', 'style', 'template'])
/** Tags that end a line: `<br>`, `<hr>`, and the ends of blocks. */
const LINE_BREAKS = new Set(['br', 'hr'])
const BLOCK_ENDS = new Set(
  'p div li tr h1 h2 h3 h4 h5 h6 ul ol dl table thead tbody tfoot caption blockquote pre section article header footer figure figcaption'.split(
    ' ',
  ),
)
/** Closing tags that leave a space (table cells, terms, options), and images. */
const SPACE_ENDS = new Set(['td', 'th', 'dt', 'dd', 'option'])

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
const isNameChar = (code: number) => isLetter(code) || (code >= 48 && code <= 57)

/** The lower-cased tag name starting at `from`, and where it ends. */
function tagName(html: string, from: number): string {
  let end = from
  while (end < html.length && isNameChar(html.charCodeAt(end))) end++
  return html.slice(from, end).toLowerCase()
}

/** Where the closing tag of `name` ends (after its `>`), or -1 when it is never closed. */
function closingTagEnd(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (tagName(html, at + 2) !== name) continue
    const gt = html.indexOf('>', at + 2 + name.length)
    return gt === -1 ? -1 : gt + 1
  }
  return -1
}

/** Spaces at the end of each line dropped, in one pass (a regex back-tracks on long runs). */
function trimLineEnds(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length
      while (end > 0 && line.charCodeAt(end - 1) === 32) end--
      return end === line.length ? line : line.slice(0, end)
    })
    .join('\n')
}

/**
 * The visible text of an HTML fragment: scripts, styles, templates and comments dropped; line
 * breaks, rules and the ends of blocks (paragraphs, list items, table rows, headings, lists,
 * tables, quotes) end a line; the ends of table cells, definition terms and options, and images,
 * leave a space (`<td>Order</td><td>12345</td>` reads "Order 12345", so a search for 12345 finds
 * it); other tags vanish without a space, as inline markup does on screen; character references
 * decoded. A `<` that does not start a tag (`1 < 2`) is text, as in a browser; an unclosed tag or
 * comment at the end hides the rest, as in a browser.
 *
 * One pass over the text with `indexOf`, never a back-tracking regex: transcripts are written by
 * anyone, and 100 kB of spaces or of unclosed `<` must cost milliseconds, not seconds.
 */
export function htmlToText(html: string): string {
  const parts: string[] = []
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt === -1) {
      parts.push(html.slice(i))
      break
    }
    const next = html.charCodeAt(lt + 1)
    const closing = next === 47 // '/'
    const opensTag =
      isLetter(next) || next === 33 || next === 63 || (closing && isLetter(html.charCodeAt(lt + 2)))
    if (!opensTag) {
      parts.push(html.slice(i, lt + 1))
      i = lt + 1
      continue
    }
    parts.push(html.slice(i, lt))
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      if (end === -1) break
      i = end + 3
      continue
    }
    const gt = html.indexOf('>', lt + 1)
    if (gt === -1) break
    i = gt + 1
    const name = tagName(html, lt + (closing ? 2 : 1))
    if (closing) {
      if (BLOCK_ENDS.has(name)) parts.push('\n')
      else if (SPACE_ENDS.has(name)) parts.push(' ')
    } else if (HIDDEN.has(name)) {
      const end = closingTagEnd(html, name, i)
      if (end === -1) break
      i = end
    } else if (LINE_BREAKS.has(name)) parts.push('\n')
    else if (name === 'img') parts.push(' ')
  }
  return trimLineEnds(decodeCharacterReferences(parts.join('')))
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
