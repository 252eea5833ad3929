import { describe, expect, test } from 'vitest'
import {
  conversation,
  eventsRecord,
  message,
  parse,
  sec,
  T0,
  transferRecord,
  visitorErrorRecord,
} from './timeline-records'
import { htmlToText } from '@/domain/html-text'
import { buildTimeline } from '@/domain/timeline/build'
import type { EventItem, TimelineItem, WaitItem } from '@/domain/timeline/build'
import type { MessageItem } from '@/domain/timeline/messages'
import { parseWireTime } from '@/domain/timeline/wire-time'
import { seedRecord } from './schema/seed'

const messagesOf = (items: TimelineItem[]) =>
  items.filter((i): i is MessageItem => i.kind === 'message')
const eventsOf = (items: TimelineItem[]) => items.filter((i): i is EventItem => i.kind === 'event')
const waitsOf = (items: TimelineItem[]) => items.filter((i): i is WaitItem => i.kind === 'wait')

describe('the seed example', () => {
  const seed = () => buildTimeline(parse(seedRecord()))

  test('merges messages, assignment, join, transfers, co-browse, SDEs and the survey by time', () => {
    const kinds = seed()
      .filter((i) => i.kind !== 'day')
      .map((i) =>
        i.kind === 'message'
          ? `message:${i.speaker.role}`
          : i.kind === 'event'
            ? i.event.kind
            : i.kind,
      )
    expect(kinds).toEqual([
      'assigned',
      'agent-joined',
      'message:consumer',
      'message:agent',
      'message:consumer',
      'sde',
      'sde',
      'transfer',
      'transfer',
      'cobrowse-start',
      'cobrowse-end',
      'cobrowse-start',
      'cobrowse-end',
      'wait',
      'message:agent',
      // The survey has no time of its own: it goes after the last message.
      'survey',
      ...Array<string>(10).fill('sde'),
    ])
  })

  test('two messages with the same timeL keep seq order (consumer first, then the agent)', () => {
    const [first, second] = messagesOf(seed())
    expect(first?.time).toBe(second?.time)
    expect(first?.seq).toBe(0)
    expect(first?.speaker).toMatchObject({ name: 'Visitor Test', role: 'consumer', side: 'left' })
    expect(second?.seq).toBe(1)
    expect(second?.speaker).toMatchObject({ name: 'michal@lp.com', role: 'agent', side: 'right' })
  })

  test('delivery statuses, MCS and the bot intent land on their messages', () => {
    const [first, second, third] = messagesOf(seed())
    expect(first?.statuses).toEqual([
      { status: 'ACCEPT', time: 1472483659626 },
      { status: 'READ', time: 1472483758272 },
    ])
    expect(first?.mcs).toBe(0)
    expect(third?.statuses).toEqual([{ status: 'ACCEPT', time: 1472483742609 }])
    expect(second?.mcs).toBeUndefined()
    expect(second?.intents).toEqual([
      {
        name: 'some intent identifier',
        confidence: 'MEDIUM',
        confidenceScore: 0.753,
        source: 'bot',
      },
    ])
  })

  test('the rich-content message from an unknown participant is an agent, searchable by its text', () => {
    const rich = messagesOf(seed()).at(-1)
    // No name on the record: the app names it by role and ID ("Agent 2198186612", see vocabulary).
    expect(rich?.speaker).toEqual({ id: '2198186612', role: 'agent', side: 'right' })
    expect(rich?.text).toContain('Now on sale!')
    expect(rich?.textParts.map((p) => p.source)).toEqual(['rich'])
    // Nobody wrote after it, so there is no choice to show.
    expect(rich?.chosenText).toBeUndefined()
  })

  test('events are facts with a stable key from their section and index', () => {
    const events = eventsOf(seed()).map((e) => e.event)
    for (const item of eventsOf(seed())) expect(item.key).toBe(item.event.key)
    expect(events).toContainEqual({
      kind: 'assigned',
      key: 'interactions:0',
      agent: { id: '3677470410', name: 'michal@lp.com' },
      sequence: 1,
    })
    expect(events).toContainEqual({
      kind: 'agent-joined',
      key: 'agentParticipants:0:joined',
      agentId: '3677470410',
      name: 'michal@lp.com',
      role: 'agent',
      participantRole: 'AGENT',
      permission: 'ASSIGNED_AGENT',
    })
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'transfer',
        key: 'transfers:0',
        fromSkill: 'Unassigned',
        toSkill: 'cats',
        reason: 'Skill',
      }),
    )
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'cobrowse-end', endReason: 'VISITOR' }),
    )
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'survey',
        key: 'conversationSurveys:0',
        surveyType: 'Satisfaction',
        answers: [{ question: 'Confirm Resolution', answer: 'Yes' }],
      }),
    )
    expect(events).toContainEqual({
      kind: 'sde',
      key: 'sdes:0',
      sdeType: 'CUSTOMER_INFO',
      authenticated: true,
      fields: [
        { name: 'customerId', value: '12345678' },
        { name: 'companyBranch', value: 'dummyCompanyBranch' },
      ],
    })
  })

  test('the consumer waited from their last message in 2016 until the reply in 2017', () => {
    const [wait] = waitsOf(seed())
    expect(wait).toMatchObject({ since: 1472483742568, time: 1508840692962 })
    expect(wait?.waitMs).toBe(1508840692962 - 1472483742568)
  })

  test('a day separator opens each UTC day that has something on it', () => {
    const days = seed()
      .filter((i) => i.kind === 'day')
      .map((i) => i.label)
    expect(days).toEqual([
      '2016-08-29',
      '2017-06-19',
      '2017-06-22',
      '2017-09-25',
      '2017-10-24',
      '2018-06-10',
    ])
  })

  test('messages carry the stretch of who owned the conversation', () => {
    const owners = messagesOf(seed()).map(
      (m) => m.owner?.agentName ?? `queue ${m.owner?.queue ?? ''}`,
    )
    expect(owners).toEqual(['michal@lp.com', 'michal@lp.com', 'michal@lp.com', 'queue lpsocial'])
  })

  test('every key is unique', () => {
    const keys = seed().map((i) => i.key)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('order', () => {
  test('by time, then seq, then record order, whatever order the record lists them in', () => {
    const a = message(10, 'consumer', 'first', { seq: 1 })
    const b = message(10, '100', 'second', { seq: 2 })
    const c = message(5, 'consumer', 'earliest', { seq: 7 })
    const d = message(20, 'consumer', 'same seq, listed first', { seq: 3 })
    const e = message(20, 'consumer', 'same seq, listed second', { seq: 3 })
    const items = buildTimeline(conversation({ messageRecords: [b, d, a, e, c] }))
    expect(messagesOf(items).map((m) => m.text)).toEqual([
      'earliest',
      'first',
      'second',
      'same seq, listed first',
      'same seq, listed second',
    ])
  })

  test('at the same instant, beginnings come before messages and endings after', () => {
    const items = buildTimeline(
      conversation({
        agentParticipants: [
          {
            agentId: '100',
            agentFullName: 'Ben Agent',
            permission: 'ASSIGNED_AGENT',
            timeL: sec(30),
          },
        ],
        agentParticipantsLeave: [
          {
            agentId: '100',
            agentFullName: 'Ben Agent',
            permission: 'ASSIGNED_AGENT',
            timeL: sec(30),
          },
        ],
        messageRecords: [message(30, '100', 'hello and bye')],
      }),
    )
    expect(
      items
        .filter((i) => i.kind !== 'day')
        .map((i) => (i.kind === 'event' ? i.event.kind : i.kind)),
    ).toEqual(['agent-joined', 'message', 'agent-left'])
  })

  test('a message without timeL is placed by its time string, or after the message before it', () => {
    const a = message(10, 'consumer', 'with timeL')
    const b = {
      ...message(0, '100', 'with time string'),
      timeL: undefined,
      time: '2024-01-15 09:00:20.000+0000',
    }
    const c = { ...message(0, 'consumer', 'with no time at all'), timeL: undefined }
    const items = messagesOf(buildTimeline(conversation({ messageRecords: [a, b, c] })))
    expect(items.map((m) => [m.text, m.time])).toEqual([
      ['with timeL', sec(10)],
      ['with time string', sec(20)],
      ['with no time at all', sec(20)],
    ])
  })
})

describe('speakers', () => {
  test('bots, managers, readers and the system are told apart', () => {
    const record = conversation({
      agentParticipants: [
        {
          agentId: '100',
          agentFullName: 'Ben Agent',
          userTypeName: 'Human',
          permission: 'ASSIGNED_AGENT',
        },
        {
          agentId: '200',
          agentNickname: 'Helper Bot',
          userTypeName: 'Bot',
          permission: 'ASSIGNED_AGENT',
        },
        { agentId: '201', agentLoginName: 'bot-by-type', userType: '2' },
        {
          agentId: '300',
          agentFullName: 'Mia Manager',
          role: 'MANAGER',
          permission: 'AGENT_MANAGER',
        },
        { agentId: '301', agentFullName: 'Rita Reader', permission: 'READER' },
      ],
      messageRecords: [
        message(1, 'consumer', 'hi'),
        message(2, '100', 'agent'),
        message(3, '200', 'bot'),
        message(4, '201', 'bot by type'),
        message(5, '300', 'manager'),
        message(6, '301', 'reader'),
        message(7, '999', 'system', { sentBy: 'System' }),
        message(8, 'le16.100', 'agent with account prefix'),
      ],
    })
    const speakers = messagesOf(buildTimeline(record)).map((m) => [
      m.speaker.name,
      m.speaker.role,
      m.speaker.side,
    ])
    expect(speakers).toEqual([
      ['Anna Smith', 'consumer', 'left'],
      ['Ben Agent', 'agent', 'right'],
      ['Helper Bot', 'bot', 'right'],
      ['bot-by-type', 'bot', 'right'],
      ['Mia Manager', 'manager', 'right'],
      ['Rita Reader', 'manager', 'right'],
      // Named by the app ("System"): the record gives no name.
      [undefined, 'system', 'right'],
      ['Ben Agent', 'agent', 'right'],
    ])
  })

  test('consumer names fall back to consumerName, then none (the app says "Consumer"); unknown senders to sentBy', () => {
    const record = parse({
      info: { conversationId: 'conv-2' },
      consumerParticipants: [
        { participantId: 'p1', consumerName: 'Visitor' },
        { participantId: 'p2' },
      ],
      messageRecords: [
        message(1, 'consumer', 'a', { participantId: 'p1' }),
        message(2, 'consumer', 'b', { participantId: 'p2' }),
        message(3, 'consumer', 'c', { participantId: 'p3' }),
        message(4, '555', 'd'),
      ],
    })
    expect(messagesOf(buildTimeline(record)).map((m) => [m.speaker.name, m.speaker.role])).toEqual([
      ['Visitor', 'consumer'],
      [undefined, 'consumer'],
      [undefined, 'consumer'],
      [undefined, 'agent'],
    ])
  })

  test('a private note is flagged', () => {
    const record = conversation({
      messageRecords: [
        message(1, '100', 'for agents only', { audience: 'AGENTS_AND_MANAGERS' }),
        message(2, '100', 'for everyone'),
      ],
    })
    expect(messagesOf(buildTimeline(record)).map((m) => m.private)).toEqual([true, false])
  })
})

describe('message content', () => {
  const quickReplies = JSON.stringify({
    type: 'quickReplies',
    itemsPerRow: 8,
    replies: [
      {
        type: 'button',
        title: 'Yes please',
        click: { actions: [{ type: 'publishText', text: 'Yes please' }] },
      },
      {
        type: 'button',
        title: 'No thanks',
        click: { actions: [{ type: 'publishText', text: 'No thanks' }] },
      },
    ],
  })
  const card = JSON.stringify({
    type: 'vertical',
    elements: [
      { type: 'text', text: 'Pick a plan' },
      {
        type: 'button',
        title: 'Gold',
        click: { actions: [{ type: 'publishText', text: 'Gold' }] },
      },
    ],
  })

  test('text of every kind is searchable, and rich content knows the consumer’s next message', () => {
    const record = conversation({
      messageRecords: [
        message(1, 'consumer', 'Which plans?'),
        message(2, '100', '<p>We have <b>three</b> &amp; more<script>alert(1)</script></p>', {
          type: 'TEXT_HTML',
        }),
        message(3, '100', '', {
          type: 'RICH_CONTENT',
          messageData: { richContent: { content: card } },
        }),
        message(4, '100', 'Interested?', {
          messageData: { msg: { text: 'Interested?' }, quickReplies: { content: quickReplies } },
        }),
        message(5, 'consumer', 'Yes please'),
        message(6, 'consumer', '', {
          type: 'HOSTED_FILE',
          messageData: { file: { caption: 'my receipt', fileType: 'PDF', relativePath: '/x.pdf' } },
        }),
        message(7, '100', '', {
          type: 'LINK',
          messageData: {
            link: { externalFileLink: 'https://example.com/terms', caption: 'Terms' },
          },
        }),
        message(8, '100', '', {
          type: 'SECURE_FORM_INVITATION',
          messageData: { secureForm: { formName: 'Card details', formId: 'f1' } },
        }),
      ],
    })
    const items = messagesOf(buildTimeline(record))
    expect(items.map((m) => m.text)).toEqual([
      'Which plans?',
      'We have three & more',
      'Pick a plan\nGold',
      'Interested?\nYes please\nNo thanks',
      'Yes please',
      'my receipt\nPDF',
      'Terms\nhttps://example.com/terms',
      'Card details',
    ])
    expect(items[3]?.textParts).toEqual([
      { source: 'text', text: 'Interested?' },
      { source: 'quick-replies', text: 'Yes please\nNo thanks' },
    ])
    expect(items[2]?.chosenText).toBe('Yes please')
    expect(items[3]?.chosenText).toBe('Yes please')
    expect(items[1]?.chosenText).toBeUndefined()
  })

  test('htmlToText keeps visible text and decodes entities', () => {
    expect(htmlToText('a<br>b&nbsp;&#x41;&#66;<style>p{}</style><!-- c -->')).toBe('a\nb\u00a0AB')
    expect(
      htmlToText('<table><tr><td>Order</td><td>12345</td></tr><tr><td>Tax</td></tr></table>'),
    ).toBe('Order 12345\nTax')
    expect(htmlToText('a<hr>b<img src="x" alt="">c<b>d</b>e')).toBe('a\nb cde')
  })

  test('htmlToText reads a < that starts no tag as text, and an unclosed tag or comment hides the rest', () => {
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2')
    expect(htmlToText('a <3 b')).toBe('a <3 b')
    expect(htmlToText('<SCRIPT>x</Script >after')).toBe('after')
    expect(htmlToText('shown<script>never closed</p>')).toBe('shown')
    expect(htmlToText('shown<!-- never closed')).toBe('shown')
    expect(htmlToText('shown<b unclosed')).toBe('shown')
    expect(htmlToText('line   \nnext  ')).toBe('line\nnext')
  })

  test('htmlToText takes linear time on what a back-tracking pattern chokes on', () => {
    // 100 kB of spaces in one HTML message took 14 s to read when line ends were trimmed by regex.
    const hostile = [
      ' '.repeat(200_000) + 'x',
      '<'.repeat(200_000),
      '<br'.repeat(70_000),
      '<a'.repeat(100_000),
      '<!--'.repeat(50_000),
      '<script>'.repeat(25_000),
      '<style></'.repeat(20_000),
      '</p'.repeat(70_000),
    ]
    for (const html of hostile) {
      const started = performance.now()
      htmlToText(html)
      expect(performance.now() - started, html.slice(0, 12)).toBeLessThan(1_000)
    }
  })

  test('intents come from the bot’s contextData and from the record’s intents section', () => {
    const m = message(2, '100', 'Sure', {
      contextData: {
        structuredMetadata: [
          {
            botResponse: {
              intents: [{ id: 'i-1', name: 'billing', confidence: 'HIGH', confidenceScore: 0.91 }],
            },
          },
        ],
      },
    })
    const record = conversation({
      messageRecords: [m],
      intents: [
        {
          messageId: m.messageId,
          selectedClassification: {
            intentName: 'pay_bill',
            intentLabel: 'Pay bill',
            confidenceScore: 0.8,
          },
        },
      ],
    })
    expect(messagesOf(buildTimeline(record))[0]?.intents).toEqual([
      { name: 'billing', confidence: 'HIGH', confidenceScore: 0.91, source: 'bot' },
      { name: 'Pay bill', confidenceScore: 0.8, source: 'nlu' },
    ])
  })
})

describe('waits', () => {
  test('a marker sits before a reply that came more than 5 minutes after the consumer began waiting', () => {
    const record = conversation({
      messageRecords: [
        message(0, 'consumer', 'hello?'),
        message(60, 'consumer', 'anyone?'),
        message(120, '100', 'private note', { audience: 'AGENTS_AND_MANAGERS' }),
        message(301, '100', 'sorry for the wait'),
        message(310, 'consumer', 'ok'),
        message(610, '100', 'exactly five minutes later'),
      ],
    })
    const items = buildTimeline(record).filter((i) => i.kind !== 'day' && i.kind !== 'event')
    expect(
      items.map((i) =>
        i.kind === 'message' ? i.text : `wait ${String(i.kind === 'wait' ? i.waitMs : '')}`,
      ),
    ).toEqual([
      'hello?',
      'anyone?',
      'private note',
      'wait 301000',
      'sorry for the wait',
      'ok',
      'exactly five minutes later',
    ])
  })

  test('a bot reply ends the wait; system messages do not', () => {
    const record = conversation({
      agentParticipants: [{ agentId: '200', agentFullName: 'Bot', userTypeName: 'Bot' }],
      messageRecords: [
        message(0, 'consumer', 'hi'),
        message(10, '999', 'You are in the queue', { sentBy: 'System' }),
        message(400, '200', 'bot reply'),
      ],
    })
    expect(waitsOf(buildTimeline(record))).toEqual([
      expect.objectContaining({ since: sec(0), time: sec(400), waitMs: 400_000 }),
    ])
  })
})

describe('events', () => {
  // Their sentences: test/app/vocabulary.test.ts.
  test('dialogs, skill changes, agent leaves and agent surveys are facts', () => {
    const events = eventsOf(buildTimeline(eventsRecord())).map((e) => [e.time, e.event])
    const ben = { agentId: '100', name: 'Ben Agent', role: 'agent', permission: 'ASSIGNED_AGENT' }
    expect(events).toEqual([
      [
        sec(5),
        {
          kind: 'agent-joined',
          key: 'agentParticipants:0:joined',
          ...ben,
          participantRole: 'ASSIGNED_AGENT',
        },
      ],
      [
        sec(50),
        {
          kind: 'skill-change',
          key: 'skillChanges:0',
          fromSkill: 'Sales',
          toSkill: 'Billing',
          reason: 'fallback',
        },
      ],
      [sec(90), { kind: 'agent-left', key: 'agentParticipantsLeave:0:left', ...ben }],
      [sec(100), { kind: 'dialog-started', key: 'dialogs:1:started', dialogType: 'POST_SURVEY' }],
      [
        sec(100),
        {
          kind: 'conversation-closed',
          key: 'dialogs:0:ended',
          closeReason: 'AGENT',
          closeReasonDescription: 'MANUAL_CLOSE',
        },
      ],
      [sec(160), { kind: 'dialog-ended', key: 'dialogs:1:ended', dialogType: 'POST_SURVEY' }],
      [
        sec(160),
        {
          kind: 'survey',
          key: 'conversationSurveys:0',
          status: 'FILLED',
          surveyType: 'PostSurvey',
          answers: [{ question: 'Rate us', answer: '5' }],
        },
      ],
      [
        sec(200),
        {
          kind: 'agent-survey',
          key: 'latestAgentSurvey',
          surveyName: 'Wrap-up',
          by: 'Ben Agent',
          answers: [{ question: 'Resolved?', answers: ['Yes'] }],
        },
      ],
    ])
  })

  test('engagement attributes keep their first few values whole (the sentence clips them)', () => {
    const [item] = eventsOf(buildTimeline(visitorErrorRecord()))
    expect(item?.event).toEqual({
      kind: 'sde',
      key: 'unAuthSdes:0',
      sdeType: 'VISITOR_ERROR',
      authenticated: false,
      fields: [
        { name: 'contextId', value: 'ctx-1' },
        { name: 'message', value: `TypeError\n${'   at Checkout.validate'.repeat(20)}` },
      ],
    })
  })

  test('a transfer names agents and skills on both sides, the reason code and who made it', () => {
    const transfer = eventsOf(buildTimeline(transferRecord())).find(
      (e) => e.event.kind === 'transfer',
    )
    expect(transfer?.event).toEqual({
      kind: 'transfer',
      key: 'transfers:0',
      fromAgent: { id: '100', name: 'Ben Agent' },
      fromSkill: 'Sales',
      toSkill: 'Billing',
      toAgent: { id: '101', name: 'Cleo Agent' },
      reason: 'Agent',
      by: { id: '300', name: 'Mia Manager' },
    })
  })

  test('at the same instant an ending sorts by its kind, never by its words', () => {
    const record = conversation({
      dialogs: [
        { dialogId: 'd-2', dialogType: 'POST_SURVEY', startTimeL: sec(30), endTimeL: sec(40) },
      ],
      messageRecords: [message(30, '100', 'survey starts'), message(40, '100', 'survey ends')],
    })
    const order = buildTimeline(record)
      .filter((i) => i.kind !== 'day')
      .map((i) => (i.kind === 'event' ? i.event.kind : i.kind))
    expect(order).toEqual(['agent-joined', 'dialog-started', 'message', 'message', 'dialog-ended'])
  })
})

test('day separators follow the caller’s idea of a day', () => {
  const record = conversation({
    messageRecords: [
      message(0, 'consumer', 'a'),
      message(3600, 'consumer', 'b'),
      message(7200, 'consumer', 'c'),
    ],
  })
  // A "day" of one hour: three separators.
  const items = buildTimeline(record, { dayKey: (ms) => String(Math.floor((ms - T0) / 3_600_000)) })
  expect(items.filter((i) => i.kind === 'day').map((i) => i.label)).toEqual(['0', '1', '2'])
})

test('parseWireTime reads the wire’s time strings', () => {
  expect(parseWireTime('2016-08-29 14:30:24.565+0000')).toBe(1472481024565)
  expect(parseWireTime('2016-08-29 16:30:24.565+02:00')).toBe(1472481024565)
  expect(parseWireTime('yesterday')).toBeUndefined()
})
