import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { captureDownloads } from '../capture-downloads'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { MAR_1, MAR_2, MAR_3, noSdeValuesHandler, withInsightsClock, WINDOW } from './insights-api'
import { lastCall, urlParams, useSearchApi } from './search-api'

/**
 * Issue 15's QA charts on the Insights tab: QA score by reviewed agent over time and the criteria
 * that fail most, their request, links (the search narrowed to the mark's review keys), tables,
 * CSV, and what they say when there are no reviews.
 */

withInsightsClock()

const INSIGHTS = {
  total: 9,
  volume: {
    unit: 'day',
    buckets: [{ from: MAR_1, to: MAR_3 - 1, total: 9, byStatus: { CLOSE: 9 }, byChannel: {} }],
  },
  mcs: {
    buckets: Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 9,
      count: 0,
    })),
    none: 9,
  },
  csat: { values: [1, 2, 3, 4, 5].map((value) => ({ value, count: 0 })), none: 9 },
  devices: { values: [], unknown: 9 },
  channels: { values: [], unknown: 9 },
  closeReasons: { values: [], none: 9 },
  transfers: { counts: [], none: 9, paths: [] },
  replies: { agents: [], skills: [] },
}

const REVIEWS = {
  reviewed: 5,
  reviews: 6,
  scores: {
    unit: 'day',
    periods: [
      { from: MAR_1, to: MAR_2 - 1 },
      { from: MAR_2, to: MAR_3 - 1 },
    ],
    agents: [
      {
        agentId: 'a-alice',
        name: 'Alice Agent',
        conversations: 3,
        reviews: 4,
        average: 72.5,
        points: [
          { period: 0, conversations: 2, reviews: 3, average: 80 },
          { period: 1, conversations: 1, reviews: 1, average: 50 },
        ],
      },
      {
        agentId: 'constructor',
        conversations: 2,
        reviews: 2,
        average: null,
        points: [{ period: 1, conversations: 2, reviews: 2, average: null }],
      },
    ],
    otherAgents: 1,
  },
  failing: {
    criteria: [
      {
        scorecard: 4,
        scorecardName: 'LivePerson messaging',
        criterion: 'greeting',
        name: 'Greeting',
        conversations: 3,
        reviews: 3,
      },
      {
        scorecard: 7,
        scorecardName: 'Sales',
        criterion: 'greeting',
        name: 'Greeting',
        conversations: 1,
        reviews: 2,
      },
    ],
    otherCriteria: 0,
  },
}

interface Call {
  search: Record<string, unknown>
  zone: string
}

function useInsightsApi(reviews: () => Response = () => HttpResponse.json(REVIEWS)) {
  const calls: Call[] = []
  server.use(
    http.post('*/api/insights', () => HttpResponse.json(INSIGHTS)),
    noSdeValuesHandler(),
    http.post('*/api/insights/reviews', async ({ request }) => {
      calls.push((await request.json()) as Call)
      return reviews()
    }),
  )
  return calls
}

function paramsOf(href: string | null, router: Parameters<typeof urlParams>[0]) {
  const url = new URL(href ?? '', 'http://localhost')
  return urlParams({ options: router.options, state: { location: { searchStr: url.search } } })
}

test('the QA charts ask for the same search in the reader’s zone and link each mark to its slice', async () => {
  const listCalls = useSearchApi()
  const calls = useInsightsApi()
  const { router, container } = await renderRoute(
    `/conversations?view=insights&status=CLOSE&reviewer=priya@example.com&${WINDOW}`,
  )
  expect(await screen.findByRole('heading', { name: 'QA score by agent' })).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: 'Criteria that fail most' })).toBeInTheDocument()
  expect(calls[0]).toMatchObject({
    search: { status: ['CLOSE'], review: { reviewer: ['priya@example.com'] } },
    zone: 'UTC',
  })
  expect(screen.getByText(/1 more agent has fewer reviews/)).toBeInTheDocument()

  const marks = [...container.querySelectorAll('svg a')]
  const mark = (name: string) =>
    marks.find((link) => link.firstElementChild?.getAttribute('aria-label') === name)
  const dot = mark('Alice Agent, day of 2026-03-01: 80% over 3 reviews (2 conversations)')
  expect(paramsOf(dot?.getAttribute('href') ?? null, router)).toMatchObject({
    status: ['CLOSE'],
    reviewer: ['priya@example.com'],
    review: ['reviewed'],
    reviewedAgent: ['a-alice'],
    from: [new Date(MAR_1).toISOString()],
    to: [new Date(MAR_2 - 1).toISOString()],
  })
  // A point with no score (every criterion not applicable) has no dot; it is in the table.
  expect(
    marks.some((link) =>
      /^constructor/.test(link.firstElementChild?.getAttribute('aria-label') ?? ''),
    ),
  ).toBe(false)

  // Two criteria of one name are told apart by their scorecard; the bar names the criterion.
  const bar = mark('Greeting (Sales), Sales: fails in 1 conversation')
  expect(paramsOf(bar?.getAttribute('href') ?? null, router)).toMatchObject({
    review: ['reviewed'],
    failed: ['7:greeting'],
    from: [new Date(MAR_1).toISOString()],
  })

  // A click opens the list in the app, with the review filter the mark stands for.
  if (!dot) throw new Error('no dot')
  await userEvent.setup().click(dot)
  await waitFor(() => {
    expect(urlParams(router)).toMatchObject({ reviewedAgent: ['a-alice'], review: ['reviewed'] })
  })
  await waitFor(() => {
    expect(listCalls.length).toBeGreaterThan(0)
  })
  expect(lastCall(listCalls).body).toMatchObject({
    status: ['CLOSE'],
    start: { from: MAR_1 },
    review: { status: ['reviewed'], reviewer: ['priya@example.com'], agent: ['a-alice'] },
  })
})

test('a failing criterion in the URL is in the list request, the form shows it and can remove it', async () => {
  const listCalls = useSearchApi({ reviews: { scorecards: [{ id: 7, name: 'Sales' }] } })
  useInsightsApi()
  const user = userEvent.setup()
  const { router } = await renderRoute(
    `/conversations?review=reviewed&failed=7:greeting&reviewedAgent=a-alice&${WINDOW}`,
  )
  await waitFor(() => {
    expect(listCalls.length).toBeGreaterThan(0)
  })
  expect(lastCall(listCalls).body).toMatchObject({
    review: {
      status: ['reviewed'],
      agent: ['a-alice'],
      failedCriterion: [{ scorecard: 7, criterion: 'greeting' }],
    },
  })
  // The review filters' summary counts them (status, agent, criterion), and they are shown.
  expect(screen.getByText('Review filters (3 active)')).toBeInTheDocument()
  const chosen = await screen.findByRole('list', { name: 'Chosen reviewed agents' })
  expect(within(chosen).getByText('a-alice')).toBeInTheDocument()
  const failed = await screen.findByRole('checkbox', { name: 'greeting (Sales)' })
  expect(failed).toBeChecked()
  await user.click(failed)
  await user.click(screen.getByRole('button', { name: 'Search' }))
  await waitFor(() => {
    expect(urlParams(router).failed).toBeUndefined()
  })
  expect(urlParams(router)).toMatchObject({ reviewedAgent: ['a-alice'] })
})

test('the tables have every number with links, and each chart downloads as CSV', async () => {
  useSearchApi()
  useInsightsApi()
  const downloads = captureDownloads()
  const user = userEvent.setup()
  await renderRoute(`/conversations?view=insights&${WINDOW}`)

  const scores = (await screen.findByRole('heading', { name: 'QA score by agent' })).closest(
    'section',
  )
  if (!scores) throw new Error('no scores card')
  const table = within(scores).getByRole('table', { name: 'QA score by agent' })
  expect(
    within(table)
      .getAllByRole('row')
      .map((row) => row.textContent),
  ).toEqual([
    'AgentDayAverage scoreReviewsConversations',
    'Alice AgentAll72.5%43',
    'Alice Agent2026-03-0180%32',
    'Alice Agent2026-03-0250%11',
    'constructorAll–22',
    'constructor2026-03-02–22',
  ])
  expect(within(table).getAllByRole('link')).toHaveLength(5)

  await user.click(within(scores).getByRole('button', { name: 'Download CSV' }))
  const failing = screen
    .getByRole('heading', { name: 'Criteria that fail most' })
    .closest('section')
  if (!failing) throw new Error('no failing card')
  await user.click(within(failing).getByRole('button', { name: 'Download CSV' }))
  expect(downloads.map((d) => d.fileName)).toEqual([
    'qa-score-by-agent-per-day.csv',
    'qa-failing-criteria.csv',
  ])
  const text = (await downloads[1]?.text)?.replace(/^\uFEFF/, '')
  expect(text?.split(/\r?\n/).filter(Boolean)).toEqual([
    'Criterion,Scorecard,Conversations,Failing reviews',
    'Greeting (LivePerson messaging),LivePerson messaging,3,3',
    'Greeting (Sales),Sales,1,2',
  ])
})

test('with no reviews the cards say so plainly; a refused request shows the reason', async () => {
  useSearchApi()
  useInsightsApi(() =>
    HttpResponse.json({
      ...REVIEWS,
      reviewed: 0,
      reviews: 0,
      scores: { ...REVIEWS.scores, agents: [], otherAgents: 0 },
      failing: { criteria: [], otherCriteria: 0 },
    }),
  )
  await renderRoute(`/conversations?view=insights&${WINDOW}`)
  const plain = await screen.findAllByText(/No submitted reviews of these conversations/)
  expect(plain).toHaveLength(2)
  expect(screen.queryByRole('table', { name: 'QA score by agent' })).toBeNull()
  cleanup()

  useInsightsApi(() =>
    HttpResponse.json(
      { error: { status: 503, message: 'QA insights need the workspace database' } },
      { status: 503 },
    ),
  )
  await renderRoute(`/conversations?view=insights&${WINDOW}`)
  expect(await screen.findByText(/The review charts could not be counted/)).toHaveTextContent(
    /workspace database/,
  )
})
