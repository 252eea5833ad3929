/**
 * Where each top-level value of a JSON object starts and ends, in bytes of its UTF-8 text,
 * without building the value. The import uses it to parse a record section by section and to
 * store every section exactly as imported (a slice of the file's bytes) instead of serialising
 * the parsed value again.
 *
 * Scanning bytes is safe for UTF-8: every byte of a multi-byte character is ≥ 0x80, so it is
 * never mistaken for a quote, a backslash or a bracket.
 */
export type Span = [key: string, start: number, end: number]

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93

function isSpace(code: number | undefined): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}

/** Index just past the string whose opening quote is at `i`. */
function skipString(bytes: Uint8Array, i: number, end: number): number {
  let j = i + 1
  while (j < end) {
    const code = bytes[j]
    if (code === QUOTE) return j + 1
    j += code === BACKSLASH ? 2 : 1
  }
  return end
}

/** Index just past the value starting at `i`. */
function skipValue(bytes: Uint8Array, i: number, end: number): number {
  const first = bytes[i]
  if (first === QUOTE) return skipString(bytes, i, end)
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0
    let j = i
    while (j < end) {
      const code = bytes[j]
      if (code === QUOTE) {
        j = skipString(bytes, j, end)
        continue
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth--
        if (depth === 0) return j + 1
      }
      j++
    }
    return end
  }
  // A number, true, false or null: up to the next delimiter.
  let j = i
  while (j < end) {
    const code = bytes[j]
    if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isSpace(code)) break
    j++
  }
  return j
}

const decoder = new TextDecoder()

/**
 * The top-level keys of the object in `bytes[start, end)` and where each value lies, or undefined
 * when the text is not an object whose top level is well formed: `{`, then `"key": value` pairs
 * separated by commas, then `}` and nothing but whitespace. Keys are read with `JSON.parse` (so
 * a malformed key fails too). Values are only delimited here, not validated: a caller that needs
 * them parses each slice.
 */
export function topLevelSpans(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): Span[] | undefined {
  let i = start
  const ws = () => {
    while (i < end && isSpace(bytes[i])) i++
  }
  ws()
  if (bytes[i] !== OPEN_BRACE) return undefined
  i++
  ws()
  const spans: Span[] = []
  if (bytes[i] !== CLOSE_BRACE) {
    for (;;) {
      if (bytes[i] !== QUOTE) return undefined
      const keyEnd = skipString(bytes, i, end)
      if (bytes[keyEnd - 1] !== QUOTE || keyEnd - 1 === i) return undefined
      let key: unknown
      try {
        key = JSON.parse(decoder.decode(bytes.subarray(i, keyEnd)))
      } catch {
        return undefined
      }
      if (typeof key !== 'string') return undefined
      i = keyEnd
      ws()
      if (bytes[i] !== COLON) return undefined
      i++
      ws()
      if (i >= end) return undefined
      const valueStart = i
      i = skipValue(bytes, i, end)
      spans.push([key, valueStart, i])
      ws()
      if (bytes[i] === COMMA) {
        i++
        ws()
        continue
      }
      if (bytes[i] === CLOSE_BRACE) break
      return undefined
    }
  }
  i++
  ws()
  return i === end ? spans : undefined
}
