import type { AgentParticipant, ConsumerParticipant } from '@/domain/schema/participants'
import type { AgentRef } from '@/domain/timeline/events'
import type { Speaker, SpeakerRole } from '@/domain/timeline/speakers'
import type { AgentStretch } from '@/domain/timeline/stretches'

/** The words for people: roles, and the names shown when the record gives none. */

/** A role as a heading or badge ("Agent"); `roleWord` gives it inside a sentence. */
export const ROLE_LABELS: Readonly<Record<SpeakerRole, string>> = {
  consumer: 'Consumer',
  agent: 'Agent',
  bot: 'Bot',
  manager: 'Manager',
  system: 'System',
}

/** A role inside a sentence ("Role: agent"). */
export function roleWord(role: SpeakerRole): string {
  return ROLE_LABELS[role].toLowerCase()
}

/** An agent by role and ID when the record gives no name: "Bot 42", "Agent 42", or "Agent". */
function byRoleAndId(role: SpeakerRole | undefined, id: string | undefined): string {
  const word = role === 'bot' ? 'Bot' : 'Agent'
  return id ? `${word} ${id}` : word
}

/** The name of a message's speaker: as the record gives it, else by role and ID. */
export function speakerName(speaker: Speaker): string {
  if (speaker.name !== undefined) return speaker.name
  if (speaker.unnamed === 'system') return 'System'
  if (speaker.unnamed === 'unknown') return 'Unknown'
  if (speaker.role === 'consumer') return 'Consumer'
  return byRoleAndId(speaker.role, speaker.id)
}

/** An agent an event names: by name, else "Agent <id>"; nothing when the event names nobody. */
export function agentRefName(agent: AgentRef | undefined): string | undefined {
  if (agent === undefined) return undefined
  return agent.name ?? (agent.id !== undefined ? `Agent ${agent.id}` : undefined)
}

/** The participant an agent event is about: by name, else by role and ID, else "An agent". */
export function participantName(p: {
  agentId?: string
  name?: string
  role?: SpeakerRole
}): string {
  if (p.name !== undefined) return p.name
  return p.agentId !== undefined ? byRoleAndId(p.role, p.agentId) : 'An agent'
}

/** Who owned a stretch: the agent's name, or "In queue (skill)". */
export function stretchName(
  stretch: Pick<AgentStretch, 'agentId' | 'agentName' | 'queue' | 'role'>,
): string {
  if (stretch.agentId === undefined) {
    return stretch.queue !== undefined ? `In queue (${stretch.queue})` : 'In queue'
  }
  return stretch.agentName ?? byRoleAndId(stretch.role, stretch.agentId)
}

/** An agent participant's name: full name, nickname, login name, else "Agent <id>". */
export function agentDisplayName(agent: AgentParticipant): string {
  return (
    agent.agentFullName ??
    agent.agentNickname ??
    agent.agentLoginName ??
    (agent.agentId ? `Agent ${agent.agentId}` : 'Unknown agent')
  )
}

/** A consumer participant's name: first and last name, else their consumer name, else "Consumer". */
export function consumerDisplayName(consumer: ConsumerParticipant): string {
  const full = [consumer.firstName, consumer.lastName].filter(Boolean).join(' ')
  return full || consumer.consumerName || 'Consumer'
}
