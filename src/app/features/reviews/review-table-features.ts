import { metaHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table'

export interface ReviewColumnMeta {
  /** The column's name in its header. */
  label: string
  /** Numbers line up on the right. */
  numeric?: boolean
}

/** The Reviews table sorts on the server (manual mode); the table only holds the state. */
export const reviewTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<ReviewColumnMeta>(),
})
