import { describe, expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'
import { htmlToText } from '@/domain/html-text'
import { buildTimeline, parseWireTime } from '@/domain/timeline'
import type { EventItem, MessageItem, TimelineItem, WaitItem } from '@/domain/timeline'
import { seedRecord } from './schema/seed'

const T0 = Date.UTC(2024, 0, 15, 9, 0, 0)
const sec = (s: number) => T0 + s * 1000
const CONSUMER = 'c0ffee00-0000-4000-8000-000000000001'

function parse(raw: Record<string, unknown>): ConversationRecord {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.record
}

/** A record with one consumer (Anna Smith) and one human agent (Ben Agent, id 100). */
function conversation(sections: Record<string, unknown> = {}): ConversationRecord {
  return parse({
    info: { conversationId: 'conv-1', startTimeL: T0, status: 'CLOSE' },
    consumerParticipants: [
      { participantId: CONSUMER, firstName: 'Anna', lastName: 'Smith', timeL: T0 },
    ],
    agentParticipants: [
      {
        agentId: '100',
        agentFullName: 'Ben Agent',
        userType: '1',
        userTypeName: 'Human',
        role: 'ASSIGNED_AGENT',
        permission: 'ASSIGNED_AGENT',
        timeL: sec(5),
      },
    ],
    ...sections,
  })
}

let nextSeq = 0
/** A public TEXT_PLAIN message `at` seconds after T0 from `'consumer'` or an agent ID. */
function message(
  at: number,
  from: string,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const seq = nextSeq++
  return {
    type: 'TEXT_PLAIN',
    messageData: { msg: { text } },
    messageId: `ms::conv:conv-1::msg:${String(seq)}`,
    seq,
    participantId: from === 'consumer' ? CONSUMER : from,
    sentBy: from === 'consumer' ? 'Consumer' : 'Agent',
    audience: 'ALL',
    timeL: sec(at),
    ...extra,
  }
}

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
        i.kind === 'message' ? `message:${i.speaker.role}` : i.kind === 'event' ? i.type : i.kind,
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
    expect(rich?.speaker).toMatchObject({
      id: '2198186612',
      name: 'Agent 2198186612',
      role: 'agent',
    })
    expect(rich?.text).toContain('Now on sale!')
    expect(rich?.textParts.map((p) => p.source)).toEqual(['rich'])
    // Nobody wrote after it, so there is no choice to show.
    expect(rich?.chosenText).toBeUndefined()
  })

  test('events read as sentences', () => {
    const texts = eventsOf(seed()).map((e) => [e.text, e.detail])
    expect(texts).toContainEqual(['Assigned to michal@lp.com', 'Assignment 1'])
    expect(texts).toContainEqual([
      'michal@lp.com joined as assigned agent',
      'Role: agent, permission: assigned agent',
    ])
    expect(texts).toContainEqual([
      'Transferred from michal1 (skill Unassigned) to skill cats',
      'Reason: transferred to a skill',
    ])
    expect(texts).toContainEqual([
      'Transferred from michal (skill cats) to skill lpsocial',
      'Reason: transferred to a skill',
    ])
    expect(texts).toContainEqual([
      'Co-browse ended by visitor',
      expect.stringContaining('AGENT_APP_CONTROL'),
    ])
    expect(texts).toContainEqual(['Survey submitted: Satisfaction', 'Confirm Resolution: Yes'])
    expect(texts).toContainEqual([
      'Engagement attributes updated: Customer info (authenticated)',
      'customerId: 12345678, companyBranch: dummyCompanyBranch',
    ])
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
    const owners = messagesOf(seed()).map((m) => m.owner?.name)
    expect(owners).toEqual([
      'michal@lp.com',
      'michal@lp.com',
      'michal@lp.com',
      'In queue (lpsocial)',
    ])
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
      items.filter((i) => i.kind !== 'day').map((i) => (i.kind === 'event' ? i.type : i.kind)),
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
      ['System', 'system', 'right'],
      ['Ben Agent', 'agent', 'right'],
    ])
  })

  test('consumer names fall back to consumerName, then "Consumer"; unknown senders to sentBy', () => {
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
      ['Consumer', 'consumer'],
      ['Consumer', 'consumer'],
      ['Agent 555', 'agent'],
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
  test('dialogs, skill changes, agent leaves and agent surveys are events', () => {
    const record = conversation({
      dialogs: [
        {
          dialogId: 'conv-1',
          dialogType: 'MAIN',
          startTimeL: T0,
          endTimeL: sec(100),
          closeReason: 'AGENT',
          closeReasonDescription: 'MANUAL_CLOSE',
        },
        { dialogId: 'd-2', dialogType: 'POST_SURVEY', startTimeL: sec(100), endTimeL: sec(160) },
      ],
      skillChanges: [
        { timeL: sec(50), fromSkillName: 'Sales', toSkillName: 'Billing', reason: 'fallback' },
      ],
      agentParticipantsLeave: [
        {
          agentId: '100',
          agentFullName: 'Ben Agent',
          permission: 'ASSIGNED_AGENT',
          timeL: sec(90),
        },
      ],
      conversationSurveys: [
        {
          surveyType: 'PostSurvey',
          surveyStatus: 'FILLED',
          dialogId: 'd-2',
          surveyData: [{ question: 'Rate us', answer: '5' }],
        },
      ],
      latestAgentSurvey: {
        surveyStatus: 'SUBMITTED',
        acSurveyName: 'Wrap-up',
        performedByAgentName: 'Ben Agent',
        lastUpdateTime: sec(200),
        submittedAnswers: [{ questionText: 'Resolved?', answers: [{ answer: 'Yes' }] }],
      },
    })
    const events = eventsOf(buildTimeline(record)).map((e) => [e.time, e.type, e.text, e.detail])
    expect(events).toEqual([
      [
        sec(5),
        'agent-joined',
        'Ben Agent joined as assigned agent',
        'Role: agent, permission: assigned agent',
      ],
      [sec(50), 'skill-change', 'Skill changed from Sales to Billing', 'Reason: fallback'],
      [sec(90), 'agent-left', 'Ben Agent left', 'Role: agent, permission: assigned agent'],
      [sec(100), 'dialog', 'Post-conversation survey started', undefined],
      [sec(100), 'dialog', 'Conversation closed', 'Close reason: agent, manual close'],
      [sec(160), 'dialog', 'Post-conversation survey ended', undefined],
      [sec(160), 'survey', 'Survey submitted: PostSurvey', 'Rate us: 5'],
      [sec(200), 'survey', 'Agent survey submitted: Wrap-up by Ben Agent', 'Resolved?: Yes'],
    ])
  })

  test('engagement attributes sum up their first few values on one short line', () => {
    const record = conversation({
      unAuthSdes: {
        events: [
          {
            visitorError: {
              visitorError: {
                contextId: 'ctx-1',
                message: `TypeError\n${'   at Checkout.validate'.repeat(20)}`,
              },
            },
            sdeType: 'VISITOR_ERROR',
            serverTimeStamp: String(sec(3)),
          },
        ],
      },
    })
    const [event] = eventsOf(buildTimeline(record))
    expect(event?.text).toBe('Engagement attributes updated: Visitor error (unauthenticated)')
    expect(event?.detail).toMatch(/^contextId: ctx-1, message: TypeError at Checkout\.validate at /)
    expect(event?.detail).toHaveLength('contextId: ctx-1, message: '.length + 80)
    expect(event?.detail?.endsWith('…')).toBe(true)
  })

  test('a transfer names agents and skills on both sides and the reason', () => {
    const record = conversation({
      transfers: [
        {
          timeL: sec(40),
          sourceAgentId: '100',
          sourceSkillName: 'Sales',
          targetSkillName: 'Billing',
          assignedAgentId: '101',
          assignedAgentFullName: 'Cleo Agent',
          reason: 'Agent',
          by: '300',
        },
      ],
      agentParticipants: [
        { agentId: '100', agentFullName: 'Ben Agent' },
        { agentId: '300', agentFullName: 'Mia Manager', permission: 'AGENT_MANAGER' },
      ],
    })
    expect(eventsOf(buildTimeline(record)).find((e) => e.type === 'transfer')).toMatchObject({
      text: 'Transferred from Ben Agent (skill Sales) to skill Billing (Cleo Agent)',
      detail: 'Reason: transferred to an agent, by Mia Manager',
    })
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
