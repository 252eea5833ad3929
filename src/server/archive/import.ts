import { createReadStream, statSync } from 'node:fs'
import type { Archive, ArchiveEntry } from '@/server/archive/archive'
import { createImportPool, type ImportPool } from '@/server/archive/import-pool'
import { prepareEntry } from '@/server/archive/import-record'
import { locateJsonError } from '@/server/archive/json-error'
import { splitRecordText } from '@/server/archive/record-output'
import {
  decodeBatch,
  prepareLines,
  type LineBatch,
  type LineResult,
} from '@/server/archive/prepare-lines'

/**
 * Import of LivePerson exports. Four shapes are accepted: a search or by-ID response
 * (`{conversationHistoryRecords: [...]}`), a bare array of records, one record, or NDJSON (one
 * record per line). A file is all or nothing: malformed JSON or any invalid record means nothing
 * from that file is written; otherwise every record is upserted by conversationId in one
 * transaction.
 */

export type ImportShape = 'response' | 'array' | 'record' | 'ndjson'

export type ParsedImport =
  | { ok: true; shape: ImportShape; records: unknown[]; lines?: number[] }
  | { ok: false; errors: string[] }

export type ImportOutcome =
  | { ok: true; imported: number; inserted: number; updated: number; warnings: string[] }
  | { ok: false; errors: string[] }

const MAX_LISTED_ERRORS = 100

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const SHAPE_HINT =
  'expected {"conversationHistoryRecords": [...]}, an array of records, one record (with "info"), or NDJSON (one record per line)'

function recordsOf(value: unknown, fileName: string): ParsedImport {
  if (Array.isArray(value)) return { ok: true, shape: 'array', records: value }
  if (isObject(value)) {
    if ('conversationHistoryRecords' in value) {
      const records = value.conversationHistoryRecords
      if (Array.isArray(records)) return { ok: true, shape: 'response', records }
      if (records === null || records === undefined)
        return { ok: true, shape: 'response', records: [] }
      return { ok: false, errors: [`${fileName}: conversationHistoryRecords is not an array`] }
    }
    if ('info' in value) return { ok: true, shape: 'record', records: [value] }
  }
  return { ok: false, errors: [`${fileName}: not a conversation export: ${SHAPE_HINT}`] }
}

/** Non-empty lines with their 1-based numbers and start offsets. */
function splitLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = []
  let line = 1
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const content = text.slice(start, i).replace(/\r$/, '')
      if (content.trim() !== '') out.push({ text: content, line })
      line++
      start = i + 1
    }
  }
  return out
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, error }
  }
}

function parseNdjson(lines: { text: string; line: number }[], fileName: string): ParsedImport {
  const records: unknown[] = []
  const numbers: number[] = []
  const errors: string[] = []
  for (const { text, line } of lines) {
    const parsed = tryParse(text)
    if (!parsed.ok) {
      const where = locateJsonError(text, parsed.error)
      errors.push(`${fileName}:${String(line)}:${String(where.column)}: ${where.message}`)
      if (errors.length >= MAX_LISTED_ERRORS) break
      continue
    }
    records.push(parsed.value)
    numbers.push(line)
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, shape: 'ndjson', records, lines: numbers }
}

/** Detects the shape of an export and parses it. JSON errors read `file:line:column: message`. */
export function parseImportText(text: string, fileName: string): ParsedImport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, errors: [`${fileName}: the file is empty`] }

  const whole = tryParse(body)
  if (whole.ok) return recordsOf(whole.value, fileName)

  // NDJSON: the first line is a complete JSON object on its own and more lines follow.
  const lines = splitLines(body)
  const first = lines[0]
  if (lines.length > 1 && first !== undefined) {
    const head = tryParse(first.text)
    if (head.ok && isObject(head.value)) return parseNdjson(lines, fileName)
  }

  const where = locateJsonError(body, whole.error)
  return {
    ok: false,
    errors: [`${fileName}:${String(where.line)}:${String(where.column)}: ${where.message}`],
  }
}

const recordLabel = (index: number, line?: number) =>
  `record ${String(index + 1)}${line === undefined ? '' : ` (line ${String(line)})`}`

function listErrors(errors: string[], fileName: string, total = errors.length): string[] {
  const listed = errors.slice(0, MAX_LISTED_ERRORS)
  if (total > listed.length) {
    listed.push(`${fileName}: … and ${String(total - listed.length)} more problems`)
  }
  return listed
}

/** Validates every record; the entries to write, or every invalid record with its reason. */
export function prepareEntries(
  parsed: Extract<ParsedImport, { ok: true }>,
  fileName: string,
): { ok: true; entries: ArchiveEntry[]; warnings: string[] } | { ok: false; errors: string[] } {
  const entries: ArchiveEntry[] = []
  const errors: string[] = []
  const warnings: string[] = []
  parsed.records.forEach((raw, index) => {
    const prepared = prepareEntry(raw, recordLabel(index, parsed.lines?.[index]), fileName)
    if (!prepared.ok) {
      errors.push(prepared.error)
      return
    }
    warnings.push(...prepared.warnings)
    entries.push(prepared.entry)
  })
  if (errors.length > 0) return { ok: false, errors: listErrors(errors, fileName) }
  return { ok: true, entries, warnings }
}

/** Parses, validates and upserts one file's text: all of it, or (on any error) none of it. */
export function importText(archive: Archive, text: string, fileName: string): ImportOutcome {
  const parsed = parseImportText(text, fileName)
  if (!parsed.ok) return parsed
  const prepared = prepareEntries(parsed, fileName)
  if (!prepared.ok) return prepared
  const { inserted, updated } = archive.upsert(prepared.entries)
  if (prepared.entries.length >= 1000) archive.optimize(true)
  return {
    ok: true,
    imported: prepared.entries.length,
    inserted,
    updated,
    warnings: prepared.warnings,
  }
}

/** `imported N conversations (X new, Y updated)`. */
export function describeImport(result: { imported: number; inserted: number; updated: number }) {
  const noun = result.imported === 1 ? 'conversation' : 'conversations'
  return `imported ${String(result.imported)} ${noun} (${String(result.inserted)} new, ${String(result.updated)} updated)`
}

/** Files up to this size are read whole (any of the four shapes); larger ones must be NDJSON. */
export const WHOLE_FILE_LIMIT = 256 * 1024 * 1024
/** NDJSON files from this size are streamed and parsed by worker threads. */
export const PARALLEL_LIMIT = 16 * 1024 * 1024
const BATCH_LINES = 256

/**
 * The lines of a file (without `\n`) as byte views, read in large chunks: faster and lighter on
 * memory than `readline` for files of many long lines.
 */
async function* readLines(path: string): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })
  let carry: Buffer | undefined
  for await (const chunk of stream) {
    const piece: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    const data = carry ? Buffer.concat([carry, piece]) : piece
    let start = 0
    for (let end = data.indexOf(10); end >= 0; end = data.indexOf(10, start)) {
      yield data.subarray(start, end)
      start = end + 1
    }
    carry = start < data.length ? data.subarray(start) : undefined
  }
  if (carry && carry.length > 0) yield carry
}

const isBlankByte = (byte: number | undefined) =>
  byte === 32 || byte === 9 || byte === 13 || byte === 10

/** A line without surrounding whitespace (and a leading BOM), or undefined when blank. */
function trimLine(bytes: Buffer, first: boolean): Buffer | undefined {
  let start = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  let end = bytes.length
  while (start < end && isBlankByte(bytes[start])) start++
  while (end > start && isBlankByte(bytes[end - 1])) end--
  return start < end ? bytes.subarray(start, end) : undefined
}

/** Copies lines into one batch buffer (one allocation, transferable to a worker). */
function toBatch(parts: { bytes: Buffer; line: number; index: number }[]): LineBatch {
  const total = parts.reduce((sum, part) => sum + part.bytes.length, 0)
  const bytes = new Uint8Array(new ArrayBuffer(total))
  const lines: LineBatch['lines'] = []
  let offset = 0
  for (const part of parts) {
    bytes.set(part.bytes, offset)
    lines.push({
      start: offset,
      end: offset + part.bytes.length,
      line: part.line,
      index: part.index,
    })
    offset += part.bytes.length
  }
  return { bytes, lines }
}

/** True when the file's first line is a complete JSON object on its own (NDJSON). */
async function firstLineIsObject(path: string): Promise<boolean> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 })
  let head = ''
  try {
    for await (const chunk of stream) {
      head += String(chunk)
      const end = head.indexOf('\n')
      if (end >= 0) {
        head = head.slice(0, end)
        break
      }
      if (head.length > 64 * 1024 * 1024) return false
    }
  } finally {
    stream.destroy()
  }
  const parsed = tryParse(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head)
  return parsed.ok && isObject(parsed.value)
}

export interface ImportFileOptions {
  /** How the file is named in messages (default: the path). */
  fileName?: string
  /** Read whole up to this size (default {@link WHOLE_FILE_LIMIT}). */
  wholeFileLimit?: number
  /** Parse NDJSON in worker threads: true, false, or by size (default, {@link PARALLEL_LIMIT}). */
  parallel?: boolean
  /** How many worker threads (default: see {@link createImportPool}). */
  workers?: number
}

/**
 * Imports a file from disk, all or nothing. Small files go through {@link importText}. Large
 * NDJSON files are streamed in one transaction that is rolled back if any line or record is bad,
 * so memory stays flat; their lines are parsed and validated by worker threads while this thread
 * writes the archive.
 */
export async function importFile(
  archive: Archive,
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportOutcome> {
  const fileName = options.fileName ?? path
  const size = statSync(path).size
  const ndjson = await firstLineIsObject(path)
  const parallel = options.parallel ?? size >= PARALLEL_LIMIT
  const whole = size <= (options.wholeFileLimit ?? WHOLE_FILE_LIMIT)
  if (whole && !(ndjson && parallel)) {
    const { readFile } = await import('node:fs/promises')
    return importText(archive, await readFile(path, 'utf8'), fileName)
  }
  if (!ndjson) {
    return {
      ok: false,
      errors: [
        `${fileName}: too large (${String(Math.round(size / 1048576))} MB) to read as one JSON document; export it as NDJSON (one record per line)`,
      ],
    }
  }
  const pool = parallel ? createImportPool(options.workers) : undefined
  try {
    return await streamNdjson(archive, path, fileName, pool)
  } finally {
    await pool?.close()
  }
}

async function streamNdjson(
  archive: Archive,
  path: string,
  fileName: string,
  pool: ImportPool | undefined,
): Promise<ImportOutcome> {
  const writer = archive.begin()
  const errors: string[] = []
  const warnings: string[] = []
  let errorCount = 0
  let records = 0
  const queue: { batch: LineBatch; results: Promise<LineResult[]> }[] = []
  const maxInFlight = pool ? 8 : 0

  const settle = async (keep: number) => {
    while (queue.length > keep) {
      const head = queue.shift()
      if (!head) break
      const results = await head.results
      const bytes = Buffer.from(
        head.batch.bytes.buffer,
        head.batch.bytes.byteOffset,
        head.batch.bytes.byteLength,
      )
      results.forEach((result, k) => {
        if (result.kind === 'error') {
          errorCount++
          if (errors.length < MAX_LISTED_ERRORS) errors.push(result.message)
          return
        }
        if (warnings.length < 1000) warnings.push(...result.warnings)
        const line = head.batch.lines[k]
        if (errorCount > 0 || !line) return
        const text = bytes.toString('utf8', line.start, line.end)
        writer.write({ stored: splitRecordText(text, result.spans), indexed: result.indexed })
      })
    }
  }
  const submit = async (batch: LineBatch) => {
    const results = pool
      ? pool.prepare(batch, fileName)
      : Promise.resolve(prepareLines(decodeBatch(batch), fileName))
    // Awaited in order by settle(); until then a failure must not count as unhandled.
    results.catch(() => undefined)
    queue.push({ batch, results })
    await settle(maxInFlight)
  }

  try {
    let lineNumber = 0
    let parts: { bytes: Buffer; line: number; index: number }[] = []
    for await (const raw of readLines(path)) {
      lineNumber++
      const bytes = trimLine(raw, lineNumber === 1)
      if (!bytes) continue
      parts.push({ bytes, line: lineNumber, index: records++ })
      if (parts.length >= BATCH_LINES) {
        await submit(toBatch(parts))
        parts = []
      }
    }
    if (parts.length > 0) await submit(toBatch(parts))
    await settle(0)
  } catch (error) {
    writer.rollback()
    throw error
  }
  if (errorCount > 0) {
    writer.rollback()
    return { ok: false, errors: listErrors(errors, fileName, errorCount) }
  }
  const { inserted, updated } = writer.commit()
  archive.optimize(true)
  return { ok: true, imported: records, inserted, updated, warnings }
}
