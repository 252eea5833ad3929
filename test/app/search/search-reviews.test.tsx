import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import {
  ACCOUNT,
  buildRecord,
  buildSummary,
  lastCall,
  manyRecords,
  NOW,
  urlParams,
  useSearchApi,
  type ReviewApi,
} from './search-api'

/** Issue 13 on the search page: the review filters (URL, form, request, chips) and the Review column. */

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
  buildRecord({ id: 'conv-3', consumer: { firstName: 'Fay', lastName: 'Fox' } }),
]

const reviews: ReviewApi = {
  reviewers: [
    { email: 'priya@example.com', name: 'Priya Shah' },
    { email: 'quinn@example.com', name: 'Quinn Lee' },
  ],
  scorecards: [
    { id: 1, name: 'LivePerson messaging' },
    { id: 2, name: 'Sales chats' },
    { id: 3, name: 'Old card', archived: true },
  ],
}

/** The Review cell of the row whose link names `consumer`. */
function reviewCell(consumer: string): HTMLElement {
  const row = screen.getByRole('link', { name: new RegExp(consumer) }).closest('tr')
  if (!row) throw new Error(`no row for ${consumer}`)
  const headers = screen.getAllByRole('columnheader').map((header) => header.textContent)
  const cell = within(row).getAllByRole('cell')[headers.indexOf('Review')]
  if (!cell) throw new Error('no Review column')
  return cell
}

test('each review filter in the URL goes into the request as `review`, with the other filters', async () => {
  const calls = useSearchApi({ records, reviews })
  await renderRoute(
    '/conversations?status=CLOSE&q=refund&review=none&review=reviewed&scoreMin=60&scoreMax=100' +
      '&reviewer=priya@example.com&reviewer=local&scorecard=2&scorecard=7&disputed=true',
  )

  await screen.findByRole('link', { name: /Dana Doe/ })
  expect(lastCall(calls).body).toMatchObject({
    status: ['CLOSE'],
    keyword: 'refund',
    review: {
      status: ['none', 'reviewed'],
      minScore: 60,
      maxScore: 100,
      reviewer: ['priya@example.com', 'local'],
      scorecard: [2, 7],
      disputed: true,
    },
  })
  // The section shows what is set, with the choices the server lists.
  expect(screen.getByText('Review filters (5 active)')).toBeInTheDocument()
  expect(await screen.findByRole('checkbox', { name: 'Sales chats' })).toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Scorecard #7' })).toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Not reviewed' })).toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Draft' })).not.toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Only with an open dispute' })).toBeChecked()
  expect(screen.getByLabelText('Review score (0 to 100) from')).toHaveValue(60)
  const chosen = screen.getByRole('list', { name: 'Chosen reviewers' })
  expect(within(chosen).getByText('Priya Shah')).toBeInTheDocument()
  expect(within(chosen).getByText('local')).toBeInTheDocument()
})

test.each<[string, Record<string, unknown> | undefined]>([
  ['review=draft', { status: ['draft'] }],
  ['review=none,reviewed', { status: ['none', 'reviewed'] }],
  ['scoreMin=0', { minScore: 0 }],
  ['scoreMax=59.5', { maxScore: 59.5 }],
  ['reviewer=quinn@example.com', { reviewer: ['quinn@example.com'] }],
  ['scorecard=1,2', { scorecard: [1, 2] }],
  ['disputed=1', { disputed: true }],
  // Nothing valid: no `review` at all.
  ['review=maybe&scoreMin=101&scorecard=abc&scorecard=0&disputed=no', undefined],
  ['', undefined],
])('the link "?%s" asks for review %o', async (query, expected) => {
  const calls = useSearchApi({ records, reviews })
  await renderRoute(`/conversations?${query}`)
  await screen.findByRole('link', { name: /Dana Doe/ })
  const body = lastCall(calls).body
  if (expected) expect(body.review).toEqual(expected)
  else expect(body).not.toHaveProperty('review')
})

test('the review filters set in the form go to the URL and the request, and survive a reload', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records, reviews })
  const { router } = await renderRoute('/conversations?status=CLOSE')
  await screen.findByRole('link', { name: /Dana Doe/ })

  // Closed, the section loads nothing: no reviewer or scorecard list is asked for.
  expect(screen.queryByRole('checkbox', { name: 'Reviewed' })).toBeNull()
  await user.click(screen.getByText('Review filters'))
  await user.click(await screen.findByRole('checkbox', { name: 'Reviewed' }))
  await user.type(screen.getByLabelText('Review score (0 to 100) from'), '60')
  await user.type(screen.getByRole('combobox', { name: 'Reviewers' }), 'priya')
  await user.click(await screen.findByRole('option', { name: /Priya Shah/ }))
  await user.click(await screen.findByRole('checkbox', { name: 'LivePerson messaging' }))
  expect(screen.getByRole('checkbox', { name: 'Old card (archived)' })).toBeInTheDocument()
  await user.click(screen.getByRole('checkbox', { name: 'Only with an open dispute' }))
  await user.click(screen.getByRole('button', { name: 'Search' }))

  await waitFor(() =>
    expect(urlParams(router)).toEqual({
      status: ['CLOSE'],
      review: ['reviewed'],
      scoreMin: ['60'],
      reviewer: ['priya@example.com'],
      scorecard: ['1'],
      disputed: ['true'],
    }),
  )
  await waitFor(() =>
    expect(lastCall(calls).body.review).toEqual({
      status: ['reviewed'],
      minScore: 60,
      reviewer: ['priya@example.com'],
      scorecard: [1],
      disputed: true,
    }),
  )
  const searched = lastCall(calls).body
  expect(searched.status).toEqual(['CLOSE'])

  // Reload: the same request, and the form shows the filters (the section open).
  const href = router.state.location.href
  cleanup()
  const again = useSearchApi({ records, reviews })
  const reloaded = await renderRoute(href)
  await screen.findByRole('link', { name: /Dana Doe/ })
  expect(lastCall(again).body).toEqual(searched)
  expect(await screen.findByRole('checkbox', { name: 'Reviewed' })).toBeChecked()
  expect(screen.getByLabelText('Review score (0 to 100) from')).toHaveValue(60)
  expect(await screen.findByRole('checkbox', { name: 'LivePerson messaging' })).toBeChecked()
  expect(
    within(screen.getByRole('list', { name: 'Chosen reviewers' })).getByText('Priya Shah'),
  ).toBeInTheDocument()

  // Cleared: no `review` in the request at all.
  await user.click(screen.getByRole('button', { name: 'Clear filters' }))
  await waitFor(() => expect(urlParams(reloaded.router)).toEqual({}))
  await waitFor(() => expect(lastCall(again).body).not.toHaveProperty('review'))
})

test('back and forward bring the review filters back', async () => {
  const user = userEvent.setup()
  useSearchApi({ records, reviews })
  const { router } = await renderRoute('/conversations?review=none')
  await screen.findByRole('link', { name: /Dana Doe/ })
  const notReviewed = await screen.findByRole('checkbox', { name: 'Not reviewed' })
  expect(notReviewed).toBeChecked()

  await user.click(notReviewed)
  await user.click(screen.getByRole('checkbox', { name: 'Draft' }))
  await user.click(screen.getByRole('button', { name: 'Search' }))
  await waitFor(() => expect(urlParams(router)).toEqual({ review: ['draft'] }))

  router.history.back()
  await waitFor(() => expect(urlParams(router)).toEqual({ review: ['none'] }))
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Not reviewed' })).toBeChecked())
  expect(screen.getByRole('checkbox', { name: 'Draft' })).not.toBeChecked()
})

test('an inverted review score range is refused in the form before any request', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records, reviews })
  const { router } = await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })
  const before = calls.length

  await user.click(screen.getByText('Review filters'))
  await user.type(await screen.findByLabelText('Review score (0 to 100) from'), '90')
  await user.type(screen.getByLabelText('Review score (0 to 100) to'), '40')
  await user.click(screen.getByRole('button', { name: 'Search' }))

  expect(await screen.findByRole('alert')).toHaveTextContent('minimum must not be above')
  expect(
    screen.getByRole('group', { name: 'Review score (0 to 100)' }),
  ).toHaveAccessibleDescription('The minimum must not be above the maximum.')
  expect(urlParams(router)).toEqual({})
  expect(calls).toHaveLength(before)
})

test('a 400 about a review filter opens the section and shows the message at that field', async () => {
  useSearchApi({ records: [], reviews })
  server.use(
    http.post(`*/messaging_history/api/account/${ACCOUNT}/conversations/search`, () =>
      HttpResponse.json(
        {
          error: {
            status: 400,
            message: 'review.reviewer.0: at most 254 characters',
            field: 'review.reviewer.0',
          },
        },
        { status: 400 },
      ),
    ),
  )
  await renderRoute('/conversations?reviewer=someone')

  await screen.findByRole('alert')
  expect(await screen.findByRole('combobox', { name: 'Reviewers' })).toHaveAccessibleDescription(
    /review\.reviewer\.0: at most 254 characters/,
  )
})

test('an empty result lists the review filters among the active ones', async () => {
  useSearchApi({ records: [], reviews })
  await renderRoute(
    '/conversations?review=none&review=draft&scoreMin=60&scoreMax=100' +
      '&reviewer=priya@example.com&scorecard=2&scorecard=9&disputed=true' +
      '&failed=2:greeting&failed=9:tone',
  )

  const empty = await screen.findByRole('heading', { name: 'No conversations match these filters' })
  const panel = empty.parentElement ?? document.body
  // Scorecards by name once the list is there (an unknown ID as its number).
  expect(await within(panel).findAllByText(/Sales chats/)).toHaveLength(2)
  expect(
    within(panel)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([
    'Started: last 7 days',
    'Review: Not reviewed, Draft',
    'Review score: 60–100%',
    'Reviewer: priya@example.com',
    'Scorecard: Sales chats, #9',
    'Disputed: open disputes only',
    // A failing criterion from a QA chart's link, with its scorecard's name.
    'Failing criterion: greeting (Sales chats), tone (#9)',
  ])
})

test('the Review column shows each row from one summary request per page', async () => {
  const user = userEvent.setup()
  const many = manyRecords(30)
  const calls = useSearchApi({
    records: many,
    reviews: {
      summaries: {
        'conv-002': { status: 'draft' },
        'conv-003': { status: 'reviewed', scores: [82] },
        'conv-004': { status: 'reviewed', scores: [64, 91.5, null], openDisputes: 1 },
        'conv-005': { status: 'reviewed', scores: [null] },
        'conv-027': { status: 'reviewed', scores: [100] },
      },
    },
  })
  await renderRoute('/conversations?pageSize=25')
  await screen.findByRole('link', { name: /Consumer 1$/ })

  await waitFor(() => expect(reviewCell('Consumer 3$')).toHaveTextContent(/^Reviewed82%$/))
  expect(reviewCell('Consumer 1$')).toHaveTextContent('Not reviewed')
  expect(reviewCell('Consumer 2$')).toHaveTextContent(/^Draft$/)
  expect(reviewCell('Consumer 4$')).toHaveTextContent(/^Reviewed64%lowest of 3Disputed, 1 open$/)
  expect(reviewCell('Consumer 5$')).toHaveTextContent(/^Reviewed$/)
  // One request for the 25 rows of the page.
  expect(calls.summaries).toEqual([
    many.slice(0, 25).map((_, index) => `conv-${String(index + 1).padStart(3, '0')}`),
  ])

  await user.click(screen.getByRole('button', { name: /^Next/ }))
  await screen.findByRole('link', { name: /Consumer 27$/ })
  await waitFor(() => expect(reviewCell('Consumer 27$')).toHaveTextContent(/^Reviewed100%$/))
  expect(calls.summaries).toHaveLength(2)
  expect(calls.summaries[1]).toEqual(['conv-026', 'conv-027', 'conv-028', 'conv-029', 'conv-030'])
})

test('while the summaries load the cells show a placeholder', async () => {
  let answer: (() => void) | undefined
  useSearchApi({ records, reviews })
  server.use(
    http.post('*/api/reviews/summary', async () => {
      await new Promise<void>((resolve) => (answer = resolve))
      return HttpResponse.json({
        summaries: { 'conv-1': buildSummary({ status: 'reviewed', scores: [75] }) },
      })
    }),
  )
  await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })

  await waitFor(() => expect(answer).toBeDefined())
  expect(reviewCell('Dana Doe')).toHaveTextContent('Loading review status')
  answer?.()
  await waitFor(() => expect(reviewCell('Dana Doe')).toHaveTextContent(/^Reviewed75%$/))
  expect(reviewCell('Eli Eck')).toHaveTextContent('Not reviewed')
})

test('when the summaries fail the column says so once and the table still works', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({
    records,
    reviews: { summaryError: { status: 503, message: 'The workspace database is busy' } },
  })
  await renderRoute('/conversations')
  // The rows and their links are all there.
  expect(await screen.findByRole('link', { name: /Dana Doe/ })).toHaveAttribute(
    'href',
    '/conversations/conv-1',
  )

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent(
    'Review status could not be loaded: The workspace database is busy',
  )
  expect(screen.getAllByRole('alert')).toHaveLength(1)
  expect(reviewCell('Dana Doe')).toHaveTextContent('Review status unavailable')
  expect(reviewCell('Eli Eck')).toHaveTextContent('Review status unavailable')

  // Retry asks again (once for the page) and fills the column.
  const retried = useSearchApi({
    records,
    reviews: { summaries: { 'conv-2': { status: 'draft' } } },
  })
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  await waitFor(() => expect(reviewCell('Eli Eck')).toHaveTextContent('Draft'))
  expect(screen.queryByRole('alert')).toBeNull()
  expect(calls.summaries).toHaveLength(1)
  expect(retried.summaries).toEqual([['conv-1', 'conv-2', 'conv-3']])
  expect(retried).toHaveLength(0)
})

test('the Review column can be hidden, and then nothing is asked about reviews', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records, reviews })
  await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })
  await waitFor(() => expect(calls.summaries).toHaveLength(1))

  await user.click(screen.getByRole('button', { name: 'Columns' }))
  await user.click(screen.getByRole('checkbox', { name: 'Review' }))
  expect(screen.queryByRole('columnheader', { name: 'Review' })).toBeNull()

  cleanup()
  const again = useSearchApi({ records, reviews })
  await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Dana Doe/ })
  await waitFor(() => expect(again).toHaveLength(1))
  expect(screen.queryByRole('columnheader', { name: 'Review' })).toBeNull()
  expect(again.summaries).toEqual([])
})
