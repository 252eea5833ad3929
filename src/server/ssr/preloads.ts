import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'

/**
 * The lazy chunks a page rendered on the server needs before the browser can take it over
 * (issue 14): the route's own component and the header's session controls. Named in the page's
 * head (`<link rel="modulepreload">`), they load with the app's script instead of after it.
 * Keyed by source module, as Vite's manifest (`dist/client/.vite/manifest.json`) names them;
 * each is one of the routes' `lazyRouteComponent` imports (test/server/page-preloads.test.ts
 * keeps the two lists the same).
 */
export const LAZY_ROUTE_MODULES: readonly (readonly [RegExp, string])[] = [
  [/^\/conversations\/[^/]+\/?$/, 'src/app/features/conversation/conversation-page.tsx'],
  [/^\/sign-in\/?$/, 'src/app/features/auth/sign-in-page.tsx'],
  [/^\/users\/?$/, 'src/app/features/users/users-page.tsx'],
  [/^\/audit\/?$/, 'src/app/features/audit/audit-page.tsx'],
  [/^\/reviews\/?$/, 'src/app/features/reviews/reviews-page.tsx'],
  [/^\/scorecards\/?$/, 'src/app/features/scorecards/scorecards-page.tsx'],
]

/** On every page: the header's session controls. */
const EVERY_PAGE = ['src/app/components/session-controls.tsx']

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    imports: z.array(z.string()).optional(),
    isEntry: z.boolean().optional(),
  }),
)

/** `path` → the `<link rel="modulepreload">` tags of its lazy chunks and what they import. */
export function preloadsFromManifest(manifestPath: string): (path: string) => string {
  if (!existsSync(manifestPath)) return () => ''
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')))
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)?.file
  const filesOf = (key: string, into: Set<string>) => {
    const chunk = manifest[key]
    if (!chunk || into.has(chunk.file)) return
    into.add(chunk.file)
    for (const imported of chunk.imports ?? []) filesOf(imported, into)
  }
  const cache = new Map<string, string>()
  return (path) => {
    const route = LAZY_ROUTE_MODULES.find(([pattern]) => pattern.test(path))?.[1]
    const key = route ?? ''
    let links = cache.get(key)
    if (links === undefined) {
      const files = new Set<string>()
      for (const module of [...EVERY_PAGE, ...(route ? [route] : [])]) filesOf(module, files)
      if (entry) files.delete(entry)
      links = [...files]
        .map((file) => `<link rel="modulepreload" crossorigin href="/${file}" />`)
        .join('')
      cache.set(key, links)
    }
    return links
  }
}
