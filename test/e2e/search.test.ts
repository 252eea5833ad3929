import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { axeViolations } from './axe'
import {
  launchBrowser,
  openPage as openPageAt,
  startServer,
  type RunningServer,
  waitForInteractive,
} from './support'

/**
 * The search page in Debian Chromium against `npm start` (the real entry point) with a seeded
 * demo archive: deep links, filters, reload, back to the same page and scroll position, keyboard
 * only, and axe-core.
 */

let server: RunningServer
let browser: Browser

const RESULTS = join(process.cwd(), 'test-results')

beforeAll(async () => {
  server = await startServer({ demoConversations: 200 })
  browser = await launchBrowser()
  mkdirSync(RESULTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const openPage = (path: string) =>
  openPageAt(browser, `${server.url}${path}`, { acceptDownloads: true })

/** The conversation IDs of the rows on screen, in order, once the table is there. */
async function rowIds(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: /^Conversations/ })
  await table.waitFor()
  await page.locator('table[aria-busy="false"]').waitFor()
  const hrefs = await table
    .locator('tbody a[href^="/conversations/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  return hrefs.map((href) => decodeURIComponent(href.replace('/conversations/', '')))
}

/** One column's cell texts, by header name. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await page.getByRole('columnheader').allTextContents()
  const index = headers.findIndex((text) => text.replace(/[▲▼↕]/g, '').trim() === header)
  if (index === -1) throw new Error(`no column ${header}`)
  return page.locator(`table tbody tr td:nth-child(${String(index + 1)})`).allTextContents()
}

const params = (page: Page) => new URL(page.url()).searchParams

/** Waits until the address bar's parameter `name` mentions `value` (a single or a listed value). */
const waitForParam = (page: Page, name: string, value: string) =>
  page.waitForURL((url) => (url.searchParams.get(name) ?? '').includes(value))

test('a filtered deep link, a changed filter and a reload all show the same rows', async () => {
  const { page, errors } = await openPage('/conversations?status=CLOSE&range=30d&pageSize=25')

  const first = await rowIds(page)
  expect(first).toHaveLength(25)
  for (const status of await columnTexts(page, 'Status')) expect(status).toMatch(/^Closed/)
  expect(await page.getByLabel('Started').inputValue()).toBe('30d')
  expect(await page.getByRole('checkbox', { name: 'Closed' }).isChecked()).toBe(true)

  await page.getByText('More filters').click()
  await page.getByRole('checkbox', { name: 'Web (SHARK)' }).check()
  await page.getByRole('button', { name: 'Search' }).click()
  await waitForParam(page, 'channel', 'SHARK')
  const filtered = await rowIds(page)
  expect(filtered.length).toBeGreaterThan(0)
  expect(filtered).not.toEqual(first)
  for (const channel of await columnTexts(page, 'Channel')) expect(channel).toBe('Web')
  for (const status of await columnTexts(page, 'Status')) expect(status).toMatch(/^Closed/)
  expect(params(page).get('status')).toContain('CLOSE')
  expect(params(page).get('range')).toBe('30d')

  await page.reload()
  await waitForInteractive(page)
  expect(await rowIds(page)).toEqual(filtered)
  expect(await page.getByRole('checkbox', { name: 'Web (SHARK)' }).isChecked()).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

test('opening a conversation and coming back returns to the same page and scroll position', async () => {
  const { page, errors } = await openPage('/conversations?range=30d&page=2&pageSize=50')
  const ids = await rowIds(page)
  expect(ids.length).toBeGreaterThan(30)
  const targetId = ids[30] ?? ''
  const target = page.locator(`tbody a[href="/conversations/${encodeURIComponent(targetId)}"]`)
  await target.scrollIntoViewIfNeeded()
  await page.mouse.wheel(0, 120)
  await page.waitForTimeout(200)
  const scrolled = await page.evaluate(() => window.scrollY)
  expect(scrolled).toBeGreaterThan(500)
  const listUrl = page.url()

  // Browser back.
  await target.click()
  await page.waitForURL(/\/conversations\/[^?]+$/)
  await page.getByRole('link', { name: /Back to results/ }).waitFor()
  await page.goBack()
  await page.waitForURL(listUrl)
  expect(await rowIds(page)).toEqual(ids)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeCloseTo(scrolled, -1)

  // The detail page's "Back to results" link.
  await target.click()
  await page.waitForURL(/\/conversations\/[^?]+$/)
  await page.getByRole('link', { name: /Back to results/ }).click()
  await page.waitForURL(listUrl)
  expect(await rowIds(page)).toEqual(ids)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeCloseTo(scrolled, -1)
  expect(errors).toEqual([])
  await page.close()
})

test('the whole search works from the keyboard alone', async () => {
  const { page, errors } = await openPage('/conversations?range=30d')
  await rowIds(page)
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement
      if (!element) return ''
      const labelled = element.id
        ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent
        : undefined
      return (labelled ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim()
    })
  const tabTo = async (name: string) => {
    for (let i = 0; i < 60; i += 1) {
      if ((await focused()) === name) return
      await page.keyboard.press('Tab')
    }
    throw new Error(`Tab never reached ${name}`)
  }

  // The skip link comes first and lands in the page.
  await page.keyboard.press('Tab')
  expect(await focused()).toBe('Skip to main content')
  await page.keyboard.press('Enter')

  await tabTo('Keyword in messages')
  await page.keyboard.type('order')

  // Pick an agent by name with the autocomplete, then search.
  await tabTo('Agents')
  await page.keyboard.type('ava')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: /^Remove agent Ava/ }).waitFor()
  await tabTo('Search')
  await page.keyboard.press('Enter')
  await waitForParam(page, 'q', 'order')
  expect(params(page).get('agent')).toBeTruthy()
  await rowIds(page)

  // Sort by end time from its header.
  await tabTo('End↕')
  await page.keyboard.press('Enter')
  await waitForParam(page, 'sort', 'end')
  expect(await page.getByRole('columnheader', { name: /End/ }).getAttribute('aria-sort')).toBe(
    'descending',
  )
  const ids = await rowIds(page)

  // j / k move between rows, Enter opens one; the focused row is visibly marked.
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  const row = page.locator('tbody tr:focus-within')
  expect(await row.count()).toBe(1)
  const outline = await row.evaluate((element) => getComputedStyle(element).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press('Enter')
  await page.waitForURL(new RegExp(`/conversations/${encodeURIComponent(ids[0] ?? '')}`))

  // Back to the same results from the detail page, still by keyboard.
  await page.getByRole('link', { name: /Back to results/ }).waitFor()
  await tabTo('← Back to results')
  await page.keyboard.press('Enter')
  await waitForParam(page, 'sort', 'end')
  expect(await rowIds(page)).toEqual(ids)
  expect(errors).toEqual([])
  await page.close()
})

test('the review filters reach the server and the Review column fills from one request per page', async () => {
  const { page, errors } = await openPage('/conversations?range=30d&pageSize=25')
  // The first load's Review column asks once the page is the browser's: done before counting.
  await page.locator('tbody', { hasText: 'Loading review status' }).waitFor({ state: 'detached' })
  const summaries: string[][] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/reviews/summary')) {
      summaries.push((request.postDataJSON() as { conversationIds: string[] }).conversationIds)
    }
  })
  await page.reload()
  await waitForInteractive(page)
  const ids = await rowIds(page)
  // A fresh archive has no reviews: every row says so, from one request for the 25 rows.
  await page.locator('tbody', { hasText: 'Loading review status' }).waitFor({ state: 'detached' })
  expect(new Set(await columnTexts(page, 'Review'))).toEqual(new Set(['Not reviewed']))
  expect(summaries).toEqual([ids])

  // "Not reviewed" finds them all; "Reviewed" none, and the empty state names the filter.
  await page.getByText('Review filters').click()
  await page.getByRole('checkbox', { name: 'Not reviewed' }).check()
  await page.getByRole('button', { name: 'Search' }).click()
  await waitForParam(page, 'review', 'none')
  expect(await rowIds(page)).toEqual(ids)
  await page.getByRole('checkbox', { name: 'Not reviewed' }).uncheck()
  await page.getByRole('checkbox', { name: 'Reviewed', exact: true }).check()
  await page.getByRole('button', { name: 'Search' }).click()
  await waitForParam(page, 'review', 'reviewed')
  const empty = page.getByRole('heading', { name: 'No conversations match these filters' })
  await empty.waitFor()
  expect(await page.getByText('Review: Reviewed').count()).toBe(1)

  // Reload keeps it.
  await page.reload()
  await waitForInteractive(page)
  await empty.waitFor()
  expect(await page.getByRole('checkbox', { name: 'Reviewed', exact: true }).isChecked()).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

test('axe-core finds no violations, in light and dark, with every filter showing', async () => {
  const { page, errors } = await openPage('/conversations?range=30d&status=OPEN')
  await rowIds(page)
  expect(await axeViolations(page)).toEqual([])

  await page.getByText('More filters').click()
  await page.getByText('Review filters').click()
  await page.getByRole('group', { name: 'Review status' }).waitFor()
  await page.getByRole('group', { name: 'Engagement attribute' }).waitFor()
  await page.getByRole('button', { name: 'Columns' }).click()
  await page.getByRole('combobox', { name: 'Skills' }).fill('s')
  await page.getByRole('listbox', { name: 'Skills suggestions' }).waitFor()
  expect(await axeViolations(page)).toEqual([])
  await page.screenshot({ path: join(RESULTS, 'search-filters-light.png'), fullPage: false })

  await page.keyboard.press('Escape')
  await page.getByLabel('Theme').selectOption('dark')
  await page.waitForFunction(() => document.documentElement.classList.contains('dark'))
  expect(await axeViolations(page)).toEqual([])
  await page.screenshot({ path: join(RESULTS, 'search-dark.png'), fullPage: false })

  await page.goto(`${server.url}/conversations?q=zzzznothingmatches`)
  await waitForInteractive(page)
  await page.getByRole('heading', { name: 'No conversations match these filters' }).waitFor()
  expect(await axeViolations(page)).toEqual([])
  expect(errors).toEqual([])
  await page.close()
})
