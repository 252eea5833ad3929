import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { Transcript } from '@/app/features/conversation/transcript/transcript'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'
import seedResponse from '@/server/demo/seed-example.json' with { type: 'json' }
import { installLayout } from './virtual-layout'

beforeEach(() => {
  window.localStorage.setItem('cv.timeZone', 'utc')
})
afterEach(() => {
  vi.restoreAllMocks()
})

// ---------------------------------------------------------------------------------------------
// Records

function parse(raw: unknown): ConversationRecord {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.record
}

function seedRecord(): ConversationRecord {
  const copy: unknown = JSON.parse(JSON.stringify(seedResponse.conversationHistoryRecords[0]))
  return parse(copy)
}

const T0 = Date.UTC(2026, 10, 27, 14, 0, 0)
const CONSUMER = 'consumer-1'

interface Line {
  from: 'consumer' | 'agent'
  /** Seconds after T0. */
  at: number
  text?: string
  extra?: Record<string, unknown>
}

function wireRecord(lines: Line[], sections: Record<string, unknown> = {}): ConversationRecord {
  return parse({
    info: { conversationId: 'conv-1', startTimeL: T0, status: 'CLOSE' },
    consumerParticipants: [{ participantId: CONSUMER, firstName: 'Anna', lastName: 'Smith' }],
    agentParticipants: [
      { agentId: '100', agentFullName: 'Ben Agent', permission: 'ASSIGNED_AGENT', timeL: T0 },
    ],
    messageRecords: lines.map((line, seq) => ({
      type: 'TEXT_PLAIN',
      messageData: { msg: { text: line.text ?? `line ${String(seq)}` } },
      messageId: `msg-${String(seq)}`,
      seq,
      participantId: line.from === 'consumer' ? CONSUMER : '100',
      sentBy: line.from === 'consumer' ? 'Consumer' : 'Agent',
      audience: 'ALL',
      timeL: T0 + line.at * 1000,
      ...line.extra,
    })),
    ...sections,
  })
}

/** n messages, alternating consumer and agent, 30 s apart, each with its own number. */
function longRecord(n: number): ConversationRecord {
  const lines: Line[] = []
  for (let i = 0; i < n; i++) {
    lines.push({
      from: i % 2 === 0 ? 'consumer' : 'agent',
      at: i * 30,
      text: i === 2950 ? 'the needle is here' : `message number ${String(i)}`,
    })
  }
  const scores = [
    { messageId: 'msg-2900', mcs: 12, messageRawScore: -1, timeL: T0 + 2900 * 30_000 },
  ]
  return wireRecord(lines, { messageScores: scores })
}

/** The transcript as the page uses it: `find` lives in the URL, here in state. */
function Page({
  record,
  msg,
  initialFind = '',
  onFindChange,
}: {
  record: ConversationRecord
  msg?: string
  initialFind?: string
  onFindChange?: (text: string) => void
}) {
  const [find, setFind] = useState(initialFind)
  return (
    <main>
      <h1>Conversation</h1>
      <Transcript
        record={record}
        highlightMessageId={msg}
        find={find}
        onFindChange={(text) => {
          setFind(text)
          onFindChange?.(text)
        }}
        messageLink={(id) => `/conversations/conv-1?msg=${encodeURIComponent(id)}`}
      />
    </main>
  )
}

const list = () => screen.getByRole('list', { name: /^Transcript/ })
const items = () => within(list()).getAllByRole('listitem')

// ---------------------------------------------------------------------------------------------

describe('the seed example', () => {
  beforeEach(() => installLayout(10_000))

  test('one list merges messages and events; items announce speaker, role and time', () => {
    render(<Page record={seedRecord()} />)
    expect(screen.getByRole('heading', { level: 2, name: 'Messages' })).toBeInTheDocument()
    const consumer = screen.getByRole('listitem', { name: 'Visitor Test, consumer, 15:14:19' })
    expect(consumer).toHaveTextContent('Hi there #4')
    expect(consumer).toHaveTextContent('Accepted 15:14:19 · Read 15:15:58')
    expect(consumer).toHaveTextContent('MCS 0 · negative · message score 0')
    const agent = screen.getByRole('listitem', { name: 'michal@lp.com, agent, 15:14:19' })
    expect(agent).toHaveTextContent('Bot intent: some intent identifier · MEDIUM · 75%')

    const texts = items().map((item) => item.textContent)
    const at = (text: string) => texts.findIndex((t) => t?.includes(text))
    expect(at('Assigned to michal@lp.com')).toBeLessThan(at('Hi there #4'))
    expect(at('Hi there #4')).toBeLessThan(at('Hi there, dear consumer!'))
    expect(at('I love your service')).toBeLessThan(
      at('Transferred from michal1 (skill Unassigned) to skill cats'),
    )
    expect(at('Co-browse ended by visitor')).toBeLessThan(at('Consumer waited'))
    expect(at('Consumer waited')).toBe(at('Survey submitted: Satisfaction') - 2)
    expect(texts).toContain('2017-06-22')
  })

  test('who owned the conversation: stretches, and a label where each begins', () => {
    render(<Page record={seedRecord()} />)
    const owners = screen.getByRole('list', { name: 'Who owned the conversation' })
    expect(
      within(owners)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'michal@lp.com (agent) 2016-08-29 15:14:04 – 2017-06-22 10:29:24',
      'In queue (cats) 2017-06-22 10:29:24 – 2017-06-22 10:32:42',
      'In queue (lpsocial) 2017-06-22 10:32:42 – now',
    ])
    expect(
      screen.getByText('From here: michal@lp.com (agent) owns the conversation'),
    ).toBeInTheDocument()
    expect(screen.getByText('From here: In queue (lpsocial), nobody assigned')).toBeInTheDocument()
  })

  test('the rich-content message goes through the structured-content renderer', async () => {
    render(<Page record={seedRecord()} />)
    const rich = screen.getByRole('listitem', { name: 'Agent 2198186612, agent, 10:24:52' })
    expect(await within(rich).findByText('Now on sale!')).toBeInTheDocument()
  })

  test('no axe-core violations', async () => {
    const { container } = render(<Page record={seedRecord()} />)
    await screen.findByText('Now on sale!')
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`),
    ).toEqual([])
  })
})

describe('messages', () => {
  beforeEach(() => installLayout(5_000))

  test('a private note is marked "Agents and managers only"', () => {
    render(
      <Page
        record={wireRecord([
          {
            from: 'agent',
            at: 0,
            text: 'Customer is a VIP',
            extra: { audience: 'AGENTS_AND_MANAGERS' },
          },
          { from: 'agent', at: 5, text: 'Hello!' },
        ])}
      />,
    )
    const note = screen.getByRole('listitem', {
      name: 'Ben Agent, agent, 14:00:00, agents and managers only',
    })
    expect(within(note).getByText('Agents and managers only')).toBeInTheDocument()
    const hello = screen.getByRole('listitem', { name: 'Ben Agent, agent, 14:00:05' })
    expect(within(hello).queryByText('Agents and managers only')).not.toBeInTheDocument()
  })

  test('HTML is sanitised: no scripts, styles, forms or images; only http(s) links, in a new tab', () => {
    const html =
      '<p style="color:red" onclick="alert(1)">Hi <b>there</b><script>alert(1)</script>' +
      '<img src="x" onerror="alert(2)"><a href="https://example.com/help">help</a> ' +
      '<a href="javascript:alert(3)">trap</a><form><input name="card"></form></p>'
    render(
      <Page
        record={wireRecord([{ from: 'agent', at: 0, text: html, extra: { type: 'TEXT_HTML' } }])}
      />,
    )
    const item = screen.getByRole('listitem', { name: 'Ben Agent, agent, 14:00:00' })
    expect(within(item).getByText('there').tagName).toBe('B')
    expect(item.querySelector('script, img, form, input, [style], [onclick]')).toBeNull()
    const help = within(item).getByRole('link', { name: 'help' })
    expect(help).toHaveAttribute('href', 'https://example.com/help')
    expect(help).toHaveAttribute('target', '_blank')
    expect(help).toHaveAttribute('rel', 'noopener noreferrer')
    expect(within(item).getByText('trap')).not.toHaveAttribute('href')
  })

  test('files, links and secure forms are cards; only a real image preview becomes an <img>', () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='
    render(
      <Page
        record={wireRecord([
          {
            from: 'consumer',
            at: 0,
            extra: {
              type: 'IMG',
              messageData: { file: { caption: 'my photo', fileType: 'PNG', preview: png } },
            },
          },
          {
            from: 'consumer',
            at: 1,
            extra: {
              type: 'HOSTED_FILE',
              messageData: {
                file: {
                  caption: 'notes',
                  fileType: 'PNG',
                  preview: 'data:text/html;base64,PHNjcmlwdD4=',
                },
              },
            },
          },
          {
            from: 'agent',
            at: 2,
            extra: {
              type: 'LINK',
              messageData: {
                link: { externalFileLink: 'https://example.com/terms', caption: 'Terms' },
              },
            },
          },
          {
            from: 'agent',
            at: 3,
            extra: {
              type: 'LINK',
              messageData: { link: { externalFileLink: 'javascript:alert(1)', caption: 'Sneaky' } },
            },
          },
          {
            from: 'agent',
            at: 4,
            extra: {
              type: 'SECURE_FORM_INVITATION',
              messageData: {
                secureForm: { formName: 'Card details', formId: 'f-1', invitationId: 'i-9' },
              },
            },
          },
        ])}
      />,
    )
    const photo = screen.getByRole('listitem', { name: 'Anna Smith, consumer, 14:00:00' })
    expect(within(photo).getByRole('img', { name: 'Preview: my photo' })).toHaveAttribute(
      'src',
      `data:image/png;base64,${png}`,
    )
    expect(within(photo).getByText('Image · PNG')).toBeInTheDocument()
    const notes = screen.getByRole('listitem', { name: 'Anna Smith, consumer, 14:00:01' })
    expect(within(notes).queryByRole('img')).not.toBeInTheDocument()
    expect(within(notes).getByText('notes')).toBeInTheDocument()

    const terms = screen.getByRole('listitem', { name: 'Ben Agent, agent, 14:00:02' })
    expect(within(terms).getByRole('link', { name: 'https://example.com/terms' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    )
    const sneaky = screen.getByRole('listitem', { name: 'Ben Agent, agent, 14:00:03' })
    expect(within(sneaky).queryByRole('link')).not.toBeInTheDocument()
    expect(within(sneaky).getByText('javascript:alert(1)')).toBeInTheDocument()

    const form = screen.getByRole('listitem', { name: 'Ben Agent, agent, 14:00:04' })
    expect(form).toHaveTextContent('Secure form invitation')
    expect(form).toHaveTextContent('Card details')
    expect(form).toHaveTextContent('form f-1 · invitation i-9')
  })

  test('quick replies are chips and the consumer’s answer is marked as chosen', async () => {
    const replies = JSON.stringify({
      type: 'quickReplies',
      itemsPerRow: 8,
      replies: ['Yes', 'No'].map((title) => ({
        type: 'button',
        title,
        click: { actions: [{ type: 'publishText', text: title }] },
      })),
    })
    render(
      <Page
        record={wireRecord([
          {
            from: 'agent',
            at: 0,
            extra: {
              messageData: { msg: { text: 'Did that help?' }, quickReplies: { content: replies } },
            },
          },
          { from: 'consumer', at: 10, text: 'No' },
        ])}
      />,
    )
    const question = screen.getByRole('listitem', { name: 'Ben Agent, agent, 14:00:00' })
    expect(
      await within(question).findByRole('button', { name: /^No\W+chosen/ }),
    ).toBeInTheDocument()
    expect(within(question).getByRole('button', { name: 'Yes' })).toBeInTheDocument()
  })

  test('a long wait is marked before the reply', () => {
    render(
      <Page
        record={wireRecord([
          { from: 'consumer', at: 0, text: 'hello?' },
          { from: 'agent', at: 400, text: 'sorry' },
        ])}
      />,
    )
    const texts = items().map((item) => item.textContent ?? '')
    const wait = texts.findIndex((t) => t.includes('Consumer waited 6 min 40 s'))
    expect(wait).toBeGreaterThan(0)
    expect(texts[wait + 1]).toContain('sorry')
  })

  test('copy link puts the absolute message URL on the clipboard', async () => {
    const user = userEvent.setup()
    render(<Page record={wireRecord([{ from: 'consumer', at: 0, text: 'hi' }])} />)
    await user.click(
      screen.getByRole('button', { name: 'Copy link to the message from Anna Smith at 14:00:00' }),
    )
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/conversations/conv-1?msg=msg-0`,
    )
    expect(screen.getByText('Copied')).toBeInTheDocument()
  })

  test('the raw JSON of a message opens and closes', async () => {
    const user = userEvent.setup()
    render(<Page record={wireRecord([{ from: 'consumer', at: 0, text: 'hi' }])} />)
    const toggle = screen.getByRole('button', { name: 'Show JSON' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    const raw = screen.getByLabelText('Raw JSON of the message from Anna Smith at 14:00:00')
    expect(raw).toHaveTextContent('"messageId": "msg-0"')
    expect(screen.getByRole('button', { name: 'Hide JSON' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    await user.click(screen.getByRole('button', { name: 'Hide JSON' }))
    expect(raw).not.toBeInTheDocument()
  })
})

describe('find in transcript', () => {
  beforeEach(() => installLayout(5_000))

  const record = () =>
    wireRecord(
      [
        { from: 'consumer', at: 0, text: 'My ORDER is late, order 42' },
        { from: 'agent', at: 10, text: 'Let me look at your order' },
        { from: 'consumer', at: 20, text: 'thanks' },
      ],
      { transfers: [{ timeL: T0 + 15_000, targetSkillName: 'Orders', reason: 'Skill' }] },
    )

  test('counts matches everywhere (events too), highlights them, and steps with Enter', async () => {
    const user = userEvent.setup()
    const onFindChange = vi.fn()
    render(<Page record={record()} onFindChange={onFindChange} />)
    const box = screen.getByRole('searchbox', { name: 'Find in transcript' })
    await user.type(box, 'order')
    expect(onFindChange).toHaveBeenLastCalledWith('order')
    expect(screen.getByText('1 of 4')).toHaveAttribute('role', 'status')
    expect(document.querySelectorAll('mark')).toHaveLength(4)
    const current = () => document.querySelector('mark[aria-current="true"]')
    expect(current()).toHaveTextContent('ORDER')

    await user.keyboard('{Enter}')
    expect(screen.getByText('2 of 4')).toBeInTheDocument()
    expect(current()?.closest('[role="listitem"]')).toHaveAccessibleName(
      'Anna Smith, consumer, 14:00:00',
    )
    await user.keyboard('{Enter}')
    expect(current()?.closest('[role="listitem"]')).toHaveAccessibleName(
      'Ben Agent, agent, 14:00:10',
    )
    await user.keyboard('{Enter}')
    expect(current()?.closest('[role="listitem"]')).toHaveAccessibleName('Transfer, 14:00:15')
    await user.keyboard('{Enter}')
    expect(screen.getByText('1 of 4')).toBeInTheDocument()
    await user.keyboard('{Shift>}{Enter}{/Shift}')
    expect(screen.getByText('4 of 4')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Previous match' }))
    expect(screen.getByText('3 of 4')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next match' }))
    expect(screen.getByText('4 of 4')).toBeInTheDocument()
  })

  test('starts from ?find= and says when nothing matches', async () => {
    const user = userEvent.setup()
    render(<Page record={record()} initialFind="late" />)
    expect(screen.getByText('1 of 1')).toBeInTheDocument()
    const box = screen.getByRole('searchbox', { name: 'Find in transcript' })
    await user.clear(box)
    await user.type(box, 'refund')
    expect(screen.getByText('No matches')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled()
    expect(document.querySelector('mark')).toBeNull()
  })

  test('a query is text, not a pattern', async () => {
    const user = userEvent.setup()
    render(<Page record={wireRecord([{ from: 'consumer', at: 0, text: 'a.b and axb (c)' }])} />)
    await user.type(screen.getByRole('searchbox', { name: 'Find in transcript' }), 'a.b')
    expect(screen.getByText('1 of 1')).toBeInTheDocument()
    await user.clear(screen.getByRole('searchbox', { name: 'Find in transcript' }))
    await user.type(screen.getByRole('searchbox', { name: 'Find in transcript' }), '(c)')
    expect(screen.getByText('1 of 1')).toBeInTheDocument()
  })
})

describe('3,000 messages', () => {
  beforeEach(() => installLayout(800))

  test('only a window of the list is in the document', () => {
    render(<Page record={longRecord(3000)} />)
    const rendered = items()
    expect(rendered.length).toBeGreaterThan(3)
    expect(rendered.length).toBeLessThan(40)
    // 3,000 messages, the agent joining, and a day separator for each of the 25 hours' 2 days.
    expect(rendered[0]).toHaveAttribute('aria-setsize', '3003')
    expect(screen.getByText('3000 messages')).toBeInTheDocument()
  })

  test('?msg= lands on a message 2,900 items down and highlights it', async () => {
    render(<Page record={longRecord(3000)} msg="msg-2900" />)
    const target = await screen.findByRole('listitem', {
      name: /^Anna Smith, consumer, /,
      current: true,
    })
    expect(target).toHaveTextContent('message number 2900')
    expect(screen.queryByText('message number 0')).not.toBeInTheDocument()
  })

  test('find covers the whole conversation and jumps to a match far down', async () => {
    const user = userEvent.setup()
    render(<Page record={longRecord(3000)} />)
    expect(screen.queryByText('needle', { exact: false })).not.toBeInTheDocument()
    await user.type(screen.getByRole('searchbox', { name: 'Find in transcript' }), 'needle')
    expect(screen.getByText('1 of 1')).toBeInTheDocument()
    const mark = await screen.findByText('needle', { selector: 'mark' })
    expect(mark.closest('[role="listitem"]')).toHaveTextContent('the needle is here')
  })

  test('a point on the MCS track jumps to its message', async () => {
    const user = userEvent.setup()
    render(<Page record={longRecord(3000)} />)
    expect(screen.queryByText('message number 2900')).not.toBeInTheDocument()
    const toolbar = screen.getByRole('toolbar', { name: 'Sentiment (MCS) per message' })
    await user.click(
      within(toolbar).getByRole('button', { name: /^MCS 12, negative: Anna Smith at / }),
    )
    expect(await screen.findByText('message number 2900')).toBeInTheDocument()
  })
})

describe('keyboard', () => {
  beforeEach(() => installLayout(5_000))

  test('the MCS track is one tab stop; arrow keys move between points', async () => {
    const user = userEvent.setup()
    const record = wireRecord(
      [
        { from: 'consumer', at: 0, text: 'good' },
        { from: 'consumer', at: 10, text: 'bad' },
        { from: 'consumer', at: 20, text: 'fine' },
      ],
      {
        messageScores: [
          { messageId: 'msg-0', mcs: 90 },
          { messageId: 'msg-1', mcs: 10 },
          { messageId: 'msg-2', mcs: 50 },
        ],
      },
    )
    render(<Page record={record} />)
    const points = within(screen.getByRole('toolbar')).getAllByRole('button')
    expect(points.map((p) => p.getAttribute('tabindex'))).toEqual(['0', '-1', '-1'])
    expect(points.map((p) => p.getAttribute('aria-label'))).toEqual([
      'MCS 90, positive: Anna Smith at 14:00:00: good',
      'MCS 10, negative: Anna Smith at 14:00:10: bad',
      'MCS 50, neutral: Anna Smith at 14:00:20: fine',
    ])
    act(() => points[0]?.focus())
    await user.keyboard('{ArrowRight}')
    expect(points[1]).toHaveFocus()
    await user.keyboard('{End}')
    expect(points[2]).toHaveFocus()
    expect(points.map((p) => p.getAttribute('tabindex'))).toEqual(['-1', '-1', '0'])
  })

  test('a dense MCS track is one button that the keys and the pointer move; it jumps to its message', async () => {
    const user = userEvent.setup()
    const lines: Line[] = Array.from({ length: 400 }, (_, i) => ({
      from: 'consumer' as const,
      at: i * 30,
      text: `scored message ${String(i)}`,
    }))
    const record = wireRecord(lines, {
      messageScores: lines.map((_, i) => ({ messageId: `msg-${String(i)}`, mcs: i % 100 })),
    })
    render(<Page record={record} />)
    const toolbar = screen.getByRole('toolbar', { name: 'Sentiment (MCS) per message' })
    // 400 points, one button: the page stays light however long the conversation.
    const [point] = within(toolbar).getAllByRole('button')
    expect(within(toolbar).getAllByRole('button')).toHaveLength(1)
    expect(point).toHaveAccessibleName('MCS 0, negative: Anna Smith at 14:00:00: scored message 0')
    act(() => point?.focus())
    await user.keyboard('{End}')
    expect(point).toHaveFocus()
    expect(point).toHaveAccessibleName(
      'MCS 99, positive: Anna Smith at 17:19:30: scored message 399',
    )
    await user.keyboard('{ArrowLeft}{Enter}')
    expect(await screen.findByText('scored message 398')).toBeInTheDocument()
    // The pointer: the point nearest to where it is on the track (here a quarter of the way).
    const area = toolbar.querySelector('div[aria-hidden="true"]')
    if (!(area instanceof HTMLElement)) throw new Error('no pointer area')
    vi.spyOn(area, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 1000, 56))
    await user.pointer({ target: area, coords: { clientX: 250, clientY: 20 } })
    expect(within(toolbar).getByRole('button')).toHaveAccessibleName(/scored message 9[89]$/)
  })

  test('"/"-style focus: the page can focus the find box through findInputRef', () => {
    let input: HTMLInputElement | null = null
    render(
      <Transcript
        record={wireRecord([{ from: 'consumer', at: 0 }])}
        find=""
        onFindChange={() => undefined}
        messageLink={(id) => id}
        findInputRef={(node) => {
          input = node
        }}
      />,
    )
    expect(input).toBe(screen.getByRole('searchbox', { name: 'Find in transcript' }))
  })
})
