import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import type { Figure } from './report'

/**
 * Bundle sizes as the budget test measures them: the project's own production build, each
 * script gzipped. The search page's first script is the entry and what index.html preloads; the
 * detail page and rich content are the lazy chunks named after their modules.
 */
export async function benchBundle(): Promise<Figure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'cv-bench-build-'))
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } })
    const html = readFileSync(join(outDir, 'index.html'), 'utf8')
    const initial = new Set(
      [
        ...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g),
        ...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g),
      ].map((match) => match[1] ?? ''),
    )
    const gz = (path: string) => gzipSync(readFileSync(join(outDir, path))).length
    const scripts = readdirSync(join(outDir, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `assets/${name}`)
    const sum = (paths: string[]) => paths.reduce((total, path) => total + gz(path), 0)
    const named = (prefix: RegExp) =>
      scripts.filter((path) => !initial.has(path) && prefix.test(path.slice('assets/'.length)))
    const section = 'bundle (gzipped JS)'
    return [
      {
        section,
        name: 'search page, before first render',
        unit: 'B',
        runs: [sum([...initial])],
        target: { kind: 'max', value: 170_000 },
      },
      { section, name: 'detail page chunk', unit: 'B', runs: [sum(named(/^conversation-page-/))] },
      {
        section,
        name: 'rich-content chunks',
        unit: 'B',
        runs: [sum(named(/^(rich-content|rich-content-boundary|quick-replies)-/))],
      },
      { section, name: 'all scripts', unit: 'B', runs: [sum(scripts)] },
    ]
  } finally {
    process.env.NODE_ENV = nodeEnv
    rmSync(outDir, { recursive: true, force: true })
  }
}
