import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { ACCOUNT, lastCall, manyRecords, NOW, urlParams, useSearchApi } from './search-api'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

const bodyRows = () =>
  within(screen.getAllByRole('rowgroup')[1] ?? document.body).getAllByRole('row')

test('the title shows the total, and the pager walks the pages with offset and limit', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records: manyRecords(60) })
  const { router } = await renderRoute('/conversations?pageSize=25')

  expect(await screen.findByRole('link', { name: /Consumer 1$/ })).toBeInTheDocument()
  expect(screen.getByText('60 matches')).toBeInTheDocument()
  expect(screen.getByRole('table', { name: /Conversations, 60 matches/ })).toBeInTheDocument()
  expect(bodyRows()).toHaveLength(25)
  const pager = screen.getByRole('navigation', { name: 'Pages' })
  expect(pager).toHaveTextContent('1–25 of 60 · Page 1 of 3')
  expect(within(pager).getByRole('button', { name: 'First page' })).toBeDisabled()
  expect(within(pager).getByRole('button', { name: 'Previous' })).toBeDisabled()

  await user.click(within(pager).getByRole('button', { name: /Next/ }))
  expect(await screen.findByRole('link', { name: /Consumer 26$/ })).toBeInTheDocument()
  expect(urlParams(router)).toEqual({ page: ['2'], pageSize: ['25'] })
  expect(lastCall(calls)).toMatchObject({ offset: 25, limit: 25 })
  expect(pager).toHaveTextContent('26–50 of 60 · Page 2 of 3')

  await user.click(within(pager).getByRole('button', { name: 'Last page' }))
  expect(await screen.findByRole('link', { name: /Consumer 51$/ })).toBeInTheDocument()
  expect(lastCall(calls)).toMatchObject({ offset: 50, limit: 25 })
  expect(bodyRows()).toHaveLength(10)
  expect(within(pager).getByRole('button', { name: /Next/ })).toBeDisabled()

  await user.click(within(pager).getByRole('button', { name: 'First page' }))
  expect(await screen.findByRole('link', { name: /Consumer 1$/ })).toBeInTheDocument()
  expect(urlParams(router)).toEqual({ pageSize: ['25'] })
})

test('the page size is a choice of 25, 50 or 100 and lands on the page holding the first row', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records: manyRecords(120) })
  const { router } = await renderRoute('/conversations?page=3&pageSize=25')
  await screen.findByRole('link', { name: /Consumer 51$/ })

  await user.selectOptions(screen.getByLabelText('Rows per page'), '50')
  await waitFor(() => expect(urlParams(router)).toEqual({ page: ['2'] }))
  expect(await screen.findByRole('link', { name: /Consumer 51$/ })).toBeInTheDocument()
  expect(lastCall(calls)).toMatchObject({ offset: 50, limit: 50 })
  expect(bodyRows()).toHaveLength(50)
})

test('Start and End sort on the server; the header says which way', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records: manyRecords(40) })
  const { router } = await renderRoute('/conversations?page=2&pageSize=25')
  await screen.findByRole('link', { name: /Consumer 26$/ })

  const start = screen.getByRole('columnheader', { name: /Start/ })
  const end = screen.getByRole('columnheader', { name: /End/ })
  expect(start).toHaveAttribute('aria-sort', 'descending')
  expect(end).not.toHaveAttribute('aria-sort')
  // Only the columns the API can sort by are sortable.
  expect(
    within(screen.getByRole('columnheader', { name: 'Consumer' })).queryByRole('button'),
  ).toBeNull()

  await user.click(within(end).getByRole('button', { name: /End/ }))
  await waitFor(() => expect(urlParams(router)).toEqual({ sort: ['end:desc'], pageSize: ['25'] }))
  await waitFor(() => expect(lastCall(calls)).toMatchObject({ sort: 'end:desc', offset: 0 }))
  expect(screen.getByRole('columnheader', { name: /End/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )

  await user.click(within(screen.getByRole('columnheader', { name: /End/ })).getByRole('button'))
  await waitFor(() => expect(lastCall(calls)).toMatchObject({ sort: 'end:asc' }))
  expect(screen.getByRole('columnheader', { name: /End/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  expect(screen.getByRole('table', { name: /sorted by end time, earliest first/ })).toBeVisible()
})

test('the previous page stays on screen while the next one loads', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: manyRecords(40) })
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  const { router } = await renderRoute('/conversations?pageSize=25')
  await screen.findByRole('link', { name: /Consumer 1$/ })

  server.use(
    http.post(
      `*/messaging_history/api/account/${ACCOUNT}/conversations/search`,
      async () => {
        await gate
        await delay(1)
        return HttpResponse.json({
          _metadata: { count: 40 },
          conversationHistoryRecords: manyRecords(15, 25),
        })
      },
      { once: true },
    ),
  )
  await user.click(screen.getByRole('button', { name: /Next/ }))
  await waitFor(() => expect(urlParams(router)).toEqual({ page: ['2'], pageSize: ['25'] }))

  // Still the first page, marked busy, with a loading note; no blank table.
  expect(screen.getByRole('link', { name: /Consumer 1$/ })).toBeInTheDocument()
  expect(bodyRows()).toHaveLength(25)
  expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true')
  expect(screen.getByText('Loading…')).toBeInTheDocument()

  release()
  expect(await screen.findByRole('link', { name: /Consumer 26$/ })).toBeInTheDocument()
  expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'false')
})
