/** Small hand-built conversations whose differences make every search filter observable. */
import {
  buildRecord,
  cartStatusEvent,
  customerInfoEvent,
  personalInfoEvent,
} from './record-factory'

export const T0 = Date.UTC(2026, 0, 10, 12, 0, 0)
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A window covering every fixture conversation. */
export const WIDE = { from: T0 - 60 * DAY, to: T0 + DAY }

const alice = { id: 'a-alice', name: 'Alice Agent', groupId: 100, groupName: 'Tier 1' }
const bob = { id: 'a-bob', name: 'Bob Agent', groupId: 200, groupName: 'Tier 2' }
const bot = { id: 'a-bot', name: 'Helper Bot', bot: true, groupId: 300, groupName: 'Bots' }
const billing = { id: 10, name: 'Billing' }
const sales = { id: 20, name: 'Sales' }
const support = { id: 30, name: 'Support' }

export const FIXTURE_RECORDS = [
  buildRecord({
    id: 'c-refund',
    start: T0 + HOUR + 5 * MINUTE,
    end: T0 + HOUR + 15 * MINUTE,
    latestSkill: billing,
    earlierSkills: [sales],
    agents: [bot, alice],
    source: 'APP',
    device: 'MOBILE',
    durationMs: 600_000,
    mcs: 80,
    alertedMCS: 1,
    csat: 5,
    nps: 9,
    queueState: 'ACTIVE',
    consumerId: 'cust-1',
    messages: [
      { text: 'I need a refund for my order' },
      { text: 'Sure, our refund policy allows thirty days' },
    ],
    summary: 'Refund approved by supervisor',
    sdes: [personalInfoEvent('John', 'Doe', 'john@example.com')],
    unAuthSdes: [cartStatusEvent('Blue Kettle')],
  }),
  buildRecord({
    id: 'c-html',
    start: T0 + 2 * HOUR,
    latestSkill: sales,
    agents: [bob],
    source: 'SHARK',
    device: 'DESKTOP',
    durationMs: 120_000,
    mcs: 20,
    alertedMCS: -1,
    csat: 2,
    queueState: 'IN_QUEUE',
    consumerId: 'cust-1',
    messages: [
      { type: 'TEXT_HTML', text: '<p>Caf&#233; <b>opening</b> hours?</p>' },
      {
        rich: {
          type: 'vertical',
          elements: [
            { type: 'text', text: 'Choose a plan' },
            {
              type: 'button',
              title: 'Premium plan',
              click: { actions: [{ type: 'publishText', text: 'premium' }] },
            },
          ],
        },
      },
    ],
  }),
  buildRecord({
    id: 'c-parcel',
    start: T0 + 3 * HOUR,
    end: T0 + 4 * HOUR,
    latestSkill: support,
    agents: [bob],
    source: 'FACEBOOK',
    device: 'TABLET',
    durationMs: 3_600_000,
    mcs: 50,
    alertedMCS: 0,
    csat: 3,
    consumerId: 'cust-2',
    messages: [
      {
        text: 'Where is my parcel?',
        quickReplies: {
          type: 'quickReplies',
          itemsPerRow: 2,
          replies: [
            {
              type: 'button',
              title: 'Track shipment',
              click: { actions: [{ type: 'publishText', text: 'track' }] },
            },
          ],
        },
      },
      { text: 'He said "NEAR" OR -minus: star* (parens) ^caret' },
    ],
    summary: 'Parcel delayed at depot',
    sdes: [customerInfoEvent('C-42')],
  }),
  buildRecord({
    id: 'c-old',
    start: T0 - 40 * DAY,
    end: T0 - 40 * DAY + 5 * MINUTE,
    latestSkill: billing,
    agents: [alice],
    source: 'APP',
    mcs: 90,
    csat: 4,
    nps: 3,
    consumerId: 'cust-3',
    messages: [{ text: 'refund please' }, { text: 'Déjà vu, naïve café' }],
    drifted: true,
  }),
  buildRecord({
    id: 'c-other',
    start: T0 + 5 * HOUR,
    end: T0 + 5 * HOUR + MINUTE,
    latestSkill: sales,
    agents: [alice],
    source: 'WhatsApp Business',
    device: 'MOBILE',
    mcs: 10,
    alertedMCS: -1,
    consumerId: 'cust-4',
    messages: [{ text: 'policy refund order thirty' }],
  }),
]

/**
 * 120 conversations `p-000` … `p-119`, one minute apart; their end times run the other way
 * (the first started ends last), so sorting by end reverses sorting by start.
 */
export const PAGING_RECORDS = Array.from({ length: 120 }, (_, i) =>
  buildRecord({
    id: `p-${String(i).padStart(3, '0')}`,
    start: T0 + i * MINUTE,
    end: T0 + DAY - i * MINUTE,
  }),
)
