import { parseConversationRecord } from '@/domain/schema/record'
import type { SectionColumn } from '@/server/archive/record-output'
import { extractIndexed } from '@/server/archive/extract'

/**
 * What a review needs to know of its conversation: who took part (the legs a review may be
 * for) and the agents, agent groups and skills a reader's scope is matched against (kept in
 * `review_scope`, so the scope applies to reviews without the archive).
 */
export interface ConversationFacts {
  conversationId: string
  /** Agent participants (humans and bots): the legs a review may be for. */
  participants: { agentId: string; name: string | undefined; bot: boolean | undefined }[]
  /** As the archive's index reads the record (the same reading as the read scope's). */
  agentIds: string[]
  agentGroupIds: string[]
  skillIds: string[]
}

/** The sections of a record the facts are read from. */
export const FACT_SECTIONS: readonly SectionColumn[] = [
  'info',
  'agentParticipants',
  'transfers',
  'interactions',
  'dialogs',
]

function userType(code?: string, name?: string): boolean | undefined {
  const text = (name ?? '').toLowerCase()
  if (text === 'bot' || code === '2') return true
  if (text === 'human' || code === '1') return false
  return undefined
}

/** The facts of a raw record (as the archive or LivePerson sent it), or undefined. */
export function conversationFacts(raw: unknown): ConversationFacts | undefined {
  const parsed = parseConversationRecord(raw)
  if (!parsed.ok) return undefined
  const record = parsed.record
  const indexed = extractIndexed(record)
  const participants = new Map<string, ConversationFacts['participants'][number]>()
  for (const agent of record.agentParticipants ?? []) {
    if (!agent.agentId) continue
    const known = participants.get(agent.agentId)
    participants.set(agent.agentId, {
      agentId: agent.agentId,
      name: known?.name ?? agent.agentFullName ?? agent.agentNickname,
      bot: known?.bot ?? userType(agent.userType, agent.userTypeName),
    })
  }
  return {
    conversationId: record.info.conversationId,
    participants: [...participants.values()],
    agentIds: indexed?.agents.ids ?? [],
    agentGroupIds: indexed?.groups.ids ?? [],
    skillIds: indexed?.skills.ids ?? [],
  }
}
