import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { z } from 'zod'
import { renderRoute } from '../render-route'
import { mockDetail, SEED_ID, seed, simpleRecord, useUtc } from './conversation-fixtures'

function fact(label: string): HTMLElement {
  const header = screen.getByRole('region', { name: /^Conversation/ })
  const term = within(header).getByText(label, { selector: 'dt' })
  const value = term.nextElementSibling
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return value
}

test('a deep link opens the conversation at a glance, loaded by ID with every section', async () => {
  useUtc()
  const calls = mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}`)

  expect(
    await screen.findByRole('heading', { level: 1, name: `Conversation ${SEED_ID}` }),
  ).toBeInTheDocument()
  const body = z
    .object({ conversationId: z.string(), contentToRetrieve: z.array(z.string()) })
    .parse(calls.bodies[0])
  expect(body.conversationId).toBe(SEED_ID)
  for (const section of [
    'messageRecords',
    'transfers',
    'sdes',
    'unAuthSdes',
    'latestAgentSurvey',
  ]) {
    expect(body.contentToRetrieve).toContain(section)
  }

  expect(fact('Started')).toHaveTextContent('2016-08-29 14:30:24')
  expect(fact('Ended')).toHaveTextContent('Not ended')
  expect(fact('Duration')).toHaveTextContent('1 min 19 s')
  expect(fact('Channel')).toHaveTextContent('APP')
  expect(fact('Browser')).toHaveTextContent('chrome')
  expect(fact('Latest agent')).toHaveTextContent('michal@lp.com')
  expect(fact('Skill')).toHaveTextContent('Unassigned')
  expect(fact('Group')).toHaveTextContent('Unassigned')
  expect(fact('MCS')).toHaveTextContent('67 / 100')
  expect(fact('Alerted MCS')).toHaveTextContent('Positive')
  expect(fact('CSAT')).toHaveTextContent('5 / 5')
  expect(fact('Transfers')).toHaveTextContent('2')
  expect(screen.getByText('Open')).toBeInTheDocument()
  expect(screen.getByText(/Closed by agent \(Manual close\)/)).toBeInTheDocument()
})

test('status, close reason, channel and device, NPS/FCR and response times from the messages', async () => {
  useUtc()
  mockDetail([
    simpleRecord(
      'conv-metrics',
      [
        { from: 'consumer', at: 0, text: 'Hi, my bill is wrong' },
        { from: 'agent', at: 30, text: 'Let me look' },
        { from: 'consumer', at: 60, text: 'Thanks' },
        { from: 'agent', at: 150, text: 'Fixed it' },
      ],
      {
        info: { firstIntentLabel: 'Billing question' },
        uniqueIntents: [
          { intentName: 'billing', intentLabel: 'Billing question' },
          { intentName: 'refund', intentLabel: 'Refund' },
        ],
        conversationSurveys: [
          {
            surveyType: 'PostSurvey',
            surveyStatus: 'FILLED',
            surveyData: [
              { question: 'Recommend us?', answer: '9', questionType: 'nps' },
              { question: 'Resolved?', answer: 'Yes', questionType: 'fcr' },
            ],
          },
        ],
      },
    ),
  ])
  await renderRoute('/conversations/conv-metrics')
  await screen.findByRole('heading', { level: 1, name: 'Conversation conv-metrics' })

  expect(screen.getByText('Closed')).toBeInTheDocument()
  expect(screen.getByText(/Closed by consumer \(Manual close\)/)).toBeInTheDocument()
  expect(fact('Ended')).toHaveTextContent('2026-11-27 14:10:00')
  expect(fact('Duration')).toHaveTextContent('10 min 00 s')
  expect(fact('Channel')).toHaveTextContent('SHARK')
  expect(fact('Device')).toHaveTextContent('DESKTOP')
  expect(fact('Browser')).toHaveTextContent('Chrome 130')
  expect(fact('Operating system')).toHaveTextContent('MAC_OSX')
  expect(fact('Latest agent')).toHaveTextContent('Alice Agent (alice@example.com)')
  expect(fact('Skill')).toHaveTextContent('Billing')
  expect(fact('Group')).toHaveTextContent('Tier 1')
  expect(fact('NPS')).toHaveTextContent('9 / 10')
  expect(fact('FCR')).toHaveTextContent('Yes')
  expect(fact('First intent')).toHaveTextContent('Billing question')
  const intents = screen.getByRole('list', { name: 'Unique intents' })
  expect(
    within(intents)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Billing question', 'Refund'])
  expect(fact('Agents')).toHaveTextContent('1')
  expect(fact('Transfers')).toHaveTextContent('0')
  // First wait 30 s, second 90 s: the average is one minute.
  expect(fact('First agent response')).toHaveTextContent('30 s')
  expect(fact('Average agent response')).toHaveTextContent('1 min 00 s')
  // No survey with CSAT and no info.csat: no CSAT fact at all.
  expect(screen.queryByText('CSAT', { selector: 'dt' })).not.toBeInTheDocument()
})

test('the copy button puts the conversation ID on the clipboard and says so', async () => {
  const user = userEvent.setup()
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}`)
  await user.click(await screen.findByRole('button', { name: 'Copy conversation ID' }))
  expect(await navigator.clipboard.readText()).toBe(SEED_ID)
  expect(screen.getByText('Copied')).toBeInTheDocument()
})

test('the campaign and engagement details fold open on demand', async () => {
  const user = userEvent.setup()
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}`)
  const summary = await screen.findByText('Campaign and engagement')
  const details = summary.closest('details')
  expect(details).not.toHaveAttribute('open')
  expect(screen.getByText('Live_Chat_on_your_site (2266771712)')).not.toBeVisible()
  await user.click(summary)
  expect(details).toHaveAttribute('open')
  expect(screen.getByText('Live_Chat_on_your_site (2266771712)')).toBeVisible()
  expect(screen.getByText('Engagement-123 (2330596212)')).toBeVisible()
  expect(screen.getByText('lob_123 (2389848512)')).toBeVisible()
  expect(screen.getByText('Entire site (2266779612)')).toBeVisible()
  expect(screen.getByText('agent-note-test-messaging')).toBeVisible()
})
