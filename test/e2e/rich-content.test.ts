import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { findDemoConversations, type DemoConversations } from './conversation-demo'
import { launchBrowser, startServer, type RunningServer, waitForInteractive } from './support'

/**
 * Structured content (issue 5) on the detail page, in Debian Chromium against `npm start`: every
 * element type the demo data uses is found in the demo archive, opened by its message link
 * (`?msg=`), checked as a user would see it, and photographed into `test-results/`.
 */

let server: RunningServer
let browser: Browser
let demo: DemoConversations
let page: Page

const RESULTS = join(process.cwd(), 'test-results')

type Json = Record<string, unknown>

interface Found {
  conversationId: string
  messageId: string
  node: Json
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function walk(value: unknown, visit: (node: Json) => void) {
  if (Array.isArray(value)) for (const item of value) walk(item, visit)
  else if (isObject(value)) {
    visit(value)
    for (const child of Object.values(value)) walk(child, visit)
  }
}

function parseContent(messageData: unknown, key: 'richContent' | 'quickReplies'): unknown {
  if (!isObject(messageData)) return undefined
  const payload = messageData[key]
  if (!isObject(payload) || typeof payload.content !== 'string') return undefined
  try {
    return JSON.parse(payload.content)
  } catch {
    return undefined
  }
}

/** The first demo message whose structured content has an element of `type` (a test of its own). */
function firstOfType(type: string, where?: (node: Json) => boolean): Found {
  for (const record of demo.records) {
    if ((record.messageRecords?.length ?? 0) > 500) continue
    for (const message of record.messageRecords ?? []) {
      const key = type === 'quickReplies' ? 'quickReplies' : 'richContent'
      const content = parseContent(message.messageData, key)
      let hit: Json | undefined
      walk(content, (node) => {
        if (!hit && node.type === type && (where?.(node) ?? true)) hit = node
      })
      if (hit)
        return {
          conversationId: record.info.conversationId,
          messageId: message.messageId,
          node: hit,
        }
    }
  }
  throw new Error(`no demo message has a ${type} element`)
}

function texts(node: Json, field: string): string[] {
  const out: string[] = []
  walk(node, (n) => {
    const value = n[field]
    if (typeof value === 'string' && value.trim()) out.push(value)
  })
  return out
}

function children(node: Json): Json[] {
  return Array.isArray(node.elements) ? node.elements.filter(isObject) : []
}

beforeAll(async () => {
  server = await startServer({ demoConversations: 60 })
  browser = await launchBrowser()
  demo = await findDemoConversations(server.url)
  mkdirSync(RESULTS, { recursive: true })
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Opens the message by its link and returns the highlighted transcript item. */
async function openMessage(found: Found): Promise<Locator> {
  await page.goto(
    `${server.url}/conversations/${found.conversationId}?msg=${encodeURIComponent(found.messageId)}`,
  )
  await waitForInteractive(page)
  const item = page.locator('[role="listitem"][aria-current="true"]')
  await item.waitFor({ timeout: 20_000 })
  return item
}

async function shoot(item: Locator, type: string) {
  await item.scrollIntoViewIfNeeded()
  await item.screenshot({ path: join(RESULTS, `rich-content-${type}.png`) })
}

const visibleText = (item: Locator, text: string) =>
  item.getByText(text.trim().slice(0, 40), { exact: false }).first().waitFor({ timeout: 10_000 })

test('text elements show their text', async () => {
  const found = firstOfType('text', (n) => typeof n.text === 'string' && !/[<>&]/.test(n.text))
  const item = await openMessage(found)
  await visibleText(item, String(found.node.text).split('\n')[0] ?? '')
  await shoot(item, 'text')
})

test('images load and show with their caption', async () => {
  const found = firstOfType('image')
  const item = await openMessage(found)
  const img = item.locator(`img[src$="${String(found.node.url).split('/').pop() ?? ''}"]`).first()
  await img.waitFor({ timeout: 10_000 })
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
    .toBeGreaterThan(0)
  if (typeof found.node.caption === 'string') await visibleText(item, found.node.caption)
  await shoot(item, 'image')
})

test('buttons are shown, inert, with what they would have done', async () => {
  const found = firstOfType('button', (n) => typeof n.title === 'string')
  const item = await openMessage(found)
  const button = item.getByRole('button', { name: String(found.node.title) }).first()
  await button.waitFor()
  expect(await button.getAttribute('aria-disabled')).toBe('true')
  await shoot(item, 'button')
})

test('maps show a static map with a way to open the place', async () => {
  const item = await openMessage(firstOfType('map'))
  await item
    .getByRole('img', { name: /^Map of/ })
    .first()
    .waitFor()
  await shoot(item, 'map')
})

test('link previews are safe http(s) links with their title', async () => {
  const found = firstOfType('linkPreview')
  const item = await openMessage(found)
  const link = item
    .getByRole('link', {
      name: new RegExp(typeof found.node.title === 'string' ? found.node.title : ''),
    })
    .first()
  await link.waitFor()
  expect(await link.getAttribute('href')).toMatch(/^https?:\/\//)
  await shoot(item, 'link-preview')
})

test('quick-reply templates show the title and every reply', async () => {
  const found = firstOfType('template')
  const item = await openMessage(found)
  const replies = item.getByRole('list', { name: 'Replies' })
  await replies.waitFor()
  const resp = Array.isArray(found.node.resp) ? found.node.resp : []
  expect(await replies.getByRole('listitem').count()).toBe(resp.length)
  await shoot(item, 'template')
})

test('key-value lists show every key', async () => {
  const found = firstOfType('keyValuePairList')
  const item = await openMessage(found)
  for (const key of texts(found.node, 'key').slice(0, 5)) {
    await item.locator('dt', { hasText: key }).first().waitFor()
  }
  await shoot(item, 'key-value-list')
})

test('vertical and horizontal layouts render all their children', async () => {
  for (const type of ['vertical', 'horizontal']) {
    const found = firstOfType(type)
    const item = await openMessage(found)
    for (const title of [...texts(found.node, 'title'), ...texts(found.node, 'caption')].slice(
      0,
      4,
    )) {
      await visibleText(item, title)
    }
    await shoot(item, type)
  }
})

test('carousels show one card per element', async () => {
  for (const type of ['carousel', 'carouselSelect']) {
    const found = firstOfType(type)
    const item = await openMessage(found)
    const strip = item.locator('[aria-roledescription="carousel"]').first()
    await strip.waitFor()
    expect(await strip.locator('[aria-roledescription="card"]').count()).toBe(
      children(found.node).length,
    )
    await shoot(item, type === 'carousel' ? 'carousel' : 'carousel-select')
  }
})

test('the carousel counter follows the arrows and the scrolling a user does by hand', async () => {
  const found = firstOfType('carousel', (node) => children(node).length >= 3)
  const count = children(found.node).length
  // A narrow window (a phone, a side-by-side view): the strip shows fewer cards than it has.
  await page.setViewportSize({ width: 420, height: 900 })
  const item = await openMessage(found)
  const strip = item.locator('[aria-roledescription="carousel"]').first()
  await strip.waitFor()
  const counter = strip.getByText(/^Card \d+ of \d+$/)
  const scroller = strip.locator('[aria-roledescription="card"]').first().locator('..')
  await expect.poll(() => counter.textContent()).toBe(`Card 1 of ${String(count)}`)

  // Scrolled by hand (as a swipe or the scroll bar would) so the second card is at the start.
  const scrollTo = (card: number) =>
    scroller.evaluate((el, i) => {
      const target = el.children[i]
      if (el instanceof HTMLElement && target instanceof HTMLElement) {
        el.scrollLeft = target.offsetLeft - el.offsetLeft
      }
    }, card)
  await scrollTo(1)
  await expect.poll(() => counter.textContent()).toBe(`Card 2 of ${String(count)}`)
  await shoot(item, 'carousel-narrow')
  await scrollTo(0)
  await expect.poll(() => counter.textContent()).toBe(`Card 1 of ${String(count)}`)

  // The arrows still name the card they went to once their scroll has settled.
  await strip.getByRole('button', { name: 'Next card' }).click()
  await strip.getByRole('button', { name: 'Next card' }).click()
  await page.waitForTimeout(800)
  expect(await counter.textContent()).toBe(`Card 3 of ${String(count)}`)
  await page.setViewportSize({ width: 1280, height: 1000 })
})

test('accordion selects fold each card under its title', async () => {
  const found = firstOfType('accordionSelect')
  const item = await openMessage(found)
  const titles = Array.isArray(found.node.titles) ? found.node.titles.filter(isObject) : []
  const first = titles[0]
  if (!first || typeof first.name !== 'string') throw new Error('accordion without titles')
  const header = item.getByRole('button', { name: new RegExp(`^${first.name}`) }).first()
  await header.waitFor()
  const wasOpen = (await header.getAttribute('aria-expanded')) === 'true'
  await header.click()
  expect(await header.getAttribute('aria-expanded')).toBe(wasOpen ? 'false' : 'true')
  await shoot(item, 'accordion-select')
})

test('tabs show one tab per card and switch', async () => {
  const found = firstOfType('tabs')
  const item = await openMessage(found)
  const tabs = item.getByRole('tablist').getByRole('tab')
  await tabs.first().waitFor()
  expect(await tabs.count()).toBe(children(found.node).length)
  await tabs.nth(1).click()
  expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true')
  await shoot(item, 'tabs')
})

test('checklists show their checkboxes and submit button', async () => {
  const found = firstOfType('list')
  const item = await openMessage(found)
  let boxes = 0
  walk(found.node, (n) => {
    if (n.type === 'checkbox') boxes += 1
  })
  await item.getByRole('checkbox').first().waitFor()
  expect(await item.getByRole('checkbox').count()).toBe(boxes)
  const submit = texts(found.node, 'title').at(-1)
  if (submit) await visibleText(item, submit)
  await shoot(item, 'checklist')
})

test('quick replies show as a row of chips', async () => {
  const found = firstOfType('quickReplies')
  const item = await openMessage(found)
  const group = item.getByRole('group', { name: 'Quick replies' })
  await group.waitFor()
  for (const title of texts(found.node, 'title').slice(0, 3)) {
    await visibleText(group, title)
  }
  await shoot(item, 'quick-replies')
})

test('a hostile javascript: link in structured content is never a link', async () => {
  const found = firstOfType('link', (n) => String(n.uri).toLowerCase().startsWith('javascript:'))
  const item = await openMessage(found)
  await item
    .getByText(/javascript:/)
    .first()
    .waitFor()
  const jsHrefs = await item.evaluate(
    (el) =>
      Array.from(el.querySelectorAll('[href]')).filter((a) =>
        (a.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:'),
      ).length,
  )
  expect(jsHrefs).toBe(0)
  await shoot(item, 'hostile-link')
})
