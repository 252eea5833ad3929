import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchBodySchema } from '@/domain/schema/search-request'
import { sdeValuesSchema, type SdeValues } from '@/domain/schema/sde-insights'
import { MAX_SDE_VALUE_LENGTH, SDE_CHART_FIELDS } from '@/domain/sde-fields'
import { openArchive } from '@/server/archive/archive'
import { migrate } from '@/server/archive/db'
import { numberBuckets } from '@/server/archive/sde-values'
import { generateDemoConversations } from '@/server/demo/generate'
import { pick, startTestApi, type ApiAnswer, type TestApi } from './api-harness'
import type { FakeUpstream } from './fake-upstream'
import { FIXTURE_RECORDS } from './fixtures'
import { startProxiedApi } from './proxied-api'
import { buildRecord } from './record-factory'

/**
 * Issue 15: the values of a charted engagement-attribute field (`POST /api/insights/sde-values`)
 * and the `sdeValue` filter its marks link to, over real HTTP and a real archive: every value's
 * and bucket's count is the count of its list, on a hand-made set (case, two events of a type,
 * values named like an object's properties, a 10 kB value, numbers on a bucket's edge) and on
 * the demo data, for every charted field.
 */

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = Date.UTC(2026, 2, 1)
const START = { from: T0 - DAY, to: T0 + 3 * DAY }
const LONG = `L${'x'.repeat(10_000)}`

const customer = (fields: Record<string, unknown>) => ({
  customerInfo: { serverTimeStamp: String(T0), customerInfo: fields },
  sdeType: 'CUSTOMER_INFO',
  serverTimeStamp: String(T0),
})
const purchase = (total: unknown) => ({
  purchase: { serverTimeStamp: String(T0), total, currency: 'USD' },
  sdeType: 'PURCHASE',
  serverTimeStamp: String(T0),
})

function handMade() {
  const specs: { sdes?: unknown[]; unAuthSdes?: unknown[]; status?: 'OPEN' }[] = [
    { sdes: [customer({ customerType: 'vip' }), purchase(100)] },
    // The same type in another case: one value, as the filter matches it.
    { sdes: [customer({ customerType: 'VIP' }), purchase('99.5')] },
    // Two purchases: counted in each of their buckets, once in each.
    { sdes: [customer({ customerType: ' business ' }), purchase(12), purchase(250)] },
    { unAuthSdes: [customer({ customerType: 'constructor' })], status: 'OPEN' },
    { sdes: [customer({ customerType: '__proto__' }), purchase(0)] },
    { sdes: [customer({ customerType: LONG }), purchase(-20)] },
    { sdes: [customer({ customerType: 'hasOwnProperty', customerStatus: 'active' })] },
    // No value of either field.
    { sdes: [customer({ customerStatus: 'active' })] },
    {},
  ]
  return specs.map((spec, i) =>
    buildRecord({
      id: `sde-${String(i).padStart(2, '0')}`,
      start: T0 + i * HOUR,
      ...(spec.status === 'OPEN' ? {} : { end: T0 + i * HOUR + 600_000 }),
      status: spec.status ?? 'CLOSE',
      ...(spec.sdes ? { sdes: spec.sdes } : {}),
      ...(spec.unAuthSdes ? { unAuthSdes: spec.unAuthSdes } : {}),
    }),
  )
}

let api: TestApi
beforeAll(async () => {
  api = await startTestApi({
    records: [...handMade(), ...generateDemoConversations({ count: 300, now: T0 + 40 * DAY })],
  })
})
afterAll(async () => {
  await api.stop()
})

async function sdeValues(search: Record<string, unknown>, field: string): Promise<SdeValues> {
  const answer = await api.post('/api/insights/sde-values', { search, zone: 'UTC', field })
  expect(answer.status, answer.text).toBe(200)
  return sdeValuesSchema.parse(answer.json)
}

async function listCount(search: Record<string, unknown>): Promise<number> {
  const answer = await api.search(search, { limit: '1' })
  expect(answer.status, answer.text).toBe(200)
  return Number(pick(answer.json, '_metadata', 'count'))
}

/** Every value and bucket of `found` against the list its link opens. */
async function expectEveryMarkMatchesItsList(search: Record<string, unknown>, found: SdeValues) {
  const checks: [string, number, Record<string, unknown>][] = [['total', found.total, search]]
  for (const { value, count } of found.values) {
    checks.push([
      `value ${value.slice(0, 20)}`,
      count,
      { ...search, sdeValue: { field: found.field, value } },
    ])
  }
  for (const { from, to, count } of found.buckets) {
    checks.push([
      `bucket ${String(from)}–${String(to)}`,
      count,
      { ...search, sdeValue: { field: found.field, from, to } },
    ])
  }
  const mismatches: string[] = []
  for (const [what, shown, list] of checks) {
    const counted = await listCount(list)
    if (counted !== shown) {
      mismatches.push(`${found.field} ${what}: chart ${String(shown)}, list ${String(counted)}`)
    }
  }
  expect(mismatches).toEqual([])
  return checks.length
}

describe('the count a chart shows is the count of the list its mark opens', () => {
  it('text values on a hand-made set: case, odd names, a 10 kB value', async () => {
    const search = { start: START, keyword: undefined }
    const found = await sdeValues({ start: START }, 'customerInfo.customerType')
    expect(found.kind).toBe('text')
    expect(found.total).toBe(9)
    expect(found.none).toBe(2)
    const counts = new Map(found.values.map((v) => [v.value, v.count]))
    expect(counts.get('VIP')).toBe(2)
    expect(counts.get('business')).toBe(1)
    expect(counts.get('constructor')).toBe(1)
    expect(counts.get('__proto__')).toBe(1)
    expect(counts.get('hasOwnProperty')).toBe(1)
    // Kept to its first 200 characters, and the filter finds it by them.
    const long = found.values.find((v) => v.value.startsWith('Lxxx'))
    expect(long?.value).toHaveLength(MAX_SDE_VALUE_LENGTH)
    expect(found.other).toBe(0)
    expect(await expectEveryMarkMatchesItsList(search, found)).toBe(7)
    // The filter ignores ASCII case, as the chart does.
    expect(
      await listCount({
        start: START,
        sdeValue: { field: 'customerInfo.customerType', value: 'Vip' },
      }),
    ).toBe(2)
  })

  it('numbers in buckets with round edges; a conversation with two values is in both', async () => {
    const found = await sdeValues({ start: START }, 'purchase.total')
    expect(found.kind).toBe('number')
    expect(found.none).toBe(4)
    // -20 … 250: buckets of 50 from -50; 100 sits on an edge and is in the bucket it starts.
    expect(found.buckets.map((b) => [b.from, b.to, b.count])).toEqual([
      [-50, 0, 1],
      [0, 50, 2],
      [50, 100, 1],
      [100, 150, 1],
      [150, 200, 0],
      [200, 250, 0],
      [250, 300, 1],
    ])
    await expectEveryMarkMatchesItsList({ start: START }, found)
    // With another filter: the open conversation is left out of both.
    const open = await sdeValues({ start: START, status: ['CLOSE'] }, 'customerInfo.customerType')
    expect(open.values.some((v) => v.value === 'constructor')).toBe(false)
    await expectEveryMarkMatchesItsList({ start: START, status: ['CLOSE'] }, open)
    // An end window alone: the open conversation (no end) is left out too.
    const ended = { start: START, end: START }
    const closed = await sdeValues(ended, 'customerInfo.customerType')
    expect(closed.values.some((v) => v.value === 'constructor')).toBe(false)
    await expectEveryMarkMatchesItsList(ended, closed)
  })

  it('on the demo data, every charted field, over 30 days and with other filters', async () => {
    const from = T0 + 10 * DAY
    const searches = [
      { start: { from, to: from + 30 * DAY } },
      { start: { from, to: from + 30 * DAY }, status: ['CLOSE'], device: ['MOBILE'] },
    ]
    let charted = 0
    for (const search of searches) {
      for (const { path } of SDE_CHART_FIELDS) {
        const found = await sdeValues(search, path)
        expect(found.total).toBeGreaterThan(0)
        if (found.values.length + found.buckets.length > 0) charted++
        await expectEveryMarkMatchesItsList(search, found)
      }
    }
    // The demo data has values of every charted field.
    expect(charted).toBe(2 * SDE_CHART_FIELDS.length)
  })

  it('more than 20 values: the rest are "other", counted once per conversation', async () => {
    const many = [
      ...Array.from({ length: 25 }, (_, i) =>
        buildRecord({
          id: `many-${String(i)}`,
          start: T0 + 10 * DAY + i * 1000,
          sdes: [customer({ customerStatus: `s${String(i % 23).padStart(2, '0')}` })],
        }),
      ),
      // One value shown and one other; two other values: each conversation is "other" once.
      buildRecord({
        id: 'many-shown-and-other',
        start: T0 + 10 * DAY + 30_000,
        sdes: [customer({ customerStatus: 's00' }), customer({ customerStatus: 'zz1' })],
      }),
      buildRecord({
        id: 'many-two-others',
        start: T0 + 10 * DAY + 31_000,
        sdes: [customer({ customerStatus: 'zz2' }), customer({ customerStatus: 'zz3' })],
      }),
    ]
    const other = await startTestApi({ records: many })
    try {
      const answer = await other.post('/api/insights/sde-values', {
        search: { start: { from: T0 + 9 * DAY, to: T0 + 11 * DAY } },
        zone: 'UTC',
        field: 'customerInfo.customerStatus',
      })
      const found = sdeValuesSchema.parse(answer.json)
      expect(found.values).toHaveLength(20)
      // s00 three times, s01 twice, then by value: s02 … s19 shown; s20 … s22 and zz1 … zz3
      // other, in five conversations (the one with s00 and zz1 among them, the one with zz2 and
      // zz3 once).
      expect(found.values.slice(0, 3).map((v) => [v.value, v.count])).toEqual([
        ['s00', 3],
        ['s01', 2],
        ['s02', 1],
      ])
      expect(found.values.at(-1)?.value).toBe('s19')
      expect(found.other).toBe(5)
      expect(found.none).toBe(0)
      expect(found.total).toBe(27)
    } finally {
      await other.stop()
    }
  })

  it('a conversation imported again has its new values, not both', async () => {
    const first = buildRecord({
      id: 'again',
      start: T0,
      sdes: [customer({ customerType: 'gold' })],
    })
    const second = buildRecord({
      id: 'again',
      start: T0,
      sdes: [customer({ customerType: 'silver' })],
    })
    const other = await startTestApi({ records: [first] })
    try {
      await other.importFile([second])
      const answer = await other.post('/api/insights/sde-values', {
        search: { start: START },
        zone: 'UTC',
        field: 'customerInfo.customerType',
      })
      expect(sdeValuesSchema.parse(answer.json).values).toEqual([{ value: 'silver', count: 1 }])
      const gold = await other.search({
        start: START,
        sdeValue: { field: 'customerInfo.customerType', value: 'gold' },
      })
      expect(pick(gold.json, '_metadata', 'count')).toBe(0)
    } finally {
      await other.stop()
    }
  })
})

function expectBadRequest(answer: ApiAnswer, field: string) {
  expect(answer.status, answer.text).toBe(400)
  expect(pick(answer.json, 'error', 'field')).toBe(field)
  expect(String(pick(answer.json, 'error', 'message'))).toMatch(/\S/)
}

describe('bad requests', () => {
  it('the chart: a field that is not charted, a missing one, a broken search', async () => {
    const post = (body: unknown) => api.post('/api/insights/sde-values', body)
    const search = { start: START }
    expectBadRequest(await post({ search, zone: 'UTC', field: 'personalInfo.name' }), 'field')
    expectBadRequest(await post({ search, zone: 'UTC', field: '__proto__' }), 'field')
    expectBadRequest(await post({ search, zone: 'UTC' }), 'field')
    expectBadRequest(await post({ search, zone: 'Mars/Base', field: 'purchase.total' }), 'zone')
    const broken = await post({
      search: { start: { from: 'soon' } },
      zone: 'UTC',
      field: 'purchase.total',
    })
    expect(broken.status).toBe(400)
    expect(String(pick(broken.json, 'error', 'field'))).toMatch(/^search\.start/)
    expect((await api.get('/api/insights/sde-values')).status).toBe(405)
  })

  it('the filter: names the field, never a 500', async () => {
    const cases: [unknown, string][] = [
      ['vip', 'sdeValue'],
      [{ field: 'personalInfo.surname', value: 'Doe' }, 'sdeValue.field'],
      [{ value: 'vip' }, 'sdeValue.field'],
      [{ field: 'customerInfo.customerType' }, 'sdeValue.value'],
      [{ field: 'customerInfo.customerType', value: '  ' }, 'sdeValue.value'],
      [{ field: 'customerInfo.customerType', value: 'x'.repeat(201) }, 'sdeValue.value'],
      [{ field: 'customerInfo.customerType', value: 'vip', from: 1 }, 'sdeValue.value'],
      [{ field: 'purchase.total', from: 10, to: 10 }, 'sdeValue.from'],
      [{ field: 'purchase.total', from: 'lots' }, 'sdeValue.from'],
      [{ field: 'purchase.total', to: '1e400' }, 'sdeValue.to'],
      [{ field: 'purchase.total', from: 1, extra: true }, 'sdeValue.extra'],
    ]
    for (const [sdeValue, field] of cases) {
      expectBadRequest(await api.search({ start: START, sdeValue }), field)
    }
  })
})

describe('proxy mode', () => {
  let fake: FakeUpstream
  let proxied: TestApi
  beforeAll(async () => {
    ;({ fake, api: proxied } = await startProxiedApi({
      accountId: 'demo',
      bearerToken: 'test-bearer-token-1234567890',
      records: FIXTURE_RECORDS,
    }))
  })
  afterAll(async () => {
    await proxied.stop()
    await fake.close()
  })

  it('the filter is a 400 naming it, the chart a 409; LivePerson is asked nothing', async () => {
    fake.requests.length = 0
    const filtered = await proxied.search({
      start: START,
      sdeValue: { field: 'customerInfo.customerType', value: 'vip' },
    })
    expectBadRequest(filtered, 'sdeValue')
    expect(pick(filtered.json, 'error', 'message')).toMatch(/needs the archive/)
    const chart = await proxied.post('/api/insights/sde-values', {
      search: { start: START },
      zone: 'UTC',
      field: 'customerInfo.customerType',
    })
    expect(chart.status).toBe(409)
    expect(pick(chart.json, 'error', 'message')).toMatch(/^Insights need the archive/)
    expect(fake.requests).toEqual([])
  })
})

describe('an archive of the previous schema (version 5)', () => {
  it('gets the values from the records it already holds; a broken one is skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-migrate-5-'))
    try {
      const path = join(dir, 'archive.db')
      const db = new Database(path)
      migrate(db, 5)
      const insert = db.prepare(
        'INSERT INTO conversations (id, conversation_id, start_ms, imported_at) VALUES (?, ?, ?, 0)',
      )
      const sections = db.prepare(
        'INSERT INTO conversation_sections (id, info, sdes, "unAuthSdes") VALUES (?, ?, ?, ?)',
      )
      const info = (id: string) => JSON.stringify({ conversationId: id, startTimeL: T0 })
      insert.run(1, 'v4-values', T0)
      sections.run(
        1,
        info('v4-values'),
        JSON.stringify({ events: [customer({ customerType: 'Gold' }), purchase('42.5')] }),
        JSON.stringify({ events: [customer({ customerType: 'gold' })] }),
      )
      insert.run(2, 'v4-no-sdes', T0)
      sections.run(2, info('v4-no-sdes'), null, null)
      insert.run(3, 'v4-bad-json', T0)
      sections.run(3, info('v4-bad-json'), '{"events":[', null)
      db.close()

      const archive = openArchive(path)
      try {
        const ids = (sdeValue: Record<string, unknown>) =>
          archive
            .search(
              searchBodySchema.parse({ start: START, sdeValue }),
              { offset: 0, limit: 10, sortField: 'start', sortOrder: 'asc' },
              ['info'],
            )
            .records.map((json) => String(pick(JSON.parse(json), 'info', 'conversationId')))
        expect(ids({ field: 'customerInfo.customerType', value: 'GOLD' })).toEqual(['v4-values'])
        expect(ids({ field: 'purchase.total', from: 40, to: 50 })).toEqual(['v4-values'])
        expect(ids({ field: 'purchase.total', from: 42.5, to: 42.6 })).toEqual(['v4-values'])
        expect(ids({ field: 'purchase.total', to: 42.5 })).toEqual([])
        const counted = archive.sdeValues(
          searchBodySchema.parse({ start: START }),
          'customerInfo.customerType',
        )
        expect(counted).toMatchObject({ total: 3, none: 2, values: [{ value: 'Gold', count: 1 }] })
      } finally {
        archive.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('round bucket edges', () => {
  it('from at or below the smallest value to past the largest', () => {
    const edges = (min: number, max: number) =>
      numberBuckets(min, max).map((b) => `${String(b.from)}–${String(b.to)}`)
    expect(edges(0, 9)).toEqual([
      '0–1',
      '1–2',
      '2–3',
      '3–4',
      '4–5',
      '5–6',
      '6–7',
      '7–8',
      '8–9',
      '9–10',
    ])
    expect(edges(0.1, 0.3)).toEqual([
      '0.1–0.12',
      '0.12–0.14',
      '0.14–0.16',
      '0.16–0.18',
      '0.18–0.2',
      '0.2–0.22',
      '0.22–0.24',
      '0.24–0.26',
      '0.26–0.28',
      '0.28–0.3',
      '0.3–0.32',
    ])
    expect(edges(42, 42)).toEqual(['40–45'])
    expect(edges(-3.5, -3.5)).toEqual(['-3.5–-3'])
    expect(edges(12.34, 905.1).length).toBeLessThanOrEqual(11)
    for (const [min, max] of [
      [0, 0],
      [1e-9, 2e-9],
      [-1e12, 1e12],
      [7, 1e6],
    ] as const) {
      const buckets = numberBuckets(min, max)
      expect(buckets[0]?.from).toBeLessThanOrEqual(min)
      expect(buckets.at(-1)?.to).toBeGreaterThan(max)
      expect(buckets.length).toBeLessThanOrEqual(12)
    }
  })

  it('values that round edges cannot tell apart, or that span more than a double holds', () => {
    for (const [min, max] of [
      [123456789012.5, 123456789013.7],
      [1e17, 1e17 + 100],
      [-1e308, 1e308],
      [0, 1.7e308],
    ] as const) {
      const buckets = numberBuckets(min, max)
      const what = `${String(min)} to ${String(max)}`
      expect(buckets.length, what).toBeGreaterThan(0)
      expect(buckets.length, what).toBeLessThanOrEqual(41)
      expect(buckets[0]?.from, what).toBeLessThanOrEqual(min)
      expect(buckets.at(-1)?.to, what).toBeGreaterThan(max)
      for (const bucket of buckets) {
        // Each one a range the list's filter takes: finite, `from` below `to`, one after another.
        expect(Number.isFinite(bucket.from) && Number.isFinite(bucket.to), what).toBe(true)
        expect(bucket.to, what).toBeGreaterThan(bucket.from)
      }
      buckets.slice(1).forEach((bucket, i) => {
        expect(bucket.from, what).toBe(buckets[i]?.to)
      })
    }
    // The largest double: no edge is past it, so the last bucket ends at it.
    expect(numberBuckets(1, Number.MAX_VALUE).at(-1)?.to).toBe(Number.MAX_VALUE)
  })
})
