import { parseConversationRecord } from '@/domain/schema/record'
import { createReadStream, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Archive, ArchiveEntry } from '@/server/archive/archive'
import { extractIndexed } from '@/server/archive/extract'
import { locateJsonError } from '@/server/archive/json-error'

/**
 * Import of LivePerson exports. Four shapes are accepted: a search or by-ID response
 * (`{conversationHistoryRecords: [...]}`), a bare array of records, one record, or NDJSON (one
 * record per line). A file is all or nothing: malformed JSON or any invalid record means nothing
 * from that file is written; otherwise every record is upserted by conversationId in one
 * transaction.
 */

export type ImportShape = 'response' | 'array' | 'record' | 'ndjson'

export type ParsedImport =
  | { ok: true; shape: ImportShape; records: unknown[]; lines?: number[]; texts?: string[] }
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
  const texts: string[] = []
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
    texts.push(text.trim())
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, shape: 'ndjson', records, lines: numbers, texts }
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

/**
 * The sections the archive indexes. Only these go through the clean-record parser at import:
 * whether a record is accepted depends on `info` alone (a record is rejected only without
 * `info.conversationId`), and skipping the large sections nobody filters on (message statuses and
 * scores, agent surveys, intents …) halves the import cost. The stored raw record keeps every
 * section; the viewer parses all of them when it shows a conversation.
 */
const INDEXED_SECTIONS = [
  'info',
  'messageRecords',
  'messagesRecords',
  'agentParticipants',
  'consumerParticipants',
  'consumerParticipant',
  'transfers',
  'interactions',
  'dialogs',
  'conversationSurveys',
  'summary',
  'sdes',
  'unAuthSdes',
] as const

function indexedSections(raw: unknown): unknown {
  if (!isObject(raw)) return raw
  const out: Record<string, unknown> = {}
  for (const key of INDEXED_SECTIONS) if (key in raw) out[key] = raw[key]
  return out
}

/** Validates one record and reads what the archive indexes, or says why it cannot be imported. */
export function prepareEntry(
  raw: unknown,
  label: string,
  fileName: string,
  rawText?: string,
): { ok: true; entry: ArchiveEntry; warnings: string[] } | { ok: false; error: string } {
  const result = parseConversationRecord(indexedSections(raw))
  if (!result.ok) return { ok: false, error: `${fileName}: ${label}: ${result.reason}` }
  const indexed = extractIndexed(result.record)
  if (!indexed) {
    return {
      ok: false,
      error: `${fileName}: ${label}: missing info.startTimeL (the conversation start time)`,
    }
  }
  const warnings = result.warnings.map(
    (warning) =>
      `${fileName}: ${label} (${indexed.conversationId}): ${warning.section}: ${warning.message}`,
  )
  return { ok: true, entry: { rawJson: rawText ?? JSON.stringify(raw), indexed }, warnings }
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
    const prepared = prepareEntry(
      raw,
      recordLabel(index, parsed.lines?.[index]),
      fileName,
      parsed.texts?.[index],
    )
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

/**
 * Imports a file from disk. Small files go through {@link importText}; larger ones are streamed
 * line by line as NDJSON inside one transaction that is rolled back if any line or record is
 * bad, so memory stays flat and the file is still all or nothing.
 */
export async function importFile(
  archive: Archive,
  path: string,
  options: { fileName?: string; wholeFileLimit?: number } = {},
): Promise<ImportOutcome> {
  const fileName = options.fileName ?? path
  const size = statSync(path).size
  if (size <= (options.wholeFileLimit ?? WHOLE_FILE_LIMIT)) {
    const { readFile } = await import('node:fs/promises')
    return importText(archive, await readFile(path, 'utf8'), fileName)
  }
  const writer = archive.begin()
  const errors: string[] = []
  const warnings: string[] = []
  let errorCount = 0
  let records = 0
  let lineNumber = 0
  try {
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
    for await (const rawLine of lines) {
      lineNumber++
      const line = lineNumber === 1 && rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine
      if (line.trim() === '') continue
      const parsed = tryParse(line)
      if (!parsed.ok) {
        if (records === 0 && errorCount === 0 && /^\s*[[{]\s*$/.test(line)) {
          errors.push(
            `${fileName}: too large (${String(Math.round(size / 1048576))} MB) to read as one JSON document; export it as NDJSON (one record per line)`,
          )
          errorCount++
          break
        }
        const where = locateJsonError(line, parsed.error)
        errorCount++
        if (errors.length < MAX_LISTED_ERRORS) {
          errors.push(`${fileName}:${String(lineNumber)}:${String(where.column)}: ${where.message}`)
        }
        continue
      }
      const prepared = prepareEntry(
        parsed.value,
        recordLabel(records, lineNumber),
        fileName,
        line.trim(),
      )
      records++
      if (!prepared.ok) {
        errorCount++
        if (errors.length < MAX_LISTED_ERRORS) errors.push(prepared.error)
        continue
      }
      if (warnings.length < 1000) warnings.push(...prepared.warnings)
      if (errorCount === 0) writer.write(prepared.entry)
    }
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
