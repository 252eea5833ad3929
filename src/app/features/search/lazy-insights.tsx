import { lazy } from 'react'

/**
 * The Insights tab (issue 15), its charts and their library are a chunk of their own, loaded when
 * the reader opens Insights: the search page's first script does without them.
 */
export const LazyInsights = lazy(() =>
  import('@/app/features/search/search-insights').then((module) => ({
    default: module.SearchInsights,
  })),
)
