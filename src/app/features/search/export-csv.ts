import { searchConversations, type ConversationListRequest } from '@/app/lib/conversation-queries'
import { requestJson } from '@/app/lib/http'
import { reportExport } from '@/app/lib/export-audit'
import { formatDateTime, type TimeZone } from '@/app/lib/time'
import { CONVERSATION_FIELD_LABELS, inUnit, inZone } from '@/app/lib/vocabulary/conversation-fields'
import { toCsv, type CsvValue } from '@/domain/csv'
import { reviewSummariesSchema, type ReviewSummary } from '@/domain/schema/reviews'
import { labelOf, REVIEW_STATUS_CHOICES } from '@/app/features/search/filter-choices'
import { EXPORT_MAX_ROWS } from '@/app/features/search/export-limits'
import { toConversationRow, type ConversationRow } from '@/app/features/search/conversation-row'

/** Rows per request while exporting (the API's maximum `limit`). */
export const EXPORT_PAGE_SIZE = 100

export interface ExportProgress {
  fetched: number
  total: number
}

/**
 * Every row of the search (all pages, up to {@link EXPORT_MAX_ROWS}), fetched
 * {@link EXPORT_PAGE_SIZE} at a time, one request after another. `signal` cancels it.
 */
export async function fetchAllRows(
  request: ConversationListRequest,
  signal: AbortSignal,
  onProgress: (progress: ExportProgress) => void,
): Promise<{ rows: ConversationRow[]; total: number }> {
  const rows: ConversationRow[] = []
  const seen = new Set<string>()
  let total = Infinity
  let offset = 0
  while (offset < Math.min(total, EXPORT_MAX_ROWS)) {
    signal.throwIfAborted()
    const limit = Math.min(EXPORT_PAGE_SIZE, EXPORT_MAX_ROWS - offset)
    const page = await searchConversations({ ...request, offset, limit }, signal)
    total = page.metadata.count
    for (const record of page.records) {
      const row = toConversationRow(record)
      // A conversation that moves between pages while exporting is written once.
      if (seen.has(row.id)) continue
      seen.add(row.id)
      rows.push(row)
    }
    onProgress({ fetched: rows.length, total: Math.min(total, EXPORT_MAX_ROWS) })
    if (page.records.length === 0) break
    offset += limit
  }
  return { rows, total: Number.isFinite(total) ? total : rows.length }
}

/** The API's most conversation IDs per `POST /api/reviews/summary`. */
const SUMMARY_BATCH = 500

/** How each exported conversation stands in QA review (issue 13), asked 500 at a time. */
export async function fetchReviewSummaries(
  ids: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, ReviewSummary>> {
  const out = new Map<string, ReviewSummary>()
  for (let start = 0; start < ids.length; start += SUMMARY_BATCH) {
    signal.throwIfAborted()
    const { summaries } = await requestJson('/api/reviews/summary', reviewSummariesSchema, {
      json: { conversationIds: ids.slice(start, start + SUMMARY_BATCH) },
      signal,
    })
    for (const [id, summary] of Object.entries(summaries)) out.set(id, summary)
  }
  return out
}

/** The lowest submitted score, as the Review column shows it. */
function lowestScore(summary: ReviewSummary | undefined): number | undefined {
  const scores = summary?.scores.filter((score) => score !== null) ?? []
  return scores.length > 0 ? Math.min(...scores) : undefined
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms / 1000))

/** One CSV line per conversation, with its address in this app. */
export function conversationsCsv(
  rows: readonly ConversationRow[],
  zone: TimeZone,
  origin: string,
  reviews: ReadonlyMap<string, ReviewSummary>,
): string {
  const time = (ms: number | undefined) => (ms === undefined ? '' : formatDateTime(ms, zone))
  const words = CONVERSATION_FIELD_LABELS
  const header = [
    words.conversationId,
    words.url,
    inZone(words.start, zone),
    inZone(words.end, zone),
    words.status,
    words.closeReason,
    words.consumer,
    words.agents,
    words.skill,
    words.agentGroup,
    words.channel,
    words.device,
    inUnit(words.duration, 's'),
    words.mcs,
    words.alertedMcs,
    words.csat,
    words.summary,
    'Review',
    'Review score (%, lowest)',
    'Reviews',
    'Open disputes',
  ]
  const lines = rows.map((row): CsvValue[] => [
    row.id,
    `${origin}/conversations/${encodeURIComponent(row.id)}`,
    time(row.startMs),
    time(row.endMs),
    row.status,
    row.closeReason,
    row.consumer,
    row.agents.join('; '),
    row.skill,
    row.agentGroup,
    row.channel,
    row.device,
    seconds(row.durationMs),
    row.mcs,
    row.alertedMcs,
    row.csat,
    row.summary,
    labelOf(REVIEW_STATUS_CHOICES, reviews.get(row.id)?.status ?? 'none'),
    lowestScore(reviews.get(row.id)),
    reviews.get(row.id)?.scores.length ?? 0,
    reviews.get(row.id)?.openDisputes ?? 0,
  ])
  return toCsv(header, lines)
}

function download(text: string, fileName: string) {
  // The byte-order mark lets spreadsheet programs read the file as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Saves the rows as a CSV file and tells the audit trail how many were exported. */
export function saveConversationsCsv(
  rows: readonly ConversationRow[],
  reviews: ReadonlyMap<string, ReviewSummary>,
  zone: TimeZone,
  fileName: string,
): void {
  download(conversationsCsv(rows, zone, window.location.origin, reviews), fileName)
  reportExport('search', { format: 'csv', rows: rows.length, what: 'search-results' })
}

const number = new Intl.NumberFormat('en')

/**
 * The whole export behind the button: every page, the reviews' column, the file saved; what to
 * tell the reader afterwards. Throws when a request fails or the signal aborts.
 */
export async function exportConversations(
  request: ConversationListRequest,
  zone: TimeZone,
  signal: AbortSignal,
  onProgress: (progress: ExportProgress) => void,
): Promise<string> {
  const { rows, total } = await fetchAllRows(request, signal, onProgress)
  const stamp = formatDateTime(Date.now(), zone).replaceAll(/[-: ]/g, '').slice(0, 12)
  const reviews = await fetchReviewSummaries(
    rows.map((row) => row.id),
    signal,
  )
  saveConversationsCsv(rows, reviews, zone, `conversations-${stamp}.csv`)
  return total > rows.length
    ? `Exported the first ${number.format(rows.length)} of ${number.format(total)} conversations (the export stops at ${number.format(EXPORT_MAX_ROWS)}).`
    : `Exported ${number.format(rows.length)} ${rows.length === 1 ? 'conversation' : 'conversations'}.`
}
