import { describe, expect, test } from 'vitest'
import { describeEvent, EVENT_LABELS } from '@/app/lib/vocabulary/events'
import {
  SDE_LABELS,
  sdeTypeLabel,
  statusLabel,
  transferReasonLabel,
  transferReasonWords,
} from '@/app/lib/vocabulary/labels'
import { speakerName, stretchName } from '@/app/lib/vocabulary/people'
import { humanizeKey, sdeFieldLabel } from '@/app/lib/vocabulary/sde-fields'
import { engagementAttributeGroups } from '@/domain/engagement-attributes'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'
import { buildTimeline, type EventItem, type TimelineItem } from '@/domain/timeline/build'
import type { TimelineEvent, TimelineEventKind } from '@/domain/timeline/events'
import type { MessageItem } from '@/domain/timeline/messages'
import { z } from 'zod'
import seedResponse from '@/server/demo/seed-example.json' with { type: 'json' }
import {
  eventsRecord,
  message,
  parse,
  transferRecord,
  visitorErrorRecord,
} from '../../domain/timeline-records'

/** The timeline's facts in words: the sentences the transcript, find, print and export show. */

function seed(): ConversationRecord {
  const [raw] = z
    .object({ conversationHistoryRecords: z.array(z.unknown()) })
    .parse(JSON.parse(JSON.stringify(seedResponse))).conversationHistoryRecords
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.record
}

const eventsOf = (items: TimelineItem[]) => items.filter((i): i is EventItem => i.kind === 'event')
const messagesOf = (items: TimelineItem[]) =>
  items.filter((i): i is MessageItem => i.kind === 'message')
const sentences = (record: ConversationRecord) =>
  eventsOf(buildTimeline(record)).map((e) => {
    const { text, detail } = describeEvent(e.event)
    return [text, detail]
  })

test('events read as sentences', () => {
  const texts = sentences(seed())
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

test('dialogs, skill changes, agent leaves and agent surveys in words', () => {
  expect(sentences(eventsRecord())).toEqual([
    ['Ben Agent joined as assigned agent', 'Role: agent, permission: assigned agent'],
    ['Skill changed from Sales to Billing', 'Reason: fallback'],
    ['Ben Agent left', 'Role: agent, permission: assigned agent'],
    ['Post-conversation survey started', undefined],
    ['Conversation closed', 'Close reason: agent, manual close'],
    ['Post-conversation survey ended', undefined],
    ['Survey submitted: PostSurvey', 'Rate us: 5'],
    ['Agent survey submitted: Wrap-up by Ben Agent', 'Resolved?: Yes'],
  ])
})

test('engagement attributes sum up their first few values on one short line', () => {
  const [[text, detail] = []] = sentences(visitorErrorRecord())
  expect(text).toBe('Engagement attributes updated: Visitor error (unauthenticated)')
  expect(detail).toMatch(/^contextId: ctx-1, message: TypeError at Checkout\.validate at /)
  expect(detail).toHaveLength('contextId: ctx-1, message: '.length + 80)
  expect(detail?.endsWith('…')).toBe(true)
})

test('a transfer names agents and skills on both sides and the reason', () => {
  expect(sentences(transferRecord())).toContainEqual([
    'Transferred from Ben Agent (skill Sales) to skill Billing (Cleo Agent)',
    'Reason: transferred to an agent, by Mia Manager',
  ])
})

describe('names the record does not give', () => {
  test('speakers by role and ID, the system and the consumer', () => {
    const record = parse({
      info: { conversationId: 'conv-2' },
      consumerParticipants: [{ participantId: 'p1' }],
      messageRecords: [
        message(1, 'consumer', 'a', { participantId: 'p1' }),
        message(2, '555', 'b'),
        message(3, '999', 'c', { sentBy: 'System' }),
        message(4, '', 'd', { participantId: undefined, sentBy: undefined }),
      ],
    })
    expect(messagesOf(buildTimeline(record)).map((m) => speakerName(m.speaker))).toEqual([
      'Consumer',
      'Agent 555',
      'System',
      'Unknown',
    ])
    expect(
      messagesOf(buildTimeline(seed()))
        .map((m) => speakerName(m.speaker))
        .at(-1),
    ).toBe('Agent 2198186612')
  })

  test('consumers by consumerName, else "Consumer", also with two of them', () => {
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
    expect(messagesOf(buildTimeline(record)).map((m) => speakerName(m.speaker))).toEqual([
      'Visitor',
      'Consumer',
      'Consumer',
      'Agent 555',
    ])
  })

  test('a queue stretch is "In queue", with its skill when known', () => {
    const owners = messagesOf(buildTimeline(seed())).map((m) =>
      m.owner ? stretchName(m.owner) : '',
    )
    expect(owners.at(-1)).toBe('In queue (lpsocial)')
    expect(stretchName({ role: 'system' })).toBe('In queue')
    expect(stretchName({ agentId: '7', role: 'bot' })).toBe('Bot 7')
  })
})

test('every event kind has a label and a sentence', () => {
  const one: { [K in TimelineEventKind]: Extract<TimelineEvent, { kind: K }> } = {
    'agent-joined': { kind: 'agent-joined', key: 'k' },
    'agent-left': { kind: 'agent-left', key: 'k' },
    assigned: { kind: 'assigned', key: 'k' },
    transfer: { kind: 'transfer', key: 'k' },
    'skill-change': { kind: 'skill-change', key: 'k' },
    'dialog-started': { kind: 'dialog-started', key: 'k' },
    'dialog-ended': { kind: 'dialog-ended', key: 'k' },
    'conversation-closed': { kind: 'conversation-closed', key: 'k' },
    'cobrowse-start': { kind: 'cobrowse-start', key: 'k', interactive: false },
    'cobrowse-end': { kind: 'cobrowse-end', key: 'k', capabilities: [] },
    sde: { kind: 'sde', key: 'k', sdeType: 'LEAD', authenticated: true, fields: [] },
    survey: { kind: 'survey', key: 'k', answers: [] },
    'agent-survey': { kind: 'agent-survey', key: 'k', answers: [] },
  }
  const words = Object.values(one).map((event) => [
    EVENT_LABELS[event.kind],
    describeEvent(event).text,
  ])
  expect(words).toEqual([
    ['Joined', 'An agent joined'],
    ['Left', 'An agent left'],
    ['Assignment', 'Assigned'],
    ['Transfer', 'Transferred'],
    ['Skill change', 'Skill changed'],
    ['Dialog', 'Dialog started'],
    ['Dialog', 'Dialog ended'],
    ['Dialog', 'Conversation closed'],
    ['Co-browse', 'Co-browse started'],
    ['Co-browse', 'Co-browse ended'],
    ['Engagement attributes', 'Engagement attributes updated: Lead (authenticated)'],
    ['Survey', 'Survey submitted'],
    ['Survey', 'Agent survey submitted'],
  ])
  // A kind the vocabulary does not know is a bug, not a blank line.
  expect(() => describeEvent({ kind: 'new-kind', key: 'k' } as never)).toThrow()
})

test('one word per code, whichever screen asks', () => {
  expect([statusLabel('OPEN'), statusLabel('CLOSE'), statusLabel(undefined)]).toEqual([
    'Open',
    'Closed',
    'Unknown',
  ])
  // The panel's label and the timeline's sentence for the same reason, from one table.
  expect(transferReasonLabel('back2Q')).toBe('Back to queue')
  expect(transferReasonWords('back2Q')).toBe('returned to the queue')
  expect(transferReasonLabel('somethingNew')).toBe('somethingNew')
  // SDE types: the panel heading, the timeline sentence and the search filter say the same.
  expect(sdeTypeLabel('MARKETING_CAMPAIGN_INFO')).toBe(SDE_LABELS.marketingCampaignInfo)
  expect(sdeTypeLabel('NOT_A_TYPE')).toBe('NOT_A_TYPE')
})

describe('engagement-attribute fields in words', () => {
  test('the fields the domain names by key get the labels the panel shows, in its order', () => {
    const labelled = engagementAttributeGroups(seed()).map((group) => [
      group.sdeType,
      group.events.map((event) => event.fields.map((field) => sdeFieldLabel(field.key))),
    ])
    expect(Object.fromEntries(labelled)).toEqual({
      CUSTOMER_INFO: [
        [
          'Customer ID',
          'User name',
          'Account name',
          'Customer status',
          'Customer type',
          'Balance',
          'Last payment date',
          'Registration date',
          'Role',
          'Company size',
          'Company branch',
          'Store number',
          'Store ZIP code',
          'Social ID',
          'IMEI',
        ],
        ['Customer ID', 'Company branch'],
      ],
      PERSONAL_INFO: [
        ['Name', 'Surname', 'Gender', 'Company', 'Language', 'Age', 'Date of birth', 'Contacts'],
        ['Name', 'Surname', 'Contacts'],
      ],
      CART_STATUS: [['Total', 'Number of items', 'Products']],
      PURCHASE: [['Order ID', 'Total']],
      MARKETING_CAMPAIGN_INFO: [['Campaign ID', 'Affiliate', 'Originating channel']],
      SEARCH_CONTENT: [['Keywords']],
      VIEWED_PRODUCT: [['Products']],
      VISITOR_ERROR: [['Message', 'Code', 'Context ID']],
      LEAD: [['Topic', 'Value', 'Lead ID']],
      SERVICE_ACTIVITY: [['Topic', 'Category', 'Status', 'Service ID']],
    })
  })

  test('the other known fields keep the labels the panel has always shown', () => {
    expect(
      [
        'userName',
        'accountName',
        'customerStatus',
        'customerType',
        'balance',
        'lastPaymentDate',
        'registrationDate',
        'loginStatus',
        'companySize',
        'storeNumber',
        'storeZipCode',
        'socialId',
        'imei',
        'email',
        'phone',
        'level',
        'resolved',
      ].map(sdeFieldLabel),
    ).toEqual([
      'User name',
      'Account name',
      'Customer status',
      'Customer type',
      'Balance',
      'Last payment date',
      'Registration date',
      'Login status',
      'Company size',
      'Store number',
      'Store ZIP code',
      'Social ID',
      'IMEI',
      'Email',
      'Phone',
      'Level',
      'Resolved',
    ])
  })

  test("a cart's own fields are named as the cart's; an age splits into age and date of birth", () => {
    expect(sdeFieldLabel('cart')).toBe('Cart')
    expect(sdeFieldLabel('cart.total')).toBe('Cart total')
    expect(sdeFieldLabel('cart.numItems')).toBe('Number of items')
    expect(sdeFieldLabel('cart.products')).toBe('Products')
    expect(sdeFieldLabel('customerAge.years')).toBe('Age')
    expect(sdeFieldLabel('customerAge.dateOfBirth')).toBe('Date of birth')
    expect(sdeFieldLabel('currency')).toBe('Currency')
  })

  test('a key nobody named reads as words from its spelling', () => {
    expect(sdeFieldLabel('dealerNote')).toBe('Dealer note')
    expect(sdeFieldLabel('rating')).toBe('Rating')
    expect(sdeFieldLabel('cart.giftWrap')).toBe('Gift wrap')
    expect(humanizeKey('storeZipCode')).toBe('Store zip code')
    expect(humanizeKey('loyalty_tier')).toBe('Loyalty tier')
  })
})
