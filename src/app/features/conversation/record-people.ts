import { agentDisplayName } from '@/app/lib/vocabulary/people'
import type { ConsumerParticipant } from '@/domain/schema/participants'
import type { ConversationRecord } from '@/domain/schema/record'

/** Who is on a record, for the header and the panels (their words are in the vocabulary). */

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
