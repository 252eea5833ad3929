import { DEFAULT_CONTENT_TO_RETRIEVE, type ContentToRetrieve } from '@/domain/schema/search-request'

/** Drifted top-level keys of stored raw records and the canonical name the API answers with. */
const CANONICAL_KEYS: Readonly<Record<string, ContentToRetrieve>> = {
  consumerParticipant: 'consumerParticipants',
  messageScore: 'messageScores',
  messagesRecords: 'messageRecords',
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The stored raw record as the API returns it: `info` always, plus the sections asked for in
 * `contentToRetrieve` (LivePerson's default set when absent), drifted keys under their canonical
 * names, and `unAuthSdes` only for `v=2`.
 */
export function shapeRecord(
  rawJson: string,
  contentToRetrieve: readonly ContentToRetrieve[] | undefined,
  version: number,
): Record<string, unknown> {
  const parsed: unknown = JSON.parse(rawJson)
  if (!isRecordObject(parsed)) return {}
  const wanted = new Set<string>(contentToRetrieve ?? DEFAULT_CONTENT_TO_RETRIEVE)
  if (version < 2) wanted.delete('unAuthSdes')
  const out: Record<string, unknown> = {}
  if ('info' in parsed) out.info = parsed.info
  for (const [key, value] of Object.entries(parsed)) {
    const name = CANONICAL_KEYS[key] ?? key
    if (name === 'info' || !wanted.has(name)) continue
    if (key !== name && name in parsed) continue // the canonical key wins over a drifted duplicate
    out[name] = value
  }
  return out
}
