import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SDE_SEARCH_KEYS, searchBodySchema } from '@/domain/schema/search-request'
import { ACCOUNT, idsOf, pick, startTestApi, type ApiAnswer, type TestApi } from './api-harness'
import { DAY, FIXTURE_RECORDS, T0, WIDE } from './fixtures'

/**
 * Hostile text (issue 11, finding 4): every control character and lone surrogate, in every
 * string the three search bodies take, over real HTTP to a real archive. The answer is never a
 * 500: either 200, or a 400 whose `field` names where the character was.
 */

let api: TestApi

beforeAll(async () => {
  // With a workspace (local mode), so the review filter is answered, not refused whole.
  api = await startTestApi({ records: FIXTURE_RECORDS, workspace: {} })
})
afterAll(async () => {
  await api.stop()
})

/** U+0000–U+001F and U+007F, the characters of the finding. */
const CONTROLS = [...Array.from({ length: 32 }, (_, code) => code), 0x7f].map((code) =>
  String.fromCharCode(code),
)
/** Halves of a surrogate pair without the other half (JSON.stringify sends them as \ud800). */
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff']
const HOSTILE = [...CONTROLS, ...LONE_SURROGATES]

const codeOf = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/** One string the body takes: where it goes and a valid value to put the character into. */
interface TextSlot {
  /** The field a 400 must name (or a prefix of it: `status` for `status[0]`). */
  field: string
  /** A valid value for the slot. */
  valid: string
  body: (text: string) => Record<string, unknown>
}

const search = (extra: Record<string, unknown>) => ({ start: WIDE, ...extra })
const free = (field: string, valid: string): TextSlot => ({
  field,
  valid,
  body: (text) => search({ [field]: text }),
})
const list = (field: string, valid: string): TextSlot => ({
  field,
  valid,
  body: (text) => search({ [field]: [text] }),
})
/** One bound of a `{from, to}` range (the other one valid); a 400 may name either bound. */
const range = (
  field: string,
  valid: { from: string; to: string },
  bound: 'from' | 'to',
): TextSlot => ({
  field,
  valid: valid[bound],
  body: (text) => search({ [field]: { ...valid, [bound]: text } }),
})
const ranges = (field: string, from: string, to: string) =>
  (['from', 'to'] as const).map((bound) => range(field, { from, to }, bound))

/** Every string of the `conversations/search` body, by the schema's fields. */
const SEARCH_SLOTS: TextSlot[] = [
  free('keyword', 'refund'),
  free('summary', 'refund'),
  ...SDE_SEARCH_KEYS.map((key) => ({
    field: `sdeSearch.${key}`,
    valid: 'john',
    body: (text: string) => search({ sdeSearch: { [key]: text } }),
  })),
  list('skillIds', '20'),
  list('latestSkillIds', '20'),
  list('agentIds', 'a-alice'),
  list('latestAgentIds', 'a-bob'),
  list('agentGroupIds', '100'),
  list('source', 'APP'),
  list('status', 'OPEN'),
  list('device', 'MOBILE'),
  list('messageContentTypes', 'TEXT_PLAIN'),
  list('alertedMcsValues', '1'),
  list('contentToRetrieve', 'sdes'),
  free('latestConversationQueueState', 'ACTIVE'),
  ...ranges('start', String(WIDE.from), String(WIDE.to)),
  ...ranges('end', String(T0 - DAY), String(T0 + DAY)),
  ...ranges('duration', '0', '3600'),
  ...ranges('mcs', '0', '100'),
  ...ranges('csat', '1', '5'),
  ...ranges('nps', '0', '10'),
  // Issue 13: the review filter, our extension.
  ...(
    [
      ['status', 'reviewed', true],
      ['reviewer', 'priya@example.com', true],
      ['minScore', '60', false],
      ['maxScore', '90', false],
    ] as const
  ).map(([key, valid, inList]) => ({
    field: `review.${key}`,
    valid,
    body: (text: string) => search({ review: { [key]: inList ? [text] : text } }),
  })),
  // Issue 15: close reasons and transfers, our extensions.
  list('closeReasons', 'AGENT'),
  ...ranges('transferCount', '0', '3'),
  ...ranges('transferPath', '20', '30'),
  // Issue 15: one value of a charted engagement attribute, its field, a number range.
  ...(
    [
      ['vip', (text: string) => ({ field: 'customerInfo.customerType', value: text })],
      ['purchase.total', (text: string) => ({ field: text, value: 'vip' })],
      ['10', (text: string) => ({ field: 'purchase.total', from: text, to: '20' })],
    ] as const
  ).map(([valid, filter]) => ({
    field: 'sdeValue',
    valid,
    body: (text: string) => search({ sdeValue: filter(text) }),
  })),
]

const SEARCH_PATH = `/messaging_history/api/account/${ACCOUNT}/conversations/search`
const BY_ID_PATH = `/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`
const CONSUMER_PATH = `/messaging_history/api/account/${ACCOUNT}/conversations/consumer/search`

/** The strings of the by-ID and consumer bodies. */
const OTHER_SLOTS: (TextSlot & { path: string })[] = [
  {
    path: BY_ID_PATH,
    field: 'conversationId',
    valid: 'c-refund',
    body: (text) => ({ conversationId: text }),
  },
  {
    path: BY_ID_PATH,
    field: 'conversationIds',
    valid: 'c-refund',
    body: (text) => ({ conversationIds: [text] }),
  },
  {
    path: CONSUMER_PATH,
    field: 'consumer',
    valid: 'cust-1',
    body: (text) => ({ consumer: text, status: ['CLOSE'] }),
  },
  {
    path: CONSUMER_PATH,
    field: 'status',
    valid: 'CLOSE',
    body: (text) => ({ consumer: 'cust-1', status: [text] }),
  },
]

/** `char` inside the valid value, around it (trimmed or not), and alone. */
function placements(valid: string, char: string): string[] {
  const middle = Math.ceil(valid.length / 2)
  return [`${valid.slice(0, middle)}${char}${valid.slice(middle)}`, `${char}${valid}${char}`, char]
}

/** 200, or a 400 naming `field` (or a part of it) in the API's error JSON. */
function expectAnsweredOrRefused(answer: ApiAnswer, field: string, what: string): void {
  if (answer.status === 200) return
  expect(answer.status, `${what}: ${answer.text}`).toBe(400)
  const named = pick(answer.json, 'error', 'field')
  expect(named, `${what}: ${answer.text}`).toSatisfy(
    (name: unknown) =>
      typeof name === 'string' &&
      (name === field || name.startsWith(`${field}.`) || name.startsWith(`${field}[`)),
  )
  expect(pick(answer.json, 'error', 'status')).toBe(400)
  const message = pick(answer.json, 'error', 'message')
  expect(typeof message === 'string' && message.startsWith(`${String(named)}: `), answer.text).toBe(
    true,
  )
}

describe('control characters and lone surrogates in the search bodies', () => {
  it('the slots cover every field of the conversations/search body', () => {
    const covered = new Set(SEARCH_SLOTS.map((slot) => slot.field.split(/[.[]/)[0]))
    expect([...covered].sort()).toEqual(Object.keys(searchBodySchema.in.shape).sort())
  })

  it('every character, in every string of every body: 200 or a 400 naming the field', async () => {
    const slots = [...SEARCH_SLOTS.map((slot) => ({ ...slot, path: SEARCH_PATH })), ...OTHER_SLOTS]
    for (const slot of slots) {
      // One slot's requests at a time, in parallel: the 400 or 200 is per request.
      await Promise.all(
        HOSTILE.flatMap((char) =>
          placements(slot.valid, char).map(async (text) => {
            const answer = await api.post(slot.path, slot.body(text))
            expectAnsweredOrRefused(answer, slot.field, `${slot.field} with ${codeOf(char)}`)
          }),
        ),
      )
    }
  }, 120_000)

  it('keyword and summary: a control character separates words like a space (NUL included)', async () => {
    const words = { keyword: ['thirty', 'days'], summary: ['refund', 'approved'] } as const
    for (const [field, [first, second]] of Object.entries(words)) {
      const texts = (gap: string) => [`${first}${gap}${second}`, `"${first}${gap}${second}"`]
      for (const spaced of texts(' ')) {
        const answer = await api.search(search({ [field]: spaced }))
        expect(idsOf(answer.json), `${field}: ${spaced}`).toEqual(['c-refund'])
      }
      for (const char of CONTROLS) {
        for (const text of [...texts(char), `${char}${first}${char}${second}${char}`]) {
          const answer = await api.search(search({ [field]: text }))
          expect(answer.status, `${field} with ${codeOf(char)}: ${answer.text}`).toBe(200)
          expect(idsOf(answer.json), `${field} with ${codeOf(char)}`).toEqual(['c-refund'])
        }
      }
    }
  }, 60_000)

  it('a keyword or summary of control characters alone is no filter, like one of spaces', async () => {
    const all = idsOf((await api.search(search({}))).json)
    for (const field of ['keyword', 'summary']) {
      const answer = await api.search(search({ [field]: '\u0000\t\u0001\u007f' }))
      expect(answer.status, answer.text).toBe(200)
      expect(idsOf(answer.json)).toEqual(all)
    }
  })

  it('property: any mix of hostile and ordinary characters in any search string', async () => {
    const unit = fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.constantFrom('a', 'Z', '7', 'é', ' ', '"', '\u201c', '*', '-', ':', '(', "'", '\\'),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    )
    const text = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SEARCH_SLOTS),
        text,
        fc.option(text, { nil: undefined }),
        async (slot, value, keyword) => {
          // Another text filter alongside, as the search page sends them together.
          const body = { ...slot.body(value), ...(keyword === undefined ? {} : { keyword }) }
          const answer = await api.post(SEARCH_PATH, body)
          if (answer.status === 400) {
            const named = pick(answer.json, 'error', 'field')
            const expected =
              typeof named === 'string' && named.startsWith('keyword') ? 'keyword' : slot.field
            expectAnsweredOrRefused(answer, expected, `${slot.field}=${JSON.stringify(value)}`)
            return
          }
          expect(answer.status, answer.text).toBe(200)
        },
      ),
      { numRuns: 300 },
    )
  }, 120_000)
})
