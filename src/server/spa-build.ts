import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time (ms) of any file below `dir`, skipping nothing: the app tree is small. */
function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

/** Inputs whose change means the built SPA in `dist/` is stale. */
const SPA_INPUTS = [
  'index.html',
  'vite.config.ts',
  'src/app',
  'src/domain',
  'public',
  'package.json',
]

/** What `vite build` makes: the browser's app, and the same app for rendering on the server. */
export const SPA_OUTPUT = {
  client: 'dist/client',
  server: 'dist/server',
  serverEntry: 'dist/server/entry-server.js',
} as const

export function spaNeedsBuild(root: string): boolean {
  const builtIndex = join(root, SPA_OUTPUT.client, 'index.html')
  const builtEntry = join(root, SPA_OUTPUT.serverEntry)
  if (!existsSync(builtIndex) || !existsSync(builtEntry)) return true
  const builtAt = Math.min(statSync(builtIndex).mtimeMs, statSync(builtEntry).mtimeMs)
  return SPA_INPUTS.some((input) => {
    const path = join(root, input)
    return existsSync(path) && newestMtime(path) > builtAt
  })
}

/**
 * Builds the SPA with Vite when `dist/` is missing or older than its sources: the browser's
 * bundle (`dist/client`) and the server's (`dist/server`, issue 14).
 */
export async function ensureSpaBuilt(root: string, log: (line: string) => void): Promise<void> {
  if (!spaNeedsBuild(root)) return
  log('Building the web app (first start or changed sources)…')
  await buildSpa(root)
  log('Web app built.')
}

/** Both builds, as `npm run build` makes them. */
export async function buildSpa(root: string, outDir = join(root, 'dist')): Promise<void> {
  const { build } = await import('vite')
  // The served app is always a production build, whatever NODE_ENV the caller inherited.
  const shared = {
    root,
    mode: 'production',
    logLevel: 'warn' as const,
    configFile: join(root, 'vite.config.ts'),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  }
  await build({ ...shared, build: { outDir: join(outDir, 'client'), emptyOutDir: true } })
  await build({
    ...shared,
    build: {
      ssr: 'src/app/entry-server.tsx',
      outDir: join(outDir, 'server'),
      emptyOutDir: true,
    },
  })
}
