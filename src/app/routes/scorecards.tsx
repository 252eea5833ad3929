import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import type { ScorecardsSearch } from '@/app/features/scorecards/scorecards-search'
import { textSearch } from '@/app/lib/text-search'
import { rootRoute } from '@/app/routes/root'

/** `/scorecards` (admins, and the local user): the scorecards and their editor. */
export const scorecardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/scorecards',
  validateSearch: (search: Record<string, unknown>): ScorecardsSearch => textSearch(search),
  component: lazyRouteComponent(
    () => import('@/app/features/scorecards/scorecards-page'),
    'ScorecardsPage',
  ),
})
