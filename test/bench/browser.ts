import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { z } from 'zod'
import { launchBrowser, startServer, type RunningServer } from '../e2e/support'
import { importAndWait } from '../server/import-client'
import { floorDetailPage, floorSearchPage } from './floor-pages'
import type { Figure } from './report'

/**
 * The browser half of the report: Debian Chromium, headless, against the real `npm start` entry
 * on the bench's archive. Every navigation is a fresh context (a cold first visit). Each figure
 * of ours is measured next to the floor: a bench-only page (no framework, a few lines of DOM
 * code, served by the bench through Playwright's routing on the same origin) that fetches the
 * same API and writes the same rows as text. Times are `performance.now()` in the page (ms since
 * navigation start) at the first animation frame in which the thing is in the viewport (a first
 * message: laid out on the page, as a tall header can push it just below the fold).
 */

const VIEWPORT = { width: 1440, height: 1000 }
/** 20 Mbit/s both ways and 40 ms latency, as Chromium's DevTools throttling applies it. */
const THROTTLED = {
  offline: false,
  latency: 40,
  downloadThroughput: 20_000_000 / 8,
  uploadThroughput: 20_000_000 / 8,
}
const SHORT_MESSAGES = 100
const FILTER_KEYWORD = 'refund'
const FIND_WORD = 'order'

const recordSchema = z.looseObject({
  info: z.looseObject({ conversationId: z.string() }),
  messageRecords: z.array(z.looseObject({ messageId: z.string() })).optional(),
})

async function byId(server: RunningServer, accountId: string, id: string) {
  const res = await fetch(
    `${server.url}/messaging_history/api/account/${accountId}/conversations/conversation/search?v=2&source=bench`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: id }),
    },
  )
  const body = z
    .object({ conversationHistoryRecords: z.array(recordSchema) })
    .parse(await res.json())
  const record = body.conversationHistoryRecords[0]
  if (!record) throw new Error(`conversation ${id} not found`)
  return record
}

/** A 100-message conversation: the long one cut after its first 100 messages, imported. */
async function importShort(server: RunningServer, accountId: string, longId: string) {
  const long = await byId(server, accountId, longId)
  const id = `bench-${String(SHORT_MESSAGES)}-messages`
  const short = {
    ...long,
    info: { ...long.info, conversationId: id },
    messageRecords: (long.messageRecords ?? []).slice(0, SHORT_MESSAGES).map((m) => ({
      ...m,
      messageId: m.messageId.replace(longId, id),
    })),
  }
  const answer = await importAndWait(server.url, JSON.stringify([short]), {
    fileName: 'bench.json',
  })
  if (answer.job?.status !== 'done') {
    throw new Error(`import failed: ${JSON.stringify(answer.job ?? answer.accepted)}`)
  }
  return id
}

/** Resolves to `performance.now()` at the first frame where `selector` matches a visible element. */
async function whenVisible(
  page: Page,
  selector: string,
  text?: string,
  /** Laid out anywhere on the page (a message below a tall header), rather than in view. */
  anywhere = false,
): Promise<number> {
  const handle = await page
    .waitForFunction(
      ([sel, pattern, onPage]) => {
        const re = pattern ? new RegExp(pattern) : undefined
        for (const element of Array.from(document.querySelectorAll(sel))) {
          if (re && !re.test(element.getAttribute('aria-label') ?? element.textContent ?? '')) {
            continue
          }
          const box = element.getBoundingClientRect()
          if (box.height > 0 && (onPage || (box.top < window.innerHeight && box.bottom > 0))) {
            return performance.now()
          }
        }
        return false
      },
      [selector, text, anywhere] as const,
      { polling: 'raf', timeout: 120_000 },
    )
    .catch(async (error: unknown) => {
      const shot = `bench-results/timeout-${String(Date.now())}.png`
      await page.screenshot({ path: shot }).catch(() => undefined)
      throw new Error(
        `${selector} never became visible on ${page.url()} (screenshot: ${shot}): ${String(error)}`,
      )
    })
  return Number(await handle.jsonValue())
}

/** When the page's main component has hydrated and answers (`src/app/lib/interactive-mark.ts`). */
async function whenInteractive(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('cv:interactive')[0]?.startTime ?? false,
    undefined,
    { polling: 'raf', timeout: 120_000 },
  )
  return Number(await handle.jsonValue())
}

const OURS_ROW = 'tbody a[href^="/conversations/"]'
const OURS_MESSAGE = '[role="list"][aria-label="Transcript items"] [role="listitem"]'
const MESSAGE_LABEL = ', (consumer|agent|bot|manager|system), \\d\\d:\\d\\d'
const FLOOR_ROW = 'tbody tr'
const FLOOR_MESSAGE = 'ol li'

interface Visit {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  /** Bytes received so far (encoded, as on the wire). */
  bytes: () => number
}

async function visit(
  browser: Browser,
  options: { throttled?: boolean; floorHtml?: { path: string; html: string } },
  origin: string,
): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const floor = options.floorHtml
  if (floor) {
    await context.route(`${origin}${floor.path}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: floor.html }),
    )
  }
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  let bytes = 0
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (options.throttled) await cdp.send('Network.emulateNetworkConditions', THROTTLED)
  return { context, page, cdp, bytes: () => bytes }
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  return heap.usedSize
}

/** Runs `act` and returns ms (page clock) from just before it to `done`. */
async function timed(page: Page, act: () => Promise<void>, done: () => Promise<number>) {
  const started = Number(await page.evaluate(() => performance.now()))
  await act()
  return (await done()) - started
}

export interface BrowserBenchOptions {
  archivePath: string
  longId: string
  runs: number
  section?: string
}

export async function benchBrowser(options: BrowserBenchOptions): Promise<Figure[]> {
  const server = await startServer({ env: { ARCHIVE_PATH: options.archivePath } })
  let browser: Browser | undefined
  try {
    browser = await launchBrowser()
    const config = z
      .object({ accountId: z.string() })
      .parse(await (await fetch(`${server.url}/api/config`)).json())
    const account = config.accountId
    const longId = options.longId
    const longCount = (await byId(server, account, longId)).messageRecords?.length ?? 0
    const shortId = await importShort(server, account, longId)
    const origin = server.url
    const searchFloor = { path: '/__bench/floor-search', html: floorSearchPage(account) }
    const detailFloor = (id: string) => ({
      path: `/__bench/floor-detail/${encodeURIComponent(id)}`,
      html: floorDetailPage(account, id),
    })
    const b = browser

    const ours = {
      firstRow: async (throttled = false) => {
        const v = await visit(b, { throttled }, origin)
        await v.page.goto(`${origin}/conversations`, { waitUntil: 'commit' })
        const ms = await whenVisible(v.page, OURS_ROW)
        const interactive = await whenInteractive(v.page)
        await v.page.waitForLoadState('networkidle')
        const bytes = v.bytes()
        return { ms, interactive, bytes, v }
      },
      firstMessage: async (id: string, throttled = false) => {
        const v = await visit(b, { throttled }, origin)
        await v.page.goto(`${origin}/conversations/${encodeURIComponent(id)}`, {
          waitUntil: 'commit',
        })
        const ms = await whenVisible(v.page, OURS_MESSAGE, MESSAGE_LABEL, true)
        const interactive = await whenInteractive(v.page)
        return { ms, interactive, v }
      },
    }
    const floor = {
      firstRow: async (throttled = false) => {
        const v = await visit(b, { throttled, floorHtml: searchFloor }, origin)
        await v.page.goto(origin + searchFloor.path, { waitUntil: 'commit' })
        const ms = await whenVisible(v.page, FLOOR_ROW)
        await v.page.waitForLoadState('networkidle')
        return { ms, bytes: v.bytes(), v }
      },
      firstMessage: async (id: string, throttled = false) => {
        const page = detailFloor(id)
        const v = await visit(b, { throttled, floorHtml: page }, origin)
        await v.page.goto(origin + page.path, { waitUntil: 'commit' })
        const ms = await whenVisible(v.page, FLOOR_MESSAGE, undefined, true)
        return { ms, v }
      },
    }

    // One warm-up of each so the server's first-request costs land in no measurement.
    for (const warm of [
      () => ours.firstRow(),
      () => floor.firstRow(),
      () => ours.firstMessage(shortId),
      () => floor.firstMessage(shortId),
    ]) {
      await (await warm()).v.context.close()
    }

    const series = () => ({ ours: [] as number[], floor: [] as number[] })
    const firstRow = series()
    const filter = series()
    const shortMessage = series()
    const longMessage = series()
    const find = series()
    const heap = series()
    const bytesSearch = series()
    const bytesDeepLink = series()
    const slowRow = series()
    const slowShort = series()
    const slowLong = series()
    // Ours: navigation to the page answering (hydrated); the floor: its first row or message.
    const readyRow = series()
    const readyShort = series()
    const readyLong = series()
    // Ours against ours: the long conversation's first message over the short one's.
    const longOverShort = series()

    for (let run = 0; run < options.runs; run++) {
      // Search page: first row, then a keyword filter applied from the form.
      {
        const o = await ours.firstRow()
        firstRow.ours.push(o.ms)
        readyRow.ours.push(o.interactive)
        bytesSearch.ours.push(o.bytes)
        const caption = await o.v.page.locator('table caption').first().textContent()
        await o.v.page.getByLabel('Keyword in messages').fill(FILTER_KEYWORD)
        filter.ours.push(
          await timed(
            o.v.page,
            () => o.v.page.getByLabel('Keyword in messages').press('Enter'),
            async () => {
              await o.v.page.waitForFunction(
                ([before]) => {
                  const table = document.querySelector('table')
                  const now = table?.querySelector('caption')?.textContent ?? ''
                  return (
                    location.search.includes('q=') &&
                    table?.getAttribute('aria-busy') !== 'true' &&
                    now !== before
                  )
                },
                [caption ?? ''] as const,
                { polling: 'raf', timeout: 60_000 },
              )
              return whenVisible(o.v.page, OURS_ROW)
            },
          ),
        )
        await o.v.context.close()

        const f = await floor.firstRow()
        firstRow.floor.push(f.ms)
        readyRow.floor.push(f.ms)
        bytesSearch.floor.push(f.bytes)
        await f.v.page.locator('#q').fill(FILTER_KEYWORD)
        filter.floor.push(
          await timed(
            f.v.page,
            () => f.v.page.locator('#q').press('Enter'),
            () => whenVisible(f.v.page, `tbody[data-q="${FILTER_KEYWORD}"] tr`),
          ),
        )
        await f.v.context.close()
      }
      // Deep links to one conversation.
      {
        const o = await ours.firstMessage(shortId)
        shortMessage.ours.push(o.ms)
        readyShort.ours.push(o.interactive)
        longOverShort.floor.push(o.ms)
        await o.v.page.waitForLoadState('networkidle')
        bytesDeepLink.ours.push(o.v.bytes())
        await o.v.context.close()
        const f = await floor.firstMessage(shortId)
        shortMessage.floor.push(f.ms)
        readyShort.floor.push(f.ms)
        await f.v.page.waitForLoadState('networkidle')
        bytesDeepLink.floor.push(f.v.bytes())
        await f.v.context.close()
      }
      {
        const o = await ours.firstMessage(longId)
        longMessage.ours.push(o.ms)
        readyLong.ours.push(o.interactive)
        longOverShort.ours.push(o.ms)
        heap.ours.push(await heapAfterGc(o.v.cdp))
        const field = o.v.page.getByRole('searchbox', { name: 'Find in transcript' })
        find.ours.push(
          await timed(
            o.v.page,
            () => field.fill(FIND_WORD),
            () => whenVisible(o.v.page, 'mark[aria-current="true"]'),
          ),
        )
        await o.v.context.close()
        const f = await floor.firstMessage(longId)
        longMessage.floor.push(f.ms)
        readyLong.floor.push(f.ms)
        heap.floor.push(await heapAfterGc(f.v.cdp))
        find.floor.push(
          await timed(
            f.v.page,
            () => f.v.page.locator('#find').fill(FIND_WORD),
            () => whenVisible(f.v.page, 'mark'),
          ),
        )
        await f.v.context.close()
      }
      // The same first visits over a throttled network.
      for (const [target, oursRun, floorRun] of [
        [slowRow, () => ours.firstRow(true), () => floor.firstRow(true)],
        [
          slowShort,
          () => ours.firstMessage(shortId, true),
          () => floor.firstMessage(shortId, true),
        ],
        [slowLong, () => ours.firstMessage(longId, true), () => floor.firstMessage(longId, true)],
      ] as const) {
        const o = await oursRun()
        target.ours.push(o.ms)
        await o.v.context.close()
        const f = await floorRun()
        target.floor.push(f.ms)
        await f.v.context.close()
      }
    }

    const section = options.section ?? 'browser (Chromium, cold visit)'
    const net = 'browser, 20 Mbit/s and 40 ms'
    const long = `${longCount.toLocaleString('en-US')} messages`
    const fig = (
      s: string,
      name: string,
      data: { ours: number[]; floor: number[] },
      extra: Partial<Figure> = {},
    ): Figure => ({ section: s, name, unit: 'ms', runs: data.ours, floor: data.floor, ...extra })
    return [
      fig(section, 'navigation → first result row', firstRow, {
        target: { kind: 'max', value: 1.5, ratio: true },
      }),
      fig(section, `applying a filter (keyword "${FILTER_KEYWORD}") → first row`, filter),
      fig(section, `navigation → first message, ${String(SHORT_MESSAGES)} messages`, shortMessage, {
        target: { kind: 'max', value: 1.5, ratio: true },
      }),
      fig(section, `navigation → first message, ${long}`, longMessage, {
        target: { kind: 'max', value: 1.5, ratio: true },
      }),
      fig(
        section,
        `first message, ${long} (floor: ours, ${String(SHORT_MESSAGES)} messages)`,
        longOverShort,
        { target: { kind: 'max', value: 1.2, ratio: true } },
      ),
      fig(section, 'navigation → search page interactive (floor: its first row)', readyRow, {
        target: { kind: 'max', value: 2, ratio: true },
      }),
      fig(
        section,
        `navigation → conversation interactive, ${String(SHORT_MESSAGES)} messages (floor: its first message)`,
        readyShort,
        { target: { kind: 'max', value: 2, ratio: true } },
      ),
      fig(
        section,
        `navigation → conversation interactive, ${long} (floor: its first message)`,
        readyLong,
        { target: { kind: 'max', value: 2, ratio: true } },
      ),
      fig(section, `find "${FIND_WORD}" in the ${long} → first match shown`, find),
      {
        section,
        name: `JS heap after opening the ${long} (after GC)`,
        unit: 'MB',
        runs: heap.ours,
        floor: heap.floor,
        target: { kind: 'max', value: 120 * 1e6 },
      },
      {
        section,
        name: 'bytes of the first visit, search page',
        unit: 'B',
        runs: bytesSearch.ours,
        floor: bytesSearch.floor,
      },
      {
        section,
        name: 'bytes of the first visit, deep link (100 messages)',
        unit: 'B',
        runs: bytesDeepLink.ours,
        floor: bytesDeepLink.floor,
      },
      fig(net, 'navigation → first result row', slowRow, {
        target: { kind: 'max', value: 1.5, ratio: true },
      }),
      fig(net, `navigation → first message, ${String(SHORT_MESSAGES)} messages`, slowShort, {
        target: { kind: 'max', value: 1.5, ratio: true },
      }),
      fig(net, `navigation → first message, ${long}`, slowLong, {
        target: { kind: 'max', value: 1.5, ratio: true },
      }),
    ]
  } finally {
    await browser?.close()
    await server.stop()
  }
}
