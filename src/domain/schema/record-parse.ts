import type { z } from 'zod'
import {
  describeValue,
  formatIssues,
  isAbsent,
  isPlainObject,
  optString,
} from '@/domain/schema/coerce'
import { parseFast } from '@/domain/schema/fast-path-switch'
import { INFO_RENAMES, conversationInfoSchema } from '@/domain/schema/info'
import type { ConversationInfo } from '@/domain/schema/info'
import type { conversationRecordSchema } from '@/domain/schema/record-strict'

/**
 * What every record parser shares: the record's head (its `info` and `conversationId`), the
 * keys it copies as sent, and the tolerant section parsers. record.ts parses every section (the
 * detail page, the server); record-list.ts only those the results list asks for, so the search
 * page's first script carries none of the other sections' schemas.
 */

/** A problem found while parsing one record: which part, and what was wrong with it. */
export interface ParseWarning {
  /** e.g. `transfers`, `transfers[1]`, `info.startTimeL`, `messageRecords[3].richContent` */
  section: string
  message: string
}

/** One clean `conversationHistoryRecords[]` item. */
export type ConversationRecord = z.output<typeof conversationRecordSchema> & {
  info: ConversationInfo
}

export type RecordParseResult =
  { ok: true; record: ConversationRecord; warnings: ParseWarning[] } | { ok: false; reason: string }

/** Record-level key drift: older wires and the documentation tables use these names. */
const RECORD_RENAMES: Readonly<Record<string, string>> = {
  consumerParticipant: 'consumerParticipants',
  messageScore: 'messageScores',
  messagesRecords: 'messageRecords',
}

export function foldRecordKeys(value: unknown): unknown {
  if (!isPlainObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const from in RECORD_RENAMES) {
    if (!(from in value)) continue
    const to = RECORD_RENAMES[from]
    if (to === undefined) continue
    copy ??= { ...value }
    const drifted = copy[from]
    delete copy[from]
    if (isAbsent(copy[to])) copy[to] = drifted
  }
  return copy ?? value
}

/** The sections this parser knows; every other top-level key is copied as sent. */
const KNOWN_SECTIONS = new Set([
  'info',
  'campaign',
  'monitoring',
  'messageRecords',
  'agentParticipants',
  'agentParticipantsActive',
  'agentParticipantsLeave',
  'consumerParticipants',
  'transfers',
  'interactions',
  'dialogs',
  'messageScores',
  'messageStatuses',
  'conversationSurveys',
  'latestAgentSurvey',
  'previouslySubmittedAgentSurveys',
  'coBrowseSessions',
  'summary',
  'sdes',
  'unAuthSdes',
  'responseTime',
  'intents',
  'uniqueIntents',
  'skillChanges',
])

/**
 * Parses an object section. When it fails, the offending fields are dropped (one warning each,
 * `section.field`) and the rest is kept; if that still fails the section is dropped.
 */
export function parseObjectSection<T>(
  schema: z.ZodType<T, unknown>,
  raw: unknown,
  section: string,
  warnings: ParseWarning[],
  renames: Readonly<Record<string, string>> = {},
): T | undefined {
  if (isAbsent(raw)) return undefined
  const first = parseFast(schema, raw)
  if (first.success) return first.data
  if (isPlainObject(raw)) {
    const bad = new Set<string>()
    for (const issue of first.error.issues) {
      const key = issue.path[0]
      if (typeof key !== 'string') continue
      if (key in raw) bad.add(key)
      // the field may have arrived under a drifted name (csatRate for csat)
      for (const from in renames) if (renames[from] === key && from in raw) bad.add(from)
    }
    if (bad.size > 0) {
      const copy = { ...raw }
      for (const key of bad) delete copy[key]
      const second = schema.safeParse(copy)
      if (second.success) {
        for (const issue of first.error.issues) {
          const [key, ...rest] = issue.path
          const where = rest.length ? `${rest.join('.')}: ` : ''
          warnings.push({
            section: `${section}.${String(key)}`,
            message: `${where}${issue.message} (field dropped)`,
          })
        }
        return second.data
      }
    }
  }
  const what = isPlainObject(raw)
    ? formatIssues(first.error)
    : `expected an object, got ${describeValue(raw)}`
  warnings.push({ section, message: `${what} (section dropped)` })
  return undefined
}

/** Parses an array section item by item; a broken item is dropped with a warning `section[i]`. */
export function parseArraySection<T>(
  schema: z.ZodType<T, unknown>,
  raw: unknown,
  section: string,
  warnings: ParseWarning[],
  check?: (item: T, index: number) => void,
): T[] | undefined {
  if (isAbsent(raw)) return undefined
  if (!Array.isArray(raw)) {
    warnings.push({
      section,
      message: `expected an array, got ${describeValue(raw)} (section dropped)`,
    })
    return undefined
  }
  const out: T[] = []
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i]
    if (item === null || item === undefined) continue
    const result = parseFast(schema, item)
    if (result.success) {
      out.push(result.data)
      check?.(result.data, i)
      continue
    }
    const kept = withoutOutOfRange(schema, item, result.error, `${section}[${i}]`, warnings)
    if (kept !== undefined) {
      out.push(kept)
      check?.(kept, i)
    } else
      warnings.push({
        section: `${section}[${i}]`,
        message: `${formatIssues(result.error)} (item dropped)`,
      })
  }
  return out
}

/**
 * An item whose only issues are numbers out of their range (a `timeL` no `Date` can hold) keeps
 * everything else: those fields are absent, one warning each (`messageRecords[3].timeL`). Any
 * other issue still drops the item; undefined then.
 */
function withoutOutOfRange<T>(
  schema: z.ZodType<T, unknown>,
  item: unknown,
  error: z.ZodError,
  where: string,
  warnings: ParseWarning[],
): T | undefined {
  if (!isPlainObject(item)) return undefined
  const keys = new Set<string>()
  for (const issue of error.issues) {
    const [key, ...rest] = issue.path
    const range = issue.code === 'too_big' || issue.code === 'too_small'
    if (!range || rest.length > 0 || typeof key !== 'string' || !(key in item)) return undefined
    keys.add(key)
  }
  const copy: Record<string, unknown> = { ...item }
  for (const key of keys) delete copy[key]
  const second = schema.safeParse(copy)
  if (!second.success) return undefined
  for (const issue of error.issues) {
    warnings.push({
      section: `${where}.${String(issue.path[0])}`,
      message: `${issue.message} (field dropped)`,
    })
  }
  return second.data
}

/** Parses a record's sections into `record` (its head is parsed already), with warnings. */
export type SectionsParser = (
  input: Record<string, unknown>,
  set: <K extends keyof ConversationRecord>(key: K, value: ConversationRecord[K]) => void,
  warnings: ParseWarning[],
) => void

/**
 * A record's head and the sections `parseSections` knows: a record without `info.conversationId`
 * is refused, keys no parser knows are copied as sent, and a section the parser does not parse
 * is left out.
 */
export function parseRecordWith(raw: unknown, parseSections: SectionsParser): RecordParseResult {
  if (!isPlainObject(raw))
    return { ok: false, reason: `record is not an object (got ${describeValue(raw)})` }
  const input = foldRecordKeys(raw)
  if (!isPlainObject(input)) return { ok: false, reason: 'record is not an object' }
  const rawInfo = input.info
  if (!isPlainObject(rawInfo)) {
    return {
      ok: false,
      reason: isAbsent(rawInfo)
        ? 'record has no info section (info.conversationId is required)'
        : `record info is not an object (got ${describeValue(rawInfo)})`,
    }
  }
  const id = optString.safeParse(rawInfo.conversationId)
  const conversationId = id.success ? id.data?.trim() : undefined
  if (!conversationId) {
    return {
      ok: false,
      reason: id.success
        ? 'record has no info.conversationId'
        : `record info.conversationId is not a string (got ${describeValue(rawInfo.conversationId)})`,
    }
  }

  const warnings: ParseWarning[] = []
  const parsedInfo = parseObjectSection(
    conversationInfoSchema,
    rawInfo,
    'info',
    warnings,
    INFO_RENAMES,
  )
  const info: ConversationInfo = { ...parsedInfo, conversationId }

  const record: ConversationRecord = { info }
  for (const key in input) {
    if (!KNOWN_SECTIONS.has(key)) record[key] = input[key]
  }

  const set = <K extends keyof ConversationRecord>(key: K, value: ConversationRecord[K]) => {
    if (value !== undefined) record[key] = value
  }
  parseSections(input, set, warnings)
  return { ok: true, record, warnings }
}
