import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { z } from 'zod'
import { axeViolations } from './axe'
import { launchBrowser, openPage as openPageAt, startServer, type RunningServer } from './support'

/**
 * Issue 15's QA charts in Debian Chromium against `npm start` with a seeded demo archive and
 * reviews written through the review API (local mode): the dots of "QA score by agent" and the
 * bars of "Criteria that fail most" clicked through to a list whose pager counts what the mark
 * said; axe in light and dark with the tables open; screenshots of both cards.
 */

let server: RunningServer
let browser: Browser

const RESULTS = join(process.cwd(), 'test-results')
const INSIGHTS = '/conversations?range=30d&view=insights'
const SCORES = 'QA score by agent'
const FAILING = 'Criteria that fail most'

const recordsSchema = z.object({
  conversationHistoryRecords: z.array(
    z.looseObject({
      info: z.looseObject({ conversationId: z.string() }),
      agentParticipants: z
        .array(z.looseObject({ agentId: z.string().optional(), role: z.string().optional() }))
        .optional(),
    }),
  ),
})
const reviewSchema = z.looseObject({ id: z.string(), revision: z.number() })

async function api(path: string, json: unknown, method = 'POST'): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(json),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${String(res.status)} ${text}`)
  return JSON.parse(text) as unknown
}

/** Reviews of the first agent leg of 60 demo conversations of the last 29 days, most submitted. */
async function writeReviews() {
  const cards = z
    .object({ scorecards: z.array(z.object({ id: z.number() })) })
    .parse(await (await fetch(`${server.url}/api/scorecards`)).json())
  const scorecardId = cards.scorecards[0]?.id ?? 0
  const now = Date.now()
  // Every fourth conversation of the window's first 300 (newest first), so weeks differ.
  const found = []
  for (const offset of [0, 100, 200]) {
    const page = recordsSchema.parse(
      await api(
        `/messaging_history/api/account/demo/conversations/search?limit=100&offset=${String(offset)}`,
        {
          start: { from: now - 29 * 86_400_000, to: now },
          contentToRetrieve: ['agentParticipants'],
        },
      ),
    ).conversationHistoryRecords
    found.push(...page.filter((_, i) => i % 4 === 0))
  }
  const points = ['1', '2', '3', '4', '5']
  let written = 0
  for (const [i, record] of found.entries()) {
    const leg = (record.agentParticipants ?? []).find(
      (p) => p.agentId && (p.role === 'AGENT' || p.role === 'ASSIGNED_AGENT'),
    )
    if (!leg?.agentId || written >= 60) continue
    const created = reviewSchema.parse(
      await api('/api/reviews', {
        conversationId: record.info.conversationId,
        leg: { agentId: leg.agentId, role: 'agent' },
        scorecardId,
      }),
    )
    const answers = {
      greeting: points[i % 5],
      verification: i % 4 === 0 ? 'no' : 'yes',
      discovery: points[(i * 3) % 5],
      accuracy: points[(i * 2 + 1) % 5],
      resolution: 'resolved',
      empathy: '4',
      compliance: 'yes',
      closing: points[(i + 2) % 5],
    }
    const saved = reviewSchema.parse(
      await api(
        `/api/reviews/${created.id}`,
        { revision: created.revision, answers, notes: {}, evidence: [], comment: '' },
        'PUT',
      ),
    )
    if (i % 6 !== 5) await api(`/api/reviews/${created.id}/submit`, { revision: saved.revision })
    written++
  }
  expect(written).toBeGreaterThan(20)
}

beforeAll(async () => {
  server = await startServer({ demoConversations: 300 })
  browser = await launchBrowser()
  mkdirSync(RESULTS, { recursive: true })
  await writeReviews()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const openPage = (path: string, colorScheme: 'light' | 'dark' = 'light') =>
  openPageAt(browser, `${server.url}${path}`, { colorScheme })

const chart = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true })

async function markNames(page: Page, title: string): Promise<string[]> {
  const section = chart(page, title)
  await section.locator('svg a').first().waitFor()
  return section
    .locator('svg a > [aria-label]')
    .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('aria-label') ?? ''))
}

/** "… (3 conversations)" (a dot) or "…: fails in 3 conversations" (a bar) → 3. */
function countOf(name: string): number {
  const match = /(?:\(|fails in )([\d,]+) conversations?\)?$/.exec(name)
  if (!match?.[1]) throw new Error(`no count in ${name}`)
  return Number(match[1].replaceAll(',', ''))
}

async function listCount(page: Page): Promise<number> {
  await page.locator('table[aria-busy="false"]').waitFor()
  const text = await page.getByRole('navigation', { name: 'Pages' }).locator('p').textContent()
  const match = /^[\d,]+–[\d,]+ of ([\d,]+)/.exec(text ?? '')
  return Number((match?.[1] ?? 'NaN').replaceAll(',', ''))
}

test('the QA charts’ dots and bars open the list of exactly the conversations they counted', async () => {
  const { page, errors } = await openPage(INSIGHTS)
  const checked: string[] = []
  for (const title of [SCORES, FAILING]) {
    const names = await markNames(page, title)
    expect(names.length, title).toBeGreaterThan(2)
    const sample = [names[0], names[Math.floor(names.length / 2)], names.at(-1)]
    for (const name of sample) {
      if (!name) continue
      await chart(page, title).locator(`svg a:has(> [aria-label="${name}"])`).click()
      await page.waitForURL((url) => !url.searchParams.has('view'))
      expect(`${name} → ${String(await listCount(page))}`).toBe(
        `${name} → ${String(countOf(name))}`,
      )
      checked.push(name)
      await page.goBack()
      await page.waitForURL((url) => url.searchParams.get('view') === 'insights')
      await chart(page, title).locator('svg a').first().waitFor()
    }
  }
  expect(checked.length).toBe(6)

  // An agent's "All" row in the table: every reviewed conversation of that agent in the window.
  const scores = chart(page, SCORES)
  await scores.getByText('Numbers as a table').click()
  const row = scores.locator('tbody tr').first()
  const cells = await row.locator('td').allTextContents()
  await row.getByRole('link').click()
  await page.waitForURL((url) => url.searchParams.has('reviewedAgent'))
  expect(await listCount(page)).toBe(Number((cells.at(-1) ?? '').replaceAll(',', '')))
  expect(errors).toEqual([])
  await page.close()
}, 180_000)

test('axe finds nothing on the QA cards with their tables open, light and dark; screenshots', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const { page, errors } = await openPage(INSIGHTS, scheme)
    await markNames(page, SCORES)
    await markNames(page, FAILING)
    if (scheme === 'dark') {
      await page.getByLabel('Theme').selectOption('dark')
      await page.waitForFunction(() => document.documentElement.classList.contains('dark'))
    }
    for (const [title, file] of [
      [SCORES, 'qa-score-by-agent'],
      [FAILING, 'qa-failing-criteria'],
    ] as const) {
      await chart(page, title).screenshot({
        path: join(RESULTS, `insights-${scheme}-${file}.png`),
      })
    }
    for (const title of [SCORES, FAILING]) {
      await chart(page, title).getByText('Numbers as a table').click()
    }
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  }
}, 120_000)
