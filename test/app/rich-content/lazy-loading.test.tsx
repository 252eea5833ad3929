import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { render, screen } from '@testing-library/react'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { LazyQuickReplies, LazyRichContent } from '@/app/features/rich-content/lazy-rich-content'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const src = join(root, 'src')
const feature = join(src, 'app/features/rich-content')
const lazyWrapper = join(feature, 'lazy-rich-content.tsx')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

/** Static imports that survive compilation (`import type` is erased, `import { type X }` is not). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const found: string[] = []
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement)
    const isReExport = ts.isExportDeclaration(statement)
    if (!isImport && !isReExport) continue
    if (isImport && statement.importClause?.isTypeOnly) continue
    if (isReExport && statement.isTypeOnly) continue
    const spec = statement.moduleSpecifier
    if (spec && ts.isStringLiteral(spec)) found.push(spec.text)
  }
  return found
}

function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return join(src, specifier.slice(2))
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier)
  return undefined
}

describe('the renderer is its own chunk', () => {
  it('is imported eagerly only through the lazy wrapper', () => {
    const offenders: string[] = []
    for (const file of sourceFiles(src)) {
      const inside = file.startsWith(feature + '/')
      for (const specifier of runtimeImports(file)) {
        const target = resolveSpecifier(file, specifier)?.replace(/\.(tsx?|jsx?)$/, '')
        if (!target?.startsWith(feature + '/')) continue
        const isWrapper = target === lazyWrapper.replace(/\.tsx$/, '')
        // Outside the feature only the wrapper may be imported; the wrapper itself imports
        // nothing of the renderer at run time (it uses dynamic import()).
        if ((!inside && !isWrapper) || file === lazyWrapper) {
          offenders.push(`${relative(root, file)} imports ${specifier}`)
        }
      }
    }
    expect(offenders).toEqual([])
  }, 60_000)

  it('the wrapper loads the renderer with dynamic import()', () => {
    const wrapper = readFileSync(lazyWrapper, 'utf8')
    expect(wrapper).toMatch(/import\('\.\/rich-content'\)/)
    expect(wrapper).toMatch(/import\('\.\/quick-replies'\)/)
  })

  it('LazyRichContent shows a small placeholder, then the content', async () => {
    render(<LazyRichContent content={{ type: 'text', text: 'Loaded lazily' }} />)
    expect(screen.getByText('Loading rich content…')).toBeInTheDocument()
    // The first dynamic import transforms the renderer's modules, which can take a while here.
    expect(await screen.findByText('Loaded lazily', {}, { timeout: 15_000 })).toBeInTheDocument()
  }, 20_000)

  it('LazyQuickReplies renders quick replies', async () => {
    render(
      <LazyQuickReplies
        content={{
          type: 'quickReplies',
          itemsPerRow: 2,
          replies: [{ type: 'button', title: 'Yes' }],
        }}
        chosenText="yes"
      />,
    )
    expect(
      await screen.findByRole('button', { name: 'Yes, chosen' }, { timeout: 15_000 }),
    ).toBeInTheDocument()
  }, 20_000)
})
