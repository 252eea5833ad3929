import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoConversations } from '@/server/archive/seed'
import { SEED_EXAMPLE_CONVERSATION_ID } from '@/server/demo/generate'
import { idsOf, pick, startTestApi, type TestApi } from './api-harness'

/** The demo data set seeded into an empty archive, read back through the API. */
let api: TestApi
const lines: string[] = []
const DAY = 86_400_000

beforeAll(async () => {
  api = await startTestApi()
  seedDemoConversations(api.archive, 60, (line) => lines.push(line))
}, 120_000)
afterAll(async () => {
  await api.stop()
})

describe('demo seeding', () => {
  it('stores every generated conversation and says so', () => {
    expect(api.archive.conversationCount()).toBe(60)
    expect(lines[0]).toBe('Seeding the archive with 60 demo conversations…')
    expect(lines.at(-1)).toMatch(/^Seeded 60 demo conversations in \d+\.\d s\.$/)
  })

  it('seeds nothing when asked for 0', () => {
    expect(seedDemoConversations(api.archive, 0, (line) => lines.push(line))).toBe(0)
    expect(api.archive.conversationCount()).toBe(60)
  })

  it('includes the documentation example, found by ID', async () => {
    const answer = await api.post(
      '/messaging_history/api/account/demo/conversations/conversation/search',
      {
        conversationId: SEED_EXAMPLE_CONVERSATION_ID,
      },
    )
    expect(idsOf(answer.json)).toEqual([SEED_EXAMPLE_CONVERSATION_ID])
  })

  it('the last 30 days hold the other 59, and facets describe them', async () => {
    const answer = await api.search({ start: { from: Date.now() - 31 * DAY } }, { limit: '100' })
    expect(pick(answer.json, '_metadata', 'count')).toBe(59)
    const facets = (await api.get('/api/facets')).json
    for (const kind of ['agents', 'skills', 'agentGroups', 'channels', 'devices']) {
      const list = pick(facets, kind)
      expect(Array.isArray(list) && list.length > 0, kind).toBe(true)
    }
    const agents = pick(facets, 'agents')
    const types = new Set(Array.isArray(agents) ? agents.map((a: unknown) => pick(a, 'type')) : [])
    expect(types.has('bot') && types.has('human')).toBe(true)
  })

  it('every channel facet filters to exactly its count', async () => {
    const channels = pick((await api.get('/api/facets')).json, 'channels')
    if (!Array.isArray(channels)) throw new Error('no channels')
    for (const channel of channels) {
      const id = String(pick(channel, 'id'))
      const answer = await api.search(
        { start: { from: Date.now() - 31 * DAY }, source: [id] },
        { limit: '1' },
      )
      const inWindow = pick(answer.json, '_metadata', 'count')
      // The 2016 documentation example (channel APP) is the one conversation outside the window.
      expect(Number(inWindow), id).toBe(Number(pick(channel, 'count')) - (id === 'APP' ? 1 : 0))
    }
  })
})
