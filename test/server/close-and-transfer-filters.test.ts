import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchBodySchema } from '@/domain/schema/search-request'
import { openArchive } from '@/server/archive/archive'
import { migrate } from '@/server/archive/db'
import { importText } from '@/server/archive/import'
import { ACCOUNT, idsOf, pick, startTestApi, type ApiAnswer, type TestApi } from './api-harness'
import { DAY, FIXTURE_RECORDS, T0 } from './fixtures'
import type { FakeUpstream } from './fake-upstream'
import { startProxiedApi } from './proxied-api'
import { buildRecord } from './record-factory'

/**
 * Issue 15's filters of our own (not LivePerson's; they need the archive): how a conversation
 * closed (`closeReasons`), how many times it was transferred (`transferCount`), and one transfer
 * from a skill to a skill (`transferPath`). Over real HTTP and a real archive file; an archive of
 * the previous schema gets them from its stored records.
 */

const billing = { id: 10, name: 'Billing' }
const sales = { id: 20, name: 'Sales' }
const returns = { id: 30, name: 'Returns' }

const RECORDS = [
  buildRecord({ id: 'c-agent', start: T0, end: T0 + 60_000, closeReason: 'AGENT' }),
  buildRecord({
    id: 'c-consumer',
    start: T0 + 1000,
    end: T0 + 60_000,
    closeReason: 'consumer',
    latestSkill: sales,
    earlierSkills: [billing],
  }),
  buildRecord({
    id: 'c-system',
    start: T0 + 2000,
    end: T0 + 60_000,
    closeReason: 'SYSTEM',
    latestSkill: returns,
    earlierSkills: [billing, sales],
  }),
  // Billing → Sales → Billing → Sales: two transfers on the same path, three in all.
  buildRecord({
    id: 'c-open',
    start: T0 + 3000,
    latestSkill: sales,
    earlierSkills: [billing, sales, billing],
  }),
]

const START = { from: T0 - DAY, to: T0 + DAY }

let api: TestApi
beforeAll(async () => {
  api = await startTestApi({ records: RECORDS })
})
afterAll(async () => {
  await api.stop()
})

async function matching(filters: Record<string, unknown>): Promise<string[]> {
  const answer = await api.search({ start: START, ...filters })
  expect(answer.status, answer.text).toBe(200)
  const ids = idsOf(answer.json)
  expect(pick(answer.json, '_metadata', 'count')).toBe(ids.length)
  return ids.sort()
}

function expectBadRequest(answer: ApiAnswer, field: string) {
  expect(answer.status, answer.text).toBe(400)
  expect(pick(answer.json, 'error', 'field')).toBe(field)
  expect(String(pick(answer.json, 'error', 'message'))).toMatch(/\S/)
}

describe('close reasons', () => {
  it('find the conversations that closed so, in any case; an open one has none', async () => {
    expect(await matching({ closeReasons: ['AGENT'] })).toEqual(['c-agent'])
    expect(await matching({ closeReasons: ['Consumer', 'system'] })).toEqual([
      'c-consumer',
      'c-system',
    ])
    expect(await matching({ closeReasons: ['TIMEOUT'] })).toEqual([])
    // With the other filters, as one more condition.
    expect(await matching({ closeReasons: ['SYSTEM'], status: ['CLOSE'] })).toEqual(['c-system'])
    expect(await matching({ closeReasons: ['SYSTEM'], status: ['OPEN'] })).toEqual([])
  })
})

describe('transfers', () => {
  it('transferCount counts every transfer, both ends included', async () => {
    expect(await matching({ transferCount: { from: 0, to: 0 } })).toEqual(['c-agent'])
    expect(await matching({ transferCount: { from: 1, to: 2 } })).toEqual([
      'c-consumer',
      'c-system',
    ])
    expect(await matching({ transferCount: { from: 3 } })).toEqual(['c-open'])
    expect(await matching({ transferCount: { to: 1 } })).toEqual(['c-agent', 'c-consumer'])
  })

  it('transferPath finds a transfer from one skill to another, in that direction', async () => {
    expect(await matching({ transferPath: { from: 10, to: 20 } })).toEqual([
      'c-consumer',
      'c-open',
      'c-system',
    ])
    expect(await matching({ transferPath: { from: '20', to: '30' } })).toEqual(['c-system'])
    expect(await matching({ transferPath: { from: '20', to: '10' } })).toEqual(['c-open'])
    expect(await matching({ transferPath: { from: '30', to: '20' } })).toEqual([])
  })

  it('a conversation imported again has its new transfers, not both', async () => {
    const again = buildRecord({
      id: 'c-system',
      start: T0 + 2000,
      end: T0 + 60_000,
      closeReason: 'AGENT',
      latestSkill: returns,
      earlierSkills: [sales],
    })
    const other = await startTestApi({ records: [...RECORDS, again] })
    try {
      const count = async (filters: Record<string, unknown>) =>
        pick((await other.search({ start: START, ...filters })).json, '_metadata', 'count')
      expect(await count({ transferPath: { from: 10, to: 20 } })).toBe(2)
      expect(await count({ transferPath: { from: 20, to: 30 } })).toBe(1)
      expect(await count({ transferCount: { from: 1, to: 1 } })).toBe(2)
      expect(await count({ closeReasons: ['SYSTEM'] })).toBe(0)
      expect(await count({ closeReasons: ['AGENT'] })).toBe(2)
    } finally {
      await other.stop()
    }
  })
})

describe('bad input', () => {
  it('answers 400 naming the field, and never a 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ closeReasons: 'AGENT' }, 'closeReasons'],
      [{ closeReasons: [''] }, 'closeReasons[0]'],
      [{ closeReasons: [{}] }, 'closeReasons[0]'],
      [{ closeReasons: Array.from({ length: 21 }, (_, i) => `R${String(i)}`) }, 'closeReasons'],
      [{ transferCount: {} }, 'transferCount'],
      [{ transferCount: { from: 3, to: 1 } }, 'transferCount.from'],
      [{ transferCount: { from: -1 } }, 'transferCount.from'],
      [{ transferCount: { from: 'many' } }, 'transferCount.from'],
      [{ transferCount: { from: 1, extra: 2 } }, 'transferCount.extra'],
      [{ transferPath: { from: 10 } }, 'transferPath.to'],
      [{ transferPath: { from: '', to: 20 } }, 'transferPath.from'],
      [{ transferPath: [10, 20] }, 'transferPath'],
    ]
    for (const [filters, field] of cases) {
      expectBadRequest(await api.search({ start: START, ...filters }), field)
    }
  })

  it('the search by ID does not take them: a 400 naming the field, not a filter ignored', async () => {
    const path = `/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`
    for (const [field, value] of [
      ['closeReasons', ['AGENT']],
      ['transferCount', { from: 1 }],
      ['transferPath', { from: 1, to: 2 }],
    ] as const) {
      expectBadRequest(await api.post(path, { conversationId: 'c-agent', [field]: value }), field)
    }
  })
})

describe('proxy mode', () => {
  let fake: FakeUpstream
  let proxied: TestApi
  beforeAll(async () => {
    ;({ fake, api: proxied } = await startProxiedApi({
      accountId: ACCOUNT,
      bearerToken: 'test-bearer-token-1234567890',
      records: FIXTURE_RECORDS,
    }))
  })
  afterAll(async () => {
    await proxied.stop()
    await fake.close()
  })

  it('leaves an empty one out of what LivePerson is sent', async () => {
    fake.requests.length = 0
    const answer = await proxied.search({ start: START, closeReasons: [], review: {} })
    expect(answer.status, answer.text).toBe(200)
    expect(fake.requests).toHaveLength(1)
    const sent: unknown = JSON.parse(fake.requests[0]?.body ?? '{}')
    expect(Object.keys(sent as object)).not.toContain('closeReasons')
    expect(Object.keys(sent as object)).not.toContain('review')
  })

  it('answers 400 naming the filter, and sends nothing to LivePerson', async () => {
    for (const [field, value] of [
      ['closeReasons', ['AGENT']],
      ['transferCount', { from: 1 }],
      ['transferPath', { from: 1, to: 2 }],
    ] as const) {
      fake.requests.length = 0
      const answer = await proxied.search({ start: START, [field]: value })
      expectBadRequest(answer, field)
      expect(pick(answer.json, 'error', 'message')).toMatch(/needs the archive/)
      expect(fake.requests).toHaveLength(0)
    }
  })
})

describe('an archive of the previous schema (version 3)', () => {
  it('gets close reasons and transfers from the records it already holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-migrate-4-'))
    try {
      const path = join(dir, 'archive.db')
      const db = new Database(path)
      migrate(db, 3)
      const insert = db.prepare(
        'INSERT INTO conversations (id, conversation_id, start_ms, imported_at) VALUES (?, ?, ?, 0)',
      )
      const sections = db.prepare(
        'INSERT INTO conversation_sections (id, info, transfers) VALUES (?, ?, ?)',
      )
      insert.run(1, 'v3-transferred', T0)
      sections.run(
        1,
        JSON.stringify({
          conversationId: 'v3-transferred',
          startTimeL: T0,
          closeReason: 'consumer',
        }),
        JSON.stringify([
          { sourceSkillId: 10, targetSkillId: 20 },
          { sourceSkillId: '20', targetSkillId: '30' },
          // A transfer whose target is not known still counts, but is on no path.
          { sourceSkillId: 30 },
        ]),
      )
      insert.run(2, 'v3-no-transfers-section', T0)
      sections.run(
        2,
        JSON.stringify({ conversationId: 'v3-no-transfers-section', startTimeL: T0 }),
        null,
      )
      insert.run(3, 'v3-bad-json-is-skipped', T0)
      sections.run(3, JSON.stringify({ conversationId: 'v3-bad-json-is-skipped' }), '[{"x":')
      db.close()

      // The broken record does not stop the migration: it gets no values, the others do.
      const archive = openArchive(path)
      try {
        const ids = (filters: Record<string, unknown>) =>
          archive
            .search(
              searchBodySchema.parse({ start: START, ...filters }),
              { offset: 0, limit: 10, sortField: 'start', sortOrder: 'asc' },
              ['info'],
            )
            .records.map((json) => String(pick(JSON.parse(json), 'info', 'conversationId')))
        expect(ids({ closeReasons: ['CONSUMER'] })).toEqual(['v3-transferred'])
        expect(ids({ transferCount: { from: 3, to: 3 } })).toEqual(['v3-transferred'])
        expect(ids({ transferPath: { from: 20, to: 30 } })).toEqual(['v3-transferred'])
        // Without the section, the number of transfers is not known: no count range finds it.
        expect(ids({ transferCount: { from: 0 } })).toEqual(['v3-transferred'])
        importText(
          archive,
          JSON.stringify([buildRecord({ id: 'v3-no-transfers-section', start: T0 })]),
          'again.json',
        )
        expect(ids({ transferCount: { from: 0, to: 0 } })).toEqual(['v3-no-transfers-section'])
      } finally {
        archive.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
