import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchBodySchema } from '@/domain/schema/search-request'
import { openArchive, type Archive } from '@/server/archive/archive'
import { importText } from '@/server/archive/import'
import { INSIGHT_GROUPS } from '@/server/archive/insight-queries'
import { assembleInsights, insightBuckets, type InsightRows } from '@/server/archive/insights'
import { createInsightsPool } from '@/server/archive/insights-pool'
import { EVERYTHING } from '@/server/archive/read-scope'
import { generateDemoConversations } from '@/server/demo/generate'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 2, 1)
const from = T0 + 10 * DAY
const SEARCHES = [
  { start: { from, to: from + 30 * DAY } },
  { start: { from, to: from + 30 * DAY }, status: ['CLOSE'], device: ['MOBILE'] },
  { start: { from, to: from + 30 * DAY }, keyword: 'order' },
  { start: { from, to: from + 2 * DAY }, skillIds: ['4016011110'] },
].map((search) => searchBodySchema.parse(search))

let dir: string
let path: string
let archive: Archive
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cv-insights-pool-'))
  path = join(dir, 'archive.db')
  archive = openArchive(path)
  const demo = generateDemoConversations({ count: 400, now: T0 + 40 * DAY })
  const outcome = importText(archive, JSON.stringify(demo), 'demo.json')
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'))
})
afterAll(() => {
  archive.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('insights counted in worker threads', () => {
  it('count what the request thread counts, for a bare window and for filtered searches', async () => {
    const pool = createInsightsPool(path, 2)
    try {
      for (const search of SEARCHES) {
        const parts = await Promise.all(
          INSIGHT_GROUPS.map((group) => pool.rows(search, 'Europe/Berlin', EVERYTHING, group)),
        )
        const { unit, buckets } = insightBuckets(search.start, 'Europe/Berlin')
        const counted = assembleInsights(unit, buckets, Object.assign({}, ...parts) as InsightRows)
        expect(counted.total).toBeGreaterThan(0)
        expect(counted).toEqual(archive.insights(search, 'Europe/Berlin'))
        expect(await pool.sdeValues(search, 'customerInfo.customerType', EVERYTHING)).toEqual(
          archive.sdeValues(search, 'customerInfo.customerType'),
        )
      }
      expect(pool.running()).toBe(2)
    } finally {
      await pool.close()
    }
  })

  it('the archive counts in its workers, and a scoped reader sees only its own', async () => {
    const search = SEARCHES[0]!
    const scope = { all: false, agentIds: [], agentGroupIds: [], skillIds: ['4016011110'] } as const
    const [all, scoped] = await Promise.all([
      archive.countInsights(search, 'UTC'),
      archive.countInsights(search, 'UTC', scope),
    ])
    expect(archive.countingWorkers()).toBeGreaterThan(0)
    expect(all).toEqual(archive.insights(search, 'UTC'))
    expect(scoped).toEqual(archive.insights(search, 'UTC', scope))
    expect(scoped.total).toBeGreaterThan(0)
    expect(scoped.total).toBeLessThan(all.total)
  })

  it('one worker answers many requests in turn; a closed pool answers none', async () => {
    const pool = createInsightsPool(path, 1)
    const search = SEARCHES[1]!
    const asked = Array.from({ length: 5 }, () =>
      pool.rows(search, 'UTC', EVERYTHING, ['marginals']),
    )
    const answers = await Promise.all(asked)
    expect(pool.running()).toBe(1)
    for (const answer of answers) expect(answer).toEqual(answers[0])
    const late = expect(pool.rows(search, 'UTC', EVERYTHING, ['volume'])).rejects.toThrow(/closed/)
    await pool.close()
    await late
    await expect(pool.rows(search, 'UTC', EVERYTHING, ['volume'])).rejects.toThrow(/closed/)
  })

  it('a worker that cannot open the archive fails its task with the reason', async () => {
    const broken = join(dir, 'not-an-archive.db')
    writeFileSync(broken, 'this is not a database, only text long enough to have a header')
    const pool = createInsightsPool(broken, 1)
    try {
      await expect(pool.rows(SEARCHES[0]!, 'UTC', EVERYTHING, ['volume'])).rejects.toThrow(
        /not a database/,
      )
      // The worker stays, and tells every task why.
      await expect(pool.rows(SEARCHES[0]!, 'UTC', EVERYTHING, ['volume'])).rejects.toThrow(
        /not a database/,
      )
    } finally {
      await pool.close()
    }
  })

  it('a server starts its workers at once; closing the archive ends a count cleanly', async () => {
    const served = openArchive(path, { insightWorkers: 2 })
    served.startCountingWorkers()
    expect(served.countingWorkers()).toBe(2)
    // Closed while a count waits for its workers: the count says so, rather than trying again
    // on the closed connection.
    const counting = served.countInsights(SEARCHES[0]!, 'UTC')
    served.close()
    await expect(counting).rejects.toThrow('The archive is closed')
    expect(served.countingWorkers()).toBe(0)
  })
})
