import { DEFAULT_CONTENT_TO_RETRIEVE, type ContentToRetrieve } from '@/domain/schema/search-request'
import type { Span } from '@/server/archive/top-level-spans'

/**
 * The stored raw record is kept section by section: one JSON text per top-level key, exactly as
 * imported, so an answer reads and sends only the sections asked for, without parsing JSON.
 *
 * Storage order puts small sections first and the large ones (messages, statuses) last, so a
 * results-table page never touches the pages that hold transcripts.
 */
export const SECTION_COLUMNS = [
  'info',
  'summary',
  'campaign',
  'monitoring',
  'responseTime',
  'coBrowseSessions',
  'consumerParticipants',
  'agentParticipants',
  'agentParticipantsActive',
  'agentParticipantsLeave',
  'transfers',
  'interactions',
  'dialogs',
  'skillChanges',
  'intents',
  'uniqueIntents',
  'conversationSurveys',
  'latestAgentSurvey',
  'previouslySubmittedAgentSurveys',
  'sdes',
  'unAuthSdes',
  'messageScores',
  'messageStatuses',
  'messageRecords',
] as const satisfies readonly ('info' | ContentToRetrieve)[]

export type SectionColumn = (typeof SECTION_COLUMNS)[number]

const COLUMN_SET: ReadonlySet<string> = new Set(SECTION_COLUMNS)

function isSectionColumn(key: string): key is SectionColumn {
  return COLUMN_SET.has(key)
}

/** Drifted top-level keys and the canonical name the record is stored and answered under. */
const CANONICAL_KEYS: Readonly<Record<string, SectionColumn>> = {
  consumerParticipant: 'consumerParticipants',
  messageScore: 'messageScores',
  messagesRecords: 'messageRecords',
}

/**
 * A raw record split for storage: known sections by column, anything else kept in `extra`. A
 * section is JSON text, as a string or as its UTF-8 bytes (a streamed import stores the bytes of
 * the file as they are, without decoding them).
 */
export interface StoredSections {
  sections: Partial<Record<SectionColumn, string | Uint8Array>>
  /** Unknown top-level keys as one JSON object (kept so nothing imported is lost). */
  extra: string | null
}

export function splitRecord(raw: Record<string, unknown>): StoredSections & {
  sections: Partial<Record<SectionColumn, string>>
} {
  const sections: Partial<Record<SectionColumn, string>> = {}
  const extra: Record<string, unknown> = {}
  let hasExtra = false
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue
    const canonical = CANONICAL_KEYS[key]
    const column = canonical ?? (isSectionColumn(key) ? key : undefined)
    // The canonical key wins over a drifted duplicate; the duplicate is kept as extra.
    if (column && !(canonical && column in raw)) {
      sections[column] = JSON.stringify(value)
    } else {
      extra[key] = value
      hasExtra = true
    }
  }
  return { sections, extra: hasExtra ? JSON.stringify(extra) : null }
}

/**
 * Where each stored section of a record lies in its text (see top-level-spans.ts), with unknown
 * keys gathered as one JSON text: the same split as {@link splitRecord}, taken from the text so
 * each section is stored exactly as imported. `ranges` holds `[column index, start, end]`
 * triplets (a flat list of numbers is cheap to pass between threads).
 */
export interface SectionLayout {
  ranges: number[]
  extra: string | null
}

export function sectionLayout(
  spans: readonly Span[],
  textOf: (start: number, end: number) => string,
): SectionLayout {
  const keys = new Set(spans.map(([key]) => key))
  const at = new Map<SectionColumn, [number, number]>()
  const extra: string[] = []
  for (const [key, start, end] of spans) {
    const canonical = CANONICAL_KEYS[key]
    const column = canonical ?? (isSectionColumn(key) ? key : undefined)
    // A later duplicate replaces an earlier one, as JSON.parse reads them.
    if (column && !(canonical && keys.has(column))) at.set(column, [start, end])
    else extra.push(`${JSON.stringify(key)}:${textOf(start, end)}`)
  }
  const ranges: number[] = []
  SECTION_COLUMNS.forEach((column, index) => {
    const range = at.get(column)
    if (range) ranges.push(index, range[0], range[1])
  })
  return { ranges, extra: extra.length > 0 ? `{${extra.join(',')}}` : null }
}

/** The sections of a {@link SectionLayout} as views of the bytes it was measured on (no copy). */
export function storedFromLayout(bytes: Uint8Array, layout: SectionLayout): StoredSections {
  const sections: StoredSections['sections'] = {}
  const { ranges } = layout
  for (let i = 0; i + 2 < ranges.length; i += 3) {
    const column = SECTION_COLUMNS[ranges[i] ?? -1]
    if (column) sections[column] = bytes.subarray(ranges[i + 1], ranges[i + 2])
  }
  return { sections, extra: layout.extra }
}

/**
 * The sections an answer carries: `info` always, plus `contentToRetrieve` (LivePerson's default
 * set when absent), and `unAuthSdes` only for `v=2`.
 */
export function wantedSections(
  contentToRetrieve: readonly ContentToRetrieve[] | undefined,
  version: number,
): SectionColumn[] {
  const asked = new Set<string>(contentToRetrieve ?? DEFAULT_CONTENT_TO_RETRIEVE)
  if (version < 2) asked.delete('unAuthSdes')
  return SECTION_COLUMNS.filter((column) => column === 'info' || asked.has(column))
}

/** One record's JSON text from stored section texts (absent sections are left out). */
export function assembleRecord(
  columns: readonly SectionColumn[],
  values: (column: SectionColumn) => string | null | undefined,
): string {
  const parts: string[] = []
  for (const column of columns) {
    const json = values(column)
    if (json !== null && json !== undefined) parts.push(`${JSON.stringify(column)}:${json}`)
  }
  return `{${parts.join(',')}}`
}
