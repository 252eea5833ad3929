import { isPlainObject } from '@/domain/schema/coerce'
import { parseConversationRecord } from '@/domain/schema/record'
import { enableRecordFastPath } from '@/domain/schema/record-fast-path'
import { MAX_CONVERSATION_ID_LENGTH } from '@/domain/schema/search-constants'
import type { ArchiveEntry } from '@/server/archive/archive'
import { extractIndexed, type IndexedConversation } from '@/server/archive/extract'
import { splitRecord } from '@/server/archive/record-output'

// Every record an import validates (in this thread or an import worker) takes the domain
// parser's compiled fast path.
enableRecordFastPath()

/**
 * The sections the archive indexes. Only these go through the clean-record parser at import:
 * whether a record is accepted depends on `info` alone (a record is rejected only without
 * `info.conversationId`, with one longer than the API opens, or without a start time), and
 * skipping the large sections nobody filters on (message statuses and scores, agent surveys,
 * intents …) halves the import cost. The stored raw record keeps every section; the viewer parses
 * all of them when it shows a conversation.
 */
export const INDEXED_SECTIONS = [
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
  if (!isPlainObject(raw)) return raw
  const out: Record<string, unknown> = {}
  for (const key of INDEXED_SECTIONS) if (key in raw) out[key] = raw[key]
  return out
}

/** Validates one record and reads what the archive indexes, or says why it cannot be imported. */
export function validateRecord(
  raw: unknown,
  label: string,
  fileName: string,
): { ok: true; indexed: IndexedConversation; warnings: string[] } | { ok: false; error: string } {
  const result = parseConversationRecord(indexedSections(raw))
  if (!result.ok) return { ok: false, error: `${fileName}: ${label}: ${result.reason}` }
  const id = result.record.info.conversationId
  if (id.length > MAX_CONVERSATION_ID_LENGTH) {
    // The by-ID search (how the viewer opens a conversation) refuses longer IDs.
    return {
      ok: false,
      error: `${fileName}: ${label}: info.conversationId is too long (${String(id.length)} characters; conversations are opened by IDs of at most ${String(MAX_CONVERSATION_ID_LENGTH)})`,
    }
  }
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
  return { ok: true, indexed, warnings }
}

/** {@link validateRecord}, plus the record split into stored sections. */
export function prepareEntry(
  raw: unknown,
  label: string,
  fileName: string,
): { ok: true; entry: ArchiveEntry; warnings: string[] } | { ok: false; error: string } {
  const validated = validateRecord(raw, label, fileName)
  if (!validated.ok) return validated
  const stored = isPlainObject(raw) ? splitRecord(raw) : { sections: {}, extra: null }
  return { ok: true, entry: { stored, indexed: validated.indexed }, warnings: validated.warnings }
}
