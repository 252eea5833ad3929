/**
 * Where each top-level value of a JSON object text starts and ends, without building the value.
 * The import uses it to store every section of a record exactly as imported (a slice of the
 * line) instead of serialising the parsed value again. Only called on text `JSON.parse`
 * accepted, so it does not validate; it returns undefined for anything but an object.
 */
export type Span = [key: string, start: number, end: number]

const QUOTE = 34
const BACKSLASH = 92

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}

/** Index just past the string starting at `i` (which is a quote). */
function skipString(text: string, i: number): number {
  let j = i + 1
  for (;;) {
    const quote = text.indexOf('"', j)
    if (quote < 0) return text.length
    // Count the backslashes before the quote: an odd number escapes it.
    let slashes = 0
    for (let k = quote - 1; k > i && text.charCodeAt(k) === BACKSLASH; k--) slashes++
    if (slashes % 2 === 0) return quote + 1
    j = quote + 1
  }
}

/** Index just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const first = text.charCodeAt(i)
  if (first === QUOTE) return skipString(text, i)
  if (first === 123 || first === 91) {
    let depth = 0
    let j = i
    while (j < text.length) {
      const code = text.charCodeAt(j)
      if (code === QUOTE) {
        j = skipString(text, j)
        continue
      }
      if (code === 123 || code === 91) depth++
      else if (code === 125 || code === 93) {
        depth--
        if (depth === 0) return j + 1
      }
      j++
    }
    return text.length
  }
  // A number, true, false or null: up to the next delimiter.
  let j = i
  while (j < text.length) {
    const code = text.charCodeAt(j)
    if (code === 44 || code === 125 || code === 93 || isSpace(code)) break
    j++
  }
  return j
}

export function topLevelSpans(text: string): Span[] | undefined {
  let i = 0
  const ws = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++
  }
  ws()
  if (text.charCodeAt(i) !== 123) return undefined
  i++
  const spans: Span[] = []
  for (;;) {
    ws()
    if (text.charCodeAt(i) === 125 || i >= text.length) return spans
    if (text.charCodeAt(i) !== QUOTE) return undefined
    const keyEnd = skipString(text, i)
    const rawKey = text.slice(i, keyEnd)
    const key: unknown = rawKey.includes('\\') ? JSON.parse(rawKey) : rawKey.slice(1, -1)
    if (typeof key !== 'string') return undefined
    i = keyEnd
    ws()
    if (text.charCodeAt(i) !== 58) return undefined
    i++
    ws()
    const start = i
    i = skipValue(text, i)
    spans.push([key, start, i])
    ws()
    if (text.charCodeAt(i) === 44) i++
  }
}
