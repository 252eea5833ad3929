// The app tests that share one module graph (vite.config.ts, project `app`) load the app's lazy
// modules once, up front. Otherwise a test that ends while the page is still fetching one (a
// route preloaded on hover, say) leaves that import to finish after its jsdom is gone, and
// Vitest reports the next file as failed.
await Promise.all([
  import('@/app/features/conversation/conversation-page'),
  import('@/app/features/review/review-panel'),
  import('@/app/features/rich-content/rich-content'),
  import('@/app/features/rich-content/quick-replies'),
  import('@/app/features/search/export-csv'),
  import('@/app/features/search/import-button'),
  import('@/app/features/search/review-chunk'),
  import('@/app/features/search/more-filter-fields'),
  import('@/app/features/search/search-insights'),
  import('@/app/features/search/sde-value-chip'),
  import('@/app/components/session-controls'),
  import('@/app/features/auth/sign-in-page'),
  import('@/app/features/users/users-page'),
  import('@/app/features/audit/audit-page'),
  import('@/app/features/reviews/reviews-page'),
  import('@/app/features/scorecards/scorecards-page'),
  import('@/domain/schema/record-fast-path'),
])

export {}
