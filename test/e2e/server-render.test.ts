import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { z } from 'zod'
import { launchBrowser, startServer, type RunningServer, waitForInteractive } from './support'

/**
 * Pages rendered on the server (issue 14), in Debian Chromium against `npm start`: the first
 * screen is in the HTML (a deep link's message included, with JavaScript off), the browser takes
 * it over without a hydration warning (the reader's clock travels in a cookie, in another zone
 * than the browser's), the page says which status it is, and the page holds no inline script.
 */

let server: RunningServer
let browser: Browser

const recordSchema = z.looseObject({
  info: z.looseObject({ conversationId: z.string(), startTimeL: z.number() }),
  messageRecords: z.array(z.looseObject({ messageId: z.string(), timeL: z.number() })).optional(),
})

async function longest() {
  const now = Date.now()
  const res = await fetch(
    `${server.url}/messaging_history/api/account/demo/conversations/search?limit=100`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        start: { from: now - 89 * 86_400_000, to: now + 86_400_000 },
        contentToRetrieve: ['messageRecords'],
      }),
    },
  )
  const records = z
    .object({ conversationHistoryRecords: z.array(recordSchema) })
    .parse(await res.json()).conversationHistoryRecords
  const sorted = records.sort(
    (a, b) => (b.messageRecords?.length ?? 0) - (a.messageRecords?.length ?? 0),
  )
  const record = sorted[0]
  if (!record) throw new Error('no demo conversation')
  return record
}

beforeAll(async () => {
  server = await startServer({ demoConversations: 200 })
  browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A fresh browser whose reader chose their own clock, Asia/Kolkata (Chromium itself runs in UTC here). */
async function readerIn(zone: string, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    javaScriptEnabled,
    timezoneId: 'UTC',
  })
  await context.addCookies([
    { name: 'cv_tz', value: encodeURIComponent(`local:${zone}`), url: server.url },
  ])
  return context
}

/** Everything the page says on the console, and its errors. */
function watch(page: Page) {
  const said: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    // The not-found page is answered with its status, 404, which Chromium reports as such.
    if (/^Failed to load resource: .* 404 \(Not Found\)$/.test(message.text())) return
    if (message.type() === 'error' || message.type() === 'warning') said.push(message.text())
  })
  page.on('pageerror', (error) => said.push(error.message))
  return said
}

test('a deep link to a message far down a long conversation shows it in the HTML, JavaScript off', async () => {
  const record = await longest()
  const messages = record.messageRecords ?? []
  expect(messages.length).toBeGreaterThan(1000)
  const target = messages[Math.floor(messages.length * 0.6)]
  if (!target) throw new Error('no message')
  const context = await readerIn('Asia/Kolkata', false)
  const page = await context.newPage()
  const response = await page.goto(
    `${server.url}/conversations/${record.info.conversationId}?msg=${encodeURIComponent(target.messageId)}`,
  )
  expect(response?.status()).toBe(200)
  // No script of the app ran, and the page is there: the header, and the linked message,
  // highlighted, in the transcript's first screen, at its time in the reader's zone.
  await page.getByRole('heading', { name: /^Conversation / }).waitFor()
  const highlighted = page.locator('[role="listitem"][aria-current="true"]')
  expect(await highlighted.count()).toBe(1)
  // Far down the list: the server rendered the rows around the message, not the top ones.
  expect(Number(await highlighted.getAttribute('aria-posinset'))).toBeGreaterThan(
    messages.length * 0.5,
  )
  expect(await page.locator('[role="listitem"]').count()).toBeLessThan(60)
  const kolkata = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Kolkata',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(target.timeL))
  expect(await highlighted.getAttribute('aria-label')).toContain(kolkata)
  const box = await highlighted.boundingBox()
  const region = await page.getByRole('region', { name: 'Transcript' }).boundingBox()
  if (!box || !region) throw new Error('no layout')
  // Inside the transcript's box as it first shows (no script scrolls it).
  expect(box.y).toBeGreaterThanOrEqual(region.y)
  expect(box.y + box.height).toBeLessThanOrEqual(region.y + region.height + 1)
  await context.close()
})

test('the browser takes the pages over without a hydration warning, then shows its own zone', async () => {
  const record = await longest()
  const messages = record.messageRecords ?? []
  const target = messages[Math.floor(messages.length / 2)]
  if (!target) throw new Error('no message')
  const context = await readerIn('Asia/Kolkata')
  const page = await context.newPage()
  const said = watch(page)
  for (const path of [
    '/conversations',
    '/conversations?range=30d&status=CLOSE&sort=start:asc',
    `/conversations/${record.info.conversationId}`,
    `/conversations/${record.info.conversationId}?msg=${encodeURIComponent(target.messageId)}&find=the`,
    '/conversations/no-such-conversation',
    '/reviews',
  ]) {
    await page.goto(`${server.url}${path}`)
    await waitForInteractive(page)
  }
  // The cookie said Kolkata; this browser is in UTC, and the page follows the browser now.
  await page
    .getByRole('combobox', { name: 'Times in' })
    .getByRole('option', { name: 'Local time (UTC)' })
    .waitFor({ state: 'attached' })
  expect(said).toEqual([])
  // The answers came with the page: opening it asked the API nothing again.
  const asked: string[] = []
  page.on('request', (request) => {
    if (/\/messaging_history\//.test(request.url())) asked.push(request.url())
  })
  await page.goto(`${server.url}/conversations/${record.info.conversationId}`)
  await waitForInteractive(page)
  expect(asked).toEqual([])
  // And it works: find, as the reader types.
  await page.getByRole('searchbox', { name: 'Find in transcript' }).fill('order')
  await page.locator('mark').first().waitFor()
  await context.close()
})

test('statuses, redirects and the page policy: no inline script, a 404 for a conversation that is not there', async () => {
  const page = await fetch(`${server.url}/conversations`, { redirect: 'manual' })
  expect(page.status).toBe(200)
  const html = await page.text()
  const csp = page.headers.get('content-security-policy') ?? ''
  expect(csp).toMatch(/script-src 'self'(;|$)/)
  // Scripts: the theme, the app's module, and the page's data (never run).
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]?.trim() ?? '')
  expect(scripts.every((attrs) => /\bsrc=|type="application\/json"/.test(attrs))).toBe(true)
  expect(html).toContain('<table')
  expect((await fetch(`${server.url}/`, { redirect: 'manual' })).headers.get('location')).toBe(
    '/conversations',
  )
  const missing = await fetch(`${server.url}/conversations/no-such-conversation`)
  expect(missing.status).toBe(404)
  expect(await missing.text()).toContain('Conversation not found')
})

test('npm run dev renders pages on the server too, and keeps its hot-reload socket', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cv-e2e-dev-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--dev'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ARCHIVE_PATH: join(dir, 'archive.db'),
      DEMO_CONVERSATIONS: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    let log = ''
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${log}`)), 60_000)
      const onData = (chunk: Buffer) => {
        log += chunk.toString()
        const match = /Conversation Viewer: (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
    })
    const html = await (await fetch(`${url}/conversations`)).text()
    expect(html).toContain('/@vite/client')
    expect(html).toMatch(/<h1[^>]*>Conversations/)
    const context = await browser.newContext()
    const page = await context.newPage()
    const sockets: string[] = []
    page.on('websocket', (socket) => sockets.push(socket.url()))
    await page.goto(`${url}/conversations`)
    await waitForInteractive(page)
    await expect.poll(() => sockets.some((s) => s.startsWith(url.replace('http', 'ws')))).toBe(true)
    await context.close()
  } finally {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}, 120_000)
