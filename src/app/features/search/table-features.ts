import {
  columnVisibilityFeature,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table'

export interface ResultsColumnMeta {
  /** The column's name in the column picker and the CSV. */
  label: string
  /** Numbers line up on the right. */
  numeric?: boolean
  /** Long text (agents, summary) may wrap; everything else stays on one line. */
  wrap?: boolean
}

/**
 * The results table's features: visibility (the column picker), sorting and pagination. Sorting
 * and pagination are done by the server (manual mode); the table only holds their state.
 */
export const resultsFeatures = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<ResultsColumnMeta>(),
})
