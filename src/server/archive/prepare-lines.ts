import { isAscii, isUtf8 } from 'node:buffer'
import type { IndexedConversation } from '@/server/archive/extract'
import { validateRecord } from '@/server/archive/import-record'
import { locateJsonError } from '@/server/archive/json-error'
import {
  sectionLayout,
  splitRecord,
  type SectionLayout,
  type StoredSections,
} from '@/server/archive/record-output'
import { topLevelSpans, type Span } from '@/server/archive/top-level-spans'

/**
 * A batch of NDJSON lines as bytes, as read from the file, with each line's byte range (trimmed),
 * line number and record index. Cheap to hand to a worker thread: when `owned`, the buffer is the
 * batch's alone and is transferred, not copied; it comes back with the results.
 */
export interface LineBatch {
  bytes: Uint8Array
  lines: { start: number; end: number; line: number; index: number }[]
  owned?: boolean
}

/** What became of one line: indexed, with where its sections lie in the batch's bytes; or why not. */
export type LineResult =
  | {
      kind: 'ok'
      indexed: IndexedConversation
      warnings: string[]
      layout: SectionLayout
      /** Sections as text, for a line that is not valid UTF-8 (instead of byte ranges). */
      decoded?: StoredSections['sections']
    }
  | { kind: 'error'; message: string }

/** Text of `buffer[start, end)`: pure ASCII is copied as one-byte text, which parses faster. */
function textOf(buffer: Buffer, start: number, end: number): string {
  return isAscii(buffer.subarray(start, end))
    ? buffer.toString('latin1', start, end)
    : buffer.toString('utf8', start, end)
}

/**
 * The record on a line, parsed section by section: each top-level value is decoded and parsed on
 * its own, so the many sections that are plain ASCII become compact one-byte strings (a record
 * with one accented name would otherwise make the whole 30 KB line a two-byte string). Undefined
 * when the line is not a well-formed object; the caller then parses the whole line, which gives
 * the same answer as `JSON.parse` always does, with its error.
 */
function parseBySection(
  buffer: Buffer,
  spans: readonly Span[],
): Record<string, unknown> | undefined {
  const entries: [string, unknown][] = []
  try {
    for (const [key, start, end] of spans)
      entries.push([key, JSON.parse(textOf(buffer, start, end))])
  } catch {
    return undefined
  }
  // Later duplicates win, in the first one's place, as with JSON.parse; `__proto__` stays a key.
  return Object.fromEntries(entries)
}

/**
 * Parses and validates the lines of a batch (the CPU-heavy part of an import). Runs in worker
 * threads for large files and on the main thread for small ones; the archive is written elsewhere.
 */
export type ParsedLine =
  | { ok: true; value: unknown; spans: Span[] | undefined }
  | { ok: false; line: number; column: number; message: string }

/**
 * The JSON value on `buffer[start, end)`: the same value, or the same error, as `JSON.parse` of
 * its text. A well-formed object in valid UTF-8 is parsed section by section and comes with its
 * top-level spans (byte ranges); anything else is parsed whole.
 */
export function parseLine(buffer: Buffer, start: number, end: number): ParsedLine {
  const spans = isUtf8(buffer.subarray(start, end)) ? topLevelSpans(buffer, start, end) : undefined
  const bySection = spans ? parseBySection(buffer, spans) : undefined
  if (bySection) return { ok: true, value: bySection, spans }
  const text = textOf(buffer, start, end)
  try {
    return { ok: true, value: JSON.parse(text) as unknown, spans: undefined }
  } catch (error) {
    return { ok: false, ...locateJsonError(text, error) }
  }
}

/**
 * Parses and validates the lines of a batch (the CPU-heavy part of an import). Runs in worker
 * threads for large files and on the main thread for small ones; the archive is written elsewhere.
 */
export function prepareBatch(batch: LineBatch, fileName: string): LineResult[] {
  const buffer = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength)
  const sliceText = (start: number, end: number) => buffer.toString('utf8', start, end)
  return batch.lines.map(({ start, end, line, index }): LineResult => {
    const parsed = parseLine(buffer, start, end)
    if (!parsed.ok) {
      return {
        kind: 'error',
        message: `${fileName}:${String(line)}:${String(parsed.column)}: ${parsed.message}`,
      }
    }
    const label = `record ${String(index + 1)} (line ${String(line)})`
    const validated = validateRecord(parsed.value, label, fileName)
    if (!validated.ok) return { kind: 'error', message: validated.error }
    const { indexed, warnings } = validated
    if (parsed.spans) {
      // Where each section sits in the bytes: the writer stores those slices as imported.
      return { kind: 'ok', indexed, warnings, layout: sectionLayout(parsed.spans, sliceText) }
    }
    // Not split (the line is not valid UTF-8, or it is a record the split refused but JSON.parse
    // took): the sections are stored as serialised from what was read.
    const value = parsed.value
    const { sections, extra } = splitRecord(
      typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {},
    )
    return { kind: 'ok', indexed, warnings, layout: { sections: {}, extra }, decoded: sections }
  })
}
