import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { z } from 'zod'
import { findDemoConversations, type DemoConversations } from './conversation-demo'
import { launchBrowser, startServer, type RunningServer, waitForInteractive } from './support'

/**
 * The conversation detail page in Debian Chromium against `npm start` (the real entry point) with
 * the demo archive: deep links to a message, find, previous/next from a search, hostile content,
 * exports, print, and an axe-core scan.
 */

let server: RunningServer
let browser: Browser
let demo: DemoConversations

const RESULTS = join(process.cwd(), 'test-results')
const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js')

beforeAll(async () => {
  server = await startServer({ demoConversations: 60 })
  browser = await launchBrowser()
  demo = await findDemoConversations(server.url)
  mkdirSync(RESULTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openPage(path: string, width = 1440): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width, height: 1000 },
    acceptDownloads: true,
    // Lets the axe-core test inject its script past the app's Content-Security-Policy.
    bypassCSP: true,
  })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  await page.goto(`${server.url}${path}`)
  await waitForInteractive(page)
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  return { page, errors }
}

function transcriptItems(page: Page) {
  return page.getByRole('list', { name: 'Transcript items' }).getByRole('listitem')
}

test('a deep link with msg= far down a long conversation scrolls to it and highlights it, also after reload', async () => {
  const record = demo.longest
  const messages = record.messageRecords ?? []
  expect(messages.length).toBeGreaterThan(2000)
  const target = messages[messages.length - 40]
  if (!target) throw new Error('no target message')
  const url = `/conversations/${record.info.conversationId}?msg=${encodeURIComponent(target.messageId)}`
  const { page, errors } = await openPage(url)

  const check = async () => {
    const highlighted = page.locator('[role="listitem"][aria-current="true"]')
    await highlighted.waitFor({ state: 'visible', timeout: 15_000 })
    const box = await highlighted.boundingBox()
    const scroller = await page.getByRole('region', { name: 'Transcript' }).boundingBox()
    if (!box || !scroller) throw new Error('no layout')
    // The highlighted message is inside the visible part of the transcript.
    expect(box.y + box.height).toBeGreaterThan(scroller.y)
    expect(box.y).toBeLessThan(scroller.y + scroller.height)
    const position = Number(await highlighted.getAttribute('aria-posinset'))
    expect(position).toBeGreaterThan(2000)
  }
  await check()
  await page.reload()
  await waitForInteractive(page)
  await check()
  expect(errors).toEqual([])
  await page.close()
})

test('an unknown ID shows "Conversation not found" with the ID and a way back', async () => {
  const { page, errors } = await openPage('/conversations/no-such-conversation-id')
  await page.getByRole('heading', { level: 1, name: 'Conversation not found' }).waitFor()
  await page.getByText('no-such-conversation-id').waitFor()
  await page.getByRole('link', { name: 'Back to the conversation search' }).click()
  await page.waitForURL((url) => url.pathname === '/conversations')
  expect(errors).toEqual([])
  await page.close()
})

test('find in the transcript marks matches, writes find= to the URL and survives reload', async () => {
  const id = demo.richest.info.conversationId
  const { page, errors } = await openPage(`/conversations/${id}`)
  const find = page.getByRole('searchbox', { name: 'Find in transcript' })
  await find.fill('thank')
  const status = page.getByRole('search', { name: 'Find in transcript' }).getByRole('status')
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^1 of \d+$/)
  await expect.poll(() => new URL(page.url()).searchParams.get('find')).toBe('thank')
  expect(await page.locator('mark').count()).toBeGreaterThan(0)

  await page.reload()
  await waitForInteractive(page)
  await expect.poll(() => find.inputValue()).toBe('thank')
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^1 of \d+$/)

  // "/" focuses the find box from anywhere on the page.
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('/')
  await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

test('from the search results, n and p move to the next and previous conversation', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.goto(`${server.url}/conversations`)
  await waitForInteractive(page)
  const rowLinks = page.locator('a[data-row-link]')
  await rowLinks.first().waitFor({ timeout: 20_000 })
  const stored = await page.evaluate(() => window.sessionStorage.getItem('cv.lastSearch'))
  const ids = z.object({ ids: z.array(z.string()) }).parse(JSON.parse(stored ?? '{}')).ids
  expect(ids.length).toBeGreaterThan(3)

  await rowLinks.nth(1).click()
  await page.waitForURL(`**/conversations/${ids[1] ?? ''}`)
  await page.getByRole('heading', { level: 1, name: `Conversation ${ids[1] ?? ''}` }).waitFor()
  await page.getByText(/^Result 2 of \d+$/).waitFor()

  await page.keyboard.press('n')
  await page.getByRole('heading', { level: 1, name: `Conversation ${ids[2] ?? ''}` }).waitFor()
  await page.keyboard.press('p')
  await page.keyboard.press('p')
  await page.getByRole('heading', { level: 1, name: `Conversation ${ids[0] ?? ''}` }).waitFor()
  await page.getByRole('link', { name: 'Next conversation' }).click()
  await page.getByRole('heading', { level: 1, name: `Conversation ${ids[1] ?? ''}` }).waitFor()

  await page.getByRole('link', { name: '← Back to results' }).click()
  await page.waitForURL((url) => url.pathname === '/conversations')
  await page.close()
})

test('hostile content in messages and engagement attributes renders inert', async () => {
  const id = demo.hostile.info.conversationId
  const { page, errors } = await openPage(`/conversations/${id}`)
  // Find jumps to the consumer's message with the <script> in it; it shows as text.
  await page.getByRole('searchbox', { name: 'Find in transcript' }).fill('alert(1)')
  await transcriptItems(page)
    .filter({ hasText: 'the page breaks: <script>alert(1)</script>' })
    .first()
    .waitFor({ timeout: 15_000 })

  await page.getByRole('tab', { name: /Engagement attributes/ }).click()
  const attributes = page.getByRole('tabpanel')
  await attributes.getByRole('heading', { name: 'Engagement attributes' }).waitFor()
  expect(await attributes.getByText(/<script>/).count()).toBeGreaterThan(0)
  // The 50,000+ character visitor error is cut, with an expander.
  const expand = attributes.getByRole('button', { name: /^Show all [\d,]+ characters of Message$/ })
  await expand.click()
  await attributes.getByRole('button', { name: 'Show less of Message' }).waitFor()

  const dangerous = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('main *'))
    return {
      scripts: document.querySelectorAll('main script').length,
      handlers: all.filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on')))
        .length,
      jsLinks: all.filter((el) =>
        ['href', 'src', 'action', 'formaction'].some((name) =>
          (el.getAttribute(name) ?? '').trim().toLowerCase().startsWith('javascript:'),
        ),
      ).length,
    }
  })
  expect(dangerous).toEqual({ scripts: 0, handlers: 0, jsLinks: 0 })
  expect(errors).toEqual([])
  await page.close()
})

test('Markdown and JSON exports download the transcript and the raw record', async () => {
  const id = demo.richest.info.conversationId
  const { page } = await openPage(`/conversations/${id}`)

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ])
  expect(markdown.suggestedFilename()).toBe(`conversation-${id}.md`)
  const text = readFileSync((await markdown.path()) ?? '', 'utf8')
  expect(text.startsWith(`# Conversation ${id}\n`)).toBe(true)
  expect(text).toMatch(
    /\*\*[^*]+\*\* \((consumer|agent|bot)\) — \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+/,
  )

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ])
  expect(json.suggestedFilename()).toBe(`conversation-${id}.json`)
  const raw = z
    .object({
      info: z.object({ conversationId: z.string() }),
      messageRecords: z.array(z.unknown()),
    })
    .parse(JSON.parse(readFileSync((await json.path()) ?? '', 'utf8')))
  expect(raw.info.conversationId).toBe(id)
  expect(raw.messageRecords.length).toBe(demo.richest.messageRecords?.length)
  await page.close()
})

test('printing shows the whole transcript and hides the page chrome and panels', async () => {
  const record = demo.longest
  const { page } = await openPage(`/conversations/${record.info.conversationId}`)
  await transcriptItems(page).first().waitFor()
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
  await page.emulateMedia({ media: 'print' })
  const printable = page.getByRole('region', { name: 'Printable transcript' })
  await printable.waitFor({ state: 'visible' })
  expect(await page.getByRole('complementary', { name: 'Conversation details' }).isVisible()).toBe(
    false,
  )
  expect(await page.getByRole('button', { name: 'Download JSON' }).isVisible()).toBe(false)
  // The app header (product name, clock and theme switches) is page chrome too.
  expect(await page.getByRole('banner').isVisible()).toBe(false)
  // Every message is in the printable list, not only the virtualised window.
  const printed = await printable.locator('li').count()
  expect(printed).toBeGreaterThanOrEqual(record.messageRecords?.length ?? 0)
  await page.pdf({ path: join(RESULTS, 'conversation-print.pdf'), format: 'A4' })
  await page.close()
})

test('no axe-core violations on the detail page, on each panel', async () => {
  const id = demo.richest.info.conversationId
  const { page } = await openPage(`/conversations/${id}`)
  await transcriptItems(page).first().waitFor()
  await page.addScriptTag({ path: AXE })
  const violations: string[] = []
  for (const tab of [
    'Participants',
    'Transfers',
    'Co-browse',
    'Surveys',
    'Summary',
    'Engagement',
  ]) {
    await page.getByRole('tab', { name: new RegExp(tab) }).click()
    await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).waitFor()
    const found = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: {
            run: () => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>
          }
        }
      ).axe.run()
      return result.violations.map(
        (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      )
    })
    violations.push(...found.map((v) => `[${tab}] ${v}`))
  }
  expect(violations).toEqual([])
  await page.close()
})

test('screenshot of a rich demo conversation (wide and narrow) for review', async () => {
  const id = demo.richest.info.conversationId
  for (const [width, name] of [
    [1440, 'conversation-detail-wide.png'],
    [430, 'conversation-detail-narrow.png'],
  ] as const) {
    const { page, errors } = await openPage(`/conversations/${id}?tab=attributes`, width)
    await transcriptItems(page).first().waitFor()
    await page.screenshot({ path: join(RESULTS, name), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  }
})
