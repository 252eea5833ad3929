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

export function spaNeedsBuild(root: string, outDir = join(root, 'dist')): boolean {
  const builtIndex = join(outDir, 'index.html')
  if (!existsSync(builtIndex)) return true
  const builtAt = statSync(builtIndex).mtimeMs
  return SPA_INPUTS.some((input) => {
    const path = join(root, input)
    return existsSync(path) && newestMtime(path) > builtAt
  })
}

/** Builds the SPA with Vite when `dist/` is missing or older than its sources. */
export async function ensureSpaBuilt(root: string, log: (line: string) => void): Promise<void> {
  if (!spaNeedsBuild(root)) return
  log('Building the web app (first start or changed sources)…')
  const { build } = await import('vite')
  // The served app is always a production build, whatever NODE_ENV the caller inherited.
  await build({
    root,
    mode: 'production',
    logLevel: 'warn',
    configFile: join(root, 'vite.config.ts'),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  })
  log('Web app built.')
}
