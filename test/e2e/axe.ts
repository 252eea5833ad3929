import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { z } from 'zod'

const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js')

const axeResultsSchema = z.object({
  violations: z.array(
    z.object({
      id: z.string(),
      impact: z.string().nullable().optional(),
      nodes: z.array(z.object({ target: z.array(z.unknown()) })),
    }),
  ),
})

/** axe-core's violations on the page as it is now (the page must bypass CSP to inject it). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE })
  const raw: unknown = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<unknown> }
      }
    ).axe.run(document, { resultTypes: ['violations'] }),
  )
  return axeResultsSchema
    .parse(raw)
    .violations.map(
      (violation) =>
        `${violation.id} (${String(violation.impact)}): ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    )
}
