import { TEXT_BOUNDARY } from '@/server/archive/text'

/**
 * Turns a user's `keyword` / `summary` text into a safe FTS5 MATCH expression.
 *
 * - Words: every word must appear (AND), exact tokens (no prefix matching), case-insensitive and
 *   diacritics folded by the table's tokenizer.
 * - A "quoted phrase" (straight or curly quotes) must appear exactly, in order.
 *
 * Every word and phrase is emitted as an FTS5 string (`"…"` with inner quotes doubled), so user
 * text can never become FTS syntax: `*`, `^`, `-`, `:`, `NEAR`, `OR`, `AND`, `NOT`, parentheses
 * are all plain characters inside a string, and the tokenizer treats them as separators. Control
 * characters (NUL included) become spaces.
 */

const HAS_TOKEN = /[\p{L}\p{N}]/u

function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

export interface ParsedTextQuery {
  words: string[]
  phrases: string[]
}

/** Splits user text into bare words and quoted phrases; pieces without letters or digits are dropped. */
export function parseTextQuery(input: string): ParsedTextQuery {
  const normalized = input
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    // The index's boundary between two messages is never something to search for.
    .replaceAll(TEXT_BOUNDARY, ' ')
    // Control characters separate words, as the tokenizer reads them; inside an FTS5 string a
    // NUL would end the expression ("unterminated string"), whoever the caller is.
    .replace(/\p{Cc}/gu, ' ')
  const words: string[] = []
  const phrases: string[] = []
  const parts = normalized.split('"')
  parts.forEach((part, index) => {
    // Odd pieces sit between quotes; an unmatched last quote leaves its text as words.
    const quoted = index % 2 === 1 && index < parts.length - 1
    if (quoted) {
      const phrase = part.trim().replace(/\s+/g, ' ')
      if (HAS_TOKEN.test(phrase)) phrases.push(phrase)
      return
    }
    for (const word of part.split(/\s+/)) {
      if (HAS_TOKEN.test(word)) words.push(word)
    }
  })
  return { words, phrases }
}

/**
 * The MATCH expression for `input` restricted to `column`, or undefined when the text holds no
 * searchable word.
 */
export function buildMatchExpression(
  input: string,
  column: 'messages' | 'summary',
): string | undefined {
  const { words, phrases } = parseTextQuery(input)
  const terms = [...phrases, ...words].map(ftsString)
  if (terms.length === 0) return undefined
  return `${column} : (${terms.join(' AND ')})`
}
