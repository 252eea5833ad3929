import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { MessageRecord } from '@/domain/schema/messages'
import { searchBodySchema } from '@/domain/schema/search-request'
import { openArchive } from '@/server/archive/archive'
import { migrate } from '@/server/archive/db'
import { replyTimes } from '@/server/archive/reply-times'
import { DAY, T0 } from './fixtures'

/** Issue 15: reply times as the archive reads them from a conversation's messages. */

const consumer = (timeL: number): MessageRecord => ({
  sentBy: 'Consumer',
  participantId: 'c',
  timeL,
})
const agent = (id: string, timeL: number): MessageRecord => ({
  sentBy: 'Agent',
  participantId: id,
  timeL,
})

const NO_AGENTS = { known: new Set<string>(), bots: new Set<string>() }

describe('reply times', () => {
  it('an agent named `<account>.<agentId>` in its messages is the agent (and a bot so named, a bot)', () => {
    const { byAgent, conversation } = replyTimes(
      [
        consumer(0),
        agent('le-account.bot', 1_000),
        consumer(10_000),
        agent('le-account.ann', 40_000),
      ],
      { known: new Set(['ann', 'bot']), bots: new Set(['bot']) },
    )
    expect(Object.fromEntries(byAgent)).toEqual({
      bot: { firstMs: 1_000, averageMs: 1_000 },
      ann: { firstMs: 30_000, averageMs: 30_000 },
    })
    expect(conversation).toEqual({ firstMs: 30_000, averageMs: 30_000 })
  })

  it('an agent message that names no agent still answers: the next reply is timed after it', () => {
    const { byAgent } = replyTimes(
      [consumer(0), { sentBy: 'Agent', timeL: 5_000 }, consumer(100_000), agent('ann', 130_000)],
      NO_AGENTS,
    )
    expect(byAgent.get('ann')).toEqual({ firstMs: 30_000, averageMs: 30_000 })
  })

  it('times a reply from the first consumer message it answers, per agent and for the conversation', () => {
    const { byAgent, conversation } = replyTimes(
      [
        consumer(0),
        consumer(5_000), // a second line: still waiting since 0
        agent('a1', 20_000), // 20 s
        agent('a1', 21_000), // nothing waiting: not a reply
        consumer(60_000),
        agent('a2', 100_000), // 40 s
        consumer(200_000),
        agent('a1', 260_000), // 60 s
      ],
      NO_AGENTS,
    )
    expect(Object.fromEntries(byAgent)).toEqual({
      a1: { firstMs: 20_000, averageMs: 40_000 },
      a2: { firstMs: 40_000, averageMs: 40_000 },
    })
    expect(conversation).toEqual({ firstMs: 20_000, averageMs: 40_000 })
  })

  it('a bot has its own times, but the conversation’s are human agents’ (a bot still answers)', () => {
    const { byAgent, conversation } = replyTimes(
      [consumer(0), agent('bot', 1_000), consumer(10_000), agent('human', 70_000)],
      { known: new Set(['bot', 'human']), bots: new Set(['bot']) },
    )
    expect(byAgent.get('bot')).toEqual({ firstMs: 1_000, averageMs: 1_000 })
    expect(conversation).toEqual({ firstMs: 60_000, averageMs: 60_000 })
  })

  it('reads messages in time order, from `time` when `timeL` is missing; ignores those with neither', () => {
    const { byAgent } = replyTimes(
      [
        agent('a1', 30_000),
        { sentBy: 'Consumer', participantId: 'c', time: '1970-01-01 00:00:10.000+0000' },
        { sentBy: 'Agent', participantId: 'a1' },
        { sentBy: 'System', participantId: 's', timeL: 20_000 },
      ],
      NO_AGENTS,
    )
    expect(byAgent.get('a1')).toEqual({ firstMs: 20_000, averageMs: 20_000 })
  })

  it('no consumer message, or no agent answer: no times', () => {
    expect(replyTimes([agent('a1', 1)], NO_AGENTS).conversation).toBeUndefined()
    const unanswered = replyTimes([consumer(1), consumer(2)], NO_AGENTS)
    expect([unanswered.byAgent.size, unanswered.conversation]).toEqual([0, undefined])
  })
})

describe('an archive of the previous schema (version 4)', () => {
  it('gets reply times from the messages it already holds; a broken record is skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-migrate-5-'))
    try {
      const path = join(dir, 'archive.db')
      const db = new Database(path)
      migrate(db, 4)
      const insert = db.prepare(
        'INSERT INTO conversations (id, conversation_id, start_ms, imported_at) VALUES (?, ?, ?, 0)',
      )
      const agentRow = db.prepare(
        'INSERT INTO conversation_agents (conversation, agent_id) VALUES (?, ?)',
      )
      const sections = db.prepare(
        'INSERT INTO conversation_sections (id, info, agentParticipants, messageRecords) VALUES (?, ?, ?, ?)',
      )
      insert.run(1, 'v4-replied', T0)
      db.prepare(
        "INSERT INTO conversation_skills (conversation, skill_id) VALUES (1, 'sales')",
      ).run()
      db.prepare(
        "INSERT INTO conversation_transfers (conversation, source_skill_id, target_skill_id) VALUES (1, 'sales', 'support')",
      ).run()
      agentRow.run(1, 'ann')
      agentRow.run(1, 'bot')
      sections.run(
        1,
        JSON.stringify({ conversationId: 'v4-replied', startTimeL: T0 }),
        JSON.stringify([
          { agentId: 'ann', userTypeName: 'Human' },
          { agentId: 'bot', userTypeName: 'Bot' },
        ]),
        JSON.stringify([
          consumer(T0),
          agent('bot', T0 + 2_000),
          consumer(T0 + 10_000),
          agent('ann', T0 + 50_000),
        ]),
      )
      insert.run(2, 'v4-broken', T0)
      agentRow.run(2, 'ann')
      sections.run(2, JSON.stringify({ conversationId: 'v4-broken' }), null, '[{"sentBy":')
      db.close()

      const archive = openArchive(path)
      try {
        const found = archive.insights(
          searchBodySchema.parse({ start: { from: T0 - DAY, to: T0 + DAY } }),
          'UTC',
        )
        expect(found.replies.agents).toEqual([
          {
            key: 'ann',
            count: 2,
            replied: 1,
            first: { median: 40_000, p90: 40_000 },
            average: { median: 40_000, p90: 40_000 },
          },
          {
            key: 'bot',
            count: 1,
            replied: 1,
            first: { median: 2_000, p90: 2_000 },
            average: { median: 2_000, p90: 2_000 },
          },
        ])
        // Its transfer, counted from the pairs' own start (migration 7 copies it).
        expect(found.transfers.paths).toEqual([{ from: 'sales', to: 'support', count: 1 }])
        // By skill, the conversation's own (a person's reply; migration 7 copies it to the skill).
        expect(found.replies.skills).toEqual([
          {
            key: 'sales',
            count: 1,
            replied: 1,
            first: { median: 40_000, p90: 40_000 },
            average: { median: 40_000, p90: 40_000 },
          },
        ])
      } finally {
        archive.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
