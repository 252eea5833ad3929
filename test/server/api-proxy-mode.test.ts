import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { idsOf, pick, type TestApi } from './api-harness'
import type { FakeUpstream } from './fake-upstream'
import { startProxiedApi } from './proxied-api'
import { FIXTURE_RECORDS } from './fixtures'

/**
 * The API routes in proxy mode: the same validation, then the real upstream module forwards to a
 * fake LivePerson (Domain API + msgHist) on 127.0.0.1. The Domain API names a liveperson.net host
 * (the only kind the proxy accepts from it) and `fake.fetch` routes that host to the fake.
 */
const ACCOUNT = '12345678'
const TOKEN = 'test-bearer-token-9f8e7d6c5b4a'

let fake: FakeUpstream
let api: TestApi

beforeAll(async () => {
  ;({ fake, api } = await startProxiedApi({
    accountId: ACCOUNT,
    bearerToken: TOKEN,
    records: FIXTURE_RECORDS.slice(0, 2),
  }))
})
afterAll(async () => {
  await api.stop()
  await fake.close()
})
beforeEach(() => {
  fake.setReply(undefined)
  fake.requests.length = 0
})

const search = (body: unknown, query: Record<string, string> = {}) => api.search(body, query)
const window = () => ({ from: Date.now() - 86_400_000, to: Date.now() })

describe('proxy mode', () => {
  it('insights say they need the archive, and ask LivePerson nothing (issue 15)', async () => {
    const answer = await api.post('/api/insights', { search: { start: window() }, zone: 'UTC' })
    expect(answer.status).toBe(409)
    expect(pick(answer.json, 'error', 'message')).toMatch(/^Insights need the archive/)
    expect(fake.requests).toEqual([])
  })

  it('the QA insights say they need the archive too, and ask LivePerson nothing', async () => {
    const answer = await api.post('/api/insights/reviews', {
      search: { start: window(), review: { agent: ['a-1'] } },
      zone: 'UTC',
    })
    expect(answer.status).toBe(409)
    expect(pick(answer.json, 'error', 'message')).toMatch(/^Insights need the archive/)
    expect(fake.requests).toEqual([])
  })

  it('config says proxy and names the account, never the credentials', async () => {
    const answer = await api.get('/api/config')
    expect(answer.json).toEqual({ accountId: ACCOUNT, mode: 'proxy' })
    expect(answer.text).not.toContain(TOKEN)
  })

  it("forwards a search with the credentials and source, and returns LivePerson's answer", async () => {
    const body = { start: window(), keyword: 'refund' }
    const answer = await search(body, { offset: '0', limit: '10', v: '2' })
    expect(answer.status, answer.text).toBe(200)
    expect(idsOf(answer.json)).toEqual(['c-refund', 'c-html'])
    const sent = fake.requests[0]
    expect(sent?.path).toBe(`/messaging_history/api/account/${ACCOUNT}/conversations/search`)
    expect(sent?.auth).toEqual({ ok: true, kind: 'bearer' })
    expect(sent?.query.get('source')).toBe('ConvViewer')
    expect(sent?.query.get('v')).toBe('2')
    expect(JSON.parse(sent?.body ?? 'null')).toEqual(body)
    expect(answer.text).not.toContain(TOKEN)
  })

  it('forwards by-ID and consumer searches', async () => {
    const byId = await api.post(
      `/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`,
      {
        conversationId: 'c-refund',
      },
    )
    expect(byId.status).toBe(200)
    const consumer = await api.post(
      `/messaging_history/api/account/${ACCOUNT}/conversations/consumer/search`,
      {
        consumer: 'cust-1',
        status: ['OPEN'],
      },
    )
    expect(consumer.status).toBe(200)
    expect(fake.requests.map((r) => r.path.split('/conversations/')[1])).toEqual([
      'conversation/search',
      'consumer/search',
    ])
  })

  it('validates locally: a bad request never reaches LivePerson', async () => {
    const answer = await search({ start: { from: 'soon' } })
    expect(answer.status).toBe(400)
    expect(pick(answer.json, 'error', 'field')).toBe('start.from')
    expect(fake.requests).toHaveLength(0)
  })

  it('another account is 404 and is not forwarded', async () => {
    const answer = await api.post('/messaging_history/api/account/999/conversations/search', {
      start: window(),
    })
    expect(answer.status).toBe(404)
    expect(fake.requests).toHaveLength(0)
  })

  it('upstream 429 comes back with Retry-After and a JSON error', async () => {
    fake.setReply(() => ({
      status: 429,
      headers: { 'retry-after': '7' },
      json: { message: 'slow down' },
    }))
    const answer = await search({ start: window() })
    expect(answer.status).toBe(429)
    expect(answer.headers.get('retry-after')).toBe('7')
    expect(pick(answer.json, 'error', 'status')).toBe(429)
  })

  it('upstream 4xx and 5xx come back with their status; the token never leaks', async () => {
    fake.setReply(() => ({ status: 401, text: `bad token ${TOKEN}` }))
    const unauthorized = await search({ start: window() })
    expect(unauthorized.status).toBe(401)
    expect(unauthorized.text).not.toContain(TOKEN)
    fake.setReply(() => ({ status: 503, json: { message: 'maintenance' } }))
    const unavailable = await search({ start: window() })
    expect(unavailable.status).toBe(503)
    expect(typeof pick(unavailable.json, 'error', 'message')).toBe('string')
    expect(api.logs.join('\n')).not.toContain(TOKEN)
  })

  it('import is refused (403): the data lives at LivePerson', async () => {
    const answer = await api.post('/api/import', FIXTURE_RECORDS)
    expect(answer.status).toBe(403)
  })

  it('facets are empty: the archive is not used', async () => {
    const answer = await api.get('/api/facets')
    expect(answer.json).toEqual({
      agents: [],
      skills: [],
      agentGroups: [],
      channels: [],
      devices: [],
    })
  })
})
