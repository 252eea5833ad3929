import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, test } from 'vitest'
import { mockDetail, useUtc } from '../conversation/conversation-fixtures'
import { installLayout } from '../conversation/virtual-layout'
import { renderRoute } from '../render-route'
import {
  CONVERSATION,
  LINES,
  makeReview,
  messageId,
  mockReviewApi,
  twoLegRecord,
} from './review-fixtures'

beforeEach(() => {
  useUtc()
  mockDetail([twoLegRecord()])
  // The transcript is a virtual list: give every row a size so all of them render.
  return installLayout(10_000)
})

const REVIEW_ID = '00000000-0000-4000-8000-000000000001'
const transcriptItems = () =>
  within(screen.getByRole('list', { name: 'Transcript items' })).getAllByRole('listitem')
const panel = () => screen.getByRole('complementary', { name: 'Review' })
/** A criterion's card (its radios, note, evidence and disputes). */
const criterion = (name: string) => within(panel()).getByRole('listitem', { name })

test('"Start a review" picks the scorecard and the leg (the last human agent by default); the transcript marks exactly that leg', async () => {
  const user = userEvent.setup()
  const api = mockReviewApi()
  const { router } = await renderRoute(`/conversations/${CONVERSATION}?review=list`)
  expect(await within(panel()).findByText('No reviews of this conversation yet.')).toBeVisible()
  await user.click(within(panel()).getByRole('button', { name: 'Start a review' }))
  expect(router.state.location.search).toMatchObject({ review: 'new' })

  const legs = await within(panel()).findByRole('group', { name: 'Whom the review is for' })
  const [alice, bob] = within(legs).getAllByRole('radio')
  expect(bob).toBeChecked()
  expect(alice).not.toBeChecked()
  expect(within(legs).getByText('Bob Agent').closest('label')).toHaveTextContent(
    'agent · 4 messages',
  )
  // Only non-archived scorecards are offered.
  const scorecards = within(panel()).getByRole('combobox', { name: 'Scorecard' })
  expect(
    within(scorecards)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['Messaging QA (3 criteria)'])

  // While picking, the transcript marks the picked leg: Bob's stretch, consumer lines included.
  const inLeg = () =>
    transcriptItems()
      .filter((item) => within(item).queryByText('In this leg'))
      .map((item) => item.getAttribute('aria-label'))
  expect(inLeg()).toHaveLength(4)
  expect(inLeg().every((label) => label?.endsWith(', in this leg'))).toBe(true)
  await user.click(alice!)
  expect(inLeg()).toHaveLength(4)
  expect(inLeg()[0]).toMatch(/^Carol/)
  await user.click(bob!)

  await user.click(within(panel()).getByRole('button', { name: 'Start the review' }))
  await waitFor(() =>
    expect(router.state.location.search).toMatchObject({
      review: '00000000-0000-4000-8000-0000000000aa',
    }),
  )
  expect(api.bodies('POST /api/reviews')).toEqual([
    {
      conversationId: CONVERSATION,
      leg: { agentId: 'agent-b', agentName: 'Bob Agent', role: 'agent' },
      scorecardId: 7,
    },
  ])
  expect(await within(panel()).findByRole('group', { name: 'Greeting' })).toBeVisible()
  // Exactly Bob's leg: the messages from +300 s on.
  const marked = transcriptItems()
    .filter((item) => within(item).queryByText('In this leg'))
    .map((item) => item.textContent)
  expect(marked).toHaveLength(4)
  LINES.slice(4).forEach((line, i) => expect(marked[i]).toContain(line.text))
})

test('scoring with the keyboard: arrow keys, 1–5 and y/n; the live score and its rule; autosave sends the whole content with the revision', async () => {
  const user = userEvent.setup()
  const api = mockReviewApi([makeReview()])
  await renderRoute(`/conversations/${CONVERSATION}?review=${REVIEW_ID}`)
  const greeting = await within(panel()).findByRole('group', { name: 'Greeting' })
  expect(within(panel()).getByText(/^Score = sum of weight/)).toBeVisible()
  expect(within(panel()).getByText('Critical')).toBeVisible()
  expect(within(panel()).getByText('Weight 2')).toBeVisible()

  // Tab into the yes/no group; arrows move and choose; "y" chooses Yes.
  within(greeting).getByRole('radio', { name: 'Yes' }).focus()
  await user.keyboard('{ArrowRight}')
  expect(within(greeting).getByRole('radio', { name: 'No' })).toBeChecked()
  await user.keyboard('y')
  expect(within(greeting).getByRole('radio', { name: 'Yes' })).toBeChecked()
  expect(within(greeting).getByRole('radio', { name: 'Yes' })).toHaveFocus()

  const accuracy = criterion('Accuracy')
  within(accuracy).getByRole('radio', { name: '5' }).focus()
  await user.keyboard('4')
  expect(within(accuracy).getByRole('radio', { name: '4' })).toBeChecked()
  // (1×1 + 2×4/5) / 3 = 86.7 %
  expect(within(panel()).getByText('86.7%')).toBeVisible()
  expect(within(panel()).getByText(/2 of 3 scored · 1 unscored/)).toBeVisible()

  // A critical fail makes it 0.
  await user.keyboard('1')
  expect(within(panel()).getByText('0%')).toBeVisible()
  expect(within(panel()).getByText(/critical fail: 0/)).toBeVisible()
  await user.keyboard('3')

  const closing = criterion('Closing')
  await user.click(within(closing).getByRole('radio', { name: 'N/A' }))
  await user.click(within(closing).getByRole('button', { name: 'Add a note on Closing' }))
  await user.type(within(closing).getByRole('textbox', { name: 'Note on Closing' }), 'No close')

  expect(await within(panel()).findByText(/^Saved · /, {}, { timeout: 5000 })).toBeVisible()
  const puts = api.bodies('PUT /api/reviews/:id')
  // Debounced: one save for the whole burst of edits.
  expect(puts).toHaveLength(1)
  expect(puts[0]).toEqual({
    revision: 1,
    answers: { greeting: 'yes', accuracy: '3', closing: 'na' },
    notes: { closing: 'No close' },
    evidence: [],
    comment: '',
  })
  // The next save names the revision the first one made.
  await user.click(within(greeting).getByRole('radio', { name: 'No' }))
  await waitFor(() => expect(api.bodies('PUT /api/reviews/:id')).toHaveLength(2), {
    timeout: 5000,
  })
  expect(api.bodies('PUT /api/reviews/:id')[1]).toMatchObject({
    revision: 2,
    answers: { greeting: 'no' },
  })
})

test('evidence: two messages selected in the transcript are attached to a criterion as quotes with links', async () => {
  const user = userEvent.setup()
  const api = mockReviewApi([makeReview()])
  const { router } = await renderRoute(`/conversations/${CONVERSATION}?review=${REVIEW_ID}`)
  await within(panel()).findByRole('group', { name: 'Greeting' })

  await user.click(
    screen.getByRole('checkbox', { name: 'Select the message from Bob Agent at 14:05:20' }),
  )
  await user.click(
    screen.getByRole('checkbox', { name: 'Select the message from Bob Agent at 14:06:00' }),
  )
  expect(within(panel()).getByText('2 messages selected')).toBeVisible()
  await user.click(within(panel()).getByRole('button', { name: 'Attach to criterion…' }))
  const dialog = screen.getByRole('dialog', { name: 'Attach 2 selected messages to a criterion' })
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Criterion' }), 'Accuracy')
  await user.type(
    within(dialog).getByRole('textbox', { name: 'Comment (optional)' }),
    'Refund done right',
  )
  await user.click(within(dialog).getByRole('button', { name: 'Attach' }))

  const evidence = within(criterion('Accuracy')).getByRole('list', {
    name: 'Evidence for Accuracy',
  })
  expect(evidence).toHaveTextContent('Refund done right')
  expect(evidence).toHaveTextContent('Hi, Bob from billing here. I see the double charge.')
  const links = within(evidence).getAllByRole('link', { name: /Show in transcript/ })
  expect(links).toHaveLength(2)
  expect(links[0]).toHaveAttribute(
    'href',
    expect.stringContaining(`msg=${encodeURIComponent(messageId(4))}`),
  )
  // The selection is used up.
  expect(
    screen.getByRole('checkbox', { name: 'Select the message from Bob Agent at 14:05:20' }),
  ).not.toBeChecked()

  await waitFor(() => expect(api.bodies('PUT /api/reviews/:id')).toHaveLength(1), {
    timeout: 5000,
  })
  const [put] = api.bodies('PUT /api/reviews/:id') as { evidence: { id: string }[] }[]
  expect(put?.evidence[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
  expect(put?.evidence.map(({ id: _id, ...rest }) => rest)).toEqual([
    {
      criterionId: 'accuracy',
      comment: 'Refund done right',
      quotes: [
        {
          messageId: messageId(4),
          text: LINES[4]!.text,
          by: 'Bob Agent',
          time: Date.UTC(2026, 10, 27, 14, 5, 20),
        },
        {
          messageId: messageId(6),
          text: LINES[6]!.text,
          by: 'Bob Agent',
          time: Date.UTC(2026, 10, 27, 14, 6, 0),
        },
      ],
    },
  ])

  // A quote's link keeps the review open and marks the message.
  await user.click(links[1]!)
  expect(router.state.location.search).toMatchObject({ review: REVIEW_ID, msg: messageId(6) })
  expect(
    transcriptItems().find((item) => item.getAttribute('aria-current') === 'true'),
  ).toHaveTextContent(LINES[6]!.text)

  // Removable while editing; a comment on messages needs no criterion.
  await user.click(within(evidence).getByRole('button', { name: 'Remove evidence' }))
  expect(
    within(criterion('Accuracy')).queryByRole('list', { name: 'Evidence for Accuracy' }),
  ).toBeNull()
  await user.click(
    screen.getByRole('checkbox', { name: 'Select the message from Carol at 14:06:20' }),
  )
  await user.click(within(panel()).getByRole('button', { name: 'Comment on messages' }))
  const comment = screen.getByRole('dialog', { name: 'Comment on the selected message' })
  await user.type(within(comment).getByRole('textbox', { name: 'Comment' }), 'Happy customer')
  await user.click(within(comment).getByRole('button', { name: 'Add comment' }))
  expect(within(panel()).getByRole('list', { name: 'Comments on messages' })).toHaveTextContent(
    'Happy customer',
  )
})

test('shift-click selects a range of messages', async () => {
  const user = userEvent.setup()
  mockReviewApi([makeReview()])
  await renderRoute(`/conversations/${CONVERSATION}?review=${REVIEW_ID}`)
  await within(panel()).findByRole('group', { name: 'Greeting' })
  await user.click(screen.getByRole('checkbox', { name: /from Carol at 14:00:10/ }))
  await user.keyboard('{Shift>}')
  await user.click(screen.getByRole('checkbox', { name: /from Alice Agent at 14:02:00/ }))
  await user.keyboard('{/Shift}')
  expect(within(panel()).getByText('4 messages selected')).toBeVisible()
})

test('submitting with unscored criteria asks first; then the review is submitted', async () => {
  const user = userEvent.setup()
  const api = mockReviewApi([makeReview({ answers: { greeting: 'yes' } })])
  await renderRoute(`/conversations/${CONVERSATION}?review=${REVIEW_ID}`)
  await within(panel()).findByRole('group', { name: 'Greeting' })
  await user.click(within(panel()).getByRole('button', { name: 'Submit review' }))
  const dialog = screen.getByRole('dialog', { name: '2 criteria unscored: submit anyway?' })
  await user.click(within(dialog).getByRole('button', { name: 'Keep scoring' }))
  expect(api.bodies('POST /api/reviews/:id/submit')).toEqual([])

  await user.click(within(panel()).getByRole('button', { name: 'Submit review' }))
  await user.click(
    within(screen.getByRole('dialog', { name: /unscored/ })).getByRole('button', {
      name: 'Submit anyway',
    }),
  )
  expect(await within(panel()).findByText('Submitted')).toBeVisible()
  expect(api.bodies('POST /api/reviews/:id/submit')).toEqual([{ revision: 1 }])
  // Read-only now, until the author chooses to edit it.
  expect(within(panel()).queryByRole('radio')).toBeNull()
  expect(within(panel()).getByText('Yes')).toBeVisible()
  expect(within(panel()).getByRole('button', { name: 'Edit review' })).toBeVisible()
})

test('a 409 says who changed it and when, keeps the local edits until Reload takes the saved review', async () => {
  const user = userEvent.setup()
  const api = mockReviewApi([makeReview()])
  await renderRoute(`/conversations/${CONVERSATION}?review=${REVIEW_ID}`)
  const greeting = await within(panel()).findByRole('group', { name: 'Greeting' })
  api.conflictNextSave()
  // Someone else's save, on the server.
  api.reviews.set(REVIEW_ID, makeReview({ revision: 2, answers: { accuracy: '5' } }))

  await user.click(within(greeting).getByRole('radio', { name: 'No' }))
  const alert = await within(panel()).findByRole('alert', {}, { timeout: 5000 })
  expect(alert).toHaveTextContent('Changed by Priya Shah at 10:42:00: reload to see it')
  // Never overwritten, and the local edit stays.
  expect(within(greeting).getByRole('radio', { name: 'No' })).toBeChecked()
  await user.click(within(greeting).getByRole('radio', { name: 'Yes' }))
  await new Promise((resolve) => setTimeout(resolve, 1000))
  expect(api.bodies('PUT /api/reviews/:id')).toHaveLength(1)
  expect(within(panel()).getByRole('button', { name: 'Submit review' })).toBeDisabled()

  await user.click(within(alert).getByRole('button', { name: 'Reload' }))
  await waitFor(() => expect(within(panel()).queryByRole('alert')).toBeNull())
  expect(within(criterion('Greeting')).getByRole('radio', { name: 'Yes' })).not.toBeChecked()
  expect(within(criterion('Accuracy')).getByRole('radio', { name: '5' })).toBeChecked()
  // Saving works again, from the reloaded revision.
  await user.click(within(criterion('Greeting')).getByRole('radio', { name: 'Yes' }))
  await waitFor(() => expect(api.bodies('PUT /api/reviews/:id')).toHaveLength(2), {
    timeout: 5000,
  })
  expect(api.bodies('PUT /api/reviews/:id')[1]).toMatchObject({
    revision: 2,
    answers: { greeting: 'yes', accuracy: '5' },
  })
})

const submitted = (overrides: Parameters<typeof makeReview>[0] = {}) =>
  makeReview({
    state: 'submitted',
    submittedAt: Date.UTC(2026, 10, 27, 16),
    answers: { greeting: 'no', accuracy: '4', closing: 'good' },
    ...overrides,
  })

test('the agent reads the review, acknowledges it and disputes a criterion with a reason', async () => {
  const user = userEvent.setup()
  const api = mockReviewApi([
    submitted({
      can: { edit: false, acknowledge: true, dispute: true, resolve: false, discard: false },
    }),
  ])
  await renderRoute(`/conversations/${CONVERSATION}?review=${REVIEW_ID}`)
  const greeting = await within(panel()).findByRole('listitem', { name: 'Greeting' })
  expect(within(panel()).queryByRole('radio')).toBeNull()
  expect(within(greeting).getByText('No')).toBeVisible()
  // Nothing to select: the transcript has no checkboxes for a reader.
  expect(screen.queryByRole('checkbox')).toBeNull()

  await user.click(within(panel()).getByRole('button', { name: 'Acknowledge' }))
  expect(await within(panel()).findByText(/^Acknowledged by Bob Agent/)).toBeVisible()
  expect(api.bodies('POST /api/reviews/:id/acknowledge')).toEqual([{ revision: 1 }])

  await user.click(within(greeting).getByRole('button', { name: 'Dispute Greeting' }))
  await user.type(
    within(greeting).getByRole('textbox', { name: 'Why do you dispute "Greeting"?' }),
    'I greeted by name in my first line',
  )
  await user.click(within(greeting).getByRole('button', { name: 'Send dispute' }))
  expect(await within(greeting).findByText('Dispute open')).toBeVisible()
  expect(within(greeting).getByText('I greeted by name in my first line')).toBeVisible()
  expect(api.bodies('POST /api/reviews/:id/disputes')).toEqual([
    { revision: 2, criterionId: 'greeting', reason: 'I greeted by name in my first line' },
  ])
  // One open dispute per criterion.
  expect(within(greeting).queryByRole('button', { name: 'Dispute Greeting' })).toBeNull()
})

test('the reviewer accepts an open dispute with a new answer: the score changes', async () => {
  const user = userEvent.setup()
  const api = mockReviewApi([
    submitted({
      can: { edit: true, acknowledge: false, dispute: false, resolve: true, discard: false },
      disputes: [
        {
          id: 'd-1',
          criterionId: 'greeting',
          reason: 'I greeted by name',
          by: { email: 'bob@example.com', name: 'Bob Agent' },
          at: Date.UTC(2026, 10, 28, 9),
          state: 'open',
        },
      ],
    }),
  ])
  await renderRoute(`/conversations/${CONVERSATION}?review=${REVIEW_ID}`)
  const greeting = await within(panel()).findByRole('listitem', { name: 'Greeting' })
  expect(within(panel()).getByText('Disputed · 1 open')).toBeVisible()
  // (0 + 2×4/5 + 1) / 4 = 65 %
  expect(within(panel()).getByText('65%')).toBeVisible()
  expect(within(greeting).getByText('I greeted by name')).toBeVisible()

  await user.click(within(greeting).getByRole('button', { name: 'Accept…' }))
  await user.selectOptions(within(greeting).getByRole('combobox', { name: 'New answer' }), 'Yes')
  await user.type(within(greeting).getByRole('textbox', { name: 'Note (optional)' }), 'Fair')
  await user.click(within(greeting).getByRole('button', { name: 'Accept the dispute' }))

  expect(await within(greeting).findByText('Dispute accepted')).toBeVisible()
  expect(within(greeting).getByText(/Accepted by Rita Reviewer.*: No → Yes\. Fair/)).toBeVisible()
  expect(api.bodies('POST /api/reviews/:id/disputes/:disputeId')).toEqual([
    { revision: 1, decision: 'accept', note: 'Fair', answer: 'yes' },
  ])
  // (1 + 1.6 + 1) / 4 = 90 %
  expect(within(panel()).getByText('90%')).toBeVisible()
})

test('a review that does not exist (or is out of scope) says so', async () => {
  mockReviewApi([])
  await renderRoute(`/conversations/${CONVERSATION}?review=00000000-0000-4000-8000-00000000ffff`)
  expect(await within(panel()).findByRole('alert')).toHaveTextContent(
    'This review does not exist, or you may not see it.',
  )
})
