import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { renderRoute } from '../render-route'
import { buildRecord, lastCall, NOW, urlParams, useSearchApi } from './search-api'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

const records = [
  buildRecord({ id: 'conv-1', consumer: { firstName: 'Dana', lastName: 'Doe' } }),
  buildRecord({ id: 'conv-2', consumer: { firstName: 'Eli', lastName: 'Eck' } }),
]

test('searching puts the filters in the URL, and opening that URL again shows the same search', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records })
  const { router } = await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })

  await user.type(screen.getByLabelText('Keyword in messages'), '"late delivery"')
  await user.click(screen.getByRole('checkbox', { name: 'Closed' }))
  await user.type(screen.getByRole('combobox', { name: 'Agents' }), 'bob')
  await user.click(await screen.findByRole('option', { name: /Bob Builder/ }))
  await user.click(screen.getByRole('button', { name: 'Search' }))

  await waitFor(() =>
    expect(urlParams(router)).toEqual({
      q: ['"late delivery"'],
      status: ['CLOSE'],
      agent: ['agent-2'],
    }),
  )
  await waitFor(() => expect(calls).toHaveLength(2))
  const searched = lastCall(calls).body
  expect(searched).toMatchObject({
    keyword: '"late delivery"',
    status: ['CLOSE'],
    agentIds: ['agent-2'],
  })

  // "Reload": a fresh app at the same address asks for exactly the same thing and shows it.
  const href = router.state.location.href
  cleanup()
  const again = useSearchApi({ records })
  await renderRoute(href)
  await screen.findByRole('link', { name: /Dana Doe/ })
  expect(lastCall(again).body).toEqual(searched)
  expect(screen.getByLabelText('Keyword in messages')).toHaveValue('"late delivery"')
  expect(screen.getByRole('checkbox', { name: 'Closed' })).toBeChecked()
  expect(
    within(screen.getByRole('list', { name: 'Chosen agents' })).getByText('Bob Builder'),
  ).toBeInTheDocument()
})

test('back and forward restore the search and the form shows it', async () => {
  const user = userEvent.setup()
  useSearchApi({ records })
  const { router } = await renderRoute('/conversations?q=first')
  await screen.findByRole('link', { name: /Dana Doe/ })
  const keyword = () => screen.getByLabelText('Keyword in messages')

  await user.clear(keyword())
  await user.type(keyword(), 'second{Enter}')
  await waitFor(() => expect(urlParams(router)).toEqual({ q: ['second'] }))

  router.history.back()
  await waitFor(() => expect(urlParams(router)).toEqual({ q: ['first'] }))
  await waitFor(() => expect(keyword()).toHaveValue('first'))

  router.history.forward()
  await waitFor(() => expect(urlParams(router)).toEqual({ q: ['second'] }))
  await waitFor(() => expect(keyword()).toHaveValue('second'))
})

test('an agent ID the archive does not know can still be typed in', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records })
  const { router } = await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })

  await user.type(screen.getByRole('combobox', { name: 'Agents' }), 'A-777{Enter}')
  expect(screen.getByRole('button', { name: 'Remove agent A-777' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Search' }))

  await waitFor(() => expect(urlParams(router)).toEqual({ agent: ['A-777'] }))
  await waitFor(() => expect(lastCall(calls).body.agentIds).toEqual(['A-777']))
})

test('a custom range longer than 3 months is refused in the form before any request', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records })
  const { router } = await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })
  const before = calls.length

  await user.selectOptions(screen.getByLabelText('Started'), 'custom')
  await user.clear(screen.getByLabelText('From'))
  await user.type(screen.getByLabelText('From'), '2025-01-01')
  await user.clear(screen.getByLabelText('To (inclusive)'))
  await user.type(screen.getByLabelText('To (inclusive)'), '2025-06-01')
  await user.click(screen.getByRole('button', { name: 'Search' }))

  expect(await screen.findByRole('alert')).toHaveTextContent(/at most 92 days \(3 months\)/)
  expect(screen.getByLabelText('From')).toHaveFocus()
  expect(screen.getByLabelText('From')).toHaveAccessibleDescription(/at most 92 days/)
  expect(urlParams(router)).toEqual({})
  expect(calls).toHaveLength(before)
})

test('a custom range within 3 months is searched as whole days', async () => {
  const user = userEvent.setup()
  window.localStorage.setItem('cv.timeZone', 'utc')
  const calls = useSearchApi({ records })
  const { router } = await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })

  await user.selectOptions(screen.getByLabelText('Started'), 'custom')
  // Switching to a custom range starts from the window being shown (the last 7 days).
  expect(screen.getByLabelText('From')).toHaveValue('2026-03-03')
  expect(screen.getByLabelText('To (inclusive)')).toHaveValue('2026-03-10')
  await user.clear(screen.getByLabelText('From'))
  await user.type(screen.getByLabelText('From'), '2026-02-01')
  await user.click(screen.getByRole('button', { name: 'Search' }))

  await waitFor(() =>
    expect(urlParams(router)).toEqual({ from: ['2026-02-01'], to: ['2026-03-10'] }),
  )
  await waitFor(() =>
    expect(lastCall(calls).body.start).toEqual({
      from: Date.UTC(2026, 1, 1),
      to: Date.UTC(2026, 2, 11) - 1,
    }),
  )
})

test('an inverted score range is explained next to the field', async () => {
  const user = userEvent.setup()
  useSearchApi({ records })
  const { router } = await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })

  await user.click(screen.getByText('More filters'))
  await user.type(await screen.findByLabelText('MCS (0 to 100) from'), '80')
  await user.type(screen.getByLabelText('MCS (0 to 100) to'), '20')
  await user.click(screen.getByRole('button', { name: 'Search' }))

  expect(await screen.findByRole('alert')).toHaveTextContent('minimum must not be above')
  expect(screen.getByRole('group', { name: 'MCS (0 to 100)' })).toHaveAccessibleDescription(
    'The minimum must not be above the maximum.',
  )
  expect(urlParams(router)).toEqual({})
})

test('"Clear filters" goes back to the default search', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records: [] })
  const { router } = await renderRoute('/conversations?q=refund&status=OPEN&pageSize=100&page=2')
  await screen.findByText('No conversations match these filters')

  const form = screen.getByRole('search', { name: 'Filter conversations' })
  await user.click(within(form).getByRole('button', { name: 'Clear filters' }))
  await waitFor(() => expect(urlParams(router)).toEqual({ pageSize: ['100'] }))
  await waitFor(() => expect(lastCall(calls).body).not.toHaveProperty('keyword'))
  expect(screen.getByLabelText('Keyword in messages')).toHaveValue('')
})

test('the Conversation ID box opens that conversation', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records, details: [records[0] ?? {}] })
  const { router } = await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })

  await user.type(screen.getByLabelText('Conversation ID'), '  conv-1 {Enter}')
  await waitFor(() => expect(router.state.location.pathname).toBe('/conversations/conv-1'))
  expect(calls.byId).toContain('conv-1')
})
