import { screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { renderRoute } from '../render-route'
import { buildRecord, DAY, lastCall, manyRecords, NOW, useSearchApi } from './search-api'

const TEN_MINUTES = 10 * 60 * 1000
/** "Now" as relative windows use it: rounded up to the next 10 minutes. */
const WINDOW_END = Math.ceil(NOW / TEN_MINUTES) * TEN_MINUTES

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

test('the default search asks for the last 7 days, newest first, 50 per page, light sections only', async () => {
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations')

  expect(await screen.findByRole('link', { name: /Carol Consumer/ })).toBeInTheDocument()
  const call = lastCall(calls)
  expect(call).toMatchObject({ offset: 0, limit: 50, sort: 'start:desc', source: 'ConvViewer' })
  expect(call.body).toEqual({
    start: { from: WINDOW_END - 7 * DAY, to: WINDOW_END },
    contentToRetrieve: ['agentParticipants', 'consumerParticipants', 'summary'],
  })
})

test('every filter in the URL maps to its field of the request body', async () => {
  window.localStorage.setItem('cv.timeZone', 'utc')
  const calls = useSearchApi({ records: manyRecords(80) })
  await renderRoute(
    '/conversations?from=2026-03-01&to=2026-03-05&status=OPEN&status=CLOSE&q=refund' +
      '&summary=callback&agent=agent-1&agent=99&skill=12&group=3&channel=SHARK' +
      '&channel=WhatsApp%20Business&device=MOBILE&mcsMin=10&mcsMax=90&csatMin=2&csatMax=5' +
      '&durMin=5&durMax=60&alertedMcs=-1&content=RICH_CONTENT&queue=IN_QUEUE' +
      '&sde=customerInfo:CUST-1&sort=end:asc&page=3&pageSize=25',
  )

  expect(await screen.findByRole('link', { name: /Consumer 51$/ })).toBeInTheDocument()
  const call = lastCall(calls)
  expect(call).toMatchObject({ offset: 50, limit: 25, sort: 'end:asc' })
  expect(call.body).toEqual({
    // Date-only: whole days in the chosen clock (UTC here); `to` is inclusive.
    start: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 6) - 1 },
    status: ['OPEN', 'CLOSE'],
    keyword: 'refund',
    summary: 'callback',
    agentIds: ['agent-1', '99'],
    skillIds: ['12'],
    agentGroupIds: ['3'],
    source: ['SHARK', 'WhatsApp Business'],
    device: ['MOBILE'],
    mcs: { from: 10, to: 90 },
    csat: { from: 2, to: 5 },
    duration: { from: 300, to: 3600 },
    alertedMcsValues: ['-1'],
    messageContentTypes: ['RICH_CONTENT'],
    latestConversationQueueState: 'IN_QUEUE',
    sdeSearch: { customerInfo: 'CUST-1' },
    contentToRetrieve: ['agentParticipants', 'consumerParticipants', 'summary'],
  })
})

test('a date without a time means local midnight when times are shown in local time', async () => {
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations?from=2026-03-01T08:30&to=2026-03-02')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  expect(lastCall(calls).body.start).toEqual({
    from: new Date(2026, 2, 1, 8, 30).getTime(),
    to: new Date(2026, 2, 3).getTime() - 1,
  })
})

test('a time with an offset is an absolute instant whatever the clock setting', async () => {
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations?from=2026-03-01T08:30:00%2B02:00&to=2026-03-02T00:00:00Z')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  expect(lastCall(calls).body.start).toEqual({
    from: Date.UTC(2026, 2, 1, 6, 30),
    to: Date.UTC(2026, 2, 2),
  })
})

test('the range preset sets a relative window', async () => {
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations?range=24h')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  expect(lastCall(calls).body.start).toEqual({ from: WINDOW_END - DAY, to: WINDOW_END })
  expect(screen.getByLabelText('Started')).toHaveValue('24h')
})

test('a stale or hand-edited link falls back to defaults instead of breaking the page', async () => {
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute(
    '/conversations?status=FOO&status=OPEN&page=abc&pageSize=7&sort=bogus&mcsMin=500' +
      '&from=2026-02-30&device=PHONE&queue=NOPE&sde=nonsense&range=1y',
  )

  await screen.findByRole('link', { name: /Carol Consumer/ })
  const call = lastCall(calls)
  expect(call).toMatchObject({ offset: 0, limit: 50, sort: 'start:desc' })
  expect(call.body).toEqual({
    start: { from: WINDOW_END - 7 * DAY, to: WINDOW_END },
    status: ['OPEN'],
    contentToRetrieve: ['agentParticipants', 'consumerParticipants', 'summary'],
  })
})

test('the page asks for the page of results once, not once per render', async () => {
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations?status=OPEN')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  await waitFor(() => expect(screen.getByText('1 match')).toBeInTheDocument())
  expect(calls).toHaveLength(1)
})
