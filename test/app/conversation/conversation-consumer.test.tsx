import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { ACCOUNT, mockDetail, simpleRecord, T0, useUtc } from './conversation-fixtures'

const CONSUMER_SEARCH = `*/messaging_history/api/account/${ACCOUNT}/conversations/consumer/search`

test("the consumer's other conversations load when asked for, each a link to its page", async () => {
  const user = userEvent.setup()
  useUtc()
  const current = simpleRecord('conv-now', [{ from: 'consumer', at: 0, text: 'hi' }])
  const earlier = simpleRecord('conv-earlier', [], {
    info: { startTimeL: T0 - 86_400_000, status: 'CLOSE' },
    summary: { text: 'Asked about a refund', lastUpdatedTime: T0 - 86_000_000 },
  })
  mockDetail([current, earlier])
  const bodies: unknown[] = []
  server.use(
    http.post(CONSUMER_SEARCH, async ({ request }) => {
      bodies.push(await request.json())
      return HttpResponse.json({
        _metadata: { count: 2 },
        conversationHistoryRecords: [current, earlier],
      })
    }),
  )
  await renderRoute('/conversations/conv-now')
  const summary = await screen.findByText('Other conversations of this consumer')
  expect(bodies).toEqual([])

  await user.click(summary)
  const link = await screen.findByRole('link', { name: '2026-11-26 14:00:00' })
  expect(link).toHaveAttribute('href', '/conversations/conv-earlier')
  const list = link.closest('ul')
  if (!list) throw new Error('no list')
  expect(within(list).getAllByRole('listitem')).toHaveLength(1)
  expect(list).toHaveTextContent('Asked about a refund')
  expect(bodies).toEqual([
    expect.objectContaining({ consumer: 'consumer-1', status: ['OPEN', 'CLOSE'] }),
  ])

  await user.click(link)
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Conversation conv-earlier' }),
  ).toBeInTheDocument()
})

test('a consumer with no other conversations is told so; a failed search can be retried', async () => {
  const user = userEvent.setup()
  const current = simpleRecord('conv-only', [{ from: 'consumer', at: 0, text: 'hi' }])
  mockDetail([current])
  let fail = true
  server.use(
    http.post(CONSUMER_SEARCH, () =>
      fail
        ? HttpResponse.json({ error: { status: 500, message: 'Archive busy' } }, { status: 500 })
        : HttpResponse.json({ conversationHistoryRecords: [current] }),
    ),
  )
  await renderRoute('/conversations/conv-only')
  await user.click(await screen.findByText('Other conversations of this consumer'))
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The consumer search failed: Archive busy',
  )
  fail = false
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(await screen.findByText('No other conversations of this consumer.')).toBeInTheDocument()
})
