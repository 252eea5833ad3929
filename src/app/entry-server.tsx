import { createMemoryHistory } from '@tanstack/react-router'
import { createRequestHandler, getSsrStatus } from '@tanstack/react-router/ssr/server'
import { renderToPipeableStream } from 'react-dom/server'
import { AppRoot } from '@/app/app-root'
import { createQueryClient, queriesSettled } from '@/app/query-client'
import { createAppRouter } from '@/app/router'

/**
 * The app rendered on the server (issue 14). `src/server/ssr/` loads this module (built by
 * `vite build --ssr`, or through Vite in dev) and calls `renderPage` for each page request,
 * inside a per-request context of its own (where requests go, the reader's clock). The same
 * components, routes, loaders and query functions as in the browser; TanStack Router's request
 * handler runs the route (its redirects, its not-found status) on a memory history.
 */
export { setTransport } from '@/app/lib/http'
export { setRenderContextSource } from '@/app/lib/render-context'
export { isKnownZone } from '@/app/lib/time'
export { payloadScript, requestKey } from '@/app/lib/ssr-handoff'

/** The app's HTML (what goes inside `#root`), rendered whole: lazy components included. */
export interface RenderedHtml {
  /** Writes the HTML into `destination`, and ends it. */
  pipe: (destination: NodeJS.WritableStream) => void
  abort: (reason?: unknown) => void
}

export type ServerRender =
  | { kind: 'redirect'; status: number; location: string }
  | ({ kind: 'page'; status: number } & RenderedHtml)

/**
 * Loads the route of `request` as the browser would (its loaders, and the requests they start
 * without waiting), then renders it once everything it shows is there, so the HTML is whole and
 * no inline script is needed to stream in the rest.
 */
export async function renderPage(
  request: Request,
  onError: (error: unknown) => void,
): Promise<ServerRender> {
  let html: RenderedHtml | undefined
  const response = await createRequestHandler({
    request,
    createRouter: () =>
      createAppRouter({
        queryClient: createQueryClient({ server: true }),
        history: createMemoryHistory(),
        server: true,
      }),
  })(async ({ router }) => {
    const { queryClient } = router.options.context
    await queriesSettled(queryClient)
    // Written out only once all of it is ready: then React writes every part in place, with no
    // script to move streamed parts into place (the page's policy allows none).
    html = await new Promise<RenderedHtml>((resolve, reject) => {
      const stream = renderToPipeableStream(<AppRoot queryClient={queryClient} router={router} />, {
        onAllReady() {
          resolve({ pipe: (destination) => stream.pipe(destination), abort: stream.abort })
        },
        // Never outline a large finished part to move it in place with a script.
        progressiveChunkSize: Number.POSITIVE_INFINITY,
        onShellError: reject,
        onError,
      })
      request.signal.addEventListener('abort', () => stream.abort(request.signal.reason))
    })
    return new Response(null, { status: getSsrStatus(router) })
  })
  const location = response.headers.get('location')
  if (location !== null) return { kind: 'redirect', status: response.status, location }
  if (!html) throw new Error('The page was not rendered')
  return { kind: 'page', status: response.status, ...html }
}
