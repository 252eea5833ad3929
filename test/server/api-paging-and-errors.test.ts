import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNT, idsOf, pick, startTestApi, type TestApi } from './api-harness'
import { DAY, PAGING_RECORDS, T0 } from './fixtures'

let api: TestApi
const WINDOW = { from: T0 - DAY, to: T0 + 2 * DAY }
const BASE = `/messaging_history/api/account/${ACCOUNT}/conversations`

beforeAll(async () => {
  api = await startTestApi({ records: PAGING_RECORDS })
})
afterAll(async () => {
  await api.stop()
})

const pid = (i: number) => `p-${String(i).padStart(3, '0')}`
const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => pid(from + k * step))

describe('paging', () => {
  it('defaults to 50 per page with a next link and the total count', async () => {
    const answer = await api.search({ start: WINDOW })
    expect(answer.status).toBe(200)
    expect(idsOf(answer.json)).toEqual(range(119, 70, -1))
    expect(pick(answer.json, '_metadata', 'count')).toBe(120)
    const next = pick(answer.json, '_metadata', 'next', 'href')
    expect(typeof next).toBe('string')
    const nextUrl = new URL(String(next))
    expect(nextUrl.searchParams.get('offset')).toBe('50')
    expect(nextUrl.searchParams.get('limit')).toBe('50')
    expect(pick(answer.json, '_metadata', 'prev')).toBeUndefined()
    expect(pick(answer.json, '_metadata', 'self', 'rel')).toBe('self')
  })

  it('following next and prev links walks the pages', async () => {
    const first = await api.search({ start: WINDOW }, { limit: '40', sort: 'start:asc', v: '2' })
    const nextHref = String(pick(first.json, '_metadata', 'next', 'href'))
    const nextUrl = new URL(nextHref)
    expect(nextUrl.searchParams.get('sort')).toBe('start:asc')
    expect(nextUrl.searchParams.get('v')).toBe('2')
    const second = await api.post(nextUrl.pathname + nextUrl.search, { start: WINDOW })
    expect(idsOf(second.json)).toEqual(range(40, 79))
    const prevHref = new URL(String(pick(second.json, '_metadata', 'prev', 'href')))
    expect(prevHref.searchParams.get('offset')).toBe('0')
    const back = await api.post(prevHref.pathname + prevHref.search, { start: WINDOW })
    expect(idsOf(back.json)).toEqual(idsOf(first.json))
  })

  it('the last page has a prev link and no next link', async () => {
    const answer = await api.search(
      { start: WINDOW },
      { offset: '100', limit: '50', sort: 'start:asc' },
    )
    expect(idsOf(answer.json)).toEqual(range(100, 119))
    expect(pick(answer.json, '_metadata', 'count')).toBe(120)
    expect(pick(answer.json, '_metadata', 'next')).toBeUndefined()
    const prev = new URL(String(pick(answer.json, '_metadata', 'prev', 'href')))
    expect(prev.searchParams.get('offset')).toBe('50')
  })

  it('an offset past the end returns no records but the true count', async () => {
    const answer = await api.search({ start: WINDOW }, { offset: '500' })
    expect(answer.status).toBe(200)
    expect(idsOf(answer.json)).toEqual([])
    expect(pick(answer.json, '_metadata', 'count')).toBe(120)
  })

  it('limit up to 100', async () => {
    const answer = await api.search({ start: WINDOW }, { limit: '100' })
    expect(idsOf(answer.json)).toHaveLength(100)
  })
})

describe('sorting', () => {
  it('start ascending and descending', async () => {
    const asc = await api.search({ start: WINDOW }, { sort: 'start:asc', limit: '5' })
    expect(idsOf(asc.json)).toEqual(range(0, 4))
    const desc = await api.search({ start: WINDOW }, { sort: 'start:desc', limit: '5' })
    expect(idsOf(desc.json)).toEqual(range(119, 115, -1))
  })

  it('end ascending and descending (end order runs against start order here)', async () => {
    const asc = await api.search({ start: WINDOW }, { sort: 'end:asc', limit: '5' })
    expect(idsOf(asc.json)).toEqual(range(119, 115, -1))
    const desc = await api.search(
      { start: WINDOW },
      { sort: 'end:desc', limit: '5', offset: '115' },
    )
    expect(idsOf(desc.json)).toEqual(range(115, 119))
  })
})

describe('400: each rule names its field', () => {
  const now = Date.now()
  const ok = { from: now - DAY, to: now }
  const cases: { name: string; body?: unknown; query?: Record<string, string>; field: string }[] = [
    { name: 'start missing', body: {}, field: 'start' },
    { name: 'start.from missing', body: { start: { to: now } }, field: 'start.from' },
    { name: 'start.from not a time', body: { start: { from: 'yesterday' } }, field: 'start.from' },
    { name: 'from after to', body: { start: { from: now, to: now - DAY } }, field: 'start.from' },
    {
      name: 'window over 3 months',
      body: { start: { from: now - 93 * DAY, to: now } },
      field: 'start',
    },
    {
      name: 'end window over 3 months',
      body: { start: ok, end: { from: now - 100 * DAY } },
      field: 'end',
    },
    { name: 'status value', body: { start: ok, status: ['CLOSED'] }, field: 'status[0]' },
    { name: 'status not an array', body: { start: ok, status: 'OPEN' }, field: 'status' },
    { name: 'device value', body: { start: ok, device: ['PHONE'] }, field: 'device[0]' },
    {
      name: 'alertedMcsValues value',
      body: { start: ok, alertedMcsValues: ['2'] },
      field: 'alertedMcsValues[0]',
    },
    {
      name: 'messageContentTypes value',
      body: { start: ok, messageContentTypes: ['TEXT_PLAIN', 'VIDEO'] },
      field: 'messageContentTypes[1]',
    },
    {
      name: 'latestConversationQueueState value',
      body: { start: ok, latestConversationQueueState: 'WAITING' },
      field: 'latestConversationQueueState',
    },
    {
      name: 'contentToRetrieve value',
      body: { start: ok, contentToRetrieve: ['messageRecords', 'everything'] },
      field: 'contentToRetrieve[1]',
    },
    {
      name: 'sdeSearch key',
      body: { start: ok, sdeSearch: { shoeSize: '42' } },
      field: 'sdeSearch.shoeSize',
    },
    { name: 'mcs above 100', body: { start: ok, mcs: { from: 50, to: 101 } }, field: 'mcs.to' },
    { name: 'mcs from > to', body: { start: ok, mcs: { from: 60, to: 40 } }, field: 'mcs.from' },
    { name: 'mcs without bounds', body: { start: ok, mcs: {} }, field: 'mcs' },
    { name: 'csat below 1', body: { start: ok, csat: { from: 0 } }, field: 'csat.from' },
    { name: 'nps above 10', body: { start: ok, nps: { to: 11 } }, field: 'nps.to' },
    {
      name: 'negative duration',
      body: { start: ok, duration: { from: -5 } },
      field: 'duration.from',
    },
    { name: 'skillIds not a list', body: { start: ok, skillIds: '10' }, field: 'skillIds' },
    { name: 'keyword without letters', body: { start: ok, keyword: '*** --' }, field: 'keyword' },
    { name: 'unknown field', body: { start: ok, colour: 'blue' }, field: 'colour' },
    { name: 'body is an array', body: [], field: 'body' },
    { name: 'limit 0', body: { start: ok }, query: { limit: '0' }, field: 'limit' },
    { name: 'limit 101', body: { start: ok }, query: { limit: '101' }, field: 'limit' },
    { name: 'limit not a number', body: { start: ok }, query: { limit: 'ten' }, field: 'limit' },
    { name: 'negative offset', body: { start: ok }, query: { offset: '-1' }, field: 'offset' },
    { name: 'sort field', body: { start: ok }, query: { sort: 'duration:asc' }, field: 'sort' },
    { name: 'sort order', body: { start: ok }, query: { sort: 'start:up' }, field: 'sort' },
    { name: 'v', body: { start: ok }, query: { v: '3' }, field: 'v' },
    {
      name: 'source over 20 characters',
      body: { start: ok },
      query: { source: 'x'.repeat(21) },
      field: 'source',
    },
  ]
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const answer = await api.search(testCase.body, testCase.query)
      expect(answer.status, answer.text).toBe(400)
      expect(pick(answer.json, 'error', 'status')).toBe(400)
      expect(pick(answer.json, 'error', 'field')).toBe(testCase.field)
      expect(String(pick(answer.json, 'error', 'message'))).toMatch(
        new RegExp(`^${escape(testCase.field)}: \\S`),
      )
    })
  }

  it('bad JSON names the body and where it broke', async () => {
    const answer = await api.post(`${BASE}/search`, '{"start": {"from": 1,}}', { raw: true })
    expect(answer.status).toBe(400)
    expect(pick(answer.json, 'error', 'field')).toBe('body')
    expect(String(pick(answer.json, 'error', 'message'))).toMatch(
      /^body: not valid JSON at line 1, column \d+/,
    )
  })

  it('an empty body is a 400 naming the body', async () => {
    const answer = await api.post(`${BASE}/search`, '', { raw: true })
    expect(answer.status).toBe(400)
    expect(pick(answer.json, 'error', 'field')).toBe('body')
  })

  it('a body over 1 MB is refused with 413', async () => {
    const huge = { start: { from: Date.now() - DAY }, keyword: 'x'.repeat(1_100_000) }
    const answer = await api.search(huge)
    expect(answer.status).toBe(413)
    expect(pick(answer.json, 'error', 'field')).toBe('body')
  })

  it('a body that is not declared JSON is refused with 415', async () => {
    const answer = await api.post(`${BASE}/search`, JSON.stringify({ start: ok }), {
      raw: true,
      headers: { 'content-type': 'text/plain' },
    })
    expect(answer.status).toBe(415)
    expect(String(pick(answer.json, 'error', 'message'))).toContain('application/json')
  })

  it('by-ID: more than 100 conversationIds', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${String(i)}`)
    const answer = await api.post(`${BASE}/conversation/search`, { conversationIds: ids })
    expect(answer.status).toBe(400)
    expect(pick(answer.json, 'error', 'field')).toBe('conversationIds')
  })

  it('by-ID: no conversationId', async () => {
    const answer = await api.post(`${BASE}/conversation/search`, { contentToRetrieve: ['info'] })
    expect(answer.status).toBe(400)
    expect(pick(answer.json, 'error', 'field')).toBe('conversationId')
  })

  it('consumer search: consumer and status are required', async () => {
    const noConsumer = await api.post(`${BASE}/consumer/search`, { status: ['OPEN'] })
    expect(noConsumer.status).toBe(400)
    expect(pick(noConsumer.json, 'error', 'field')).toBe('consumer')
    const noStatus = await api.post(`${BASE}/consumer/search`, { consumer: 'x' })
    expect(noStatus.status).toBe(400)
    expect(pick(noStatus.json, 'error', 'field')).toBe('status')
  })
})

describe('unknown routes and accounts', () => {
  it('unknown API routes answer 404 JSON', async () => {
    for (const path of ['/api/nothing', `${BASE}/everything`, '/messaging_history/api/other']) {
      const answer = await api.get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.headers.get('content-type')).toContain('application/json')
      expect(pick(answer.json, 'error', 'status')).toBe(404)
    }
  })

  it('another account is 404 "unknown account", never another account\'s data', async () => {
    const answer = await api.post('/messaging_history/api/account/12345678/conversations/search', {
      start: { from: T0 - DAY, to: T0 + DAY },
    })
    expect(answer.status).toBe(404)
    expect(String(pick(answer.json, 'error', 'message'))).toMatch(/^unknown account "12345678"/)
  })

  it('the wrong method is 405 with Allow', async () => {
    const answer = await api.get(`${BASE}/search`)
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('POST')
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
