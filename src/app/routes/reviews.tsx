import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import type { ReviewsSearch } from '@/app/features/reviews/reviews-search'
import { textSearch } from '@/app/lib/text-search'
import { rootRoute } from '@/app/routes/root'

/**
 * `/reviews`: the QA reviews this reader may see, filtered, sorted and paged through the URL
 * (`ReviewsSearch`). Loose search and no loader, so it weighs next to nothing on the first script.
 */
export const reviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reviews',
  validateSearch: (search: Record<string, unknown>): ReviewsSearch => textSearch(search),
  component: lazyRouteComponent(() => import('@/app/features/reviews/reviews-page'), 'ReviewsPage'),
})
