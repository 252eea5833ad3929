import type { QueryClient } from '@tanstack/react-query'
import { configQueries } from '@/app/lib/config-queries'
import { conversationQueries } from '@/app/lib/conversation-queries'
import { readTimeZone } from '@/app/lib/preferences'
import { buildListRequest } from '@/app/features/search/list-request'
import { currentTime } from '@/app/features/search/search-window'
import type { ConversationSearch } from '@/app/features/search/search-params'
import { facetQueries } from '@/app/lib/facet-queries'

/**
 * Primes the cache for the search page: the app config (awaited: the list request needs the
 * account), then the page of results and the facets, not awaited, so the page renders at once.
 */
export async function prefetchSearch(
  queryClient: QueryClient,
  search: ConversationSearch,
): Promise<void> {
  const config = await queryClient.ensureQueryData(configQueries.app()).catch(() => undefined)
  if (!config) return
  const built = buildListRequest(search, config.accountId, readTimeZone(), currentTime())
  // The list, unless the page shows the search's insights instead (they load with their view).
  if (built.ok && search.view !== 'insights') {
    void queryClient.prefetchQuery(conversationQueries.list(built.request))
  }
  void queryClient.prefetchQuery(facetQueries.known())
}
