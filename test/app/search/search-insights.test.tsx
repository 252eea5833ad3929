import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { captureDownloads } from '../capture-downloads'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import {
  MAR_1,
  MAR_2,
  MAR_3,
  noReviewsHandler,
  noSdeValuesHandler,
  withInsightsClock,
  WINDOW,
} from './insights-api'
import { lastCall, urlParams, useSearchApi } from './search-api'

/** Issue 15 on the search page: the Insights tab, its request, its charts' links and numbers. */

withInsightsClock()

/** What the server answers: two days, by status and channel, and the distributions. */
const INSIGHTS = {
  total: 9,
  volume: {
    unit: 'day',
    buckets: [
      {
        from: MAR_1,
        to: MAR_2 - 1,
        total: 5,
        byStatus: { CLOSE: 3, OPEN: 2 },
        byChannel: { SHARK: 3, WEB: 1, WhatsApp: 1 },
      },
      {
        from: MAR_2,
        to: MAR_3 - 1,
        total: 4,
        byStatus: { CLOSE: 4 },
        byChannel: { SHARK: 4 },
      },
    ],
  },
  mcs: {
    buckets: Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 9,
      count: i === 8 ? 6 : 0,
    })),
    none: 3,
  },
  csat: {
    values: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 5 ? 2 : 0 })),
    none: 7,
  },
  devices: { values: [{ key: 'MOBILE', count: 7 }], unknown: 2 },
  channels: {
    values: [
      { key: 'SHARK', count: 8 },
      { key: 'WhatsApp', count: 1 },
    ],
    unknown: 0,
  },
  closeReasons: {
    values: [
      { key: 'AGENT', count: 5 },
      { key: 'CONSUMER', count: 2 },
    ],
    none: 2,
  },
  transfers: {
    counts: [0, 1, 2, 3, 4, 5].map((from) => ({
      from,
      to: from === 5 ? 1000 : from,
      count: [4, 3, 0, 0, 0, 1][from] ?? 0,
    })),
    none: 1,
    paths: [
      { from: '12', to: '13', count: 3 },
      { from: '99', to: '12', count: 1 },
    ],
  },
  replies: {
    agents: [
      {
        key: 'agent-1',
        count: 6,
        replied: 5,
        first: { median: 30_000, p90: 95_000 },
        average: { median: 60_000, p90: 125_000 },
      },
      {
        key: 'agent-9',
        count: 3,
        replied: 0,
        first: { median: null, p90: null },
        average: { median: null, p90: null },
      },
    ],
    skills: [
      {
        key: '12',
        count: 9,
        replied: 5,
        first: { median: 30_000, p90: 95_000 },
        average: { median: 60_000, p90: 125_000 },
      },
    ],
  },
}

interface InsightsCall {
  search: Record<string, unknown>
  zone: string
}

function useInsightsApi(answer: () => Response = () => HttpResponse.json(INSIGHTS)) {
  const calls: InsightsCall[] = []
  server.use(
    http.post('*/api/insights', async ({ request }) => {
      calls.push((await request.json()) as InsightsCall)
      return answer()
    }),
    // The engagement-attribute card and the QA charts ask for their own counts.
    noSdeValuesHandler(),
    noReviewsHandler(),
  )
  return calls
}

/** The parameters of a link's address, as the router reads them. */
function paramsOf(href: string | null, router: Parameters<typeof urlParams>[0]) {
  const url = new URL(href ?? '', 'http://localhost')
  return urlParams({
    options: router.options,
    state: { location: { searchStr: url.search } },
  })
}

test('Insights asks the server for the search’s charts (same filters, the reader’s zone), not for the list', async () => {
  const listCalls = useSearchApi()
  const calls = useInsightsApi()
  await renderRoute(`/conversations?view=insights&status=CLOSE&q=refund&${WINDOW}`)

  expect(await screen.findByRole('heading', { name: 'Conversations per day' })).toBeInTheDocument()
  expect(calls).toHaveLength(1)
  expect(calls[0]).toMatchObject({
    search: { status: ['CLOSE'], keyword: 'refund', start: { from: MAR_1 } },
    zone: 'UTC',
  })
  expect(listCalls).toHaveLength(0)
  for (const name of ['MCS', 'CSAT', 'Devices', 'Channels']) {
    expect(screen.getByRole('heading', { name })).toBeInTheDocument()
  }
  // What each chart leaves out, in words.
  expect(screen.getByText('3 conversations (33.3%) have no MCS.')).toBeInTheDocument()
  expect(screen.getByText('7 conversations (77.8%) have no CSAT.')).toBeInTheDocument()
  expect(screen.getByText('2 conversations (22.2%) have no device.')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Insights' })).toHaveAttribute('aria-current', 'page')
})

test('every bar is a link to its list: the search, its window pinned, narrowed to the bar', async () => {
  const listCalls = useSearchApi()
  useInsightsApi()
  const { router, container } = await renderRoute(
    `/conversations?view=insights&q=refund&mcsMin=85&${WINDOW}`,
  )
  await screen.findByRole('heading', { name: 'Conversations per day' })

  // Plot wraps each bar in an SVG link and names the bar inside it.
  const bars = [...container.querySelectorAll('svg a')]
  const bar = (name: string) =>
    bars.find((link) => link.firstElementChild?.getAttribute('aria-label') === name)
  const closedMar1 = bar('2026-03-01, Closed: 3 conversations')
  expect(closedMar1).toBeDefined()
  const params = paramsOf(closedMar1?.getAttribute('href') ?? null, router)
  expect(params).toMatchObject({
    q: ['refund'],
    status: ['CLOSE'],
    from: [new Date(MAR_1).toISOString()],
    to: [new Date(MAR_2 - 1).toISOString()],
  })
  expect(params.view).toBeUndefined()

  // An MCS bucket intersects the search's own MCS range; a CSAT bar is one value.
  const mcs80 = bar('MCS 80–89: 6 conversations')
  expect(paramsOf(mcs80?.getAttribute('href') ?? null, router)).toMatchObject({
    mcsMin: ['85'],
    mcsMax: ['89'],
    from: [new Date(MAR_1).toISOString()],
  })
  const csat5 = bar('CSAT 5: 2 conversations')
  expect(paramsOf(csat5?.getAttribute('href') ?? null, router)).toMatchObject({
    csatMin: ['5'],
    csatMax: ['5'],
  })
  const mobile = bar('Mobile: 7 conversations')
  expect(paramsOf(mobile?.getAttribute('href') ?? null, router)).toMatchObject({
    device: ['MOBILE'],
  })
  expect(
    bars.every((link) => (link.getAttribute('href') ?? '').startsWith('/conversations?')),
  ).toBe(true)

  // A click opens the list in the app (no page load), with the bar's filters.
  if (!closedMar1) throw new Error('no bar')
  await userEvent.setup().click(closedMar1)
  await waitFor(() => {
    expect(urlParams(router)).toMatchObject({ status: ['CLOSE'], q: ['refund'] })
  })
  expect(urlParams(router).view).toBeUndefined()
  await waitFor(() => {
    expect(listCalls.length).toBeGreaterThan(0)
  })
  expect(lastCall(listCalls).body).toMatchObject({
    status: ['CLOSE'],
    keyword: 'refund',
    start: { from: MAR_1 },
    mcs: { from: 85 },
  })
})

test('each chart has its numbers as a table, with links, and as a CSV file', async () => {
  useSearchApi()
  useInsightsApi()
  const downloads = captureDownloads()
  const user = userEvent.setup()
  await renderRoute(`/conversations?view=insights&${WINDOW}`)

  const volume = (await screen.findByRole('heading', { name: 'Conversations per day' })).closest(
    'section',
  )
  if (!volume) throw new Error('no volume chart')
  const table = within(volume).getByRole('table', { name: 'Conversations per day' })
  const rows = within(table).getAllByRole('row')
  expect(rows.map((row) => row.textContent)).toEqual([
    'DayClosedOpenAll',
    '2026-03-01325',
    '2026-03-02404',
  ])
  expect(within(rows[1] ?? table).getByRole('link', { name: '2026-03-01' })).toHaveAttribute(
    'href',
    expect.stringContaining('from=') as string,
  )

  // A bucket of none is a row with no link (its list would be empty, or no search at all).
  const mcs = screen.getByRole('table', { name: 'MCS' })
  const mcsRows = within(mcs).getAllByRole('row')
  expect(within(mcsRows[1] ?? mcs).queryByRole('link')).toBeNull()
  expect(within(mcsRows[9] ?? mcs).getByRole('link', { name: '80–89' })).toBeInTheDocument()

  await user.click(within(volume).getByRole('button', { name: 'Download CSV' }))
  expect(downloads.map((d) => d.fileName)).toEqual(['conversations-per-day.csv'])
  const text = (await downloads[0]?.text)?.replace(/^\uFEFF/, '')
  expect(text?.split(/\r?\n/).filter(Boolean)).toEqual([
    'Day,Closed,Open,All',
    '2026-03-01,3,2,5',
    '2026-03-02,4,0,4',
  ])
})

test('stacking by channel is in the URL, and the bars and table follow it', async () => {
  useSearchApi()
  const calls = useInsightsApi()
  const user = userEvent.setup()
  const { router } = await renderRoute(`/conversations?view=insights&status=CLOSE&${WINDOW}`)
  await screen.findByRole('heading', { name: 'Conversations per day' })

  await user.click(screen.getByRole('radio', { name: 'By channel' }))
  await waitFor(() => {
    expect(urlParams(router)).toMatchObject({ by: ['channel'], status: ['CLOSE'] })
  })
  const table = screen.getByRole('table', { name: 'Conversations per day' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
    // LivePerson calls both SHARK and WEB "Web": the table tells them apart.
  ).toEqual(['Day', 'Web (SHARK)', 'Web (WEB)', 'WhatsApp', 'All'])
  // The same counts: no second request for a different stacking.
  expect(calls).toHaveLength(1)
})

test('the tabs switch between the list and the insights and keep every filter', async () => {
  const listCalls = useSearchApi()
  useInsightsApi()
  const user = userEvent.setup()
  const { router } = await renderRoute(`/conversations?status=OPEN&q=late&${WINDOW}`)
  await waitFor(() => {
    expect(listCalls.length).toBeGreaterThan(0)
  })

  await user.click(screen.getByRole('link', { name: 'Insights' }))
  await screen.findByRole('heading', { name: 'Conversations per day' })
  expect(urlParams(router)).toMatchObject({ view: ['insights'], status: ['OPEN'], q: ['late'] })

  await user.click(screen.getByRole('link', { name: 'Results' }))
  await waitFor(() => {
    expect(urlParams(router).view).toBeUndefined()
  })
  expect(urlParams(router)).toMatchObject({ status: ['OPEN'], q: ['late'] })
})

test('a new search made on the Insights tab stays there and charts the new filters', async () => {
  useSearchApi()
  const calls = useInsightsApi()
  const user = userEvent.setup()
  const { router } = await renderRoute(`/conversations?view=insights&by=channel&${WINDOW}`)
  await screen.findByRole('heading', { name: 'Conversations per day' })

  await user.click(screen.getByRole('checkbox', { name: 'Closed' }))
  await user.click(screen.getByRole('button', { name: 'Search' }))
  await waitFor(() => {
    expect(urlParams(router)).toMatchObject({
      view: ['insights'],
      by: ['channel'],
      status: ['CLOSE'],
    })
  })
  await waitFor(() => {
    expect(calls.at(-1)?.search).toMatchObject({ status: ['CLOSE'] })
  })
  await screen.findByRole('heading', { name: 'Conversations per day' })

  await user.click(screen.getByRole('button', { name: 'Clear filters' }))
  await waitFor(() => {
    expect(urlParams(router).status).toBeUndefined()
  })
  expect(urlParams(router)).toMatchObject({ view: ['insights'], by: ['channel'] })
})

test('in proxy mode, Insights says they need the archive and asks nothing', async () => {
  useSearchApi({ mode: 'proxy' })
  const calls = useInsightsApi()
  await renderRoute(`/conversations?view=insights&${WINDOW}`)
  expect(await screen.findByText(/Insights need the archive/)).toBeInTheDocument()
  expect(calls).toHaveLength(0)
})

test('a refused request shows the server’s reason; a search with no conversations says so', async () => {
  useSearchApi()
  useInsightsApi(() =>
    HttpResponse.json(
      { error: { status: 400, message: 'zone: must be a time zone name' } },
      { status: 400 },
    ),
  )
  await renderRoute(`/conversations?view=insights&${WINDOW}`)
  expect(await screen.findByRole('alert')).toHaveTextContent(
    /The insights could not be counted: .*zone: must be a time zone name/,
  )
  cleanup()

  useInsightsApi(() => HttpResponse.json({ ...INSIGHTS, total: 0 }))
  await renderRoute(`/conversations?view=insights&${WINDOW}`)
  expect(await screen.findByText(/No conversations match these filters/)).toBeInTheDocument()
})

test('close reasons and transfers: each bar opens its list, and the list’s form shows the filter', async () => {
  const listCalls = useSearchApi()
  useInsightsApi()
  const user = userEvent.setup()
  const { router, container } = await renderRoute(
    `/conversations?view=insights&transfersMin=1&${WINDOW}`,
  )
  await screen.findByRole('heading', { name: 'Close reasons' })
  expect(screen.getByText('2 conversations (22.2%) have no close reason (open, or not said).'))
  expect(screen.getByText('1 conversation (11.1%) have no record of their transfers.'))
  const bars = [...container.querySelectorAll('svg a')]
  const hrefOf = (name: string) =>
    bars
      .find((link) => link.firstElementChild?.getAttribute('aria-label') === name)
      ?.getAttribute('href') ?? null

  expect(paramsOf(hrefOf('Agent: 5 conversations'), router)).toMatchObject({
    closed: ['AGENT'],
    transfersMin: ['1'],
  })
  // The "5 or more" bar is the search's range from 5 up; a bar below the search's own minimum
  // is empty on the server and has no link.
  expect(paramsOf(hrefOf('5 or more transfers: 1 conversation'), router)).toMatchObject({
    transfersMin: ['5'],
    transfersMax: ['1000'],
  })
  // Skills by their names where the archive knows them, by ID where it does not.
  expect(paramsOf(hrefOf('Billing (12) → Returns (13): 3 conversations'), router)).toMatchObject({
    transferFrom: ['12'],
    transferTo: ['13'],
  })
  const pairs = screen.getByRole('table', { name: 'Transfers from skill to skill' })
  expect(
    within(pairs)
      .getAllByRole('row')
      .map((row) => row.textContent),
  ).toEqual(['TransferConversations', 'Billing (12) → Returns (13)3', '99 → Billing (12)1'])

  const path = bars.find(
    (link) =>
      link.firstElementChild?.getAttribute('aria-label') ===
      'Billing (12) → Returns (13): 3 conversations',
  )
  if (!path) throw new Error('no transfer bar')
  await user.click(path)
  await waitFor(() => {
    expect(listCalls.length).toBeGreaterThan(0)
  })
  expect(lastCall(listCalls).body).toMatchObject({
    transferCount: { from: 1 },
    transferPath: { from: '12', to: '13' },
  })
  // The list's form has the filters (its "More filters" open, as the search has one), and can
  // drop them.
  expect(screen.getByText('More filters (2 active)')).toBeVisible()
  const from = await screen.findByRole('combobox', { name: 'From skill' })
  expect(from).toHaveValue('12')
  expect(screen.getByRole('combobox', { name: 'To skill' })).toHaveValue('13')
  expect(screen.getByRole('spinbutton', { name: 'Transfers from' })).toHaveValue(1)
  await user.selectOptions(from, '')
  await user.click(screen.getByRole('button', { name: 'Search' }))
  expect(await screen.findByText('Choose both skills of the transfer, or neither.')).toBeVisible()
  await user.selectOptions(screen.getByRole('combobox', { name: 'To skill' }), '')
  await user.click(screen.getByRole('button', { name: 'Search' }))
  await waitFor(() => {
    expect(urlParams(router).transferFrom).toBeUndefined()
  })
  expect(lastCall(listCalls).body.transferPath).toBeUndefined()
})

test('a search with a transfer of its own links no other pair (its list could not be written)', async () => {
  useSearchApi()
  useInsightsApi()
  const { container } = await renderRoute(
    `/conversations?view=insights&transferFrom=12&transferTo=13&closed=agent&${WINDOW}`,
  )
  await screen.findByRole('heading', { name: 'Transfers from skill to skill' })
  const pairs = screen.getByRole('table', { name: 'Transfers from skill to skill' })
  expect(
    within(pairs)
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual(['Billing (12) → Returns (13)'])
  expect(
    [...container.querySelectorAll('svg a')].some((link) =>
      link.firstElementChild?.getAttribute('aria-label')?.startsWith('99 → '),
    ),
  ).toBe(false)
})

test('reply times by agent and by skill: medians with their 90th percentile, each bar opens the agent’s or skill’s list', async () => {
  const listCalls = useSearchApi()
  useInsightsApi()
  const downloads = captureDownloads()
  const user = userEvent.setup()
  const { router, container } = await renderRoute(`/conversations?view=insights&${WINDOW}`)
  const byAgent = (await screen.findByRole('heading', { name: 'Reply times by agent' })).closest(
    'section',
  )
  if (!byAgent) throw new Error('no reply-time chart')
  const bars = () => [...container.querySelectorAll('svg a')]
  const named = (name: string) =>
    bars().find((link) => link.firstElementChild?.getAttribute('aria-label') === name)
  // Agents by name where the archive knows them; one with no reply to time has no bar.
  const alice = named(
    'Alice Agent (agent-1), first reply median 30 s, 90th percentile 1 min 35 s: 6 conversations',
  )
  expect(paramsOf(alice?.getAttribute('href') ?? null, router)).toMatchObject({
    agent: ['agent-1'],
  })
  expect(
    bars().some((link) => link.firstElementChild?.getAttribute('aria-label')?.includes('agent-9')),
  ).toBe(false)
  const table = within(byAgent).getByRole('table', { name: 'Reply times by agent' })
  expect(
    within(table)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent)),
  ).toEqual([
    [
      'Agent',
      'Conversations',
      'Replied to',
      'First reply, median',
      'First reply, 90th percentile',
      'Average reply, median',
      'Average reply, 90th percentile',
    ],
    ['Alice Agent (agent-1)', '6', '5', '30 s', '1 min 35 s', '1 min 00 s', '2 min 05 s'],
    ['agent-9', '3', '0', '—', '—', '—', '—'],
  ])
  // Its CSV has the times in seconds.
  await user.click(within(byAgent).getByRole('button', { name: 'Download CSV' }))
  const text = (await downloads[0]?.text)?.replace(/^\uFEFF/, '')
  expect(text?.split(/\r?\n/).filter(Boolean)).toEqual([
    'Agent,Conversations,Replied to,"First reply, median (s)","First reply, 90th percentile (s)","Average reply, median (s)","Average reply, 90th percentile (s)"',
    'Alice Agent (agent-1),6,5,30,95,60,125',
    'agent-9,3,0,,,,',
  ])

  // Average reply: in the URL, and the bars follow.
  await user.click(within(byAgent).getByRole('radio', { name: 'Average reply' }))
  await waitFor(() => {
    expect(urlParams(router).reply).toEqual(['average'])
  })
  expect(
    named(
      'Billing (12), average reply median 1 min 00 s, 90th percentile 2 min 05 s: 9 conversations',
    ),
  ).toBeDefined()

  const billing = named(
    'Billing (12), average reply median 1 min 00 s, 90th percentile 2 min 05 s: 9 conversations',
  )
  if (!billing) throw new Error('no skill bar')
  await user.click(billing)
  await waitFor(() => {
    expect(listCalls.length).toBeGreaterThan(0)
  })
  expect(lastCall(listCalls).body).toMatchObject({ skillIds: ['12'] })
})

test('a search of some agents links only their own rows (another agent’s list could not be written)', async () => {
  useSearchApi()
  useInsightsApi()
  const { container } = await renderRoute(`/conversations?view=insights&agent=agent-9&${WINDOW}`)
  const byAgent = (await screen.findByRole('heading', { name: 'Reply times by agent' })).closest(
    'section',
  )
  if (!byAgent) throw new Error('no reply-time chart')
  const table = within(byAgent).getByRole('table', { name: 'Reply times by agent' })
  expect(
    within(table)
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual(['agent-9'])
  expect(container.querySelector('svg a[href*="agent-1"]')).toBeNull()
})
