import { QueryClient } from '@tanstack/react-query'

/** On the server (issue 14) a failed request is the page's answer at once: no retry. */
export function createQueryClient({ server = false }: { server?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: server ? false : 1 },
    },
  })
}

/**
 * Resolves once no query of `client` is fetching: the loaders start some requests without
 * awaiting them (the search page's results), and a page rendered on the server, or hydrated in
 * the browser, must show them, not their loading state.
 */
export function queriesSettled(client: QueryClient): Promise<void> {
  return new Promise((resolve) => {
    const cache = client.getQueryCache()
    let done = false
    const check = () => {
      if (done || client.isFetching() > 0) return
      done = true
      unsubscribe()
      resolve()
    }
    const unsubscribe = cache.subscribe(check)
    check()
  })
}
