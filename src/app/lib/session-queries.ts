import { queryOptions } from '@tanstack/react-query'
import { requestJson } from '@/app/lib/http'
import { sessionInfoSchema } from '@/domain/schema/auth'

/**
 * `GET /api/session`: how this server signs people in and who is signed in. Read by the header's
 * session controls and the sign-in page, both lazy: this module and the schemas it parses with
 * are not part of the search page's first script (decision 015).
 */
export const sessionQueries = {
  info: () =>
    queryOptions({
      queryKey: ['session'],
      queryFn: ({ signal }) => requestJson('/api/session', sessionInfoSchema, { signal }),
      staleTime: Infinity,
    }),
}
