/**
 * The entry of the search page's review chunk (issue 13): the Review column's cell and notice,
 * the review filters and the scorecard names of the empty state. `lazy-review.tsx` is the only
 * module that loads it, so the review schemas and queries stay out of the page's first script
 * (`test/e2e/bundle-budget.test.ts`); one entry, so the first script names one chunk.
 */
export { ReviewFilterFields } from '@/app/features/search/review-filter-fields'
export { ReviewStatusCell } from '@/app/features/search/review-status-cell'
export { ReviewSummaryNotice } from '@/app/features/search/review-summary-notice'
export { ScorecardNames } from '@/app/features/search/scorecard-names'
