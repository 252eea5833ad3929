import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { z } from 'zod'
import { findDemoConversations } from '../e2e/conversation-demo'
import { launchBrowser, startServer, type RunningServer } from '../e2e/support'
import { importAndWait } from '../server/import-client'

/**
 * Detail page bench: time from navigation to the first message visible in the transcript for a
 * 100-message and a 3,000-message conversation, and the JS heap after opening the long one.
 *
 * Runs the real `npm start` entry on a free port with a demo archive, in Debian Chromium. Each
 * measurement is a fresh browser context (cold page load: HTML, JS chunks, API call, render);
 * the time is `performance.now()` (ms since navigation start) at the first animation frame in
 * which a message list item of the "Transcript items" list is in the viewport.
 *
 * `node --import tsx test/bench/detail-page.ts`
 */

const RUNS = 5
const SHORT_MESSAGES = 100

const recordSchema = z.looseObject({
  info: z.looseObject({ conversationId: z.string() }),
  messageRecords: z.array(z.looseObject({ messageId: z.string() })).optional(),
})

async function rawRecord(server: RunningServer, accountId: string, id: string) {
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

/** A 100-message conversation: the long demo conversation cut after its first 100 messages. */
async function importShortConversation(
  server: RunningServer,
  accountId: string,
  longId: string,
): Promise<string> {
  const long = await rawRecord(server, accountId, longId)
  const id = `bench-${String(SHORT_MESSAGES)}-messages`
  const messages = (long.messageRecords ?? []).slice(0, SHORT_MESSAGES)
  const short = {
    ...long,
    info: { ...long.info, conversationId: id },
    messageRecords: messages.map((m) => ({
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

interface Measurement {
  firstMessageMs: number
  heapUsedBytes?: number
}

async function measure(browser: Browser, url: string, withHeap: boolean): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'commit' })
  const handle = await page.waitForFunction(
    () => {
      const list = document.querySelector('[role="list"][aria-label="Transcript items"]')
      if (!list) return false
      for (const item of Array.from(list.querySelectorAll('[role="listitem"]'))) {
        const label = item.getAttribute('aria-label') ?? ''
        if (!/, (consumer|agent|bot|manager|system), \d\d:\d\d/.test(label)) continue
        const box = item.getBoundingClientRect()
        if (box.height > 0 && box.top < window.innerHeight && box.bottom > 0) {
          return performance.now()
        }
      }
      return false
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  )
  const firstMessageMs = Number(await handle.jsonValue())
  const result: Measurement = { firstMessageMs }
  if (withHeap) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    result.heapUsedBytes = heap.usedSize
  }
  await context.close()
  return result
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const ms = (n: number) => `${n.toFixed(0)} ms`
const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`

export async function benchDetailPage(): Promise<string> {
  const server = await startServer({ demoConversations: 60 })
  let browser: Browser | undefined
  try {
    browser = await launchBrowser()
    const demo = await findDemoConversations(server.url)
    const longId = demo.longest.info.conversationId
    const longCount = demo.longest.messageRecords?.length ?? 0
    const shortId = await importShortConversation(server, demo.accountId, longId)

    // One warm-up load so the server's first-request costs do not land in a measurement.
    await measure(browser, `${server.url}/conversations/${shortId}`, false)

    const lines = [
      'Detail page: navigation → first message visible (cold page load, fresh context each run)',
    ]
    let heap: number[] = []
    for (const [label, id, withHeap] of [
      [`${String(SHORT_MESSAGES)} messages`, shortId, false],
      [`${longCount.toLocaleString('en-US')} messages`, longId, true],
    ] as const) {
      const runs: Measurement[] = []
      for (let i = 0; i < RUNS; i++) {
        runs.push(await measure(browser, `${server.url}/conversations/${id}`, withHeap))
      }
      const times = runs.map((r) => r.firstMessageMs)
      lines.push(
        `  ${label.padEnd(16)} median ${ms(median(times))}  (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
      )
      if (withHeap) heap = runs.map((r) => r.heapUsedBytes ?? 0)
    }
    lines.push(
      `  JS heap after opening the ${longCount.toLocaleString('en-US')}-message conversation (after GC): median ${mb(median(heap))}  (runs: ${heap.map(mb).join(', ')})`,
    )
    return lines.join('\n')
  } finally {
    await browser?.close()
    await server.stop()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchDetailPage().then(
    (report) => {
      console.log(report)
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
