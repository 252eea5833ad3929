import type { MessageRecord } from '@/domain/schema/messages'
import { parseWireTime } from '@/domain/timeline/wire-time'

/**
 * Issue 15: how fast agents answer, read from a conversation's messages at import.
 *
 * A **reply** is an agent's message that follows one or more consumer messages sent since the
 * last agent message; its time is from the first of those consumer messages to it (a consumer
 * who writes three lines waits from the first). An agent's **first reply time** in a conversation
 * is its first reply's time; its **average reply time** the mean of all its replies'.
 *
 * For the conversation as a whole, only human agents' replies count: a bot answers in a second,
 * and would hide how long people wait for a person. A bot's reply still answers what the consumer
 * wrote (the next reply is timed from the consumer's next message).
 */
export interface ReplyTimes {
  firstMs: number
  averageMs: number
}

interface Timed {
  at: number
  sentBy: 'consumer' | 'agent'
  agentId: string | undefined
  order: number
}

function summarise(gaps: readonly number[]): ReplyTimes | undefined {
  const first = gaps[0]
  if (first === undefined) return undefined
  const sum = gaps.reduce((total, gap) => total + gap, 0)
  return { firstMs: first, averageMs: Math.round(sum / gaps.length) }
}

/**
 * Reply times by agent ID, and over human agents for the conversation. `agents`: the record's
 * agent IDs (a message may name one as `<account>.<agentId>`, as the transcript reads it) and
 * which of them are bots.
 */
export function replyTimes(
  messages: readonly MessageRecord[],
  agents: { known: ReadonlySet<string>; bots: ReadonlySet<string> },
): { byAgent: Map<string, ReplyTimes>; conversation: ReplyTimes | undefined } {
  const agentOf = (id: string | undefined) => {
    if (!id || agents.known.has(id)) return id
    const bare = id.slice(id.lastIndexOf('.') + 1)
    return agents.known.has(bare) ? bare : id
  }
  const timed: Timed[] = []
  messages.forEach((message, order) => {
    const at = message.timeL ?? parseWireTime(message.time)
    const by = (message.sentBy ?? '').toLowerCase()
    if (at === undefined || (by !== 'consumer' && by !== 'agent')) return
    timed.push({ at, sentBy: by, agentId: agentOf(message.participantId), order })
  })
  // In time order; messages of one millisecond in the order they were listed.
  timed.sort((a, b) => a.at - b.at || a.order - b.order)
  const gapsByAgent = new Map<string, number[]>()
  const humanGaps: number[] = []
  let waitingSince: number | undefined
  for (const message of timed) {
    if (message.sentBy === 'consumer') {
      waitingSince ??= message.at
      continue
    }
    if (waitingSince === undefined) continue
    const gap = message.at - waitingSince
    // An agent's message answers the consumer even when it does not say which agent sent it.
    waitingSince = undefined
    if (!message.agentId) continue
    const gaps = gapsByAgent.get(message.agentId) ?? []
    gaps.push(gap)
    gapsByAgent.set(message.agentId, gaps)
    if (!agents.bots.has(message.agentId)) humanGaps.push(gap)
  }
  const byAgent = new Map<string, ReplyTimes>()
  for (const [agentId, gaps] of gapsByAgent) {
    const times = summarise(gaps)
    if (times) byAgent.set(agentId, times)
  }
  return { byAgent, conversation: summarise(humanGaps) }
}
