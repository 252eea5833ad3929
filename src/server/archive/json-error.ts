/**
 * Where a JSON text is malformed, as line and column (1-based), for `file:line:column: message`.
 *
 * V8's `SyntaxError` names a position for most errors ("… in JSON at position 7") but not all
 * ("Unexpected token '}', "…" is not valid JSON"), so the position comes from the message when
 * it has one and otherwise from a small scanner that walks the text to the first error.
 */

export interface JsonErrorLocation {
  line: number
  column: number
  message: string
}

/** Line and column (1-based) of a UTF-16 offset in `text`. */
export function lineColumnAt(text: string, position: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(position, 0), text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/** V8's message without the position suffix or the quoted snippet of the input. */
function cleanMessage(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
}

/** Locates the error that `JSON.parse(text)` threw. */
export function locateJsonError(text: string, error: unknown): JsonErrorLocation {
  const raw = error instanceof Error ? error.message : String(error)
  const fromMessage = /at position (\d+)/.exec(raw)
  if (fromMessage?.[1] !== undefined) {
    return { ...lineColumnAt(text, Number(fromMessage[1])), message: cleanMessage(raw) }
  }
  if (/^Unexpected end of JSON input/.test(raw)) {
    return { ...lineColumnAt(text, text.length), message: 'Unexpected end of JSON input' }
  }
  // No position in V8's message: the scanner finds it (and says it without quoting the input).
  const scanned = scanForError(text)
  const position = scanned?.position ?? text.length
  return { ...lineColumnAt(text, position), message: scanned?.message ?? cleanMessage(raw) }
}

/** A minimal JSON scanner: the offset and reason of the first syntax error, if any. */
export function scanForError(text: string): { position: number; message: string } | undefined {
  let i = 0
  const fail = (message: string): never => {
    throw new ScanError(i, message)
  }
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else fail(`Unexpected token '${text[i] ?? ''}'`)
  }
  const string = () => {
    i++ // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return
      }
      if (c < 32) fail('Bad control character in string literal')
      if (c === 92) {
        const next = text[i + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2
            fail('Bad Unicode escape')
          }
          i += 6
          continue
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          i++
          fail('Bad escaped character')
        }
        i += 2
        continue
      }
      i++
    }
    fail('Unterminated string')
  }
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!match || match[0] === '' || match[0] === '-') fail(`Unexpected token '${text[i] ?? ''}'`)
    i += match?.[0].length ?? 0
  }
  const value = (depth: number): void => {
    if (depth > 2_000) fail('Nesting too deep')
    ws()
    const c = text[i]
    if (c === undefined) fail('Unexpected end of JSON input')
    else if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail('Expected double-quoted property name')
        string()
        ws()
        if (text[i] !== ':') fail("Expected ':' after property name")
        i++
        value(depth + 1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        fail(
          text[i] === undefined
            ? 'Unexpected end of JSON input'
            : "Expected ',' or '}' after property value",
        )
      }
    } else if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value(depth + 1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        fail(
          text[i] === undefined
            ? 'Unexpected end of JSON input'
            : "Expected ',' or ']' after array element",
        )
      }
    } else if (c === '"') string()
    else if (c === 't') literal('true')
    else if (c === 'f') literal('false')
    else if (c === 'n') literal('null')
    else if (c === '-' || (c >= '0' && c <= '9')) number()
    else fail(`Unexpected token '${c}'`)
  }
  try {
    value(0)
    ws()
    if (i < text.length) fail('Unexpected non-whitespace character after JSON')
    return undefined
  } catch (error) {
    if (error instanceof ScanError) return { position: error.position, message: error.message }
    throw error
  }
}

class ScanError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message)
  }
}
