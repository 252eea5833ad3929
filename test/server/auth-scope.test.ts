/**
 * Who sees what (issue 12), enforced by the server in every query: an agent reads only the
 * conversations they took part in, a supervisor exactly those of their agent groups or skills,
 * whatever route they ask through; a conversation outside the scope answers exactly as one
 * that does not exist. Expected sets are computed here from the records themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewUser } from '@/domain/schema/auth'
import { generateDemoConversations } from '@/server/demo/generate'
import { ACCOUNT, idsOf, pick, startTestApi, type TestApi } from './api-harness'
import { sessionClient, type SessionClient } from './session-client'

type Json = Record<string, unknown>
const NOW = Date.UTC(2026, 10, 1)
const DAY = 86_400_000
const WINDOW = { from: NOW - 89 * DAY, to: NOW + DAY }
const RECORDS = generateDemoConversations({ count: 400, now: NOW }) as Json[]
const BASE = `/messaging_history/api/account/${ACCOUNT}/conversations`

const info = (r: Json) => r.info as Json
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
const idOf = (r: Json) => String(info(r).conversationId)
const inWindow = (r: Json) => {
  const start = Number(info(r).startTimeL)
  return start >= WINDOW.from && start <= WINDOW.to
}

const AGENT_ID = '3711471010'
const GROUP = '3592201810'
const SKILL = '4016011510'

/** Took part: an agent participant, the latest agent, or assigned by a transfer. */
const tookPart = (r: Json, agentId: string) =>
  String(info(r).latestAgentId) === agentId ||
  list(r.agentParticipants).some((p) => String(p.agentId) === agentId) ||
  list(r.transfers).some((t) => String(t.assignedAgentId) === agentId)
const inGroup = (r: Json, group: string) =>
  String(info(r).latestAgentGroupId) === group ||
  list(r.agentParticipants).some((p) => String(p.agentGroupId) === group)
const hasSkill = (r: Json, skill: string) =>
  String(info(r).latestSkillId) === skill ||
  list(r.transfers).some(
    (t) => String(t.sourceSkillId) === skill || String(t.targetSkillId) === skill,
  ) ||
  list(r.dialogs).some((d) => String(d.skillId) === skill)

const AGENT: NewUser = {
  email: 'ken@example.com',
  role: 'agent',
  agentId: AGENT_ID,
  password: 'agent password 1',
  agentGroups: [],
  skills: [],
}
const SUPERVISOR: NewUser = {
  email: 'sue@example.com',
  role: 'supervisor',
  password: 'supervisor password',
  agentGroups: [GROUP],
  skills: [SKILL],
}
const ADMIN: NewUser = {
  email: 'ada@example.com',
  role: 'admin',
  password: 'admin password 1',
  agentGroups: [],
  skills: [],
}

let api: TestApi
let agent: SessionClient
let supervisor: SessionClient
let admin: SessionClient

beforeAll(async () => {
  api = await startTestApi({ records: RECORDS, workspace: { users: [AGENT, SUPERVISOR, ADMIN] } })
  agent = sessionClient(api.url)
  supervisor = sessionClient(api.url)
  admin = sessionClient(api.url)
  for (const [client, user] of [
    [agent, AGENT],
    [supervisor, SUPERVISOR],
    [admin, ADMIN],
  ] as const) {
    expect((await client.signIn(user.email, user.password)).status).toBe(200)
  }
})
afterAll(async () => {
  await api.stop()
})

/** Every ID a search finds, all pages. */
async function allIds(
  client: SessionClient,
  body: Json,
): Promise<{ count: number; ids: string[] }> {
  const ids: string[] = []
  let count: number
  for (let offset = 0; ; offset += 100) {
    const res = await client.request(`${BASE}/search?offset=${String(offset)}&limit=100`, {
      json: body,
    })
    expect(res.status).toBe(200)
    const json: unknown = await res.json()
    count = Number(pick(json, '_metadata', 'count'))
    const page = idsOf(json)
    ids.push(...page)
    if (page.length < 100) break
  }
  return { count, ids: ids.sort() }
}

const expected = (keep: (r: Json) => boolean) =>
  RECORDS.filter((r) => inWindow(r) && keep(r))
    .map(idOf)
    .sort()

describe('search and counts', () => {
  it('an agent finds exactly the conversations they took part in', async () => {
    const want = expected((r) => tookPart(r, AGENT_ID))
    expect(want.length).toBeGreaterThan(3)
    expect(want.length).toBeLessThan(RECORDS.filter(inWindow).length / 2)
    const got = await allIds(agent, { start: WINDOW })
    expect(got.ids).toEqual(want)
    expect(got.count).toBe(want.length)
  })

  it("a supervisor finds exactly their groups' and skills' conversations, also with filters", async () => {
    const want = expected((r) => inGroup(r, GROUP) || hasSkill(r, SKILL))
    const all = RECORDS.filter(inWindow).length
    expect(want.length).toBeGreaterThan(10)
    expect(want.length).toBeLessThan(all)
    const got = await allIds(supervisor, { start: WINDOW })
    expect(got.ids).toEqual(want)
    expect(got.count).toBe(want.length)

    // A filter narrows within the scope; it never reaches beyond it.
    const closed = await allIds(supervisor, { start: WINDOW, status: ['CLOSE'] })
    expect(closed.ids).toEqual(
      expected((r) => (inGroup(r, GROUP) || hasSkill(r, SKILL)) && info(r).status === 'CLOSE'),
    )
    const otherAgent = RECORDS.find((r) => inWindow(r) && !inGroup(r, GROUP) && !hasSkill(r, SKILL))
    const outsider = String(info(otherAgent ?? {}).latestAgentId)
    const asked = await allIds(supervisor, { start: WINDOW, agentIds: [outsider] })
    expect(asked.ids).toEqual(
      expected((r) => (inGroup(r, GROUP) || hasSkill(r, SKILL)) && tookPart(r, outsider)),
    )
  })

  it('an admin finds everything', async () => {
    const got = await allIds(admin, { start: WINDOW })
    expect(got.count).toBe(RECORDS.filter(inWindow).length)
  })
})

describe('one conversation', () => {
  const outside = () => {
    const record = RECORDS.find((r) => !tookPart(r, AGENT_ID))
    if (!record) throw new Error('no conversation outside the agent')
    return idOf(record)
  }

  it('by ID, one outside the scope answers exactly as one that does not exist', async () => {
    const ask = async (conversationId: string) => {
      const res = await agent.request(`${BASE}/conversation/search`, { json: { conversationId } })
      const json = (await res.json()) as Json
      const meta = json._metadata as Json
      delete meta.self
      return { status: res.status, json }
    }
    const hidden = await ask(outside())
    const missing = await ask('00000000-0000-0000-0000-000000000000')
    expect(hidden).toEqual(missing)
    expect(hidden.status).toBe(200)
    expect(pick(hidden.json, '_metadata', 'count')).toBe(0)

    const own = expected((r) => tookPart(r, AGENT_ID))[0] ?? ''
    const seen = await agent.request(`${BASE}/conversation/search`, {
      json: { conversationIds: [own, outside()] },
    })
    expect(idsOf(await seen.json())).toEqual([own])
  })

  it("consumer search only lists the consumer's conversations in scope", async () => {
    const record = RECORDS.find((r) => !tookPart(r, AGENT_ID) && list(r.consumerParticipants)[0])
    const consumer = String(list(record?.consumerParticipants)[0]?.participantId)
    const ofConsumer = RECORDS.filter((r) =>
      list(r.consumerParticipants).some((c) => String(c.participantId) === consumer),
    )
    const res = await agent.request(`${BASE}/consumer/search`, {
      json: { consumer, status: ['OPEN', 'CLOSE'] },
    })
    const json: unknown = await res.json()
    expect(idsOf(json).sort()).toEqual(
      ofConsumer
        .filter((r) => tookPart(r, AGENT_ID))
        .map(idOf)
        .sort(),
    )
    const asAdmin = await admin.request(`${BASE}/consumer/search`, {
      json: { consumer, status: ['OPEN', 'CLOSE'] },
    })
    expect(idsOf(await asAdmin.json()).sort()).toEqual(ofConsumer.map(idOf).sort())
  })
})

describe('insights (issue 15)', () => {
  it("count only the reader's conversations: a supervisor's charts are their search's", async () => {
    const counted = async (client: SessionClient) => {
      const res = await client.request('/api/insights', {
        json: { search: { start: WINDOW }, zone: 'UTC' },
      })
      expect(res.status).toBe(200)
      const json: unknown = await res.json()
      const devices = pick(json, 'devices', 'values') as { count: number }[]
      return {
        total: Number(pick(json, 'total')),
        devices:
          devices.reduce((sum, d) => sum + d.count, 0) + Number(pick(json, 'devices', 'unknown')),
      }
    }
    for (const [client, keep] of [
      [supervisor, (r: Json) => inGroup(r, GROUP) || hasSkill(r, SKILL)],
      [agent, (r: Json) => tookPart(r, AGENT_ID)],
      [admin, () => true],
    ] as const) {
      const want = expected(keep).length
      expect(await counted(client)).toEqual({ total: want, devices: want })
    }
    expect((await counted(agent)).total).toBeLessThan((await counted(admin)).total)
  })
})

describe('engagement-attribute values (issue 15)', () => {
  it("count only the reader's conversations, each value as the reader's list of it", async () => {
    const field = 'customerInfo.customerType'
    for (const [client, keep] of [
      [supervisor, (r: Json) => inGroup(r, GROUP) || hasSkill(r, SKILL)],
      [agent, (r: Json) => tookPart(r, AGENT_ID)],
    ] as const) {
      const res = await client.request('/api/insights/sde-values', {
        json: { search: { start: WINDOW }, zone: 'UTC', field },
      })
      expect(res.status).toBe(200)
      const json: unknown = await res.json()
      expect(Number(pick(json, 'total'))).toBe(expected(keep).length)
      const values = pick(json, 'values') as { value: string; count: number }[]
      expect(values.length).toBeGreaterThan(0)
      for (const { value, count } of values) {
        const listed = await allIds(client, { start: WINDOW, sdeValue: { field, value } })
        expect(listed.count).toBe(count)
      }
    }
  })
})

describe('facets', () => {
  it("count only the reader's conversations, so no count tells of others", async () => {
    const mine = RECORDS.filter((r) => tookPart(r, AGENT_ID))
    const res = await agent.request('/api/facets')
    const facets = (await res.json()) as Json
    const channels = list(facets.channels)
    const byChannel = new Map<string, number>()
    for (const r of mine) {
      const source = String(info(r).source)
      byChannel.set(source, (byChannel.get(source) ?? 0) + 1)
    }
    expect(new Map(channels.map((c) => [String(c.id), Number(c.count)]))).toEqual(byChannel)
    const agents = list(facets.agents)
    expect(agents.find((a) => a.id === AGENT_ID)?.count).toBe(mine.length)
    for (const a of agents) expect(Number(a.count)).toBeLessThanOrEqual(mine.length)

    const all = (await (await admin.request('/api/facets')).json()) as Json
    expect(list(all.agents).length).toBeGreaterThan(agents.length)
  })
})

describe('the audit trail', () => {
  it('keeps searches (filters, not results) and openings, with who and from where', async () => {
    const own = expected((r) => tookPart(r, AGENT_ID))[0] ?? ''
    await agent.request(`${BASE}/conversation/search`, {
      json: { conversationId: own },
      headers: { 'user-agent': 'AuditTest/1.0' },
    })
    await agent.request(`${BASE}/search`, {
      json: { start: WINDOW, keyword: 'refund' },
      headers: { 'user-agent': 'AuditTest/1.0' },
    })
    const res = await admin.request(`/api/audit?actor=${encodeURIComponent(AGENT.email)}&limit=500`)
    expect(res.status).toBe(200)
    const page = (await res.json()) as { count: number; entries: Json[] }
    const opened = page.entries.find((e) => e.action === 'conversation-opened' && e.target === own)
    expect(opened).toMatchObject({
      actor: AGENT.email,
      ip: '127.0.0.1',
      userAgent: 'AuditTest/1.0',
    })
    const search = page.entries.find(
      (e) => e.action === 'search' && pick(e.detail, 'filters', 'keyword') === 'refund',
    )
    expect(search).toBeDefined()
    // No transcript text, no password anywhere in the trail.
    const everything = JSON.stringify(api.workspace?.db.prepare('SELECT * FROM audit').all())
    expect(everything).not.toContain(AGENT.password)
    const someMessage = list(RECORDS.find((r) => idOf(r) === own)?.messageRecords)[0]
    const found = pick(someMessage, 'messageData', 'msg', 'text')
    const text = typeof found === 'string' ? found : 'no text here at all'
    expect(everything).not.toContain(text)
    expect(page.entries.some((e) => e.action === 'sign-in' && e.actor === AGENT.email)).toBe(true)
  })

  it('exports as CSV with the same filters, and is append-only', async () => {
    const res = await admin.request(`/api/audit.csv?action=sign-in`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = Buffer.from(await res.arrayBuffer())
    // A byte-order mark first, so a spreadsheet reads the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n')
    expect(lines[0]).toBe('time,actor,action,target,detail,address,browser')
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'sign-in')).toBe(true)
    expect(lines.length).toBeGreaterThanOrEqual(4)
    expect(() => api.workspace?.db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(
      /append-only/,
    )
  })
})
