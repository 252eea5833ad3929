import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { axeViolations } from './axe'
import { launchBrowser, openPage as openPageAt, startServer, type RunningServer } from './support'

/**
 * Issue 15 in Debian Chromium against `npm start` with a seeded demo archive: the Insights tab of
 * a search, each chart's marks clicked through to a list that counts what the mark showed, axe in
 * light and dark with the tables open, and a screenshot of each chart.
 */

let server: RunningServer
let browser: Browser

const RESULTS = join(process.cwd(), 'test-results')
const INSIGHTS = '/conversations?range=30d&view=insights'

beforeAll(async () => {
  server = await startServer({ demoConversations: 300 })
  browser = await launchBrowser()
  mkdirSync(RESULTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const openPage = (path: string, colorScheme: 'light' | 'dark' = 'light') =>
  openPageAt(browser, `${server.url}${path}`, { colorScheme })

const CHARTS = [
  'Conversations per day',
  'MCS',
  'CSAT',
  'Devices',
  'Channels',
  'Close reasons',
  'Transfers',
  'Transfers from skill to skill',
  'Reply times by agent',
  'Reply times by skill',
] as const

const chart = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true })

/** The names of a chart's marks ("MCS 80–89: 12 conversations"), once it is drawn. */
async function markNames(page: Page, title: string): Promise<string[]> {
  const section = chart(page, title)
  await section.locator('svg a').first().waitFor()
  return section
    .locator('svg a > [aria-label]')
    .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('aria-label') ?? ''))
}

/** "…: 1,234 conversations" → 1234. */
function countOf(name: string): number {
  const match = /: ([\d,]+) conversations?$/.exec(name)
  if (!match?.[1]) throw new Error(`no count in ${name}`)
  return Number(match[1].replaceAll(',', ''))
}

/** The list's count, from its pager ("1–50 of 123"). */
async function listCount(page: Page): Promise<number> {
  await page.locator('table[aria-busy="false"]').waitFor()
  const text = await page.getByRole('navigation', { name: 'Pages' }).locator('p').textContent()
  const match = /^[\d,]+–[\d,]+ of ([\d,]+)/.exec(text ?? '')
  return Number((match?.[1] ?? 'NaN').replaceAll(',', ''))
}

test('every chart’s marks open the list of exactly the conversations the mark counted', async () => {
  const { page, errors } = await openPage(INSIGHTS)
  const checked: string[] = []
  for (const title of CHARTS) {
    const names = await markNames(page, title)
    expect(names.length, title).toBeGreaterThan(0)
    // The volume chart has a bar per day and status: its first, middle and last marks.
    const sample =
      title === 'Conversations per day'
        ? [names[0], names[Math.floor(names.length / 2)], names.at(-1)]
        : names
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
  expect(checked.length).toBeGreaterThan(40)
  expect(errors).toEqual([])
  await page.close()
}, 420_000)

test('the table link of a day and the stacking by channel open the same lists as the bars', async () => {
  const { page, errors } = await openPage(INSIGHTS)
  await page.getByRole('radio', { name: 'By channel' }).check()
  await page.waitForURL((url) => url.searchParams.get('by') === 'channel')
  const names = await markNames(page, 'Conversations per day')
  const name = names[Math.floor(names.length / 2)] ?? ''
  await chart(page, 'Conversations per day').locator(`svg a:has(> [aria-label="${name}"])`).click()
  await page.waitForURL((url) => url.searchParams.has('channel'))
  expect(await listCount(page)).toBe(countOf(name))
  await page.goBack()

  // A day's row of the table: its link opens the whole day, as many as its "All" cell.
  const volume = chart(page, 'Conversations per day')
  await volume.getByText('Numbers as a table').click()
  const row = volume.locator('tbody tr').nth(3)
  const cells = await row.locator('td').allTextContents()
  await row.getByRole('link').click()
  await page.waitForURL((url) => !url.searchParams.has('view'))
  expect(await listCount(page)).toBe(Number((cells.at(-1) ?? '').replaceAll(',', '')))
  expect(errors).toEqual([])
  await page.close()
}, 60_000)

test('axe finds nothing with the charts and their tables open, in light and dark; a screenshot of each chart', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const { page, errors } = await openPage(INSIGHTS, scheme)
    for (const title of CHARTS) await markNames(page, title)
    if (scheme === 'dark') {
      await page.getByLabel('Theme').selectOption('dark')
      await page.waitForFunction(() => document.documentElement.classList.contains('dark'))
    }
    await page.screenshot({ path: join(RESULTS, `insights-${scheme}.png`), fullPage: true })
    for (const title of CHARTS) {
      await chart(page, title).screenshot({
        path: join(RESULTS, `insights-${scheme}-${title.toLowerCase().replaceAll(' ', '-')}.png`),
      })
    }
    for (const summary of await page.getByText('Numbers as a table').all()) await summary.click()
    expect(await axeViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  }
}, 120_000)
