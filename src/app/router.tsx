import type { QueryClient } from '@tanstack/react-query'
import { createRouter, createBrowserHistory, type RouterHistory } from '@tanstack/react-router'
import { NotFoundPage } from '@/app/components/not-found-page'
import { parseSearch, stringifySearch } from '@/app/features/search/search-serialization'
import { setUnauthorizedHandler } from '@/app/lib/http'
import { rootRoute } from '@/app/routes/root'
import { indexRoute } from '@/app/routes/index'
import { conversationsRoute } from '@/app/routes/conversations'
import { conversationRoute } from '@/app/routes/conversation'
import { signInRoute } from '@/app/routes/sign-in'
import { usersRoute } from '@/app/routes/users'
import { auditRoute } from '@/app/routes/audit'
import { reviewsRoute } from '@/app/routes/reviews'
import { scorecardsRoute } from '@/app/routes/scorecards'

export const routeTree = rootRoute.addChildren([
  indexRoute,
  conversationsRoute,
  conversationRoute,
  signInRoute,
  usersRoute,
  auditRoute,
  reviewsRoute,
  scorecardsRoute,
])

export interface AppRouterOptions {
  queryClient: QueryClient
  history?: RouterHistory
  /**
   * Rendering a page on the server (issue 14): no scroll restoration (on the server it writes an
   * inline script, which the page's policy forbids and the browser's tree does not have), and no
   * sign-in redirect (the server answered the page for a signed-in reader already).
   */
  server?: boolean
}

export function createAppRouter({ queryClient, history, server = false }: AppRouterOptions) {
  const router = createRouter({
    routeTree,
    history: history ?? createBrowserHistory(),
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: !server,
    // Repeated params (`status=OPEN&status=CLOSE`) and quotes kept as typed, for readable links.
    parseSearch,
    stringifySearch,
  })
  // Any request that answers 401 (no session, or it ended) leads to the sign-in page, which
  // brings the user back to this exact address (path, search and hash) afterwards.
  if (server) return router
  setUnauthorizedHandler(() => {
    const { pathname, href } = router.latestLocation
    if (pathname !== '/sign-in') {
      void router.navigate({ to: '/sign-in', search: { next: href }, replace: true })
    }
  })
  return router
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
