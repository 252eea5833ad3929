import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { Transcript } from '@/app/features/conversation/transcript/transcript'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'
import { installLayout } from './virtual-layout'

beforeEach(() => {
  window.localStorage.setItem('cv.timeZone', 'utc')
  return installLayout(5_000)
})
afterEach(() => {
  vi.restoreAllMocks()
})

// ---------------------------------------------------------------------------------------------
// Records

const T0 = Date.UTC(2026, 10, 27, 14, 0, 0)
const CONSUMER = 'consumer-1'

function record(
  texts: string[],
  sections: Record<string, unknown> = {},
  type = 'TEXT_PLAIN',
): ConversationRecord {
  const result = parseConversationRecord({
    info: { conversationId: 'conv-1', startTimeL: T0, status: 'CLOSE' },
    consumerParticipants: [{ participantId: CONSUMER, firstName: 'Anna', lastName: 'Smith' }],
    messageRecords: texts.map((text, seq) => ({
      type,
      messageData: { msg: { text } },
      messageId: `msg-${String(seq)}`,
      seq,
      participantId: CONSUMER,
      sentBy: 'Consumer',
      audience: 'ALL',
      timeL: T0 + seq * 10_000,
    })),
    ...sections,
  })
  if (!result.ok) throw new Error(result.reason)
  return result.record
}

function Page({ record }: { record: ConversationRecord }) {
  const [find, setFind] = useState('')
  return (
    <Transcript
      record={record}
      find={find}
      onFindChange={setFind}
      messageLink={(id) => `/conversations/conv-1?msg=${encodeURIComponent(id)}`}
    />
  )
}

const item = (name: string) => screen.getByRole('listitem', { name })
const findBox = () => screen.getByRole('searchbox', { name: 'Find in transcript' })
const currentMark = () => document.querySelector('mark[aria-current="true"]')

// ---------------------------------------------------------------------------------------------

describe('a long event', () => {
  // A transfer whose reason is a 50,500-character value, starting with markup.
  const reason = `<b>pasted</b> ${'x'.repeat(50_500)} END-OF-REASON`
  const detail = `Reason: ${reason}`
  const withTransfer = () =>
    record(['hello'], { transfers: [{ timeL: T0 + 5_000, targetSkillName: 'Billing', reason }] })

  test('shows the start of its detail and a "Show all" button that shows the rest', async () => {
    const user = userEvent.setup()
    const { container } = render(<Page record={withTransfer()} />)
    const transfer = item('Transfer, 14:00:05')
    expect(transfer).toHaveTextContent('Transferred to skill Billing')
    expect(transfer).toHaveTextContent('Reason: <b>pasted</b> xxx')
    expect(transfer).not.toHaveTextContent('END-OF-REASON')
    expect((transfer.textContent ?? '').length).toBeLessThan(1_000)
    expect(container.querySelector('b')).toBeNull()

    const showAll = within(transfer).getByRole('button', {
      name: `Show all (${detail.length.toLocaleString('en')} characters)`,
    })
    expect(detail.length).toBeGreaterThan(50_500)
    expect(showAll).toHaveAttribute('aria-expanded', 'false')
    await user.click(showAll)
    expect(transfer).toHaveTextContent('END-OF-REASON')
    expect(transfer).toHaveTextContent(detail)
    expect(container.querySelector('b')).toBeNull()

    const showLess = within(transfer).getByRole('button', { name: 'Show less' })
    expect(showLess).toHaveAttribute('aria-expanded', 'true')
    await user.click(showLess)
    expect(transfer).not.toHaveTextContent('END-OF-REASON')
  })

  test('find counts a match in the hidden part, and shows it when it is the current one', async () => {
    const user = userEvent.setup()
    render(<Page record={withTransfer()} />)
    const transfer = item('Transfer, 14:00:05')
    expect(transfer).not.toHaveTextContent('END-OF-REASON')
    await user.type(findBox(), 'end-of-reason')
    expect(screen.getByText('1 of 1')).toBeInTheDocument()
    expect(currentMark()).toHaveTextContent('END-OF-REASON')
    expect(currentMark()?.closest('[role="listitem"]')).toBe(transfer)
    expect(within(transfer).queryByRole('button', { name: /^Show all/ })).not.toBeInTheDocument()

    await user.clear(findBox())
    expect(transfer).not.toHaveTextContent('END-OF-REASON')
    expect(within(transfer).getByRole('button', { name: /^Show all/ })).toBeInTheDocument()
  })

  // The timeline already sums an SDE up in a few clipped fields (the full values are in the
  // engagement-attributes panel); this keeps it that way whatever the event row does.
  test('an engagement-attributes event with a 50,500-character value stays one short line', () => {
    const customerId = 'c'.repeat(50_500)
    render(
      <Page
        record={record(['hello'], {
          sdes: {
            events: [
              {
                customerInfo: {
                  serverTimeStamp: String(T0 + 5_000),
                  customerInfo: { customerId, companyBranch: 'North' },
                },
                sdeType: 'CUSTOMER_INFO',
                serverTimeStamp: String(T0 + 5_000),
              },
            ],
          },
        })}
      />,
    )
    const sde = item('Engagement attributes, 14:00:05')
    expect(sde).toHaveTextContent('Engagement attributes updated: Customer info (authenticated)')
    expect(sde).toHaveTextContent('companyBranch: North')
    expect((sde.textContent ?? '').length).toBeLessThan(600)
  })
})

test('no axe-core violations with a cut message and a cut event', async () => {
  const { container } = render(
    <Page
      record={record(['x'.repeat(60_000)], {
        transfers: [{ timeL: T0 + 5_000, targetSkillName: 'Billing', reason: 'y'.repeat(600) }],
      })}
    />,
  )
  expect(screen.getAllByRole('button', { name: /^Show all/ })).toHaveLength(2)
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  expect(result.violations.map((v) => v.id)).toEqual([])
})

describe('a 50,000-character message', () => {
  const tail = 'needle at the very end'
  const long = `needle first. ${'lorem ipsum '.repeat(5_000)}${tail}`

  test('shows its start and a "Show all" button; short messages have none', async () => {
    const user = userEvent.setup()
    render(<Page record={record([long, 'a short reply'])} />)
    const message = item('Anna Smith, consumer, 14:00:00')
    expect(long.length).toBeGreaterThan(50_000)
    expect(message).toHaveTextContent('needle first. lorem ipsum lorem ipsum')
    expect(message).not.toHaveTextContent(tail)
    expect((message.textContent ?? '').length).toBeLessThan(3_000)

    await user.click(
      within(message).getByRole('button', {
        name: `Show all (${long.length.toLocaleString('en')} characters)`,
      }),
    )
    expect(message).toHaveTextContent(tail)
    expect(within(message).getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )

    const short = item('Anna Smith, consumer, 14:00:10')
    expect(short).toHaveTextContent('a short reply')
    expect(within(short).queryByRole('button', { name: /^Show (all|less)/ })).toBeNull()
  })

  test('find counts matches in the whole text and expands it for a match in the hidden part', async () => {
    const user = userEvent.setup()
    render(<Page record={record([long, 'no match here'])} />)
    const message = item('Anna Smith, consumer, 14:00:00')
    await user.type(findBox(), 'needle')
    expect(screen.getByText('1 of 2')).toBeInTheDocument()
    expect(message).toHaveTextContent('2 matches')
    // The first match is in the part shown: the message stays cut.
    expect(currentMark()?.closest('[role="listitem"]')).toBe(message)
    expect(message).not.toHaveTextContent(tail)
    expect(within(message).getByRole('button', { name: /^Show all/ })).toBeInTheDocument()

    // The second is in the hidden part: the whole message shows, with the match marked.
    await user.keyboard('{Enter}')
    expect(screen.getByText('2 of 2')).toBeInTheDocument()
    expect(message).toHaveTextContent(tail)
    expect(currentMark()).toHaveTextContent('needle')
    expect(currentMark()?.nextSibling?.textContent).toBe(' at the very end')
    expect(within(message).queryByRole('button', { name: /^Show all/ })).toBeNull()

    // Back to the first: cut again.
    await user.keyboard('{Enter}')
    expect(screen.getByText('1 of 2')).toBeInTheDocument()
    expect(message).not.toHaveTextContent(tail)
  })
})

describe('a long HTML message', () => {
  const paragraphs = Array.from(
    { length: 120 },
    (_, i) => `<p>Paragraph ${String(i + 1)} of the terms.</p>`,
  )
  const html = `<p><b>Terms</b> start here.</p>${paragraphs.join('')}<p>needle at the very end</p>`
  const message = () => item('Anna Smith, consumer, 14:00:00')
  const body = () => within(message()).getByText('Terms').closest('[id]')

  test('shows its first lines and a "Show all" button; a short one has none', async () => {
    const user = userEvent.setup()
    render(<Page record={record([html, '<p>a <i>short</i> one</p>'], {}, 'TEXT_HTML')} />)
    // Cut by height, not by characters: the markup stays whole (formatting, links).
    expect(within(message()).getByText('Terms').tagName).toBe('B')
    expect(body()).toHaveClass('max-h-72', 'overflow-hidden')
    const showAll = within(message()).getByRole('button', {
      name: /^Show all \([\d,]+ characters\)$/,
    })
    const characters = Number(/[\d,]+/.exec(showAll.textContent ?? '')?.[0].replaceAll(',', ''))
    expect(characters).toBeGreaterThan(2_000)
    expect(characters).toBeLessThan(html.length)
    expect(showAll).toHaveAttribute('aria-expanded', 'false')
    expect(showAll).toHaveAttribute('aria-controls', body()?.id)

    await user.click(showAll)
    expect(body()).not.toHaveClass('max-h-72')
    const showLess = within(message()).getByRole('button', { name: 'Show less' })
    expect(showLess).toHaveAttribute('aria-expanded', 'true')
    await user.click(showLess)
    expect(body()).toHaveClass('max-h-72')

    const short = item('Anna Smith, consumer, 14:00:10')
    expect(within(short).getByText('short').tagName).toBe('I')
    expect(within(short).queryByRole('button', { name: /^Show (all|less)/ })).toBeNull()
  })

  test('shows whole while the current find match is in it', async () => {
    const user = userEvent.setup()
    render(<Page record={record([html, 'no match here'], {}, 'TEXT_HTML')} />)
    await user.type(findBox(), 'needle')
    expect(screen.getByText('1 of 1')).toBeInTheDocument()
    expect(currentMark()?.closest('[role="listitem"]')).toBe(message())
    expect(body()).not.toHaveClass('max-h-72')
    expect(within(message()).queryByRole('button', { name: /^Show all/ })).toBeNull()

    await user.clear(findBox())
    expect(body()).toHaveClass('max-h-72')
  })
})
