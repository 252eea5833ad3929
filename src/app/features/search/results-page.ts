import type { ColumnVisibilityState } from '@tanstack/react-table'
import { z } from 'zod'
import type { SearchResponseParseResult } from '@/domain/schema/response'
import { toConversationRow, type ConversationRow } from '@/app/features/search/conversation-row'

/** One page of results as the page shows it. */
export interface ResultsPage {
  rows: ConversationRow[]
  count: number
  partialResult: boolean
  partialRecords: number
}

/** `select` for the list query: the table's rows, computed once per response. */
export function toResultsPage(data: SearchResponseParseResult): ResultsPage {
  const rows = data.records.map(toConversationRow)
  return {
    rows,
    count: data.metadata.count,
    partialResult: data.metadata.shardsStatusResult?.partialResult === true,
    partialRecords: rows.filter((row) => row.isPartial).length,
  }
}

/** localStorage key of the columns the user hid (`{"summary": false}`). */
export const COLUMNS_KEY = 'cv.search.columns'

const columnVisibilitySchema = z.record(z.string(), z.boolean())

export function parseColumnVisibility(raw: string | null): ColumnVisibilityState {
  if (!raw) return {}
  try {
    const parsed = columnVisibilitySchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

/** What to store: nothing when every column shows. */
export function serializeColumnVisibility(visibility: ColumnVisibilityState): string | null {
  return Object.values(visibility).some((visible) => !visible) ? JSON.stringify(visibility) : null
}
