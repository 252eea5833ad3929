import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { renderRoute } from '../render-route'
import { mockDetail, SEED_ID, seed, simpleRecord, T0, useUtc } from './conversation-fixtures'

function panel(): HTMLElement {
  return screen.getByRole('tabpanel')
}

function factIn(container: HTMLElement, label: string): string[] {
  return within(container)
    .getAllByText(label, { selector: 'dt' })
    .map((term) => term.nextElementSibling?.textContent ?? '')
}

test('the panels are tabs; the open one follows the tab search param', async () => {
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=co-browse`)
  expect(await screen.findByRole('tab', { name: /Co-browse sessions/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  expect(screen.getByRole('tab', { name: /Participants/ })).toHaveAttribute(
    'aria-selected',
    'false',
  )
  expect(within(panel()).getByRole('heading', { level: 2 })).toHaveTextContent('Co-browse sessions')
})

test('a bad tab value falls back to the participants panel', async () => {
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=bogus`)
  expect(await screen.findByRole('tab', { name: /Participants/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  expect(within(panel()).getByRole('heading', { level: 2 })).toHaveTextContent('Participants')
})

test('clicking and arrow keys change the tab and the URL', async () => {
  const user = userEvent.setup()
  mockDetail([seed()])
  const { router } = await renderRoute(`/conversations/${SEED_ID}`)
  const participants = await screen.findByRole('tab', { name: /Participants/ })
  expect(participants).toHaveAttribute('aria-selected', 'true')

  await user.click(screen.getByRole('tab', { name: /Transfers/ }))
  expect(router.state.location.href).toBe(`/conversations/${SEED_ID}?tab=transfers`)
  expect(screen.getByRole('tab', { name: /Transfers/ })).toHaveFocus()

  await user.keyboard('{ArrowRight}')
  expect(screen.getByRole('tab', { name: /Co-browse/ })).toHaveAttribute('aria-selected', 'true')
  expect(screen.getByRole('tab', { name: /Co-browse/ })).toHaveFocus()
  await user.keyboard('{End}')
  expect(router.state.location.href).toBe(`/conversations/${SEED_ID}?tab=attributes`)
  expect(within(panel()).getByRole('heading', { level: 2 })).toHaveTextContent(
    'Engagement attributes',
  )
  await user.keyboard('{ArrowRight}')
  expect(screen.getByRole('tab', { name: /Participants/ })).toHaveAttribute('aria-selected', 'true')
  // The default tab is left out of the URL.
  expect(router.state.location.href).toBe(`/conversations/${SEED_ID}`)
})

test('participants: agents with login, role, permission, kind, group, join time; consumers', async () => {
  useUtc()
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=participants`)
  const agents = await screen.findByRole('list', { name: 'Agents' })
  const [agent] = within(agents).getAllByRole('listitem')
  if (!agent) throw new Error('no agent')
  expect(agent).toHaveTextContent('michal@lp.com')
  expect(within(agent).getByText('Human')).toBeInTheDocument()
  expect(factIn(agent, 'Login name')).toEqual(['michal@lp.com'])
  expect(factIn(agent, 'Role')).toEqual(['Agent'])
  expect(factIn(agent, 'Permission')).toEqual(['Assigned agent'])
  expect(factIn(agent, 'Group')).toEqual(['Unassigned'])
  expect(factIn(agent, 'Joined at')).toEqual(['2016-08-29 15:14:05'])

  const consumers = screen.getByRole('list', { name: 'Consumers' })
  const [consumer] = within(consumers).getAllByRole('listitem')
  if (!consumer) throw new Error('no consumer')
  expect(consumer).toHaveTextContent('Visitor Test')
  // "undefined" email and "0" phone mean none: not shown.
  expect(within(consumer).queryByText('Email')).not.toBeInTheDocument()
  expect(within(consumer).queryByText('Phone')).not.toBeInTheDocument()
})

test('a consumer with email and phone shows both', async () => {
  mockDetail([simpleRecord('c-1', [{ from: 'consumer', at: 0, text: 'hi' }])])
  await renderRoute('/conversations/c-1')
  const consumers = await screen.findByRole('list', { name: 'Consumers' })
  expect(factIn(consumers, 'Email')).toEqual(['carol@example.com'])
  expect(factIn(consumers, 'Phone')).toEqual(['+1 555 0100'])
  expect(consumers).toHaveTextContent('Carol Consumer')
})

test('transfers: time, from and to skill and agent, reason and who did it', async () => {
  useUtc()
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=transfers`)
  const list = await screen.findByRole('list', { name: 'Transfers' })
  const [first, second] = within(list).getAllByRole('listitem')
  if (!first || !second) throw new Error('expected two transfers')
  expect(factIn(first, 'Time')).toEqual(['2017-06-22 10:29:24'])
  expect(factIn(first, 'From')).toEqual(['skill Unassigned · michal1'])
  expect(factIn(first, 'To')).toEqual(['skill cats'])
  expect(factIn(first, 'Reason')).toEqual(['Transferred to a skill (Skill)'])
  expect(factIn(first, 'By')).toEqual(['michal1'])
  expect(factIn(second, 'From')).toEqual(['skill cats · michal'])
  expect(factIn(second, 'To')).toEqual(['skill lpsocial'])
})

test('co-browse sessions: times, duration, type, interactive, capabilities, end reason, agent', async () => {
  useUtc()
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=co-browse`)
  const list = await screen.findByRole('list', { name: 'Co-browse sessions' })
  const [first, second] = within(list)
    .getAllByRole('listitem', { name: '' })
    .filter((li) => li.parentElement === list)
  if (!first || !second) throw new Error('expected two sessions')
  expect(factIn(first, 'Start')).toEqual(['2017-09-25 07:48:42'])
  expect(factIn(first, 'End')).toEqual(['2017-09-25 07:50:01'])
  expect(factIn(first, 'Duration')).toEqual(['1 min 20 s'])
  expect(factIn(first, 'Type')).toEqual(['inApp'])
  expect(factIn(first, 'Interactive')).toEqual(['Yes'])
  expect(factIn(first, 'End reason')).toEqual(['Agent'])
  expect(factIn(first, 'Agent')).toEqual(['Agent 37084513'])
  expect(factIn(second, 'End reason')).toEqual(['Visitor'])
  const capabilities = within(second).getByRole('list', { name: 'Capabilities' })
  expect(
    within(capabilities)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Consumer video connection', 'Consumer voice connection', 'Agent app control'])
})

test('surveys: the conversation survey with every answer, and the agent surveys', async () => {
  useUtc()
  const record = seed()
  record.latestAgentSurvey = {
    surveyStatus: 'SUBMITTED',
    statusReason: 'SUBMITTED',
    acSurveyName: 'Agent wrap-up',
    performedByAgentName: 'michal',
    lastUpdateTime: T0,
    submittedAnswers: [
      { questionText: 'Contact reason', answers: [{ answer: 'Billing' }] },
      { questionText: 'Tags', answers: [{ answer: 'refund' }, { answer: 'vip' }] },
    ],
  }
  record.previouslySubmittedAgentSurveys = [
    { surveyStatus: 'SUBMITTED', acSurveyName: 'Old wrap-up', submittedAnswers: [] },
  ]
  mockDetail([record])
  await renderRoute(`/conversations/${SEED_ID}?tab=surveys`)
  const surveys = await screen.findByRole('list', { name: 'Conversation surveys' })
  expect(factIn(surveys, 'Type')).toEqual(['Satisfaction'])
  expect(factIn(surveys, 'Status')).toEqual(['Filled'])
  expect(factIn(surveys, 'Confirm Resolution')).toEqual(['Yes'])

  const current = panel()
  expect(factIn(current, 'Contact reason')).toEqual(['Billing'])
  expect(factIn(current, 'Tags')).toEqual(['refund, vip'])
  expect(factIn(current, 'Filled in by')).toEqual(['michal'])
  expect(factIn(current, 'Last updated')).toEqual(['2026-11-27 14:00:00'])
  const previous = screen.getByRole('list', { name: 'Previous agent surveys' })
  expect(previous).toHaveTextContent('Old wrap-up')
  expect(previous).toHaveTextContent('No answers submitted')
})

test('summary: the text and when it was last updated', async () => {
  useUtc()
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=summary`)
  const body = await screen.findByRole('tabpanel')
  expect(within(body).getByRole('heading', { name: 'Summary' })).toBeInTheDocument()
  expect(body).toHaveTextContent('summary')
  expect(body).toHaveTextContent('Last updated 2016-12-21 15:23:15')
})

test('every panel keeps its heading and says when it is empty', async () => {
  const user = userEvent.setup()
  const record = simpleRecord('empty-1', [{ from: 'consumer', at: 0, text: 'hi' }])
  delete record.agentParticipants
  delete record.consumerParticipants
  mockDetail([record])
  await renderRoute('/conversations/empty-1')
  const expected: [RegExp, string, string][] = [
    [/Participants/, 'Participants', 'No participants'],
    [/Transfers/, 'Transfers', 'No transfers'],
    [/Co-browse/, 'Co-browse sessions', 'No co-browse sessions'],
    [/Surveys/, 'Surveys', 'No surveys'],
    [/Summary/, 'Summary', 'No summary'],
    [/Engagement attributes/, 'Engagement attributes', 'No engagement attributes'],
  ]
  for (const [tab, heading, empty] of expected) {
    await user.click(await screen.findByRole('tab', { name: tab }))
    expect(within(panel()).getByRole('heading', { level: 2, name: heading })).toBeInTheDocument()
    expect(within(panel()).getByText(empty)).toBeInTheDocument()
  }
})
