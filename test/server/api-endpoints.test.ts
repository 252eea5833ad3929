import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ACCOUNT, idsOf, pick, startTestApi, type TestApi } from './api-harness'
import { FIXTURE_RECORDS, WIDE } from './fixtures'
import { buildRecord, keysOf, withoutInfoField } from './record-factory'

let api: TestApi
const BASE = `/messaging_history/api/account/${ACCOUNT}/conversations`

beforeEach(async () => {
  api = await startTestApi({ records: FIXTURE_RECORDS })
})
afterEach(async () => {
  await api.stop()
})

describe('conversation/search (by ID)', () => {
  it('returns one conversation by conversationId', async () => {
    const answer = await api.post(`${BASE}/conversation/search`, { conversationId: 'c-parcel' })
    expect(answer.status).toBe(200)
    expect(idsOf(answer.json)).toEqual(['c-parcel'])
    expect(pick(answer.json, '_metadata', 'count')).toBe(1)
  })

  it('returns many by conversationIds, in the order asked, skipping unknown IDs', async () => {
    const answer = await api.post(`${BASE}/conversation/search`, {
      conversationIds: ['c-old', 'missing', 'c-refund', 'c-html'],
      contentToRetrieve: ['summary'],
    })
    expect(idsOf(answer.json)).toEqual(['c-old', 'c-refund', 'c-html'])
    const records = pick(answer.json, 'conversationHistoryRecords')
    expect(Array.isArray(records) ? records.map((r: unknown) => keysOf(r).sort()) : []).toEqual([
      ['info'],
      ['info', 'summary'],
      ['info'],
    ])
  })

  it('an unknown ID is 200 with no records and count 0, as LivePerson answers', async () => {
    const answer = await api.post(`${BASE}/conversation/search`, { conversationId: 'nope' })
    expect(answer.status).toBe(200)
    expect(idsOf(answer.json)).toEqual([])
    expect(pick(answer.json, '_metadata', 'count')).toBe(0)
  })

  it('unAuthSdes with v=2 only', async () => {
    const body = { conversationId: 'c-refund', contentToRetrieve: ['unAuthSdes'] }
    const v1 = await api.post(`${BASE}/conversation/search`, body)
    expect(pick(v1.json, 'conversationHistoryRecords', '0', 'unAuthSdes')).toBeUndefined()
    const v2 = await api.post(`${BASE}/conversation/search?v=2`, body)
    expect(pick(v2.json, 'conversationHistoryRecords', '0', 'unAuthSdes', 'events')).toHaveLength(1)
  })
})

describe('consumer/search', () => {
  it("returns the consumer's conversations with the asked statuses", async () => {
    const all = await api.post(`${BASE}/consumer/search`, {
      consumer: 'cust-1',
      status: ['OPEN', 'CLOSE'],
    })
    expect(all.status).toBe(200)
    expect(idsOf(all.json)).toEqual(['c-html', 'c-refund'])
    expect(pick(all.json, '_metadata', 'count')).toBe(2)
    const open = await api.post(`${BASE}/consumer/search`, { consumer: 'cust-1', status: ['OPEN'] })
    expect(idsOf(open.json)).toEqual(['c-html'])
  })

  it('finds consumers stored under the drifted consumerParticipant key', async () => {
    const answer = await api.post(`${BASE}/consumer/search`, {
      consumer: 'cust-3',
      status: ['CLOSE'],
    })
    expect(idsOf(answer.json)).toEqual(['c-old'])
  })
})

describe('/api/config and /api/facets', () => {
  it('config names the account and the mode, nothing else', async () => {
    const answer = await api.get('/api/config')
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ accountId: 'demo', mode: 'archive' })
  })

  it('facets list agents, skills, groups, channels and devices with names and counts', async () => {
    const answer = await api.get('/api/facets')
    expect(answer.status).toBe(200)
    expect(pick(answer.json, 'agents')).toEqual(
      expect.arrayContaining([
        {
          id: 'a-alice',
          name: 'Alice Agent',
          login: 'a-alice@example.com',
          type: 'human',
          count: 3,
        },
        { id: 'a-bob', name: 'Bob Agent', login: 'a-bob@example.com', type: 'human', count: 2 },
        { id: 'a-bot', name: 'Helper Bot', login: 'a-bot@example.com', type: 'bot', count: 1 },
      ]),
    )
    expect(pick(answer.json, 'skills')).toEqual(
      [
        { id: '10', name: 'Billing', count: 2 },
        { id: '20', name: 'Sales', count: 3 },
        { id: '30', name: 'Support', count: 1 },
      ].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    )
    expect(pick(answer.json, 'agentGroups')).toEqual(
      expect.arrayContaining([
        { id: '100', name: 'Tier 1', count: 3 },
        { id: '300', name: 'Bots', count: 1 },
      ]),
    )
    expect(pick(answer.json, 'channels')).toEqual(
      expect.arrayContaining([
        { id: 'APP', count: 2 },
        { id: 'WhatsApp Business', count: 1 },
      ]),
    )
    expect(pick(answer.json, 'devices')).toEqual(
      expect.arrayContaining([
        { id: 'MOBILE', count: 2 },
        { id: 'NA', count: 1 },
      ]),
    )
  })
})

describe('POST /api/import', () => {
  const updatedHtml = buildRecord({
    id: 'c-html',
    start: Date.UTC(2026, 0, 10, 14, 0),
    end: Date.UTC(2026, 0, 10, 14, 30),
    latestSkill: { id: 30, name: 'Support' },
    messages: [{ text: 'Reopened about the marmalade order' }],
  })
  const fresh = buildRecord({
    id: 'c-new',
    start: Date.UTC(2026, 0, 10, 15, 0),
    latestSkill: { id: 40, name: 'Retention' },
    messages: [{ text: 'Please cancel my subscription' }],
  })

  async function facetSkill(id: string): Promise<unknown> {
    const skills = pick((await api.get('/api/facets')).json, 'skills')
    return Array.isArray(skills) ? skills.find((s: unknown) => pick(s, 'id') === id) : undefined
  }

  it('imports a JSON export, upserting by conversationId', async () => {
    const answer = await api.importFile(
      { conversationHistoryRecords: [updatedHtml, fresh] },
      { fileName: 'export.json' },
    )
    expect(answer.status, JSON.stringify(answer.accepted)).toBe(202)
    expect(answer.accepted).toMatchObject({ fileName: 'export.json', status: 'importing' })
    expect(answer.job).toMatchObject({
      status: 'done',
      imported: 2,
      inserted: 1,
      updated: 1,
      message: 'imported 2 conversations (1 new, 1 updated)',
    })
    const found = await api.search({ start: WIDE, keyword: 'marmalade' })
    expect(idsOf(found.json)).toEqual(['c-html'])
    // The replaced text is gone from the index, and the status follows the new record.
    expect(idsOf((await api.search({ start: WIDE, keyword: 'opening hours' })).json)).toEqual([])
    expect(idsOf((await api.search({ start: WIDE, status: ['OPEN'] })).json)).toEqual(['c-new'])
    // Facet counts follow the update: Sales lost c-html, Support gained it, Retention is new.
    expect(await facetSkill('20')).toEqual({ id: '20', name: 'Sales', count: 2 })
    expect(await facetSkill('30')).toEqual({ id: '30', name: 'Support', count: 2 })
    expect(await facetSkill('40')).toEqual({ id: '40', name: 'Retention', count: 1 })
  })

  it('imports NDJSON', async () => {
    const ndjson = `${JSON.stringify(fresh)}\n${JSON.stringify(updatedHtml)}\n`
    const answer = await api.importFile(ndjson, {
      raw: true,
      fileName: 'export.ndjson',
      contentType: 'application/x-ndjson',
    })
    expect(answer.status).toBe(202)
    expect(answer.job).toMatchObject({ status: 'done', imported: 2, inserted: 1, updated: 1 })
    // The import's progress ends at the whole file and every record.
    expect(answer.job?.progress).toMatchObject({
      bytesRead: Buffer.byteLength(ndjson),
      bytesTotal: Buffer.byteLength(ndjson),
      recordsRead: 2,
      recordsWritten: 2,
    })
  })

  it('invalid records: every one listed, nothing imported', async () => {
    const noId = withoutInfoField(
      buildRecord({ id: 'x', start: Date.UTC(2026, 0, 10) }),
      'conversationId',
    )
    const noStart = withoutInfoField(
      withoutInfoField(buildRecord({ id: 'y', start: Date.UTC(2026, 0, 10) }), 'startTimeL'),
      'startTime',
    )

    const answer = await api.importFile([fresh, noId, updatedHtml, noStart, 'text'], {
      fileName: 'bad.json',
    })
    expect(answer.status).toBe(202)
    expect(answer.job?.status).toBe('failed')
    expect(answer.job?.problems).toEqual([
      'bad.json: record 2: record has no info.conversationId',
      'bad.json: record 4: missing info.startTimeL (the conversation start time)',
      'bad.json: record 5: record is not an object (got "text")',
    ])
    expect(answer.job?.message).toBe('bad.json was not imported: 3 problems')
    // Nothing from the file was written, not even the valid records.
    expect(idsOf((await api.search({ start: WIDE, keyword: 'subscription' })).json)).toEqual([])
    expect(idsOf((await api.search({ start: WIDE, keyword: 'marmalade' })).json)).toEqual([])
    expect(pick((await api.search({ start: WIDE })).json, '_metadata', 'count')).toBe(5)
  })

  it('malformed JSON: 400 with file:line:column, nothing imported', async () => {
    const text = `[\n${JSON.stringify(fresh)},\n{"info": {"conversationId": "z",}}\n]`
    const answer = await api.importFile(text, { raw: true, fileName: 'broken.json' })
    expect(answer.job?.status).toBe('failed')
    expect(answer.job?.message).toMatch(/^broken\.json was not imported: broken\.json:3:\d+: /)
    expect(pick((await api.search({ start: WIDE })).json, '_metadata', 'count')).toBe(5)
  })

  it('refuses a text/plain upload (a cross-site form could send one) and writes nothing', async () => {
    const answer = await api.post('/api/import', [fresh], {
      headers: { 'content-type': 'text/plain' },
    })
    expect(answer.status).toBe(415)
    expect(pick((await api.search({ start: WIDE })).json, '_metadata', 'count')).toBe(5)
  })

  it('a file name in ?filename= cannot carry a path', async () => {
    const answer = await api.importFile('nope', { raw: true, fileName: '../../etc/passwd' })
    expect(answer.job?.status).toBe('failed')
    expect(answer.job?.message).toMatch(/^passwd was not imported/)
  })
})

describe('request origin checks', () => {
  const statusWithHost = async (host: string) => {
    const { request } = await import('node:http')
    return new Promise<number>((resolve, reject) => {
      const req = request(`${api.url}/api/config`, { headers: { host } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    for (const host of ['evil.example:4173', '127.0.0.1.evil.example', '10.0.0.1', '[::2]:4173']) {
      expect({ host, status: await statusWithHost(host) }).toEqual({ host, status: 403 })
    }
  })

  it('answers every loopback name the server may start on (HOST=127.0.0.2 too)', async () => {
    for (const host of ['127.0.0.1:4173', '127.0.0.2:4173', 'localhost:4173', '[::1]:4173']) {
      expect({ host, status: await statusWithHost(host) }).toEqual({ host, status: 200 })
    }
  })

  it('refuses a cross-origin browser request', async () => {
    const answer = await api.post(
      `${BASE}/search`,
      { start: WIDE },
      {
        headers: { origin: 'https://evil.example' },
      },
    )
    expect(answer.status).toBe(403)
    const sameOrigin = await api.post(
      `${BASE}/search`,
      { start: WIDE },
      { headers: { origin: api.url } },
    )
    expect(sameOrigin.status).toBe(200)
  })
})
