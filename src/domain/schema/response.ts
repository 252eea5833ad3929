import { describeValue, isPlainObject, renameKeys } from '@/domain/schema/coerce'
import { searchMetadataSchema } from '@/domain/schema/metadata'
import type { SearchMetadata } from '@/domain/schema/metadata'
import type {
  ConversationRecord,
  ParseWarning,
  RecordParseResult,
} from '@/domain/schema/record-parse'

export type { SearchMetadata } from '@/domain/schema/metadata'

export interface SearchResponseParseResult {
  /** `_metadata` (or `metadata`); `count` defaults to the number of records received. */
  metadata: SearchMetadata
  /** The records that have an `info.conversationId`, in wire order. */
  records: ConversationRecord[]
  /** Warnings per record, by conversationId (only records that have warnings). */
  warnings: Map<string, ParseWarning[]>
  /** Records that could not be used, by their index in `conversationHistoryRecords`. */
  rejected: { index: number; reason: string }[]
  /** Problems with the envelope itself (a malformed `_metadata`), if any. */
  envelopeWarnings: ParseWarning[]
}

/** Thrown when the value is not a search response at all (not an object, no record list). */
export class SearchResponseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SearchResponseError'
  }
}

function recordList(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw
  if (!isPlainObject(raw)) {
    throw new SearchResponseError(
      `expected a search response object with conversationHistoryRecords, got ${describeValue(raw)}`,
    )
  }
  const list = raw.conversationHistoryRecords
  if (Array.isArray(list)) return list
  if (list === undefined || list === null) {
    // A single record on its own is accepted as a one-record response.
    return isPlainObject(raw.info) ? [raw] : []
  }
  throw new SearchResponseError(
    `conversationHistoryRecords must be an array, got ${describeValue(list)}`,
  )
}

/**
 * Parses a whole `conversations/search` (or by-ID / by-consumer) response. Each record is parsed
 * with `parseRecord` (`parseConversationRecord` for every section, `parseListRecord` for the
 * results list's); records without a conversationId are listed in
 * `rejected` and the others are kept. Also accepts a bare array of records and a single record.
 * Throws {@link SearchResponseError} only when the value is not a response at all.
 */
export function parseSearchResponse(
  raw: unknown,
  parseRecord: (raw: unknown) => RecordParseResult,
): SearchResponseParseResult {
  const list = recordList(raw)
  const records: ConversationRecord[] = []
  const warnings = new Map<string, ParseWarning[]>()
  const rejected: { index: number; reason: string }[] = []
  list.forEach((item, index) => {
    const result = parseRecord(item)
    if (!result.ok) {
      rejected.push({ index, reason: result.reason })
      return
    }
    records.push(result.record)
    if (result.warnings.length > 0) {
      const id = result.record.info.conversationId
      warnings.set(id, [...(warnings.get(id) ?? []), ...result.warnings])
    }
  })

  const envelopeWarnings: ParseWarning[] = []
  let metadata: SearchMetadata = { count: records.length }
  const envelope = isPlainObject(raw) ? renameKeys(raw, { metadata: '_metadata' }) : undefined
  const rawMetadata = isPlainObject(envelope) ? envelope._metadata : undefined
  if (rawMetadata !== undefined && rawMetadata !== null) {
    const parsed = searchMetadataSchema.safeParse(rawMetadata)
    if (parsed.success) {
      metadata = { ...parsed.data, count: parsed.data.count ?? records.length }
    } else {
      envelopeWarnings.push({
        section: '_metadata',
        message: `${parsed.error.issues[0]?.message ?? 'invalid'} (metadata ignored)`,
      })
    }
  }
  return { metadata, records, warnings, rejected, envelopeWarnings }
}
