/**
 * The reader's scope in proxy mode (issue 12): added to the request LivePerson gets, and
 * checked again on its answer, so a record outside the scope never reaches the reader even
 * when LivePerson sends it. The fake LivePerson here answers every search with every record.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { NewUser } from '@/domain/schema/auth'
import { idsOf, pick, type TestApi } from './api-harness'
import type { FakeUpstream } from './fake-upstream'
import { startProxiedApi } from './proxied-api'
import { FIXTURE_RECORDS } from './fixtures'
import { sessionClient, type SessionClient } from './session-client'

const ACCOUNT = '12345678'
const TOKEN = 'test-bearer-token-5a4b3c2d1e'
const BASE = `/messaging_history/api/account/${ACCOUNT}/conversations`
const ALICE: NewUser = {
  email: 'alice@example.com',
  role: 'agent',
  agentId: 'a-alice',
  password: 'alice password',
  agentGroups: [],
  skills: [],
}
const MIXED: NewUser = {
  email: 'mixed@example.com',
  role: 'supervisor',
  password: 'mixed password',
  agentGroups: ['100'],
  skills: ['20'],
}

let fake: FakeUpstream
let api: TestApi
let alice: SessionClient

beforeAll(async () => {
  ;({ fake, api } = await startProxiedApi({
    accountId: ACCOUNT,
    bearerToken: TOKEN,
    records: FIXTURE_RECORDS.slice(0, 2),
    workspace: { users: [ALICE, MIXED] },
  }))
  alice = sessionClient(api.url)
  expect((await alice.signIn(ALICE.email, ALICE.password)).status).toBe(200)
})
afterAll(async () => {
  await api.stop()
  await fake.close()
})
beforeEach(() => {
  fake.requests.length = 0
})

const window = () => ({ from: Date.now() - 86_400_000, to: Date.now() })

describe('proxy mode with a scope', () => {
  it("adds the agent's ID to the search LivePerson gets, and drops what it sends outside it", async () => {
    const res = await alice.request(`${BASE}/search`, { json: { start: window() } })
    expect(res.status).toBe(200)
    const json: unknown = await res.json()
    expect(idsOf(json)).toEqual(['c-refund'])
    expect(pick(json, '_metadata', 'count')).toBe(1)
    const sent: unknown = JSON.parse(fake.requests[0]?.body ?? '{}')
    expect(pick(sent, 'agentIds')).toEqual(['a-alice'])
  })

  it('a filter on another agent matches nothing and is not even sent', async () => {
    const res = await alice.request(`${BASE}/search`, {
      json: { start: window(), agentIds: ['a-bob'] },
    })
    expect(idsOf(await res.json())).toEqual([])
    expect(fake.requests).toHaveLength(0)
  })

  it('by ID, a conversation outside the scope looks like one that does not exist', async () => {
    const res = await alice.request(`${BASE}/conversation/search`, {
      json: { conversationIds: ['c-html', 'c-refund'] },
    })
    const json: unknown = await res.json()
    expect(idsOf(json)).toEqual(['c-refund'])
    expect(JSON.stringify(json)).not.toContain('c-html')
  })

  it('a scope of both groups and skills cannot be one LivePerson search: a clear 403', async () => {
    const mixed = sessionClient(api.url)
    await mixed.signIn(MIXED.email, MIXED.password)
    const res = await mixed.request(`${BASE}/search`, { json: { start: window() } })
    expect(res.status).toBe(403)
    expect(pick(await res.json(), 'error', 'message')).toMatch(/groups or skills, not both/)
    expect(fake.requests).toHaveLength(0)
  })
})
