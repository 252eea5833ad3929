import type { AgentParticipant, ConsumerParticipant } from '@/domain/schema/participants'
import type { ConversationRecord } from '@/domain/schema/record'

/** Readable words for the wire's codes, shared by the header and the panels. */

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No'
}

/** `MANUAL_CLOSE` → `Manual close`. */
export function codeToWords(code: string): string {
  const words = code.replace(/_/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function statusText(status: string | undefined): string {
  if (status === 'OPEN') return 'Open'
  if (status === 'CLOSE') return 'Closed'
  return status ?? 'Unknown'
}

/** `alertedMCS`: -1, 0, 1. */
export function alertedMcsText(value: number): string {
  if (value < 0) return 'Negative'
  if (value > 0) return 'Positive'
  return 'Neutral'
}

/** The documented transfer reasons, with what they mean. */
const TRANSFER_REASONS: Readonly<Record<string, string>> = {
  back2Q: 'Back to queue',
  Agent: 'Transferred to an agent',
  SuggestedAgentTimeout: 'Suggested agent did not accept in time',
  Skill: 'Transferred to a skill',
  TakeOver: 'Taken over by another agent',
}

export function transferReasonText(reason: string): string {
  return TRANSFER_REASONS[reason] ?? reason
}

/** Human, Bot or System: `userTypeName` when sent, else from `userType` ("0", "1", "2"). */
export function agentKind(agent: AgentParticipant): string | undefined {
  if (agent.userTypeName) return agent.userTypeName
  if (agent.userType === '1') return 'Human'
  if (agent.userType === '2') return 'Bot'
  if (agent.userType === '0') return 'System'
  return undefined
}

export function agentDisplayName(agent: AgentParticipant): string {
  return (
    agent.agentFullName ??
    agent.agentNickname ??
    agent.agentLoginName ??
    (agent.agentId ? `Agent ${agent.agentId}` : 'Unknown agent')
  )
}

export function consumerDisplayName(consumer: ConsumerParticipant): string {
  const full = [consumer.firstName, consumer.lastName].filter(Boolean).join(' ')
  return full || consumer.consumerName || 'Consumer'
}

/** A phone of "0" is how the API says "no phone". */
export function consumerPhone(consumer: ConsumerParticipant): string | undefined {
  return consumer.phone && consumer.phone !== '0' ? consumer.phone : undefined
}

/** agentId → name, from every agent list of the record (for transfers, co-browse, …). */
export function agentNames(record: ConversationRecord): Map<string, string> {
  const names = new Map<string, string>()
  for (const list of [
    record.agentParticipants,
    record.agentParticipantsActive,
    record.agentParticipantsLeave,
  ]) {
    for (const agent of list ?? []) {
      if (agent.agentId && !names.has(agent.agentId)) {
        names.set(agent.agentId, agentDisplayName(agent))
      }
    }
  }
  for (const transfer of record.transfers ?? []) {
    const name =
      transfer.sourceAgentFullName ?? transfer.sourceAgentNickname ?? transfer.sourceAgentLoginName
    if (transfer.sourceAgentId && name && !names.has(transfer.sourceAgentId)) {
      names.set(transfer.sourceAgentId, name)
    }
  }
  return names
}

/** The consumer's participant ID (for "other conversations of this consumer"). */
export function consumerId(record: ConversationRecord): string | undefined {
  return record.consumerParticipants?.find((c) => c.participantId)?.participantId
}
