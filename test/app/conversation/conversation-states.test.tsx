import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { allowConsoleError } from '../test-guards'
import { ACCOUNT, mockConfig, mockDetail, SEED_ID, seed } from './conversation-fixtures'

const BY_ID = `*/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`

test('an unknown ID shows "Conversation not found" with the ID and a way back to the search', async () => {
  mockDetail([seed()])
  await renderRoute('/conversations/no-such-conversation')
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Conversation not found' }),
  ).toBeInTheDocument()
  expect(screen.getByText('no-such-conversation')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Back to the conversation search' })).toHaveAttribute(
    'href',
    '/conversations',
  )
})

test('a server error shows its message and Retry loads the conversation', async () => {
  // React reports the error its boundary caught; that is the state under test.
  allowConsoleError(/LivePerson is unavailable/)
  const user = userEvent.setup()
  mockConfig()
  let fail = true
  server.use(
    http.post(BY_ID, () =>
      fail
        ? HttpResponse.json(
            { error: { status: 503, message: 'LivePerson is unavailable' } },
            { status: 503 },
          )
        : HttpResponse.json({ conversationHistoryRecords: [seed()] }),
    ),
  )
  await renderRoute(`/conversations/${SEED_ID}`)
  expect(
    await screen.findByRole('heading', { name: 'The conversation could not be loaded' }),
  ).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent(
    'The server answered 503: LivePerson is unavailable',
  )

  fail = false
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(
    await screen.findByRole('heading', { level: 1, name: `Conversation ${SEED_ID}` }),
  ).toBeInTheDocument()
})

test('a network failure says the server could not be reached', async () => {
  allowConsoleError(/Failed to fetch/)
  mockConfig()
  server.use(http.post(BY_ID, () => HttpResponse.error()))
  await renderRoute(`/conversations/${SEED_ID}`)
  expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached')
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
})

test('a partial record and a section that failed to parse are named; the rest still renders', async () => {
  const user = userEvent.setup()
  const record = seed()
  record.info = { ...(record.info as object), isPartial: true }
  record.transfers = 'not a list'
  record.coBrowseSessions = { coBrowseSessionsList: [{ startTimeL: 'yesterday' }] }
  mockDetail([record])
  await renderRoute(`/conversations/${SEED_ID}`)

  const notice = await screen.findByRole('region', {
    name: 'Parts of this conversation may be incomplete',
  })
  expect(notice).toHaveTextContent('LivePerson marked this record as partial')
  expect(notice).toHaveTextContent('Could not read all of: transfers, coBrowseSessions')
  await user.click(within(notice).getByText('Details (2)'))
  expect(within(notice).getByText(/^transfers: expected an array/)).toBeVisible()

  // The rest of the page is there: the header and the panels.
  expect(screen.getByRole('heading', { level: 1, name: `Conversation ${SEED_ID}` })).toBeVisible()
  await user.click(screen.getByRole('tab', { name: /Transfers/ }))
  expect(screen.getByText('No transfers')).toBeInTheDocument()
  await user.click(screen.getByRole('tab', { name: /Participants/ }))
  expect(screen.getAllByText('michal@lp.com').length).toBeGreaterThan(0)
})

test('a complete record shows no incompleteness notice', async () => {
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}`)
  await screen.findByRole('heading', { level: 1, name: `Conversation ${SEED_ID}` })
  expect(
    screen.queryByRole('region', { name: 'Parts of this conversation may be incomplete' }),
  ).not.toBeInTheDocument()
})

test('a time no Date can hold does not break the page: the rest renders and the notice names it', async () => {
  const user = userEvent.setup()
  const record = seed()
  record.info = { ...(record.info as object), startTimeL: 9e15 }
  const messages = record.messageRecords as Record<string, unknown>[]
  messages[0] = { ...messages[0], timeL: -8.7e15 }
  mockDetail([record])
  await renderRoute(`/conversations/${SEED_ID}`)

  const notice = await screen.findByRole('region', {
    name: 'Parts of this conversation may be incomplete',
  })
  expect(notice).toHaveTextContent('info.startTimeL')
  await user.click(within(notice).getByText(/^Details/))
  expect(within(notice).getByText(/^info\.startTimeL: .*got 9000000000000000/)).toBeVisible()
  expect(
    within(notice).getByText(/^messageRecords\[0\]\.timeL: .*got -8700000000000000/),
  ).toBeVisible()
  expect(screen.getByRole('heading', { level: 1, name: `Conversation ${SEED_ID}` })).toBeVisible()
  // Every message is still in the transcript, the one without a time too.
  expect(screen.getByRole('heading', { name: 'Messages' }).parentElement).toHaveTextContent(
    String(messages.length),
  )
})
