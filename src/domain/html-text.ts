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

/**
 * The visible text of an HTML fragment: scripts, styles, templates and comments dropped; line
 * breaks, rules and the ends of blocks (paragraphs, list items, table rows, headings, lists,
 * tables, quotes) end a line; the ends of table cells, definition terms and options, and images,
 * leave a space (`<td>Order</td><td>12345</td>` reads "Order 12345", so a search for 12345 finds
 * it); other tags vanish without a space, as inline markup does on screen; character references
 * decoded.
 */
export function htmlToText(html: string): string {
  return decodeCharacterReferences(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(br|hr)\b[^>]*>/gi, '\n')
      .replace(
        /<\/(p|div|li|tr|h[1-6]|ul|ol|dl|table|thead|tbody|tfoot|caption|blockquote|pre|section|article|header|footer|figure|figcaption)\s*>/gi,
        '\n',
      )
      .replace(/<\/(td|th|dt|dd|option)\s*>|<img\b[^>]*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/ +\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
