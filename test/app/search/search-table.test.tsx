import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { lastSearchSchema } from '@/app/lib/last-search'
import { renderRoute } from '../render-route'
import { buildRecord, NOW, useSearchApi } from './search-api'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  window.sessionStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

const START = Date.UTC(2026, 2, 9, 8, 0, 0)

const records = [
  buildRecord({
    id: 'conv-1',
    start: START,
    status: 'CLOSE',
    closeReason: 'CONSUMER',
    consumer: { firstName: 'Dana', lastName: 'Doe' },
    agents: [
      { id: 'bot-1', name: 'Welcome Bot' },
      { id: 'agent-2', name: 'Bob Builder' },
    ],
    skill: 'Returns',
    source: 'WhatsApp Business',
    device: 'MOBILE',
    durationMs: 3_723_000,
    mcs: 42,
    csat: 5,
    summary: 'Refund approved',
  }),
  buildRecord({
    id: 'conv-2',
    start: START - 3_600_000,
    status: 'OPEN',
    consumer: { firstName: 'Eli', lastName: 'Eck' },
  }),
]

test('each row shows the conversation and is a real link to it', async () => {
  window.localStorage.setItem('cv.timeZone', 'utc')
  useSearchApi({ records })
  await renderRoute('/conversations')

  const link = await screen.findByRole('link', { name: '2026-03-09 08:00:00, Dana Doe' })
  expect(link).toHaveAttribute('href', '/conversations/conv-1')
  const row = link.closest('tr')
  if (!row) throw new Error('the link is not in a row')
  await within(row).findByText('Not reviewed')
  const cells = within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent)
  expect(cells).toEqual([
    '2026-03-09 08:00:00, Dana Doe',
    '2026-03-09 09:02:03',
    'Closed(by consumer)',
    'Not reviewed',
    'Dana Doe',
    'Welcome Bot, Bob Builder',
    'Returns',
    'WhatsApp',
    'Mobile',
    '1 h 02 min',
    '42',
    '5',
    'Refund approved',
  ])
  expect(
    screen.getAllByRole('columnheader').map((header) => header.textContent?.replace(/[▲▼↕]/, '')),
  ).toEqual([
    'Start',
    'End',
    'Status',
    'Review',
    'Consumer',
    'Agent',
    'Skill',
    'Channel',
    'Device',
    'Duration',
    'MCS',
    'CSAT',
    'Summary',
  ])
  const open = screen.getByRole('link', { name: /Eli Eck/ }).closest('tr')
  expect(open).toHaveTextContent('Open')
})

test('the timezone switch in the header changes every time shown', async () => {
  const user = userEvent.setup()
  const zone = process.env.TZ
  process.env.TZ = 'America/New_York'
  try {
    window.localStorage.setItem('cv.timeZone', 'utc')
    useSearchApi({ records })
    await renderRoute('/conversations')
    await screen.findByRole('link', { name: '2026-03-09 08:00:00, Dana Doe' })

    await user.selectOptions(screen.getByLabelText('Times in'), 'local')
    // New York is on daylight saving time (UTC-4) from 8 March 2026.
    expect(screen.getByRole('link', { name: '2026-03-09 04:00:00, Dana Doe' })).toBeVisible()
    expect(
      screen.getByRole('option', { name: 'Local time (America/New_York)' }),
    ).toBeInTheDocument()
    expect(window.localStorage.getItem('cv.timeZone')).toBe('local')
  } finally {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  }
})

test('hidden columns stay hidden on the next visit', async () => {
  const user = userEvent.setup()
  useSearchApi({ records })
  await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })

  await user.click(screen.getByRole('button', { name: 'Columns' }))
  await user.click(screen.getByRole('checkbox', { name: 'Summary' }))
  await user.click(screen.getByRole('checkbox', { name: 'Device' }))
  expect(screen.queryByRole('columnheader', { name: 'Summary' })).toBeNull()
  expect(screen.getByRole('button', { name: 'Columns (2 hidden)' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
  await user.keyboard('{Escape}')
  expect(screen.getByRole('button', { name: 'Columns (2 hidden)' })).toHaveFocus()

  cleanup()
  useSearchApi({ records })
  await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })
  expect(screen.queryByRole('columnheader', { name: 'Summary' })).toBeNull()
  expect(screen.queryByRole('columnheader', { name: 'Device' })).toBeNull()
  expect(screen.getByRole('columnheader', { name: 'Skill' })).toBeInTheDocument()
  // Start cannot be hidden: it holds the row's link.
  await user.click(screen.getByRole('button', { name: 'Columns (2 hidden)' }))
  expect(screen.queryByRole('checkbox', { name: 'Start' })).toBeNull()
  await user.click(screen.getByRole('button', { name: 'Show all' }))
  expect(screen.getByRole('columnheader', { name: 'Summary' })).toBeInTheDocument()
})

test('j and k move the focus from row to row, and Enter opens the focused one', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records, details: records })
  const { router } = await renderRoute('/conversations')
  const first = await screen.findByRole('link', { name: /Dana Doe/ })
  const second = screen.getByRole('link', { name: /Eli Eck/ })

  await user.keyboard('j')
  expect(first).toHaveFocus()
  await user.keyboard('j')
  expect(second).toHaveFocus()
  await user.keyboard('j')
  expect(second).toHaveFocus()
  await user.keyboard('k')
  expect(first).toHaveFocus()

  // Typing a j into a text box is just typing.
  const keyword = screen.getByLabelText('Keyword in messages')
  await user.type(keyword, 'jk')
  expect(keyword).toHaveValue('jk')

  first.focus()
  await user.keyboard('{Enter}')
  await waitFor(() => expect(router.state.location.pathname).toBe('/conversations/conv-1'))
  expect(calls.byId).toContain('conv-1')
})

test('hovering or focusing a row loads its conversation ahead of the click', async () => {
  const calls = useSearchApi({ records, details: records })
  await renderRoute('/conversations')
  const first = await screen.findByRole('link', { name: /Dana Doe/ })

  const firstRow = first.closest('tr') ?? first
  const secondRow = screen.getByRole('link', { name: /Eli Eck/ }).closest('tr') ?? first

  // Sweeping across a row does not load it; resting on it does.
  fireEvent.mouseEnter(secondRow)
  fireEvent.mouseLeave(secondRow)
  fireEvent.mouseEnter(firstRow)
  await waitFor(() => expect(calls.byId).toEqual(['conv-1']))
  screen.getByRole('link', { name: /Eli Eck/ }).focus()
  await waitFor(() => expect(calls.byId).toEqual(['conv-1', 'conv-2']))
  // Once loaded, resting on it again does not ask again.
  fireEvent.mouseEnter(firstRow)
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(calls.byId).toEqual(['conv-1', 'conv-2'])
})

test('the page remembers its results for the detail page (previous / next)', async () => {
  const user = userEvent.setup()
  useSearchApi({ records, count: 52, details: records })
  const { router } = await renderRoute('/conversations?status=CLOSE&pageSize=25')
  const link = await screen.findByRole('link', { name: /Dana Doe/ })

  await waitFor(() => expect(window.sessionStorage.getItem('cv.lastSearch')).not.toBeNull())
  const stored = lastSearchSchema.parse(
    JSON.parse(window.sessionStorage.getItem('cv.lastSearch') ?? ''),
  )
  expect(stored).toMatchObject({ ids: ['conv-1', 'conv-2'], page: 1, pageSize: 25, count: 52 })
  // The list's own search string, to link back to exactly these results.
  expect(stored.search).toMatch(/^\?/)
  expect([...new URLSearchParams(stored.search).keys()].sort()).toEqual(['pageSize', 'status'])

  // Opening a conversation leaves the record of the list as it was.
  await user.click(link)
  await waitFor(() => expect(router.state.location.pathname).toBe('/conversations/conv-1'))
  expect(window.sessionStorage.getItem('cv.lastSearch')).toBe(JSON.stringify(stored))
})

test('the header shows the account and where the data comes from', async () => {
  useSearchApi({ records })
  await renderRoute('/conversations')
  const banner = screen.getByRole('banner')
  expect(await within(banner).findByText('acc-1')).toBeInTheDocument()
  expect(within(banner).getByText('Archive')).toBeInTheDocument()
  expect(within(banner).getByRole('link', { name: 'Conversation Viewer' })).toBeInTheDocument()
})

test('the theme follows the system until the user picks one', async () => {
  const user = userEvent.setup()
  useSearchApi({ records })
  await renderRoute('/conversations')
  const theme = await screen.findByLabelText('Theme')
  expect(theme).toHaveValue('system')
  expect(document.documentElement).not.toHaveClass('dark')

  await user.selectOptions(theme, 'dark')
  expect(document.documentElement).toHaveClass('dark')
  expect(window.localStorage.getItem('cv.theme')).toBe('dark')

  await user.selectOptions(theme, 'light')
  expect(document.documentElement).not.toHaveClass('dark')
  await user.selectOptions(theme, 'system')
  expect(window.localStorage.getItem('cv.theme')).toBeNull()
})
