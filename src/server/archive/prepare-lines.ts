import type { IndexedConversation } from '@/server/archive/extract'
import { validateRecord } from '@/server/archive/import-record'
import { locateJsonError } from '@/server/archive/json-error'
import { topLevelSpans, type Span } from '@/server/archive/top-level-spans'

/** One NDJSON line to import: its text, its 1-based line number and its record index. */
export interface LineItem {
  text: string
  line: number
  index: number
}

/**
 * A batch of NDJSON lines as bytes (cheap to hand to a worker thread: one buffer copy, no string
 * serialisation), with each line's byte range, line number and record index.
 */
export interface LineBatch {
  bytes: Uint8Array
  lines: { start: number; end: number; line: number; index: number }[]
}

/** The text of each line of a batch. */
export function decodeBatch(batch: LineBatch): LineItem[] {
  const buffer = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength)
  return batch.lines.map(({ start, end, line, index }) => ({
    text: buffer.toString('utf8', start, end),
    line,
    index,
  }))
}

/** What became of one line: indexed, or the reason it cannot be imported. */
export type LineResult =
  | { kind: 'ok'; indexed: IndexedConversation; warnings: string[]; spans: Span[] }
  | { kind: 'error'; message: string }

/**
 * Parses and validates NDJSON lines (the CPU-heavy part of an import). Runs on the main thread
 * for small files and in worker threads for large ones; the archive is written elsewhere.
 */
export function prepareLines(items: readonly LineItem[], fileName: string): LineResult[] {
  return items.map((item) => {
    let value: unknown
    try {
      value = JSON.parse(item.text)
    } catch (error) {
      const where = locateJsonError(item.text, error)
      return {
        kind: 'error',
        message: `${fileName}:${String(item.line)}:${String(where.column)}: ${where.message}`,
      }
    }
    const label = `record ${String(item.index + 1)} (line ${String(item.line)})`
    const validated = validateRecord(value, label, fileName)
    if (!validated.ok) return { kind: 'error', message: validated.error }
    // Where each section sits in the line: the writer stores those slices as imported.
    const spans = topLevelSpans(item.text) ?? []
    return { kind: 'ok', indexed: validated.indexed, warnings: validated.warnings, spans }
  })
}
