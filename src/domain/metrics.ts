import type { ConversationRecord } from '@/domain/schema/record'
import { messageItems } from '@/domain/timeline/messages'
import { SpeakerDirectory } from '@/domain/timeline/speakers'
import { responseGaps } from '@/domain/timeline/waits'

/**
 * Header metrics of one conversation, computed from the same message order as the transcript.
 *
 * A consumer "wait" runs from the consumer's first message after the last brand reply to the
 * next brand reply (a public message from a human agent, a bot or a manager; private notes and
 * system messages do not count).
 */
export interface ConversationMetrics {
  /** The first wait: from the consumer's first message to the first brand reply after it. */
  firstAgentResponseMs?: number
  /** The mean of every wait. */
  averageAgentResponseMs?: number
  /** Distinct agents and bots the record mentions (participants, assignments, transfers, senders). */
  agentCount: number
  transferCount: number
  /** The longest wait. */
  longestWaitMs?: number
}

export function conversationMetrics(record: ConversationRecord): ConversationMetrics {
  const people = new SpeakerDirectory(record)
  const messages = messageItems(record, people)
  const waits = responseGaps(messages).map((gap) => gap.to - gap.from)

  const agents = new Set<string>()
  for (const id of people.agentIds()) {
    if (people.agent(id)?.role !== 'system') agents.add(id)
  }
  for (const item of messages) {
    const role = item.speaker.role
    if ((role === 'agent' || role === 'bot' || role === 'manager') && item.speaker.id) {
      agents.add(people.agentKey(item.speaker.id))
    }
  }

  const metrics: ConversationMetrics = {
    agentCount: agents.size,
    transferCount: record.transfers?.length ?? 0,
  }
  const first = waits[0]
  if (first !== undefined) {
    metrics.firstAgentResponseMs = first
    metrics.averageAgentResponseMs = waits.reduce((sum, w) => sum + w, 0) / waits.length
    metrics.longestWaitMs = waits.reduce((max, w) => Math.max(max, w), 0)
  }
  return metrics
}
