import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, test } from 'vitest'
import { buildUser, signedInAs } from '../auth/auth-api'
import { renderRoute } from '../render-route'
import { useSearchApi } from '../search/search-api'
import {
  buildReviewRow,
  buildScorecard,
  REVIEWED,
  servePeople,
  serveReviews,
  serveScorecards,
} from './reviews-api'

beforeEach(() => {
  window.localStorage.setItem('cv.timeZone', 'utc')
  useSearchApi()
  servePeople()
  serveScorecards([
    { card: buildScorecard(), reviews: 3 },
    {
      card: buildScorecard({
        id: 2,
        uid: 'card-2',
        definition: {
          name: 'Sales',
          sections: [
            {
              id: 'pitch',
              name: 'Pitch',
              criteria: [{ id: 'offer', name: 'Offer', scale: { kind: 'yes-no' } }],
            },
          ],
        },
      }),
    },
  ])
})

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1)

test('each review shows its conversation (a link that opens the review), leg, reviewer, scorecard, score, dates and state', async () => {
  const submitted = buildReviewRow({
    id: '00000000-0000-4000-8000-0000000000aa',
    conversationId: 'conv-a',
  })
  serveReviews([
    submitted,
    buildReviewRow({
      conversationId: 'conv-b',
      leg: { agentId: 'bot-7', role: 'bot' },
      state: 'draft',
      percent: null,
      submittedAt: null,
    }),
    buildReviewRow({ percent: 0, criticalFailed: true, openDisputes: 2 }),
    buildReviewRow({ conversationId: 'conv-gone', inArchive: false, acknowledged: true }),
  ])
  await renderRoute('/reviews')
  const table = await screen.findByRole('table', { name: /^Reviews, sorted by last change/ })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent?.replace(/[▲▼↕]/g, '')),
  ).toEqual([
    'Conversation',
    'Agent',
    'Reviewer',
    'Scorecard',
    'Score',
    'State',
    'Submitted',
    'Updated',
  ])
  const [first, draft, failed, gone] = rowsOf(table)
  const link = within(first!).getByRole('link', { name: /conv-a/ })
  expect(link).toHaveAttribute('href', `/conversations/conv-a?review=${submitted.id}`)
  expect(first).toHaveTextContent('Alice Agent')
  expect(first).toHaveTextContent('agent-1')
  expect(first).toHaveTextContent('Rita Reviewer')
  expect(first).toHaveTextContent('LivePerson messaging v.1')
  expect(first).toHaveTextContent('87.5%')
  expect(first).toHaveTextContent('Submitted')
  expect(first).toHaveTextContent('2026-03-09 10:42:00')

  expect(draft).toHaveTextContent('bot-7 (bot)')
  expect(draft).toHaveTextContent('Draft')
  expect(within(draft!).getByText('No score')).toBeInTheDocument()
  expect(failed).toHaveTextContent('critical fail')
  expect(failed).toHaveTextContent('0%')
  expect(failed).toHaveTextContent('Disputed · 2 open')
  // A review of a conversation no longer in the archive still lists, and says so.
  expect(gone).toHaveTextContent('not in the archive')
  expect(gone).toHaveTextContent('Acknowledged')
  expect(within(gone!).getByRole('link', { name: /conv-gone/ })).toBeInTheDocument()
  expect(
    rowsOf(table).filter((row) => row.textContent?.includes('not in the archive')),
  ).toHaveLength(1)
  expect(screen.getByText('4 reviews')).toBeInTheDocument()
})

test('filters go to the address, to the API request and to both export links', async () => {
  const user = userEvent.setup()
  const calls = serveReviews([buildReviewRow()])
  const { router } = await renderRoute('/reviews')
  await screen.findByRole('table', { name: /^Reviews/ })
  expect(Object.fromEntries(calls.at(-1)?.search ?? [])).toEqual({
    sort: 'updated',
    order: 'desc',
    offset: '0',
    limit: '50',
  })
  expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
    'href',
    '/api/reviews.csv?sort=updated&order=desc',
  )

  const filters = screen.getByRole('search', { name: 'Review filters' })
  await user.selectOptions(within(filters).getByLabelText('State'), 'Submitted')
  await user.selectOptions(within(filters).getByLabelText('Disputes'), 'Disputed')
  // The choices come from the API once it answers.
  await within(filters).findByRole('option', { name: 'Sam Supervisor' })
  await user.selectOptions(within(filters).getByLabelText('Reviewer'), 'Sam Supervisor')
  await user.selectOptions(within(filters).getByLabelText('Agent'), 'Bob Agent (agent-2)')
  await user.selectOptions(within(filters).getByLabelText('Scorecard'), 'Sales')
  await user.type(within(filters).getByLabelText('Min score'), '50')
  await user.type(within(filters).getByLabelText('Max score'), '90.5')
  await user.type(within(filters).getByLabelText('Changed from'), '2026-03-01')
  await user.type(within(filters).getByLabelText('Changed to'), '2026-03-09')
  await user.click(within(filters).getByRole('button', { name: 'Apply filters' }))

  const from = String(Date.UTC(2026, 2, 1))
  const to = String(Date.UTC(2026, 2, 10) - 1)
  const filtered = {
    state: 'submitted',
    disputed: 'true',
    reviewer: 'sam@example.com',
    agent: 'agent-2',
    scorecard: '2',
    minScore: '50',
    maxScore: '90.5',
    from,
    to,
  }
  await waitFor(() => expect(router.state.location.search).toEqual(filtered))
  await waitFor(() =>
    expect(Object.fromEntries(calls.at(-1)?.search ?? [])).toEqual({
      ...filtered,
      sort: 'updated',
      order: 'desc',
      offset: '0',
      limit: '50',
    }),
  )
  for (const [name, path] of [
    ['Download CSV', '/api/reviews.csv'],
    ['Download JSON', '/api/reviews.json'],
  ] as const) {
    const link = screen.getByRole('link', { name })
    expect(link).toHaveAttribute('download')
    const href = new URL(link.getAttribute('href') ?? '', 'http://localhost')
    expect(href.pathname).toBe(path)
    expect(Object.fromEntries(href.searchParams)).toEqual({
      ...filtered,
      sort: 'updated',
      order: 'desc',
    })
  }
  // The form shows what the address holds (a new form for a new address).
  const applied = screen.getByRole('search', { name: 'Review filters' })
  expect(within(applied).getByLabelText('Reviewer')).toHaveValue('sam@example.com')
  expect(within(applied).getByLabelText('Changed from')).toHaveValue('2026-03-01')
  expect(within(applied).getByLabelText('Changed to')).toHaveValue('2026-03-09')

  await user.click(screen.getByRole('link', { name: 'Clear filters' }))
  await waitFor(() => expect(router.state.location.search).toEqual({}))
})

test('an address with filters opens with them; a value the API would refuse counts as none', async () => {
  const calls = serveReviews([buildReviewRow()])
  await renderRoute(
    '/reviews?state=done&minScore=150&maxScore=80&agent=agent-1,agent-9&disputed=maybe&limit=9999&sort=colour',
  )
  await screen.findByRole('table', { name: /^Reviews/ })
  expect(Object.fromEntries(calls.at(-1)?.search ?? [])).toEqual({
    agent: 'agent-1,agent-9',
    maxScore: '80',
    sort: 'updated',
    order: 'desc',
    offset: '0',
    limit: '50',
  })
  const filters = screen.getByRole('search', { name: 'Review filters' })
  expect(within(filters).getByLabelText('State')).toHaveValue('')
  // A list typed into the address stays selected, as it is.
  expect(within(filters).getByLabelText('Agent')).toHaveValue('agent-1,agent-9')
  expect(within(filters).getByLabelText('Max score')).toHaveValue(80)
})

test('a header sorts on the server: the address and the request say how', async () => {
  const user = userEvent.setup()
  const rows = Array.from({ length: 60 }, (_, i) => buildReviewRow({ percent: i }))
  const calls = serveReviews(rows)
  const { router } = await renderRoute('/reviews?offset=50')
  const table = await screen.findByRole('table', { name: /^Reviews/ })
  expect(within(table).getByRole('columnheader', { name: /Updated/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  await user.click(within(table).getByRole('button', { name: 'Score' }))
  await waitFor(() =>
    expect(router.state.location.search).toEqual({ sort: 'score', order: 'desc' }),
  )
  await waitFor(() => expect(calls.at(-1)?.search.get('sort')).toBe('score'))
  expect(calls.at(-1)?.search.get('order')).toBe('desc')
  expect(calls.at(-1)?.search.get('offset')).toBe('0')
  expect(
    await screen.findByRole('table', { name: 'Reviews, sorted by score, descending' }),
  ).toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'Score' }))
  await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'score', order: 'asc' }))
  await user.click(screen.getByRole('button', { name: 'Agent' }))
  await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'agent', order: 'asc' }))
  expect(screen.getByRole('columnheader', { name: 'Agent' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  // Conversation and State do not sort.
  expect(
    within(screen.getByRole('table')).queryByRole('button', { name: /Conversation|State/ }),
  ).toBeNull()
})

test('Next and Previous page through the reviews with the total', async () => {
  const user = userEvent.setup()
  const rows = Array.from({ length: 120 }, (_, i) =>
    buildReviewRow({ conversationId: `conv-page-${String(i + 1)}`, updatedAt: REVIEWED - i }),
  )
  const calls = serveReviews(rows)
  const { router } = await renderRoute('/reviews?state=submitted')
  expect(await screen.findByText('120 reviews match')).toBeInTheDocument()
  const pages = screen.getByRole('navigation', { name: 'Pages' })
  expect(pages).toHaveTextContent('1–50 of 120')
  await user.click(within(pages).getByRole('button', { name: /Next/ }))
  await waitFor(() => expect(pages).toHaveTextContent('51–100 of 120'))
  expect(router.state.location.search).toEqual({ state: 'submitted', offset: '50' })
  expect(calls.at(-1)?.search.get('offset')).toBe('50')
  expect(screen.getByRole('link', { name: /conv-page-51,/ })).toBeInTheDocument()
  await user.click(within(pages).getByRole('button', { name: /Previous/ }))
  await waitFor(() => expect(pages).toHaveTextContent('1–50 of 120'))
  expect(router.state.location.search).toEqual({ state: 'submitted' })
})

test('no reviews: the page says how to start one; with filters, that none match', async () => {
  serveReviews([])
  const { unmount } = await renderRoute('/reviews')
  expect(await screen.findByText(/No reviews yet/)).toBeInTheDocument()
  unmount()
  const { unmount: again } = await renderRoute('/reviews?state=draft')
  expect(await screen.findByText('No reviews match these filters.')).toBeInTheDocument()
  again()
  serveReviews([buildReviewRow()])
  await renderRoute('/reviews?state=submitted&offset=100')
  expect(await screen.findByText(/This page is past the last review/)).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Go to the first page' })).toHaveAttribute(
    'href',
    '/reviews?state=submitted',
  )
})

test('every signed-in reader has Reviews in the header; only an admin has Scorecards', async () => {
  serveReviews([])
  signedInAs(buildUser({ role: 'agent', name: 'Alice Agent' }))
  const { unmount } = await renderRoute('/reviews')
  const nav = await screen.findByRole('navigation', { name: 'Quality' })
  expect(within(nav).getByRole('link', { name: 'Reviews' })).toHaveAttribute('href', '/reviews')
  expect(within(nav).queryByRole('link', { name: 'Scorecards' })).toBeNull()
  unmount()
  signedInAs(buildUser({ role: 'admin' }))
  await renderRoute('/reviews')
  const adminNav = await screen.findByRole('navigation', { name: 'Quality' })
  expect(within(adminNav).getByRole('link', { name: 'Scorecards' })).toHaveAttribute(
    'href',
    '/scorecards',
  )
})
