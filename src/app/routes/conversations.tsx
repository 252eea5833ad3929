import { createRoute, stripSearchParams } from '@tanstack/react-router'
import { ConversationsPage } from '@/app/features/search/conversations-page'
import { prefetchSearch } from '@/app/features/search/prefetch-search'
import { conversationSearchSchema, URL_DEFAULTS } from '@/app/features/search/search-params'
import { rootRoute } from '@/app/routes/root'

/** `/conversations`: the search. Its URL contract is `conversationSearchSchema`. */
export const conversationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/conversations',
  validateSearch: conversationSearchSchema,
  search: { middlewares: [stripSearchParams(URL_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) => prefetchSearch(queryClient, deps),
  component: ConversationsPage,
})
