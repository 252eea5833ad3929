import { describe, expect, test } from 'vitest'
import { conversationMetrics } from '@/domain/metrics'
import { agentStretches } from '@/domain/timeline/stretches'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'
import { seedRecord } from './schema/seed'

const T0 = Date.UTC(2024, 0, 15, 9, 0, 0)
const sec = (s: number) => T0 + s * 1000
const CONSUMER = 'c0ffee00-0000-4000-8000-000000000001'

function parse(raw: Record<string, unknown>): ConversationRecord {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.record
}

function conversation(sections: Record<string, unknown>): ConversationRecord {
  return parse({
    info: { conversationId: 'conv-1', startTimeL: T0 },
    consumerParticipants: [{ participantId: CONSUMER, firstName: 'Anna' }],
    ...sections,
  })
}

let seq = 0
/** A public message at `at` seconds from `from`: `'consumer'` or an agent ID. */
function message(at: number, from: string, extra: Record<string, unknown> = {}) {
  seq += 1
  return {
    type: 'TEXT_PLAIN',
    messageData: { msg: { text: `message ${String(seq)}` } },
    messageId: `m-${String(seq)}`,
    seq,
    participantId: from === 'consumer' ? CONSUMER : from,
    sentBy: from === 'consumer' ? 'Consumer' : 'Agent',
    timeL: sec(at),
    ...extra,
  }
}

describe('response times', () => {
  test('first, average and longest wait, each from the consumer’s first unanswered message', () => {
    const record = conversation({
      agentParticipants: [{ agentId: '100', agentFullName: 'Ben' }],
      messageRecords: [
        message(0, '100'), // the agent opened; nobody was waiting
        message(10, 'consumer'),
        message(20, 'consumer'),
        message(70, '100'), // waited 60 s (from 10)
        message(80, '100'),
        message(100, 'consumer'),
        message(400, '100', { audience: 'AGENTS_AND_MANAGERS' }), // a private note is no reply
        message(700, '100'), // waited 600 s
        message(710, 'consumer'), // still waiting when the record ends
      ],
    })
    expect(conversationMetrics(record)).toEqual({
      firstAgentResponseMs: 60_000,
      averageAgentResponseMs: 330_000,
      longestWaitMs: 600_000,
      agentCount: 1,
      transferCount: 0,
    })
  })

  test('no reply at all: no response times, but counts still there', () => {
    const record = conversation({ messageRecords: [message(0, 'consumer')] })
    const metrics = conversationMetrics(record)
    expect(metrics).toEqual({ agentCount: 0, transferCount: 0 })
  })

  test('bots count as agents; the system does not', () => {
    const record = conversation({
      agentParticipants: [
        { agentId: '200', agentFullName: 'Helper', userTypeName: 'Bot' },
        { agentId: '0', agentFullName: 'System', userTypeName: 'System' },
      ],
      messageRecords: [
        message(0, 'consumer'),
        message(5, '0', { sentBy: 'System' }),
        message(30, '200'),
      ],
    })
    expect(conversationMetrics(record)).toMatchObject({
      firstAgentResponseMs: 30_000,
      agentCount: 1,
    })
  })
})

describe('the seed example', () => {
  const seed = () => parse(seedRecord())

  test('metrics, quirks included', () => {
    expect(conversationMetrics(seed())).toEqual({
      // The agent's reply carries the same timeL as the consumer's first message.
      firstAgentResponseMs: 0,
      // The second wait runs from 2016 to the rich-content message of 2017.
      averageAgentResponseMs: (0 + (1508840692962 - 1472483742568)) / 2,
      longestWaitMs: 1508840692962 - 1472483742568,
      // michal@lp.com, the unknown sender 2198186612 and the transfers' michal1 (196875613) and michal (7).
      agentCount: 4,
      transferCount: 2,
    })
  })

  test('stretches: michal owned it from the assignment until the transfer to a skill queue', () => {
    expect(agentStretches(seed())).toEqual([
      {
        agentId: '3677470410',
        agentName: 'michal@lp.com',
        role: 'agent',
        from: 1472483644999,
        to: 1498127364726,
      },
      { queue: 'cats', role: 'system', from: 1498127364726, to: 1498127562332 },
      // Still open: no end.
      { queue: 'lpsocial', role: 'system', from: 1498127562332 },
    ])
  })
})

describe('agent stretches', () => {
  test('assignment, transfer to an agent, leave; a closed conversation ends the last stretch', () => {
    const record = parse({
      info: { conversationId: 'conv-1', startTimeL: T0, endTimeL: sec(900) },
      agentParticipants: [
        {
          agentId: '200',
          agentFullName: 'Helper',
          userTypeName: 'Bot',
          permission: 'ASSIGNED_AGENT',
          timeL: sec(1),
        },
        { agentId: '100', agentFullName: 'Ben', permission: 'ASSIGNED_AGENT', timeL: sec(120) },
        { agentId: '300', agentFullName: 'Mia', permission: 'READER', timeL: sec(130) },
      ],
      agentParticipantsLeave: [
        { agentId: '300', agentFullName: 'Mia', permission: 'READER', timeL: sec(140) },
        { agentId: '200', agentFullName: 'Helper', permission: 'ASSIGNED_AGENT', timeL: sec(100) },
      ],
      transfers: [
        { timeL: sec(100), reason: 'Skill', targetSkillName: 'Billing', sourceAgentId: '200' },
        { timeL: sec(600), reason: 'Agent', assignedAgentId: '101', assignedAgentFullName: 'Cleo' },
      ],
    })
    expect(agentStretches(record)).toEqual([
      { agentId: '200', agentName: 'Helper', role: 'bot', from: sec(1), to: sec(100) },
      { queue: 'Billing', role: 'system', from: sec(100), to: sec(120) },
      { agentId: '100', agentName: 'Ben', role: 'agent', from: sec(120), to: sec(600) },
      { agentId: '101', agentName: 'Cleo', role: 'agent', from: sec(600), to: sec(900) },
    ])
  })

  test('the owner leaving ends the stretch; a reader leaving does not', () => {
    const record = conversation({
      interactions: [
        { assignedAgentId: '100', assignedAgentFullName: 'Ben', interactionTimeL: sec(10) },
      ],
      agentParticipantsLeave: [
        { agentId: '300', agentFullName: 'Mia', permission: 'READER', timeL: sec(20) },
        { agentId: '100', agentFullName: 'Ben', permission: 'ASSIGNED_AGENT', timeL: sec(50) },
      ],
    })
    expect(agentStretches(record)).toEqual([
      { agentId: '100', agentName: 'Ben', role: 'agent', from: sec(10), to: sec(50) },
    ])
  })

  test('without assignment data, stretches follow who answered the consumer', () => {
    const record = conversation({
      agentParticipants: [
        { agentId: '200', agentFullName: 'Helper', userTypeName: 'Bot' },
        { agentId: '100', agentFullName: 'Ben' },
      ],
      messageRecords: [
        message(0, 'consumer'),
        message(5, '200'),
        message(6, '200'),
        message(50, '100', { audience: 'AGENTS_AND_MANAGERS' }),
        message(60, '100'),
      ],
    })
    expect(agentStretches(record)).toEqual([
      { agentId: '200', agentName: 'Helper', role: 'bot', from: sec(5), to: sec(60) },
      { agentId: '100', agentName: 'Ben', role: 'agent', from: sec(60) },
    ])
  })
})
