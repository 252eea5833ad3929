import { lazy } from 'react'

/**
 * `ImportButton` (upload, progress, the job's report) is a chunk of its own, loaded when the page
 * first shows it: only this file imports it. The page renders it inside a Suspense boundary with
 * no fallback, so the button appears a moment after the page (archive mode only).
 */
export const LazyImportButton = lazy(() =>
  import('@/app/features/search/import-button').then((module) => ({
    default: module.ImportButton,
  })),
)
