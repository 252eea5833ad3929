/** Text for the full-text index and SDE search: folding, SDE tokens, the boundary between texts. */

/** Lower case, diacritics removed, spaces collapsed: how SDE values are stored and searched. */
export function foldText(text: string): string {
  // Printable ASCII is its own NFKD form and has no combining marks: skip the Unicode passes.
  const decomposed = ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '')
  return decomposed.toLowerCase().replace(/\s+/g, ' ').trim()
}

const ASCII = /^[\t\n\v\f\r -~]*$/

const HEX = Array.from({ length: 128 }, (_, code) => code.toString(16).padStart(2, '0'))

/** Lowercase hex of the UTF-8 bytes of `text` (what SQLite's `lower(hex(text))` gives). */
function hexOf(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 128) return Buffer.from(text, 'utf8').toString('hex')
    out += HEX[code] ?? ''
  }
  return out
}

/**
 * The full-text token that stands for one SDE value (already folded) under one event key:
 * `hex(key) g hex(value)`. Letters and digits only, so the index keeps it whole, and exact: two
 * tokens are equal only when key and value both are. `sdeSearch` matches these tokens, so a value
 * is found whole (or word by word, see extract.ts), never by a fragment.
 */
export function sdeToken(key: string, foldedValue: string): string {
  return `${hexOf(key)}g${hexOf(foldedValue)}`
}

/**
 * Stands between two texts of a conversation (two messages, or a message's text and its rich
 * content) in the full-text index: a private-use character, which the tokenizer keeps as a token
 * of its own, so a quoted phrase never matches across two messages. Searches never contain it
 * (fts-query.ts takes it out of what users type).
 */
export const TEXT_BOUNDARY = '\ue000'
