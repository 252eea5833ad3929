import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insightsSchema, type Insights } from '@/domain/schema/insights'
import { generateDemoConversations } from '@/server/demo/generate'
import { pick, startTestApi, type TestApi } from './api-harness'
import { buildRecord } from './record-factory'

/**
 * Issue 15: `POST /api/insights` over real HTTP and a real archive. Every count it gives is the
 * count the list shows for that mark's filter (the search the chart's link makes), on a
 * hand-made set built to hit the edges (a conversation on a bar's edge, in a zone whose hours
 * do not start on a 10-minute mark, MCS on a bucket's edge, channels in two cases) and on the
 * demo data.
 */

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Midnight UTC, 1 March 2026 (a Sunday; no summer-time change near it in these zones). */
const T0 = Date.UTC(2026, 2, 1)

function handMade() {
  const at = (hours: number, minutes = 0, ms = 0) => T0 + hours * HOUR + minutes * 60_000 + ms
  const specs = [
    // On the edge between two hours (and two 10-minute marks): in both bars, as in both lists.
    {
      start: at(5),
      status: 'OPEN' as const,
      source: 'WhatsApp',
      device: 'MOBILE',
      mcs: 10,
      csat: 5,
    },
    { start: at(5, 0, 1), status: 'CLOSE' as const, source: 'whatsapp', device: 'DESKTOP', mcs: 9 },
    { start: at(4, 59, 999), status: 'CLOSE' as const, source: 'SMS', mcs: 100, csat: 1 },
    // Kathmandu's hours start at :15 UTC: 5:12 is in the 10 minutes two rounded windows share.
    { start: at(5, 12), status: 'OPEN' as const, source: 'SMS', device: 'TABLET', csat: 3 },
    { start: at(5, 17), status: 'CLOSE' as const, source: 'Web', mcs: 90, csat: 3 },
    { start: at(30, 30), status: 'CLOSE' as const, source: 'Web', device: 'MOBILE', mcs: 89 },
    { start: at(47, 59, 59_999), status: 'OPEN' as const, device: 'MOBILE', mcs: 0 },
    { start: at(60), status: 'CLOSE' as const, source: 'Apple Messages', mcs: 55, csat: 4 },
    // Channels are whatever the data says: names an object already has, and non-ASCII letters
    // the search's case folding (ASCII only) does not fold.
    { start: at(61), status: 'CLOSE' as const, source: 'constructor', mcs: 20 },
    { start: at(62), status: 'OPEN' as const, source: '__proto__', mcs: 30 },
    { start: at(63), status: 'CLOSE' as const, source: 'Café', mcs: 40 },
    { start: at(64), status: 'CLOSE' as const, source: 'CAFÉ', mcs: 41 },
    // Before the window, a spelling of Web that sorts first: the chart names a channel as the
    // search's own conversations spell it.
    { start: at(-120), status: 'CLOSE' as const, source: 'WEB' },
  ]
  // How they closed (in any case, with spaces) and their transfers: none, one, a pair made twice
  // in one conversation (counted once for the pair, three times in its number), six (5 or more).
  const closings: Record<number, string> = {
    1: 'agent',
    2: ' Agent ',
    4: 'CONSUMER',
    5: 'SYSTEM',
    7: 'constructor',
    10: '__proto__',
  }
  // Who replied how fast (seconds after the conversation's start: consumer, then agent lines).
  const ann = { id: 'ann', name: 'Ann' }
  const bob = { id: 'bob', name: 'Bob' }
  const bot = { id: 'bot', name: 'Bot', bot: true }
  const replies: Record<
    number,
    { agents: { id: string; name: string }[]; lines: [string, number][] }
  > = {
    // Ann replies in 30 s, then 90 s: first 30 s, average 60 s.
    0: {
      agents: [ann],
      lines: [
        ['c', 0],
        ['ann', 30],
        ['c', 100],
        ['c', 110],
        ['ann', 190],
      ],
    },
    // The bot answers in 1 s; Bob, 120 s after the consumer's next line. Ann never replies.
    1: {
      agents: [bot, ann, bob],
      lines: [
        ['c', 0],
        ['bot', 1],
        ['c', 10],
        ['bob', 130],
      ],
    },
    // Bob replies in 10 s.
    2: {
      agents: [bob],
      lines: [
        ['c', 0],
        ['bob', 10],
      ],
    },
  }
  const skill = (id: number) => ({ id, name: `Skill ${String(id)}` })
  const earlier: Record<number, { id: number; name: string }[]> = {
    1: [skill(11)],
    2: [skill(11), skill(12), skill(11)],
    4: [skill(11)],
    5: [11, 12, 13, 11, 12, 13].map(skill),
    7: [skill(13)],
  }
  return specs.map((spec, i) => {
    const record = buildRecord({
      id: `ins-${String(i).padStart(2, '0')}`,
      start: spec.start,
      ...(spec.status === 'CLOSE' ? { end: spec.start + 600_000 } : {}),
      status: spec.status,
      ...(spec.source ? { source: spec.source } : {}),
      ...(spec.device ? { device: spec.device } : {}),
      ...(spec.mcs !== undefined ? { mcs: spec.mcs } : {}),
      ...(spec.csat !== undefined ? { csat: spec.csat } : {}),
      ...(closings[i] !== undefined ? { closeReason: closings[i] } : {}),
      ...(earlier[i] ? { earlierSkills: earlier[i], latestSkill: skill(12) } : {}),
      ...(replies[i] ? { agents: replies[i].agents } : {}),
    })
    const lines = replies[i]?.lines
    if (lines) {
      record.messageRecords = lines.map(([by, seconds], seq) => ({
        type: 'TEXT_PLAIN',
        messageData: { msg: { text: 'hello' } },
        messageId: `ms::conv:ins-${String(i)}::msg:${String(seq)}`,
        seq,
        participantId: by === 'c' ? 'consumer-of-it' : by,
        sentBy: by === 'c' ? 'Consumer' : 'Agent',
        timeL: spec.start + seconds * 1000,
      }))
    }
    // No MCS at all (the factory gives one by default).
    if (spec.mcs === undefined) delete (record.info as Record<string, unknown>).mcs
    // No transfers section: a number of transfers not known, not 0.
    if (i === 3) delete record.transfers
    return record
  })
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

async function insights(search: Record<string, unknown>, zone: string): Promise<Insights> {
  const answer = await api.post('/api/insights', { search, zone })
  expect(answer.status, answer.text).toBe(200)
  return insightsSchema.parse(answer.json)
}

async function listCount(search: Record<string, unknown>): Promise<number> {
  const answer = await api.search(search, { limit: '1' })
  expect(answer.status, answer.text).toBe(200)
  return Number(pick(answer.json, '_metadata', 'count'))
}

/** Every mark of `found` against the list its link opens: the same search plus the mark's filter. */
async function expectEveryMarkMatchesItsList(search: Record<string, unknown>, found: Insights) {
  const checks: [string, number, Record<string, unknown>][] = [['total', found.total, search]]
  for (const bar of found.volume.buckets) {
    const window = { ...search, start: { from: bar.from, to: bar.to } }
    checks.push([`bar ${new Date(bar.from).toISOString()}`, bar.total, window])
    for (const [status, n] of Object.entries(bar.byStatus)) {
      checks.push([`bar ${String(bar.from)} ${status}`, n, { ...window, status: [status] }])
    }
    for (const [channel, n] of Object.entries(bar.byChannel)) {
      checks.push([`bar ${String(bar.from)} ${channel}`, n, { ...window, source: [channel] }])
    }
  }
  for (const bucket of found.mcs.buckets) {
    checks.push([
      `mcs ${String(bucket.from)}`,
      bucket.count,
      { ...search, mcs: { from: bucket.from, to: bucket.to } },
    ])
  }
  for (const { value, count } of found.csat.values) {
    checks.push([`csat ${String(value)}`, count, { ...search, csat: { from: value, to: value } }])
  }
  for (const { key, count } of found.devices.values) {
    checks.push([`device ${key}`, count, { ...search, device: [key] }])
  }
  for (const { key, count } of found.channels.values) {
    checks.push([`channel ${key}`, count, { ...search, source: [key] }])
  }
  for (const { key, count } of found.closeReasons.values) {
    checks.push([`closed by ${key}`, count, { ...search, closeReasons: [key] }])
  }
  for (const { from, to, count } of found.transfers.counts) {
    checks.push([`${String(from)} transfers`, count, { ...search, transferCount: { from, to } }])
  }
  for (const { from, to, count } of found.transfers.paths) {
    checks.push([`transfer ${from} to ${to}`, count, { ...search, transferPath: { from, to } }])
  }
  for (const { key, count } of found.replies.agents) {
    checks.push([`agent ${key}`, count, { ...search, agentIds: [key] }])
  }
  for (const { key, count } of found.replies.skills) {
    checks.push([`skill ${key}`, count, { ...search, skillIds: [key] }])
  }
  const mismatches: string[] = []
  for (const [what, shown, list] of checks) {
    const counted = await listCount(list)
    if (counted !== shown)
      mismatches.push(`${what}: chart ${String(shown)}, list ${String(counted)}`)
  }
  expect(mismatches).toEqual([])
  return checks.length
}

describe('the count a chart shows is the count of the list its mark opens', () => {
  it('on a hand-made set, hourly, in UTC and in a zone whose hours start at :15', async () => {
    for (const zone of ['UTC', 'Asia/Kathmandu']) {
      const search = { start: { from: T0, to: T0 + 2 * DAY + 12 * HOUR } }
      const found = await insights(search, zone)
      expect(found.volume.unit).toBe('hour')
      expect(found.total).toBe(8)
      expect(await expectEveryMarkMatchesItsList(search, found)).toBeGreaterThan(60)
      // A bare window is counted from indexes alone, any other search by grouping what it finds:
      // a filter that keeps every conversation gives the same charts, mark for mark.
      expect(found.channels.values.find((c) => c.key.toLowerCase() === 'web')?.key).toBe('Web')
      const filtered = { ...search, status: ['OPEN', 'CLOSE'] }
      const grouped = await insights(filtered, zone)
      expect(grouped).toEqual(found)
      await expectEveryMarkMatchesItsList(filtered, grouped)
    }
    // The edge conversation is in both bars of its hour (as in both lists), and once in the total.
    const utc = await insights({ start: { from: T0, to: T0 + 2 * DAY + 12 * HOUR } }, 'UTC')
    const bar = (hour: number) => utc.volume.buckets.find((b) => b.from === T0 + hour * HOUR)
    expect([bar(4)?.total, bar(5)?.total]).toEqual([2, 4])
    // MCS 9 and 10 sit on either side of a bucket edge; 100 is in the last one.
    expect(utc.mcs.buckets.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 1, 2])
    expect(utc.mcs.none).toBe(1)
    expect(utc.csat.values.map((v) => v.count)).toEqual([1, 0, 2, 1, 1])
    expect(utc.csat.none).toBe(3)
    // One channel whatever its case, named once.
    expect(utc.channels.values.find((c) => c.key.toLowerCase() === 'whatsapp')?.count).toBe(2)
    // Close reasons in any case are one; names an object already has are counted like others.
    expect(utc.closeReasons).toEqual({
      values: [
        { key: 'AGENT', count: 2 },
        { key: 'CONSTRUCTOR', count: 1 },
        { key: 'CONSUMER', count: 1 },
        { key: 'SYSTEM', count: 1 },
      ],
      none: 3,
    })
    expect(utc.transfers.counts.map((bar) => [bar.from, bar.to, bar.count])).toEqual([
      [0, 0, 2],
      [1, 1, 3],
      [2, 2, 0],
      [3, 3, 1],
      [4, 4, 0],
      [5, 1000, 1],
    ])
    expect(utc.transfers.none).toBe(1)
    // Reply times: each agent's own; by skill, human agents' in its conversations.
    const agentRow = (id: string) => utc.replies.agents.find((row) => row.key === id)
    expect(agentRow('ann')).toEqual({
      key: 'ann',
      count: 2,
      replied: 1,
      first: { median: 30_000, p90: 30_000 },
      average: { median: 60_000, p90: 60_000 },
    })
    expect(agentRow('bob')).toMatchObject({
      count: 2,
      replied: 2,
      first: { median: 65_000, p90: 109_000 },
    })
    expect(agentRow('bot')).toMatchObject({ count: 1, replied: 1, first: { median: 1_000 } })
    // Skill 12: five conversations, two of them replied to by a person (120 s and 10 s; the
    // bot's 1 s left out).
    expect(utc.replies.skills.find((row) => row.key === '12')).toMatchObject({
      count: 5,
      replied: 2,
      first: { median: 65_000 },
      average: { median: 65_000 },
    })
    // 11 to 12 is made in four conversations (twice in one of them, counted once).
    expect(utc.transfers.paths.slice(0, 3)).toEqual([
      { from: '11', to: '12', count: 4 },
      { from: '13', to: '12', count: 2 },
      { from: '12', to: '11', count: 1 },
    ])
  })

  it('on the demo data, daily over 30 days, with other filters too', async () => {
    const from = T0 + 10 * DAY
    for (const search of [
      { start: { from, to: from + 30 * DAY } },
      { start: { from, to: from + 30 * DAY }, status: ['CLOSE'], device: ['MOBILE'] },
      { start: { from, to: from + 30 * DAY }, keyword: 'order' },
    ]) {
      const found = await insights(search, 'Europe/Berlin')
      expect(found.volume.unit).toBe('day')
      expect(found.total).toBeGreaterThan(0)
      await expectEveryMarkMatchesItsList(search, found)
    }
  })
})

describe('bad requests', () => {
  it('names the field: an unknown zone, a broken search', async () => {
    const zone = await api.post('/api/insights', {
      search: { start: { from: T0, to: T0 + DAY } },
      zone: 'Mars/Olympus_Mons',
    })
    expect(zone.status).toBe(400)
    expect(pick(zone.json, 'error', 'field')).toBe('zone')
    const search = await api.post('/api/insights', {
      search: { start: { from: 'soon' } },
      zone: 'UTC',
    })
    expect(search.status).toBe(400)
    expect(String(pick(search.json, 'error', 'field'))).toMatch(/^search\.start/)
    expect((await api.get('/api/insights')).status).toBe(405)
  })
})
