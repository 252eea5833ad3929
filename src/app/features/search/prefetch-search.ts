import type { QueryClient } from '@tanstack/react-query'
import { appQueries } from '@/app/lib/api'
import { readPreference } from '@/app/lib/preferences'
import type { TimeZoneSetting } from '@/app/lib/time'
import { buildListRequest } from '@/app/features/search/list-request'
import type { ConversationSearch } from '@/app/features/search/search-params'
import { searchQueries } from '@/app/features/search/search-queries'

/**
 * The clock the user chose, read outside React (the route loader). Same key and rule as
 * `useTimeZone()` in lib/preferences.
 */
export function readTimeZoneSetting(): TimeZoneSetting {
  return readPreference('cv.timeZone') === 'utc' ? 'utc' : 'local'
}

/**
 * Primes the cache for the search page: the app config (awaited: the list request needs the
 * account), then the page of results and the facets, not awaited, so the page renders at once.
 */
export async function prefetchSearch(
  queryClient: QueryClient,
  search: ConversationSearch,
): Promise<void> {
  const config = await queryClient.ensureQueryData(appQueries.config()).catch(() => undefined)
  if (!config) return
  const built = buildListRequest(search, config.accountId, readTimeZoneSetting(), Date.now())
  if (built.ok) void queryClient.prefetchQuery(appQueries.list(built.request))
  void queryClient.prefetchQuery(searchQueries.facets())
}
