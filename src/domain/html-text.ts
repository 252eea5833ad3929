/**
 * Text out of markup, without a DOM: what a reader sees of an HTML message (for find, search,
 * exports) and character references decoded in text that LivePerson's renderer treats as HTML.
 * One set of rules for the browser and the server, so the archive's search and the transcript's
 * find read the same words.
 */

const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

const REFERENCE = /&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g

/**
 * `&amp;` → `&`, `&#x1F449;` → 👉, `&#233;` → é. Only references are decoded; a `<` stays a `<`,
 * so the result is text, never markup. Unknown names and impossible code points stay as written.
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole
    }
    return NAMED_REFERENCES[name.toLowerCase()] ?? whole
  })
}

/**
 * The visible text of an HTML fragment: scripts, styles, templates and comments dropped; line
 * breaks, paragraphs, list items, table rows and headings end a line; other tags vanish without a
 * space (as inline markup does on screen); character references decoded.
 */
export function htmlToText(html: string): string {
  return decodeCharacterReferences(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
