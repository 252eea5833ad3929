import { lazy } from 'react'

/** The engagement-attribute filter's chip (issue 15), loaded when a search has that filter. */
export const LazySdeValueChip = lazy(() =>
  import('@/app/features/search/sde-value-chip').then((module) => ({
    default: module.SdeValueChip,
  })),
)
