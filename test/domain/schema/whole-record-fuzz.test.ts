/**
 * Hostile input over whole records (issue 11): not one broken section at a time
 * (robustness.test.ts) but many fields at once, at every level of the record, replaced by wrong
 * types, huge strings, deep nesting, numbers out of every range, control characters and lone
 * surrogates. The parser must still hand back the record (a warning per broken part) and what
 * the detail page computes from it must build.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { engagementAttributeGroups } from '@/domain/engagement-attributes'
import { conversationMetrics } from '@/domain/metrics'
import { parseConversationRecord } from '@/domain/schema/record'
import type { RecordParseResult } from '@/domain/schema/record'
import { enableRecordFastPath } from '@/domain/schema/record-fast-path'
import { setFastParseEnabled } from '@/domain/schema/fast-path-switch'
import { parseStructuredContent, structuredContentText } from '@/domain/schema/structured-content'
import { buildTimeline } from '@/domain/timeline/build'
import { isContainer, pathsOf, setAt } from './record-paths'
import { SEED_ID, seedRecord, valueAt } from './seed'

type Json = Record<string, unknown>

const T = 1472483659564

/** Structured content with every kind of node the renderer knows, as an already-parsed object. */
const RICH_TREE = {
  type: 'vertical',
  elements: [
    { type: 'text', text: 'Now on sale!', tooltip: 'tip', style: { bold: true, color: '#123' } },
    {
      type: 'button',
      title: 'Buy',
      click: { actions: [{ type: 'link', name: 'Buy', uri: 'https://example.com/buy' }] },
    },
    { type: 'image', url: 'https://example.com/a.png', caption: 'cap', tooltip: 'alt' },
    { type: 'map', la: 40.7829, lo: -73.9654, tooltip: 'map' },
    {
      type: 'carousel',
      padding: 10,
      elements: [{ type: 'vertical', elements: [{ type: 'text', text: 'card' }] }],
    },
    {
      type: 'tabs',
      elements: [{ type: 'list', elements: [{ type: 'text', text: 'item' }] }],
    },
  ],
}

const QUICK_REPLIES = {
  type: 'quickReplies',
  itemsPerRow: 8,
  replies: [
    { type: 'button', title: 'Yes', click: { actions: [{ type: 'publishText', text: 'y' }] } },
  ],
}

/** The seed record plus the sections and message kinds the seed does not have. */
function baseRecord(): Json {
  const cart = valueAt(seedRecord(), 'unAuthSdes.events[0]')
  // a fresh copy every time: the changes below must not reach the shared constants
  const record = seedRecord({
    // an exact duplicate (LP sends them): dropped silently, after comparing the two in full
    'unAuthSdes.events[10]': cart,
    'messageRecords[3].messageData.richContent': { content: RICH_TREE },
    'messageRecords[4]': {
      type: 'TEXT_HTML',
      messageData: { msg: { text: '<b>bold</b>' } },
      messageId: 'm4',
      seq: 4,
      participantId: '3677470410',
      sentBy: 'Agent',
      timeL: T + 4000,
    },
    'messageRecords[5]': {
      type: 'HOSTED_FILE',
      messageData: { file: { relativePath: '/f.png', fileType: 'PNG', caption: 'a file' } },
      messageId: 'm5',
      seq: 5,
      participantId: 'f92c9890-2c95-428b-8a32-083528620d31',
      sentBy: 'Consumer',
      timeL: T + 5000,
    },
    'messageRecords[6]': {
      type: 'TEXT_PLAIN',
      messageData: {
        msg: { text: 'pick one' },
        quickReplies: { content: JSON.stringify(QUICK_REPLIES) },
        linkPreview: { url: 'https://example.com', title: 'Example', imageURL: 'https://x/y.png' },
      },
      messageId: 'm6',
      seq: 6,
      participantId: '3677470410',
      sentBy: 'Agent',
      timeL: T + 6000,
      contextData: { rawMetadata: '[{"type":"BotResponse"}]' },
    },
    monitoring: { country: 'US', countryCode: 'US', ipAddress: '1.2.3.4', browser: 'Chrome' },
    dialogs: [
      {
        dialogId: 'd1',
        status: 'CLOSE',
        dialogType: 'MAIN',
        startTimeL: T,
        endTimeL: T + 9000,
        skillId: 1,
        skillName: 'Billing',
        metaData: { channel: 'web', deviceOs: 'mac' },
      },
    ],
    intents: [
      {
        messageId: 'm4',
        selectedClassification: { intentName: 'i', intentLabel: 'Intent', confidenceScore: 0.5 },
        allClassifications: [
          { intentName: 'i', versions: [{ modelName: 'm', modelVersion: '1' }] },
        ],
      },
    ],
    uniqueIntents: [{ intentName: 'i', intentLabel: 'Intent' }],
    skillChanges: [{ timeL: T + 3000, fromSkillId: 1, toSkillId: 2, toSkillName: 'Cats' }],
    latestAgentSurvey: {
      surveyId: 's1',
      agentId: '3677470410',
      surveyData: [{ question: 'q', answer: 'a' }],
    },
    responseTime: { latestEffectiveResponseDueTime: T + 60000, configuredResponseTime: 60 },
  })
  return structuredClone(record)
}

/** Every path in a value (`a.b[2].c`), containers and leaves, parents before children. */
const PATHS = pathsOf(baseRecord())
// The record is only kept when its ID is readable; the ID's own hostility is tested below.
const MUTABLE = PATHS.filter((p) => p !== 'info' && p !== 'info.conversationId')

// ---------------------------------------------------------------------------------------------
// Hostile values

function nest(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}

const DEPTH = 5000
const DEEP = [
  nest(DEPTH, (v) => [v], 1),
  nest(DEPTH, (v) => ({ a: v }), 'leaf'),
  nest(DEPTH, (v) => ({ text: 'x', elements: [v], children: [v] }), null),
  // a structured-content tree deeper than any renderer recursion should follow
  nest(DEPTH, (v) => ({ type: 'vertical', elements: [v] }), { type: 'text', text: 'bottom' }),
  nest(DEPTH, (v) => ({ events: [v], products: [{ product: v }], contacts: [v] }), {}),
]

const MB = 1 << 20
const HUGE = [
  '1'.repeat(MB), // a 1 MB "number"
  `${'7'.repeat(100_000)}x`, // digits then not a number: the worst case for a numeric regex
  `1.${'0'.repeat(100_000)}e`,
  ' '.repeat(100_000),
  '<b>'.repeat(40_000),
  '\ud800'.repeat(100_000),
  '😀'.repeat(50_000),
  `${'2016-08-29 15:14:19.'}${'5'.repeat(100_000)}+0000`,
  `{"type":"vertical","elements":[${'{"type":"text","text":"a"},'.repeat(5000)}1]}`,
  // deep JSON text (JSON.stringify itself overflows the stack at this depth)
  `${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}`,
  `${'{"type":"vertical","elements":['.repeat(DEPTH)}{"type":"text","text":"x"}${']}'.repeat(DEPTH)}`,
]

const OUT_OF_RANGE = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -1,
  8.64e15 + 1,
  -8.64e15 - 1,
  2 ** 53 + 1,
  -(2 ** 53) - 1,
  0.5,
  -0.25,
  1.0000000001,
  -0,
  1e21,
]

const NASTY_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\r\n',
  '\t',
  '<',
  '"',
  "'",
  '&',
  '1',
  '.',
  '-',
  'e',
  ' ',
  'a',
]

const nastyString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...NASTY_CHARS), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'undefined', 'null', 'NaN', 'Infinity', '-1', '1e400', '0x10', 'true'),
)

// Own `__proto__` / `constructor` keys, as JSON.parse makes them.
const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
  JSON.parse('[{"__proto__":{"polluted":1}}]'),
  JSON.parse('{"type":"text","text":"x","__proto__":{"type":"image"}}'),
]

/** A value too big or too deep to print: fast-check reports it by its label. */
class Named {
  constructor(
    readonly label: string,
    readonly value: unknown,
  ) {}
  [fc.toStringMethod](): string {
    return this.label
  }
}
const unwrap = (value: unknown): unknown => (value instanceof Named ? value.value : value)
const named = (label: string, values: readonly unknown[]) =>
  fc.constantFrom(...values.map((value, i) => new Named(`${label}[${String(i)}]`, value)))

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(), // NaN and ±Infinity too: they arrive from code paths that do not go through JSON
  fc.boolean(),
  fc.constant(null),
  nastyString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant([]),
  fc.constant({}),
)

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: wrongType, weight: 6 },
  {
    arbitrary: fc.constantFrom(...OUT_OF_RANGE).chain((n) => fc.constantFrom(n, String(n))),
    weight: 3,
  },
  { arbitrary: named('HUGE', HUGE), weight: 2 },
  { arbitrary: named('DEEP', DEEP), weight: 2 },
  { arbitrary: fc.constantFrom(...POLLUTERS), weight: 1 },
)

const changes = fc.array(fc.tuple(fc.constantFrom(...MUTABLE), hostile), {
  minLength: 10,
  maxLength: 80,
})

// ---------------------------------------------------------------------------------------------

/** The record as the wire could send it: rich content objects as the JSON strings LP sends. */
function hostileRecord(list: [string, unknown][], asStrings: boolean): Json {
  const record = baseRecord()
  for (const [path, value] of list) setAt(record, path, unwrap(value))
  if (asStrings && Array.isArray(record.messageRecords)) {
    for (const message of record.messageRecords) {
      if (!isContainer(message) || Array.isArray(message)) continue
      const data = message.messageData
      if (!isContainer(data) || Array.isArray(data)) continue
      for (const key of ['richContent', 'quickReplies']) {
        const payload = data[key]
        if (!isContainer(payload) || Array.isArray(payload) || !isContainer(payload.content))
          continue
        try {
          payload.content = JSON.stringify(payload.content)
        } catch {
          // too deep for JSON.stringify: the object form is sent instead
        }
      }
    }
  }
  return record
}

/** Everything the detail page computes from a parsed record, as it would. */
function computeLikeTheDetailPage(result: RecordParseResult): void {
  if (!result.ok) return
  const { record } = result
  for (const item of buildTimeline(record)) {
    if ('time' in item && typeof item.time === 'number') {
      expect(() => new Date(item.time).toISOString()).not.toThrow()
    }
  }
  buildTimeline(record, { dayKey: (ms) => new Date(ms).toDateString(), waitThresholdMs: 1 })
  conversationMetrics(record)
  engagementAttributeGroups(record)
  for (const message of record.messageRecords ?? []) {
    const data = message.messageData
    for (const payload of [data?.richContent, data?.quickReplies]) {
      if (payload === undefined) continue
      const parsed = parseStructuredContent(payload.content)
      for (const issue of parsed.issues) expect(issue.message.length).toBeGreaterThan(0)
      structuredContentText(payload.content)
    }
  }
}

function expectNamedWarnings(result: RecordParseResult): void {
  if (!result.ok) return
  for (const warning of result.warnings) {
    expect(typeof warning.section).toBe('string')
    expect(warning.section.length).toBeGreaterThan(0)
    expect(typeof warning.message).toBe('string')
    expect(warning.message.length).toBeGreaterThan(0)
  }
}

beforeAll(() => {
  // The server's import and the SPA's detail page both parse through the compiled fast path.
  enableRecordFastPath()
})
afterAll(() => {
  setFastParseEnabled(true)
})

test('the base record is clean, so every warning below comes from a hostile change', () => {
  const result = parseConversationRecord(baseRecord())
  expect(result.ok && result.warnings).toEqual([])
  expect(MUTABLE.length).toBeGreaterThan(300)
  // every section named in issue 11 has paths to change
  for (const section of [
    'info.',
    'campaign.',
    'monitoring.',
    'messageRecords[0].',
    'messageRecords[3].messageData.richContent.content.elements[4].elements[0]',
    'messageRecords[6].messageData.quickReplies',
    'agentParticipants[0].',
    'consumerParticipant[0].',
    'transfers[1].',
    'interactions[0].',
    'messageScore[0].',
    'messageStatuses[2].',
    'conversationSurveys[0].surveyData[0].',
    'coBrowseSessions.coBrowseSessionsList[1].capabilities',
    'sdes.events[1].personalInfo.personalInfo.contacts[0].personalContact.email',
    'unAuthSdes.events[0].cartStatus.products[0].product.price',
    'unAuthSdes.events[2].customerInfo.customerInfo.lastPaymentDate.year',
    'unAuthSdes.events[8].purchase.cart',
    'summary.',
    'dialogs[0].metaData.',
    'intents[0].allClassifications[0].versions[0].',
    'skillChanges[0].',
  ]) {
    expect(
      MUTABLE.some((p) => p.startsWith(section)),
      section,
    ).toBe(true)
  }
})

test('many hostile fields at once never throw, never lose the record, and name what broke', () => {
  fc.assert(
    fc.property(changes, fc.boolean(), (list, asStrings) => {
      const result = parseConversationRecord(hostileRecord(list, asStrings))
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.record.info.conversationId).toBe(SEED_ID)
      expectNamedWarnings(result)
      computeLikeTheDetailPage(result)
      expect(Object.prototype).not.toHaveProperty('polluted')
    }),
    { numRuns: 200 },
  )
})

test('the same without the fast path (plain zod) holds too', () => {
  setFastParseEnabled(false)
  try {
    fc.assert(
      fc.property(changes, fc.boolean(), (list, asStrings) => {
        const result = parseConversationRecord(hostileRecord(list, asStrings))
        expect(result.ok && result.record.info.conversationId).toBe(SEED_ID)
        expectNamedWarnings(result)
        computeLikeTheDetailPage(result)
      }),
      { numRuns: 60 },
    )
  } finally {
    setFastParseEnabled(true)
  }
})

test('every field of the record replaced at once (1 MB, deep, out of range) still parses', () => {
  // Leaves only, so each hostile value lands where it was meant to.
  const leaves = MUTABLE.filter((p) => {
    const parent = PATHS.filter((q) => q.startsWith(`${p}.`) || q.startsWith(`${p}[`))
    return parent.length === 0
  })
  const replacements: unknown[] = [HUGE[0], DEEP[0], DEEP[1], DEEP[3], 1e308, -1, '\ud800\u0000']
  for (const value of replacements) {
    const result = parseConversationRecord(
      hostileRecord(
        leaves.map((p) => [p, value]),
        true,
      ),
    )
    expect(result.ok && result.record.info.conversationId).toBe(SEED_ID)
    expectNamedWarnings(result)
    computeLikeTheDetailPage(result)
  }
})

test('a hostile conversation ID is kept exactly when readable and rejected (not thrown) when not', () => {
  const idValue = fc.oneof(nastyString, wrongType, named('HUGE', HUGE), named('DEEP', DEEP))
  fc.assert(
    fc.property(idValue, changes, (wrapped, list) => {
      const id = unwrap(wrapped)
      const raw = hostileRecord(list, false)
      setAt(raw, 'info.conversationId', id)
      const result = parseConversationRecord(raw)
      const readable =
        typeof id === 'string' &&
        id.trim() !== '' &&
        !(id.length <= 16 && ['undefined', 'null'].includes(id.trim()))
      if (readable) {
        expect(result.ok && result.record.info.conversationId).toBe(id.trim())
      }
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0)
      expectNamedWarnings(result)
      computeLikeTheDetailPage(result)
    }),
    { numRuns: 100 },
  )
  // and a record that is not an object at all, or whose info is not one, is refused with a reason
  for (const raw of [null, 1, 'x', [], DEEP[0], { info: DEEP[0] }, { info: HUGE[0] }]) {
    const result = parseConversationRecord(raw)
    expect(result.ok).toBe(false)
  }
})

test('a long run of digits that is not a number is read in linear time', () => {
  // Every numeric field of the record gets 20,000 digits and a letter: not a number, so each
  // field is dropped with a warning. Read back-tracking, one field alone took seconds.
  const numeric = MUTABLE.filter((p) => typeof valueAt(baseRecord(), p) === 'number')
  expect(numeric.length).toBeGreaterThan(40)
  const raw = hostileRecord(
    numeric.map((p) => [p, `${'4'.repeat(20_000)}x`]),
    false,
  )
  const started = performance.now()
  const result = parseConversationRecord(raw)
  expect(performance.now() - started).toBeLessThan(5_000)
  expect(result.ok && result.warnings.length).toBeGreaterThan(30)
})
