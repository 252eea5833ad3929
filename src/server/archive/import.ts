import type { ImportProgress } from '@/domain/schema/import-job'
import { createReadStream, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { isPlainObject } from '@/domain/schema/coerce'
import type { Archive, ArchiveEntry } from '@/server/archive/archive'
import { createImportPool, type ImportPool, type PreparedBatch } from '@/server/archive/import-pool'
import { prepareEntry } from '@/server/archive/import-record'
import { locateJsonError } from '@/server/archive/json-error'
import { prepareBatch, storedSections, type LineBatch } from '@/server/archive/prepare-lines'

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
  | {
      ok: true
      imported: number
      inserted: number
      updated: number
      warnings: string[]
      /** Where a streamed import spent its time (for `npm run bench`). */
      timing?: ImportTiming
    }
  | { ok: false; errors: string[] }

/** Milliseconds of a streamed import, by what the writing thread was doing. */
export interface ImportTiming {
  /** Reading the file and finding its lines. */
  readMs: number
  /** Parsing batches itself because the worker was behind. */
  parseMs: number
  /** Waiting for the worker. */
  waitMs: number
  /** Writing records to SQLite. */
  writeMs: number
  /** Building the indexes deferred to the end (an import into an empty archive). */
  indexMs: number
  /** Committing. */
  commitMs: number
  /** Refreshing planner statistics and folding in the write-ahead log. */
  optimizeMs: number
  /** Batches parsed by the writing thread, of all batches. */
  batchesHere: number
  batches: number
}

const MAX_LISTED_ERRORS = 100

const SHAPE_HINT =
  'expected {"conversationHistoryRecords": [...]}, an array of records, one record (with "info"), or NDJSON (one record per line)'

function recordsOf(value: unknown, fileName: string): ParsedImport {
  if (Array.isArray(value)) return { ok: true, shape: 'array', records: value }
  if (isPlainObject(value)) {
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
    if (head.ok && isPlainObject(head.value)) return parseNdjson(lines, fileName)
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

/** `writing thread: read 3.1 s, SQLite writes 27.6 s, …` (seconds, one decimal). */
export function describeTiming(t: ImportTiming): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  return `writing thread: read ${s(t.readMs)}, SQLite writes ${s(t.writeMs)}, parsing ${String(t.batchesHere)} of ${String(t.batches)} batches ${s(t.parseMs)}, waiting for the worker ${s(t.waitMs)}, index builds ${s(t.indexMs)}, commit ${s(t.commitMs)}, statistics ${s(t.optimizeMs)}`
}

/** Files up to this size are read whole (any of the four shapes); larger ones must be NDJSON. */
export const WHOLE_FILE_LIMIT = 256 * 1024 * 1024
/** NDJSON files from this size are streamed and parsed by worker threads. */
export const PARALLEL_LIMIT = 16 * 1024 * 1024
/** Bytes read per batch (a batch holds the whole lines that fit; a longer line grows it). */
const BATCH_BYTES = 4 * 1024 * 1024

const isBlankByte = (byte: number | undefined) =>
  byte === 32 || byte === 9 || byte === 13 || byte === 10

/**
 * The file as batches of whole lines: each batch is one freshly allocated buffer as read from
 * disk (transferable to a worker as it is), with the byte range of every non-blank line (trimmed,
 * and without a leading BOM), its 1-based line number and its record index.
 */
async function* readBatches(
  path: string,
  batchBytes: number,
  /** Buffers the caller is done with, reused so that reading does not fault in new memory. */
  spare: ArrayBuffer[] = [],
): AsyncGenerator<LineBatch> {
  const handle = await open(path, 'r')
  try {
    let carry: Buffer | undefined
    let lineNumber = 0
    let records = 0
    let eof = false
    let size = Math.max(1, batchBytes)
    while (!eof) {
      if (carry && carry.length * 2 > size) size = carry.length * 2
      const reuse = spare.pop()
      const buffer =
        reuse && reuse.byteLength === size ? Buffer.from(reuse) : Buffer.allocUnsafeSlow(size)
      let filled = 0
      if (carry) filled = carry.copy(buffer, 0)
      carry = undefined
      while (filled < size) {
        const { bytesRead } = await handle.read(buffer, filled, size - filled, null)
        if (bytesRead === 0) {
          eof = true
          break
        }
        filled += bytesRead
      }
      // Whole lines only; the rest starts the next batch. A line longer than the buffer: grow.
      const cut = eof ? filled : buffer.lastIndexOf(10, filled - 1) + 1
      if (cut === 0 && !eof) {
        carry = buffer.subarray(0, filled)
        size *= 2
        continue
      }
      if (cut < filled) carry = Buffer.from(buffer.subarray(cut, filled))
      const lines: LineBatch['lines'] = []
      let position = 0
      while (position < cut) {
        const newline = buffer.indexOf(10, position)
        const lineEnd = newline < 0 || newline >= cut ? cut : newline
        lineNumber++
        let start = position
        let end = lineEnd
        if (lineNumber === 1 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
          start += 3
        }
        while (start < end && isBlankByte(buffer[start])) start++
        while (end > start && isBlankByte(buffer[end - 1])) end--
        if (start < end) lines.push({ start, end, line: lineNumber, index: records++ })
        position = lineEnd + 1
      }
      // The buffer is the batch's own (never Node's shared pool), so a worker can take it over.
      if (lines.length > 0) {
        yield { bytes: new Uint8Array(buffer.buffer, 0, cut), lines, owned: true }
      }
    }
  } finally {
    await handle.close()
  }
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
  return parsed.ok && isPlainObject(parsed.value)
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
  /** Bytes read per batch of a streamed NDJSON file (default 4 MiB; lines are never split). */
  batchBytes?: number
  /** Told how far the import is, after each batch (a streamed file) or each step (a whole one). */
  onProgress?: (progress: ImportProgress) => void
}

/** How far an import is: of the file's bytes, and of its records. */

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
  const progress = options.onProgress ?? (() => undefined)
  if (whole && !(ndjson && parallel)) {
    const { readFile } = await import('node:fs/promises')
    const outcome = importText(archive, await readFile(path, 'utf8'), fileName)
    const records = outcome.ok ? outcome.imported : 0
    progress({
      bytesRead: size,
      bytesTotal: size,
      recordsRead: records,
      recordsWritten: records,
      problemCount: outcome.ok ? 0 : outcome.errors.length,
    })
    return outcome
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
    return await streamNdjson(archive, path, fileName, pool, {
      batchBytes: options.batchBytes ?? BATCH_BYTES,
      size,
      progress,
    })
  } finally {
    await pool?.close()
  }
}

async function streamNdjson(
  archive: Archive,
  path: string,
  fileName: string,
  pool: ImportPool | undefined,
  options: { batchBytes: number; size: number; progress: (progress: ImportProgress) => void },
): Promise<ImportOutcome> {
  const { batchBytes, size, progress } = options
  const writer = archive.begin({ bulk: true })
  const errors: string[] = []
  const warnings: string[] = []
  let errorCount = 0
  let records = 0
  let written = 0
  let bytesRead = 0
  const queue: {
    lines: LineBatch['lines']
    prepared: Promise<PreparedBatch>
    done: boolean
    bytes: number
  }[] = []
  const spare: ArrayBuffer[] = []
  const maxInFlight = pool ? 8 : 0
  const timing: ImportTiming = {
    readMs: 0,
    parseMs: 0,
    waitMs: 0,
    writeMs: 0,
    indexMs: 0,
    commitMs: 0,
    optimizeMs: 0,
    batchesHere: 0,
    batches: 0,
  }

  const settle = async (keep: number) => {
    while (queue.length > keep) {
      const head = queue.shift()
      if (!head) break
      const waited = performance.now()
      const { results, bytes } = await head.prepared
      const writing = performance.now()
      timing.waitMs += writing - waited
      results.forEach((result, k) => {
        if (result.kind === 'error') {
          errorCount++
          if (errors.length < MAX_LISTED_ERRORS) errors.push(result.message)
          return
        }
        if (warnings.length < 1000) warnings.push(...result.warnings)
        const line = head.lines[k]
        if (errorCount > 0 || !line) return
        writer.write({ stored: storedSections(bytes, result), indexed: result.indexed })
        written++
      })
      timing.writeMs += performance.now() - writing
      bytesRead += head.bytes
      progress({
        bytesRead,
        bytesTotal: size,
        recordsRead: records - queue.reduce((n, waiting) => n + waiting.lines.length, 0),
        recordsWritten: written,
        problemCount: errorCount,
      })
      // Written (SQLite copied what it kept): the buffer can take the next read.
      if (bytes.buffer instanceof ArrayBuffer && spare.length < 4) spare.push(bytes.buffer)
    }
  }
  const submit = async (batch: LineBatch) => {
    records += batch.lines.length
    // Read before the batch's buffer is handed to a worker (which detaches it here).
    const byteCount = batch.bytes.byteLength
    // The workers parse while this thread writes. When they are behind (the next batch to write
    // is not back yet and more are waiting), this thread parses the batch itself rather than
    // sit idle: on two cores that keeps both busy.
    const head = queue[0]
    const behind = pool !== undefined && head !== undefined && !head.done && pool.inFlight() >= 2
    timing.batches++
    let prepared: Promise<PreparedBatch>
    if (pool && !behind) prepared = pool.prepare(batch, fileName)
    else {
      const parsing = performance.now()
      prepared = Promise.resolve({ results: prepareBatch(batch, fileName), bytes: batch.bytes })
      timing.parseMs += performance.now() - parsing
      if (pool) timing.batchesHere++
    }
    const entry = { lines: batch.lines, prepared, done: false, bytes: byteCount }
    // Awaited in order by settle(); until then a failure must not count as unhandled.
    prepared.then(
      () => {
        entry.done = true
      },
      () => undefined,
    )
    queue.push(entry)
    await settle(maxInFlight)
  }

  try {
    let reading = performance.now()
    for await (const batch of readBatches(path, batchBytes, spare)) {
      timing.readMs += performance.now() - reading
      await submit(batch)
      reading = performance.now()
    }
    await settle(0)
  } catch (error) {
    writer.rollback()
    throw error
  }
  if (errorCount > 0) {
    writer.rollback()
    return { ok: false, errors: listErrors(errors, fileName, errorCount) }
  }
  const committing = performance.now()
  const { inserted, updated, indexMs } = writer.commit()
  const optimizing = performance.now()
  archive.optimize(true)
  timing.indexMs = indexMs
  timing.commitMs = optimizing - committing - indexMs
  timing.optimizeMs = performance.now() - optimizing
  return { ok: true, imported: records, inserted, updated, warnings, timing }
}
