import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { ACCOUNT, buildRecord, NOW, useSearchApi } from './search-api'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

const SEARCH_URL = `*/messaging_history/api/account/${ACCOUNT}/conversations/search`

test('an empty result says which filters are active and offers to clear them', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: [] })
  const { router } = await renderRoute(
    '/conversations?status=OPEN&q=refund&agent=agent-2&channel=SHARK&mcsMin=50',
  )

  const empty = await screen.findByRole('heading', { name: 'No conversations match these filters' })
  const panel = empty.parentElement ?? document.body
  const filters = within(panel)
    .getAllByRole('listitem')
    .map((item) => item.textContent)
  expect(filters).toEqual([
    'Started: last 7 days',
    'Status: Open',
    'Keyword: refund',
    'Agent: Bob Builder',
    'Channel: Web',
    'MCS: at least 50',
  ])
  expect(screen.queryByRole('table')).toBeNull()

  await user.click(within(panel).getByRole('button', { name: 'Clear filters' }))
  await waitFor(() => expect(router.state.location.searchStr).toBe(''))
})

test('a 400 shows the server message next to the field it names, with no Retry', async () => {
  useSearchApi({ records: [] })
  server.use(
    http.post(SEARCH_URL, () =>
      HttpResponse.json(
        {
          error: {
            status: 400,
            message: 'keyword: needs at least one letter or digit',
            field: 'keyword',
          },
        },
        { status: 400 },
      ),
    ),
  )
  await renderRoute('/conversations?q=%22%3F%3F%22')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The search was not accepted')
  expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull()
  const keyword = screen.getByLabelText('Keyword in messages')
  expect(keyword).toHaveAttribute('aria-invalid', 'true')
  expect(keyword).toHaveAccessibleDescription('keyword: needs at least one letter or digit')
})

test('a 400 about a filter under "More filters" opens that section to show it', async () => {
  useSearchApi({ records: [] })
  server.use(
    http.post(SEARCH_URL, () =>
      HttpResponse.json(
        {
          error: {
            status: 400,
            message: 'sdeSearch.customerInfo: at most 500 characters',
            field: 'sdeSearch.customerInfo',
          },
        },
        { status: 400 },
      ),
    ),
  )
  await renderRoute('/conversations?sde=customerInfo:x')

  await screen.findByRole('alert')
  // The section's fields load once it opens.
  const group = await screen.findByRole('group', { name: 'Engagement attribute' })
  expect(group).toBeVisible()
  expect(group).toHaveAccessibleDescription('sdeSearch.customerInfo: at most 500 characters')
})

test('other errors show the message and a Retry that asks again', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  server.use(
    http.post(
      SEARCH_URL,
      () =>
        HttpResponse.json(
          { error: { status: 503, message: 'LivePerson is not answering (503)' } },
          { status: 503 },
        ),
      { once: true },
    ),
  )
  await renderRoute('/conversations')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Conversations could not be loaded')
  expect(alert).toHaveTextContent('LivePerson is not answering (503)')

  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await screen.findByRole('link', { name: /Carol Consumer/ })).toBeInTheDocument()
  expect(screen.queryByRole('alert')).toBeNull()
  expect(calls).toHaveLength(1)
})

test('a partial answer from LivePerson is flagged as possibly incomplete', async () => {
  useSearchApi({
    records: [buildRecord({ id: 'conv-1' }), buildRecord({ id: 'conv-2', isPartial: true })],
    partialResult: true,
  })
  await renderRoute('/conversations')

  expect(await screen.findAllByRole('link', { name: /Carol Consumer/ })).toHaveLength(2)
  const notice = screen.getByText(/Results may be incomplete/).closest('[role="status"]')
  expect(notice).toHaveTextContent('could not search all of its data')
  expect(notice).toHaveTextContent('1 conversation on this page has partial data')
})

test('partial records alone are flagged too', async () => {
  useSearchApi({ records: [buildRecord({ id: 'conv-2', isPartial: true })] })
  await renderRoute('/conversations')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  const notice = screen.getByText(/Results may be incomplete/).closest('[role="status"]')
  expect(notice).not.toHaveTextContent('could not search all of its data')
  expect(notice).toHaveTextContent('1 conversation on this page has partial data')
})

test('a complete answer shows no such notice', async () => {
  useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  expect(screen.queryByText(/Results may be incomplete/)).toBeNull()
})

test('a link whose window is longer than 3 months explains why and sends nothing', async () => {
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations?from=2025-01-01&to=2025-12-31')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Nothing was searched')
  expect(alert).toHaveTextContent('at most 92 days (3 months)')
  expect(screen.getByLabelText('From')).toHaveAccessibleDescription(/at most 92 days/)
  expect(screen.getByLabelText('From')).toHaveValue('2025-01-01')
  expect(calls).toHaveLength(0)
})

test('the first load shows a loading state, then the rows', async () => {
  useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.post(
      SEARCH_URL,
      async () => {
        await gate
        return HttpResponse.json({
          _metadata: { count: 1 },
          conversationHistoryRecords: [buildRecord({ id: 'conv-1' })],
        })
      },
      { once: true },
    ),
  )
  await renderRoute('/conversations')

  expect(await screen.findByText('Loading conversations…')).toBeInTheDocument()
  release()
  expect(await screen.findByRole('link', { name: /Carol Consumer/ })).toBeInTheDocument()
})
