import { isAscii, isUtf8 } from 'node:buffer'
import Database from 'better-sqlite3'
import type { IndexedConversation } from '@/server/archive/extract'
import { INDEXED_SECTIONS, validateRecord } from '@/server/archive/import-record'
import { locateJsonError } from '@/server/archive/json-error'
import {
  sectionLayout,
  splitRecord,
  storedFromLayout,
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

/**
 * What became of one line: indexed (the record is valid), with where each of its sections lies in
 * the batch's bytes; or the reason it cannot be imported. A line that is not valid UTF-8 carries
 * its sections as text instead (serialised from what was read).
 */
export type LineResult =
  | {
      kind: 'ok'
      indexed: IndexedConversation
      warnings: string[]
      /** Where each section lies in the batch's bytes (undefined: see `decoded`). */
      layout?: SectionLayout
      decoded?: StoredSections
    }
  | { kind: 'error'; message: string }

/** Text of `buffer[start, end)`: pure ASCII is copied as one-byte text, which parses faster. */
function textOf(buffer: Buffer, start: number, end: number): string {
  return isAscii(buffer.subarray(start, end))
    ? buffer.toString('latin1', start, end)
    : buffer.toString('utf8', start, end)
}

const INDEXED: ReadonlySet<string> = new Set(INDEXED_SECTIONS)

let jsonValid: ((bytes: Uint8Array) => boolean) | undefined

/**
 * Whether `bytes` is JSON text (RFC 8259; SQLite's `json_valid`, in a private in-memory database
 * of this thread). It checks without building anything: about a third of the cost of JSON.parse.
 * Stricter than JSON.parse in one respect only (nesting deeper than 1,000), and a caller that gets
 * false parses the text to be sure.
 */
export function isJsonText(bytes: Uint8Array): boolean {
  if (!jsonValid) {
    const check = new Database(':memory:').prepare('SELECT json_valid(CAST(? AS TEXT))').pluck()
    jsonValid = (text) => check.get(text) === 1
  }
  return jsonValid(bytes)
}

/**
 * The record's indexed sections (see import-record.ts) parsed member by member from its
 * top-level spans, and every other member checked to be JSON without being built (they are
 * stored as they are and parsed only when the viewer shows them). The indexed members are the
 * same as `JSON.parse` of the whole line gives (later duplicates win; `__proto__` stays a key),
 * faster because most members are plain ASCII and decode to compact one-byte strings, where one
 * accented name would make the whole 30 KB line two-byte. Undefined when a member is not
 * (certainly) JSON; the caller then parses the whole line for the error.
 */
function parseMembers(buffer: Buffer, spans: readonly Span[]): Record<string, unknown> | undefined {
  const entries: [string, unknown][] = []
  try {
    for (const [key, start, end] of spans) {
      if (INDEXED.has(key)) entries.push([key, JSON.parse(textOf(buffer, start, end))])
      else if (!isJsonText(buffer.subarray(start, end))) return undefined
    }
  } catch {
    return undefined
  }
  return Object.fromEntries(entries)
}

/**
 * Parses and validates the lines of a batch (the CPU-heavy part of an import). Runs in worker
 * threads for large files and on the main thread for small ones; the archive is written elsewhere.
 */
export function prepareBatch(batch: LineBatch, fileName: string): LineResult[] {
  const buffer = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength)
  const utf8Text = (start: number, end: number) => buffer.toString('utf8', start, end)
  return batch.lines.map(({ start, end, line, index }): LineResult => {
    // Where each section sits in the bytes: the writer stores those slices as imported.
    const spans = isUtf8(buffer.subarray(start, end))
      ? topLevelSpans(buffer, start, end)
      : undefined
    let value: unknown = spans ? parseMembers(buffer, spans) : undefined
    if (value === undefined) {
      const text = utf8Text(start, end)
      try {
        value = JSON.parse(text)
      } catch (error) {
        const where = locateJsonError(text, error)
        return {
          kind: 'error',
          message: `${fileName}:${String(line)}:${String(where.column)}: ${where.message}`,
        }
      }
    }
    const label = `record ${String(index + 1)} (line ${String(line)})`
    const validated = validateRecord(value, label, fileName)
    if (!validated.ok) return { kind: 'error', message: validated.error }
    const { indexed, warnings } = validated
    if (spans) return { kind: 'ok', indexed, warnings, layout: sectionLayout(spans, utf8Text) }
    // Not valid UTF-8: store what was read (decoded with replacement characters), not the bytes.
    // (Also the fallback, never taken, for an object JSON.parse took and the split did not.)
    const record = typeof value === 'object' && value !== null ? value : {}
    const decoded = splitRecord(Object.fromEntries(Object.entries(record)))
    return { kind: 'ok', indexed, warnings, decoded }
  })
}

/** The stored sections of a line {@link prepareBatch} accepted: views of the batch's bytes. */
export function storedSections(
  bytes: Uint8Array,
  result: Extract<LineResult, { kind: 'ok' }>,
): StoredSections {
  if (result.layout) return storedFromLayout(bytes, result.layout)
  return result.decoded ?? { sections: {}, extra: null }
}
