import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { captureDownloads } from '../capture-downloads'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { MAR_1, noReviewsHandler, withInsightsClock, WINDOW } from './insights-api'
import { lastCall, urlParams, useSearchApi } from './search-api'

/**
 * Issue 15: the engagement-attribute card of the Insights tab: its field picker (in the URL), its
 * request, its bars and table rows as links to the list filtered by the value (shown as a filter
 * that can be removed), its numbers as CSV; values that are anything (`__proto__`, long text).
 */

withInsightsClock()

const LONG = `Premium ${'x'.repeat(192)}`

const INSIGHTS = {
  total: 9,
  volume: { unit: 'day', buckets: [] },
  mcs: { buckets: [], none: 9 },
  csat: { values: [], none: 9 },
  devices: { values: [], unknown: 9 },
  channels: { values: [], unknown: 9 },
  closeReasons: { values: [], none: 9 },
  transfers: { counts: [], none: 9, paths: [] },
  replies: { agents: [], skills: [] },
}

const TEXT_VALUES = {
  field: 'customerInfo.customerType',
  kind: 'text',
  total: 9,
  none: 2,
  values: [
    { value: 'vip', count: 4 },
    { value: '__proto__', count: 2 },
    { value: LONG, count: 1 },
  ],
  other: 1,
  buckets: [],
}
const NUMBER_VALUES = {
  field: 'purchase.total',
  kind: 'number',
  total: 9,
  none: 5,
  values: [],
  other: 0,
  buckets: [
    { from: 0, to: 50, count: 3 },
    { from: 50, to: 100, count: 0 },
    { from: 100, to: 150, count: 1 },
  ],
}

interface SdeCall {
  search: Record<string, unknown>
  zone: string
  field: string
}

function useSdeApi() {
  const calls: SdeCall[] = []
  server.use(
    http.post('*/api/insights', () => HttpResponse.json(INSIGHTS)),
    noReviewsHandler(),
    http.post('*/api/insights/sde-values', async ({ request }) => {
      const call = (await request.json()) as SdeCall
      calls.push(call)
      return HttpResponse.json(call.field === 'purchase.total' ? NUMBER_VALUES : TEXT_VALUES)
    }),
  )
  return calls
}

/** The card, once its numbers are in (its table is drawn with them). */
const card = async () => {
  const table = await screen.findByRole('table', { name: 'Engagement attribute values' })
  const section = table.closest('section')
  if (!section) throw new Error('no card')
  return section
}

/** The parameters of a link's address, as the router reads them. */
function paramsOf(href: string | null, router: Parameters<typeof urlParams>[0]) {
  const url = new URL(href ?? '', 'http://localhost')
  return urlParams({ options: router.options, state: { location: { searchStr: url.search } } })
}

test('the card asks for the chosen field over the search, and its bars open the list of a value', async () => {
  const listCalls = useSearchApi()
  const calls = useSdeApi()
  const user = userEvent.setup()
  const { router, container } = await renderRoute(
    `/conversations?view=insights&status=CLOSE&${WINDOW}`,
  )
  const section = await card()
  expect(calls[0]).toMatchObject({
    field: 'customerInfo.customerType',
    zone: 'UTC',
    search: { status: ['CLOSE'], start: { from: MAR_1 } },
  })
  expect(within(section).getByText(/2 conversations \(22\.2%\) have none\./)).toBeInTheDocument()
  expect(within(section).getByText(/1 conversation have another value/)).toBeInTheDocument()

  // Each bar is a link; values are text, whatever they are called.
  const bars = [...container.querySelectorAll('section svg a')].filter((link) =>
    (link.firstElementChild?.getAttribute('aria-label') ?? '').startsWith('Customer type'),
  )
  expect(bars.map((bar) => bar.firstElementChild?.getAttribute('aria-label'))).toEqual([
    'Customer type vip: 4 conversations',
    'Customer type __proto__: 2 conversations',
    `Customer type ${LONG}: 1 conversation`,
  ])
  expect(paramsOf(bars[1]?.getAttribute('href') ?? null, router)).toMatchObject({
    sdeField: ['customerInfo.customerType'],
    sdeValue: ['__proto__'],
    status: ['CLOSE'],
    from: [new Date(MAR_1).toISOString()],
  })

  // The table: the whole value, with the same links; "another value" and "none" without one.
  const table = within(section).getByRole('table', { name: 'Engagement attribute values' })
  const rows = within(table).getAllByRole('row')
  expect(rows.map((row) => row.textContent)).toEqual([
    'Customer typeConversations',
    'vip4',
    '__proto__2',
    `${LONG}1`,
    '(another value)1',
    '(none)2',
  ])
  expect(within(rows[3] ?? table).getByRole('link', { name: LONG })).toBeInTheDocument()
  expect(within(rows[4] ?? table).queryByRole('link')).toBeNull()

  // A click opens the list with the value as a filter, shown and removable.
  const vip = bars[0]
  if (!vip) throw new Error('no bar')
  await user.click(vip)
  await waitFor(() => {
    expect(urlParams(router)).toMatchObject({
      sdeField: ['customerInfo.customerType'],
      sdeValue: ['vip'],
    })
  })
  await waitFor(() => {
    expect(lastCall(listCalls).body).toMatchObject({
      status: ['CLOSE'],
      sdeValue: { field: 'customerInfo.customerType', value: 'vip' },
    })
  })
  // Shown above the tabs (and among the empty list's filters, when nothing matches).
  expect(await screen.findByText('customerInfo.customerType "vip"')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Remove this filter' }))
  await waitFor(() => {
    expect(urlParams(router).sdeField).toBeUndefined()
  })
  expect(urlParams(router).sdeValue).toBeUndefined()
  expect(urlParams(router)).toMatchObject({ status: ['CLOSE'] })
  await waitFor(() => {
    expect(lastCall(listCalls).body.sdeValue).toBeUndefined()
  })
})

test('the field picker is in the URL; a number field is counted in buckets, each a link', async () => {
  useSearchApi()
  const calls = useSdeApi()
  const downloads = captureDownloads()
  const user = userEvent.setup()
  const { router, container } = await renderRoute(`/conversations?view=insights&${WINDOW}`)
  const section = await card()

  await user.selectOptions(
    within(section).getByRole('combobox', { name: 'Engagement attribute' }),
    'purchase.total',
  )
  await waitFor(() => {
    expect(urlParams(router)).toMatchObject({ sdeChart: ['purchase.total'], view: ['insights'] })
  })
  await waitFor(() => {
    expect(calls.at(-1)?.field).toBe('purchase.total')
  })
  const table = await within(await card()).findByRole('table', {
    name: 'Engagement attribute values',
  })
  await waitFor(() => {
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe('0 to under 503')
  })
  expect(
    within(table)
      .getAllByRole('row')
      .map((row) => row.textContent),
  ).toEqual([
    'Purchase totalConversations',
    '0 to under 503',
    '50 to under 1000',
    '100 to under 1501',
    '(none)5',
  ])
  // A bucket of none has no bar and no link.
  const bars = [...container.querySelectorAll('section svg a')].filter((link) =>
    (link.firstElementChild?.getAttribute('aria-label') ?? '').startsWith('Purchase total'),
  )
  expect(bars).toHaveLength(2)
  expect(paramsOf(bars[1]?.getAttribute('href') ?? null, router)).toMatchObject({
    sdeField: ['purchase.total'],
    sdeFrom: ['100'],
    sdeTo: ['150'],
  })

  await user.click(within(await card()).getByRole('button', { name: 'Download CSV' }))
  expect(downloads.map((d) => d.fileName)).toEqual(['sde-purchase.total.csv'])
  const text = (await downloads[0]?.text)?.replace(/^\uFEFF/, '')
  expect(text?.split(/\r?\n/).filter(Boolean)).toEqual([
    'Purchase total,Conversations',
    '0 to under 50,3',
    '50 to under 100,0',
    '100 to under 150,1',
    '(none),5',
  ])
})

test('a search already filtered by a value: its bars open nothing (the list would differ)', async () => {
  const listCalls = useSearchApi()
  useSdeApi()
  await renderRoute(
    `/conversations?view=insights&sdeField=purchase.total&sdeFrom=0&sdeTo=50&${WINDOW}`,
  )
  const section = await card()
  await waitFor(() => {
    expect(section.querySelectorAll('svg [aria-label^="Customer type"]')).toHaveLength(3)
  })
  expect(section.querySelectorAll('svg a')).toHaveLength(0)
  expect(within(section).queryAllByRole('link')).toHaveLength(0)
  expect(await screen.findByText('purchase.total from 0, below 50')).toBeInTheDocument()
  expect(listCalls).toHaveLength(0)
})
