import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { fetchAllRows } from '@/app/features/search/export-csv'
import { captureDownloads } from '../capture-downloads'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import {
  ACCOUNT,
  buildRecord,
  DAY,
  lastCall,
  manyRecords,
  NOW,
  useSearchApi,
  type RawRecord,
} from './search-api'

const SEARCH_URL = `*/messaging_history/api/account/${ACCOUNT}/conversations/search`

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  window.localStorage.setItem('cv.timeZone', 'utc')
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

test('Export CSV saves every row of the search, 100 per request, one line per conversation', async () => {
  const user = userEvent.setup()
  const tricky = buildRecord({
    id: 'conv-tricky',
    start: Date.UTC(2026, 2, 9, 8, 0, 0),
    status: 'CLOSE',
    closeReason: 'CONSUMER',
    consumer: { firstName: '-Eve', lastName: 'Evil' },
    agents: [
      { id: 'bot-1', name: 'Welcome Bot' },
      { id: 'agent-2', name: 'Bob "the" Builder' },
    ],
    durationMs: 125_000,
    mcs: 40,
    csat: 4,
    summary: '=HYPERLINK("http://evil.example","click"), then\nline two',
  })
  const records: RawRecord[] = [tricky, ...manyRecords(229)]
  const calls = useSearchApi({
    records,
    reviews: {
      summaries: { 'conv-001': { status: 'reviewed', scores: [80, 64.5], openDisputes: 1 } },
    },
  })
  const downloads = captureDownloads()
  await renderRoute('/conversations?status=CLOSE&pageSize=25&sort=start:asc')
  await screen.findByRole('link', { name: /Eve Evil/ })
  const before = calls.length

  await user.click(screen.getByRole('button', { name: 'Export CSV' }))
  expect(await screen.findByText('Exported 230 conversations.')).toBeInTheDocument()

  const exportCalls = calls.slice(before)
  expect(exportCalls.map((call) => [call.offset, call.limit])).toEqual([
    [0, 100],
    [100, 100],
    [200, 100],
  ])
  // Same search as the table: filters and sort.
  for (const call of exportCalls) {
    expect(call.sort).toBe('start:asc')
    expect(call.body).toEqual(lastCall(calls.slice(0, before)).body)
  }

  expect(downloads).toHaveLength(1)
  const download = downloads[0]
  if (!download) throw new Error('nothing was downloaded')
  expect(download.fileName).toMatch(/^conversations-\d{12}\.csv$/)
  const text = (await download.text).replace(/^\uFEFF/, '')
  const lines = text.split('\r\n')
  expect(lines[0]).toBe(
    'Conversation ID,URL,Start (UTC),End (UTC),Status,Close reason,Consumer,Agents,Skill,Agent group,Channel,Device,Duration (s),MCS,Alerted MCS,CSAT,Summary,' +
      'Review,"Review score (%, lowest)",Reviews,Open disputes',
  )
  // Quotes doubled, the embedded line break kept inside quotes, formulas neutralised.
  expect(text).toContain(
    'conv-tricky,http://localhost:3000/conversations/conv-tricky,2026-03-09 08:00:00,2026-03-09 08:02:05,CLOSE,CONSUMER,' +
      '\'-Eve Evil,"Welcome Bot; Bob ""the"" Builder",Billing,Tier 1,SHARK,DESKTOP,125,40,1,4,' +
      '"\'=HYPERLINK(""http://evil.example"",""click""), then\nline two",Not reviewed,,0,0\r\n',
  )
  // The review columns (issue 13): status, lowest score, submitted reviews, open disputes, from
  // one summary request for the table's page and one for the 230 exported rows.
  expect(lines.find((line) => line.startsWith('conv-001,'))).toMatch(/,Reviewed,64\.5,2,1$/)
  expect(calls.summaries.map((ids) => ids.length)).toEqual([25, 230])
  expect(lines.filter((line) => line.startsWith('conv-'))).toHaveLength(230)
  expect(text.endsWith('\r\n')).toBe(true)
})

test('the export shows its progress and can be cancelled; nothing is saved then', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: manyRecords(230) })
  const downloads = captureDownloads()
  await renderRoute('/conversations?pageSize=25')
  await screen.findByRole('link', { name: /Consumer 1$/ })

  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  let requests = 0
  server.use(
    http.post(SEARCH_URL, async ({ request }) => {
      requests += 1
      const offset = Number(new URL(request.url).searchParams.get('offset'))
      if (offset > 0) await gate
      return HttpResponse.json({
        _metadata: { count: 230 },
        conversationHistoryRecords: manyRecords(100, offset),
      })
    }),
  )
  await user.click(screen.getByRole('button', { name: 'Export CSV' }))

  const progress = await screen.findByRole('progressbar', { name: 'Export progress' })
  await waitFor(() => expect(progress).toHaveAttribute('value', '100'))
  expect(progress).toHaveAttribute('max', '230')
  expect(screen.getByText('Exporting 100 of 230…')).toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'Cancel export' }))
  expect(await screen.findByText('Export cancelled; nothing was saved.')).toBeInTheDocument()
  expect(screen.queryByRole('progressbar')).toBeNull()
  release()
  expect(requests).toBe(2)
  expect(downloads).toHaveLength(0)
})

test('an export stops at 10,000 rows, fetched 100 at a time', async () => {
  const seen: number[] = []
  server.use(
    http.post(SEARCH_URL, ({ request }) => {
      const url = new URL(request.url)
      const offset = Number(url.searchParams.get('offset'))
      const limit = Number(url.searchParams.get('limit'))
      seen.push(offset)
      return HttpResponse.json({
        _metadata: { count: 25_000 },
        conversationHistoryRecords: Array.from({ length: limit }, (_, i) => ({
          info: { conversationId: `c-${String(offset + i)}`, startTimeL: NOW - DAY },
        })),
      })
    }),
  )
  const progress: number[] = []
  const result = await fetchAllRows(
    {
      accountId: ACCOUNT,
      body: { start: { from: NOW - DAY, to: NOW } },
      offset: 0,
      limit: 50,
      sort: 'start:desc',
    },
    new AbortController().signal,
    ({ fetched }) => progress.push(fetched),
  )

  expect(result.rows).toHaveLength(10_000)
  expect(result.total).toBe(25_000)
  expect(seen).toHaveLength(100)
  expect(seen.at(-1)).toBe(9_900)
  expect(progress.at(-1)).toBe(10_000)
})
