import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { LAZY_ROUTE_MODULES, preloadsFromManifest } from '@/server/ssr/preloads'

/**
 * Issue 14: a page rendered on the server names its route's lazy chunk in its head, so the
 * browser loads it with the app's script rather than after it. The list is the server's; the
 * routes are the app's: every lazy route component is in it.
 */
test('every lazy route component has its page in the preload list', () => {
  const routes = join(process.cwd(), 'src/app/routes')
  const lazy = readdirSync(routes).flatMap((file) => {
    const text = readFileSync(join(routes, file), 'utf8')
    if (!text.includes('lazyRouteComponent(')) return []
    return [...text.matchAll(/import\('@\/(app\/[^']+)'\)/g)].map((m) => `src/${m[1] ?? ''}.tsx`)
  })
  expect(lazy.length).toBeGreaterThan(4)
  expect(new Set(LAZY_ROUTE_MODULES.map(([, module]) => module))).toEqual(new Set(lazy))
})

test("a path's preloads are its route's chunk and the header's, with what they import, never the entry", () => {
  const dir = mkdtempSync(join(tmpdir(), 'cv-preloads-'))
  try {
    const manifest = join(dir, 'manifest.json')
    writeFileSync(
      manifest,
      JSON.stringify({
        'index.html': { file: 'assets/index-1.js', isEntry: true },
        'src/app/features/conversation/conversation-page.tsx': {
          file: 'assets/conversation-page-2.js',
          imports: ['index.html', '_shared-3.js'],
        },
        '_shared-3.js': { file: 'assets/shared-3.js' },
        'src/app/components/session-controls.tsx': { file: 'assets/session-4.js' },
        'src/app/features/users/users-page.tsx': { file: 'assets/admin-5.js' },
      }),
    )
    const preloads = preloadsFromManifest(manifest)
    const hrefs = (path: string) => [...preloads(path).matchAll(/href="([^"]+)"/g)].map((m) => m[1])
    expect(hrefs('/conversations/abc')).toEqual([
      '/assets/session-4.js',
      '/assets/conversation-page-2.js',
      '/assets/shared-3.js',
    ])
    expect(hrefs('/conversations')).toEqual(['/assets/session-4.js'])
    expect(hrefs('/users')).toEqual(['/assets/session-4.js', '/assets/admin-5.js'])
    expect(preloadsFromManifest(join(dir, 'missing.json'))('/users')).toBe('')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
