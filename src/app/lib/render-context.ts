import { z } from 'zod'

/**
 * What a page rendered on the server (issue 14) was rendered with, so that the browser's first
 * render of it (hydration) is the same, to the character: the reader's clock, the server's
 * "now" (the search's relative window ends there), and the page's origin.
 *
 * On the server each request has its own (the server sets the source to its per-request store);
 * in the browser it is the one the server sent with the page, read by the first render of each
 * part of the page; from there on, the browser's own clock and zone.
 */
export const renderContextSchema = z.object({
  /** The reader's choice (local or UTC), and their browser's zone, from the `cv_tz` cookie. */
  zoneSetting: z.enum(['local', 'utc']),
  localZone: z.string().min(1).max(64),
  now: z.number(),
  origin: z.string(),
})
export type RenderContext = z.infer<typeof renderContextSchema>

let source: () => RenderContext | undefined = () => undefined
let hydration: RenderContext | undefined

/** Where the render under way reads its context: the server's per-request store. */
export function setRenderContextSource(next: () => RenderContext | undefined): void {
  source = next
}

/** The context the page came with from the server (the browser, once, before it hydrates). */
export function setHydrationContext(context: RenderContext | undefined): void {
  hydration = context
}

/**
 * The context of the render under way, for code outside React (route loaders): on the server,
 * the request's; in the browser, the server's while the page's loaders run before hydration.
 */
export function renderContext(): RenderContext | undefined {
  return source()
}

/**
 * The context a component's first render must agree with: the request's on the server, the
 * server's in the browser. Read only through `useSyncExternalStore`'s server snapshot, which
 * React uses on the server and while it hydrates (parts of a page hydrate later than others),
 * then never again.
 */
export function serverSnapshotContext(): RenderContext | undefined {
  return source() ?? hydration
}
