import type { QueryClient } from '@tanstack/react-query'
import { createRouter, createBrowserHistory, type RouterHistory } from '@tanstack/react-router'
import { NotFoundPage } from '@/app/components/not-found-page'
import { parseSearch, stringifySearch } from '@/app/features/search/search-serialization'
import { rootRoute } from '@/app/routes/root'
import { indexRoute } from '@/app/routes/index'
import { conversationsRoute } from '@/app/routes/conversations'
import { conversationRoute } from '@/app/routes/conversation'

export const routeTree = rootRoute.addChildren([indexRoute, conversationsRoute, conversationRoute])

export interface AppRouterOptions {
  queryClient: QueryClient
  history?: RouterHistory
}

export function createAppRouter({ queryClient, history }: AppRouterOptions) {
  return createRouter({
    routeTree,
    history: history ?? createBrowserHistory(),
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
    // Repeated params (`status=OPEN&status=CLOSE`) and quotes kept as typed, for readable links.
    parseSearch,
    stringifySearch,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
