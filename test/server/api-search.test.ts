import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idsOf, pick, startTestApi, type TestApi } from './api-harness'
import { DAY, FIXTURE_RECORDS, HOUR, MINUTE, T0, WIDE } from './fixtures'

let api: TestApi

beforeAll(async () => {
  api = await startTestApi({ records: FIXTURE_RECORDS })
})
afterAll(async () => {
  await api.stop()
})

/** Searches the wide window plus `filters`; returns the IDs (sorted) after checking the count. */
async function matching(filters: Record<string, unknown>): Promise<string[]> {
  const answer = await api.search({ start: WIDE, ...filters })
  expect(answer.status, answer.text).toBe(200)
  const ids = idsOf(answer.json)
  expect(pick(answer.json, '_metadata', 'count')).toBe(ids.length)
  return ids.sort()
}

describe('conversations/search filters', () => {
  it('returns every conversation in the start window, newest first by default', async () => {
    const answer = await api.search({ start: WIDE })
    expect(answer.status).toBe(200)
    expect(idsOf(answer.json)).toEqual(['c-other', 'c-parcel', 'c-html', 'c-refund', 'c-old'])
    expect(pick(answer.json, '_metadata', 'count')).toBe(5)
    expect(pick(answer.json, '_metadata', 'shardsStatusResult')).toEqual({ partialResult: false })
  })

  it('rounds the start window outwards to 10 minutes, as LivePerson does', async () => {
    // c-refund starts at +1h05; from=+1h09 rounds down to +1h00. c-html starts at +2h00;
    // to=+1h51 rounds up to +2h00.
    expect(
      await matching({ start: { from: T0 + HOUR + 9 * MINUTE, to: T0 + 2 * HOUR - 9 * MINUTE } }),
    ).toEqual(['c-html', 'c-refund'])
    // Without rounding neither would match; a window clear of both by 10 minutes finds nothing.
    expect(
      await matching({ start: { from: T0 + HOUR + 20 * MINUTE, to: T0 + HOUR + 40 * MINUTE } }),
    ).toEqual([])
  })

  it('accepts times as numeric strings, as the LivePerson docs send them', async () => {
    expect(
      await matching({ start: { from: String(T0 + 2 * HOUR), to: String(T0 + 3 * HOUR) } }),
    ).toEqual(['c-html', 'c-parcel'])
  })

  it('filters by end window (open conversations have no end)', async () => {
    expect(
      await matching({ end: { from: T0 + 3 * HOUR, to: T0 + 4 * HOUR + 5 * MINUTE } }),
    ).toEqual(['c-parcel'])
  })

  it('filters by status', async () => {
    expect(await matching({ status: ['OPEN'] })).toEqual(['c-html'])
    expect(await matching({ status: ['CLOSE'] })).toEqual([
      'c-old',
      'c-other',
      'c-parcel',
      'c-refund',
    ])
  })

  it('skillIds match any skill during the conversation; latestSkillIds only the last', async () => {
    expect(await matching({ skillIds: ['20'] })).toEqual(['c-html', 'c-other', 'c-refund'])
    expect(await matching({ skillIds: [20, 30] })).toEqual([
      'c-html',
      'c-other',
      'c-parcel',
      'c-refund',
    ])
    expect(await matching({ latestSkillIds: ['20'] })).toEqual(['c-html', 'c-other'])
  })

  it('agentIds match assigned agents anywhere; latestAgentIds only the last', async () => {
    expect(await matching({ agentIds: ['a-bot'] })).toEqual(['c-refund'])
    expect(await matching({ agentIds: ['a-alice'] })).toEqual(['c-old', 'c-other', 'c-refund'])
    expect(await matching({ latestAgentIds: ['a-bob'] })).toEqual(['c-html', 'c-parcel'])
    expect(await matching({ latestAgentIds: ['a-bot'] })).toEqual([])
  })

  it('filters by agent group', async () => {
    expect(await matching({ agentGroupIds: ['300'] })).toEqual(['c-refund'])
    expect(await matching({ agentGroupIds: [200] })).toEqual(['c-html', 'c-parcel'])
  })

  it('keyword: every word must appear, exact tokens, case-insensitive', async () => {
    expect(await matching({ keyword: 'refund' })).toEqual(['c-old', 'c-other', 'c-refund'])
    expect(await matching({ keyword: 'REFUND order' })).toEqual(['c-other', 'c-refund'])
    expect(await matching({ keyword: 'refun' })).toEqual([])
  })

  it('keyword: a "quoted phrase" matches the words in that order only', async () => {
    expect(await matching({ keyword: '"refund policy"' })).toEqual(['c-refund'])
    expect(await matching({ keyword: '"policy refund"' })).toEqual(['c-other'])
    expect(await matching({ keyword: 'thirty "refund policy"' })).toEqual(['c-refund'])
  })

  it('keyword: a quoted phrase stays within one message', async () => {
    // c-refund: "I need a refund for my order", then "Sure, our refund policy allows thirty days".
    expect(await matching({ keyword: '"for my order"' })).toEqual(['c-refund'])
    expect(await matching({ keyword: '"my order sure"' })).toEqual([])
    expect(await matching({ keyword: 'order sure' })).toEqual(['c-refund'])
    // The index's boundary between messages cannot be typed into a search.
    expect(await matching({ keyword: '"order \ue000 sure"' })).toEqual([])
    expect(await matching({ keyword: 'thirty \ue000' })).toEqual(['c-other', 'c-refund'])
  })

  it('keyword: diacritics are folded and HTML, rich content and quick replies are searchable', async () => {
    expect(await matching({ keyword: 'cafe' })).toEqual(['c-html', 'c-old'])
    expect(await matching({ keyword: 'déjà' })).toEqual(['c-old'])
    expect(await matching({ keyword: 'opening hours' })).toEqual(['c-html'])
    expect(await matching({ keyword: 'premium plan' })).toEqual(['c-html'])
    expect(await matching({ keyword: 'shipment' })).toEqual(['c-parcel'])
    // Markup is not text: the tag name <b> is not a word of the message.
    expect(await matching({ keyword: 'b' })).toEqual([])
  })

  it('keyword: FTS syntax characters in user input are plain text, never an error', async () => {
    for (const keyword of [
      'NEAR OR -minus: star* (parens) ^caret',
      '"NEAR" OR',
      'star*',
      'minus:',
      '(parens',
      'NEAR(star parens)',
      'messages: parcel',
      '"unbalanced quote',
    ]) {
      const answer = await api.search({ start: WIDE, keyword })
      expect(answer.status, `${keyword}: ${answer.text}`).toBe(200)
    }
    expect(await matching({ keyword: 'NEAR OR -minus: star* (parens) ^caret' })).toEqual([
      'c-parcel',
    ])
    expect(await matching({ keyword: 'summary: parcel' })).toEqual([])
    expect(await matching({ keyword: '"unbalanced quote parcel' })).toEqual([])
    expect(await matching({ keyword: 'parcel "where is' })).toEqual(['c-parcel'])
  })

  it('summary: words or phrase in the agent summary only', async () => {
    expect(await matching({ summary: 'supervisor' })).toEqual(['c-refund'])
    expect(await matching({ summary: '"parcel delayed"' })).toEqual(['c-parcel'])
    expect(await matching({ summary: 'refund' })).toEqual(['c-refund'])
    expect(await matching({ keyword: 'refund', summary: 'approved' })).toEqual(['c-refund'])
    expect(await matching({ keyword: 'parcel', summary: 'approved' })).toEqual([])
  })

  it('duration in seconds, either bound optional', async () => {
    expect(await matching({ duration: { from: 100, to: 700 } })).toEqual([
      'c-html',
      'c-old',
      'c-refund',
    ])
    expect(await matching({ duration: { from: 3000 } })).toEqual(['c-parcel'])
    expect(await matching({ duration: { to: 130 } })).toEqual(['c-html', 'c-other'])
  })

  it('mcs range, inclusive', async () => {
    expect(await matching({ mcs: { from: 80 } })).toEqual(['c-old', 'c-refund'])
    expect(await matching({ mcs: { from: 40, to: 50 } })).toEqual(['c-parcel'])
  })

  it('alertedMcsValues', async () => {
    expect(await matching({ alertedMcsValues: ['-1'] })).toEqual(['c-html', 'c-other'])
    expect(await matching({ alertedMcsValues: ['1', '0'] })).toEqual([
      'c-old',
      'c-parcel',
      'c-refund',
    ])
  })

  it('csat from info (csatRate on the wire) and nps from the survey', async () => {
    expect(await matching({ csat: { from: 4 } })).toEqual(['c-old', 'c-refund'])
    expect(await matching({ csat: { to: 2 } })).toEqual(['c-html'])
    expect(await matching({ nps: { from: 7 } })).toEqual(['c-refund'])
    expect(await matching({ nps: { to: 5 } })).toEqual(['c-old'])
  })

  it('source (channel), case-insensitive', async () => {
    expect(await matching({ source: ['SHARK', 'FACEBOOK'] })).toEqual(['c-html', 'c-parcel'])
    expect(await matching({ source: ['whatsapp business'] })).toEqual(['c-other'])
  })

  it('device ("undefined" on the wire counts as NA)', async () => {
    expect(await matching({ device: ['TABLET'] })).toEqual(['c-parcel'])
    expect(await matching({ device: ['NA'] })).toEqual(['c-old'])
    expect(await matching({ device: ['MOBILE', 'DESKTOP'] })).toEqual([
      'c-html',
      'c-other',
      'c-refund',
    ])
  })

  it('messageContentTypes', async () => {
    expect(await matching({ messageContentTypes: ['RICH_CONTENT'] })).toEqual(['c-html'])
    expect(await matching({ messageContentTypes: ['TEXT_HTML'] })).toEqual(['c-html'])
    expect(await matching({ messageContentTypes: ['IMG'] })).toEqual([])
  })

  it('latestConversationQueueState', async () => {
    expect(await matching({ latestConversationQueueState: 'IN_QUEUE' })).toEqual(['c-html'])
  })

  it('sdeSearch: keys are ORed, values matched folded, authenticated and not', async () => {
    expect(await matching({ sdeSearch: { personalInfo: 'john' } })).toEqual(['c-refund'])
    expect(await matching({ sdeSearch: { personalInfo: 'John Doe' } })).toEqual([])
    expect(await matching({ sdeSearch: { personalInfo: 'john@example.com' } })).toEqual([
      'c-refund',
    ])
    expect(await matching({ sdeSearch: { customerInfo: 'C-42' } })).toEqual(['c-parcel'])
    expect(await matching({ sdeSearch: { personalInfo: 'john', customerInfo: 'c-42' } })).toEqual([
      'c-parcel',
      'c-refund',
    ])
    expect(await matching({ sdeSearch: { cartStatus: 'blue kettle' } })).toEqual(['c-refund'])
    expect(await matching({ sdeSearch: { customerInfo: 'john' } })).toEqual([])
  })

  it('combines filters with AND', async () => {
    expect(
      await matching({
        status: ['CLOSE'],
        skillIds: ['10'],
        source: ['APP'],
        mcs: { from: 85, to: 100 },
      }),
    ).toEqual(['c-old'])
    expect(
      await matching({
        start: { from: T0, to: T0 + DAY },
        status: ['CLOSE'],
        skillIds: ['10'],
        source: ['APP'],
      }),
    ).toEqual(['c-refund'])
  })

  it('empty filter arrays mean "no filter"', async () => {
    expect(await matching({ status: [], skillIds: [], keyword: '' })).toHaveLength(5)
  })
})

describe('conversations/search response content', () => {
  async function oneRecord(
    body: Record<string, unknown>,
    query: Record<string, string> = {},
  ): Promise<Record<string, unknown>> {
    const answer = await api.search({ start: WIDE, ...body }, query)
    expect(answer.status, answer.text).toBe(200)
    const records = pick(answer.json, 'conversationHistoryRecords')
    if (!Array.isArray(records) || records.length !== 1) throw new Error(answer.text)
    const record: unknown = records[0]
    if (typeof record !== 'object' || record === null) throw new Error('not an object')
    return Object.fromEntries(Object.entries(record))
  }

  it('without contentToRetrieve: the documented default set, drifted keys renamed', async () => {
    const record = await oneRecord({ keyword: 'deja' })
    expect(pick(record, 'info', 'conversationId')).toBe('c-old')
    expect(Object.keys(record).sort()).toEqual(
      [
        'info',
        'campaign',
        'messageRecords',
        'agentParticipants',
        'consumerParticipants',
        'transfers',
        'interactions',
        'messageScores',
        'messageStatuses',
        'conversationSurveys',
        'coBrowseSessions',
      ].sort(),
    )
    expect(record).not.toHaveProperty('monitoring')
    expect(record).not.toHaveProperty('dialogs')
  })

  it('the stored raw record is returned as imported (wire values, not the clean form)', async () => {
    const record = await oneRecord({ keyword: 'deja' })
    expect(pick(record, 'info', 'endTimeL')).toBe(T0 - 40 * DAY + 5 * MINUTE)
    expect(pick(record, 'info', 'device')).toBe('undefined')
    expect(pick(record, 'info', 'csatRate')).toBe(4)
  })

  it('with contentToRetrieve: only the listed sections plus info', async () => {
    const record = await oneRecord({ summary: 'supervisor', contentToRetrieve: [] })
    expect(Object.keys(record)).toEqual(['info'])
    const withSummary = await oneRecord({
      summary: 'supervisor',
      contentToRetrieve: ['summary', 'monitoring'],
    })
    expect(Object.keys(withSummary).sort()).toEqual(['info', 'monitoring', 'summary'])
    expect(pick(withSummary, 'summary', 'text')).toBe('Refund approved by supervisor')
  })

  it('unAuthSdes only with v=2', async () => {
    const v1 = await oneRecord({ summary: 'supervisor', contentToRetrieve: ['sdes', 'unAuthSdes'] })
    expect(v1).toHaveProperty('sdes')
    expect(v1).not.toHaveProperty('unAuthSdes')
    const v2 = await oneRecord(
      { summary: 'supervisor', contentToRetrieve: ['sdes', 'unAuthSdes'] },
      { v: '2' },
    )
    expect(pick(v2, 'unAuthSdes', 'events')).toHaveLength(1)
    const v2Default = await oneRecord({ summary: 'supervisor' }, { v: '2' })
    expect(v2Default).toHaveProperty('unAuthSdes')
    const v1Default = await oneRecord({ summary: 'supervisor' }, { v: '1' })
    expect(v1Default).not.toHaveProperty('unAuthSdes')
  })

  it('answers JSON with no-store and nosniff', async () => {
    const answer = await api.search({ start: WIDE })
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
