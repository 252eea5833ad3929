import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { LoadingBar } from '@/app/features/search/loading-bar'

// The review chunk loads after the first script; only this file imports it, see review-chunk.ts.
const chunk = () => import('@/app/features/search/review-chunk')

/** A component of the chunk, shown as `fallback` until the chunk is there. */
function fromChunk<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: (props: P) => ReactNode,
) {
  const Part = lazy(() => load().then((component) => ({ default: component })))
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={fallback(props)}>
        <Part {...props} />
      </Suspense>
    )
  }
}

/** A Review cell: a quiet placeholder until the chunk and the page's summaries are there. */
export const LazyReviewStatusCell = fromChunk(
  () => chunk().then((c) => c.ReviewStatusCell),
  () => <LoadingBar label="Loading review status" />,
)

/** The Review column's one notice when its summaries could not be loaded. */
export const LazyReviewSummaryNotice = fromChunk(
  () => chunk().then((c) => c.ReviewSummaryNotice),
  () => null,
)

/** The review filters of the search form. */
export const LazyReviewFilterFields = fromChunk(
  () => chunk().then((c) => c.ReviewFilterFields),
  () => <LoadingBar label="Loading review filters" />,
)

/** Scorecard IDs as names; the IDs themselves until the names are known. */
export const LazyScorecardNames = fromChunk(
  () => chunk().then((c) => c.ScorecardNames),
  (props) => props.ids.join(', '),
)
