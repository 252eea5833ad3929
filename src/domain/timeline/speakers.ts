import type { ConversationRecord } from '@/domain/schema/record'
import type { AgentParticipant, ConsumerParticipant } from '@/domain/schema/participants'
import type { MessageRecord } from '@/domain/schema/messages'

/** Who a message or an event is from, as the timeline tells them apart. */
export type SpeakerRole = 'consumer' | 'agent' | 'bot' | 'manager' | 'system'

/** A person (or the system) on the record, as facts: the app's vocabulary names them. */
export interface Speaker {
  id: string
  /** The name the record gives; absent when it gives none (the app then names them by role and ID). */
  name?: string
  role: SpeakerRole
  /** Consumer on the left, everyone on the brand side on the right. */
  side: 'left' | 'right'
  /** Without a name: `system` when the record says the system sent it, `unknown` when it says nothing. */
  unnamed?: 'system' | 'unknown'
}

interface AgentInfo {
  id: string
  name?: string
  userType?: string
  userTypeName?: string
  permissions: string[]
  roles: string[]
}

/** An agent's name as the record gives it: full name, else nickname, else login name. */
export function agentName(p: {
  agentFullName?: string | undefined
  agentNickname?: string | undefined
  agentLoginName?: string | undefined
}): string | undefined {
  return p.agentFullName ?? p.agentNickname ?? p.agentLoginName
}

function consumerName(p: ConsumerParticipant): string | undefined {
  const full = [p.firstName, p.lastName].filter((s) => s !== undefined && s.trim() !== '').join(' ')
  if (full) return full
  if (p.consumerName?.trim()) return p.consumerName
  return undefined
}

const MANAGER = /MANAGER|MANGER|READER/i

function agentRole(info: AgentInfo): SpeakerRole {
  const typeName = info.userTypeName?.toLowerCase()
  if (typeName === 'bot' || info.userType === '2') return 'bot'
  if (typeName === 'system' || info.userType === '0') return 'system'
  const marks = [...info.permissions, ...info.roles]
  if (marks.length > 0 && marks.every((m) => MANAGER.test(m))) return 'manager'
  return 'agent'
}

/** Every person on the record, by participant or agent ID. */
export class SpeakerDirectory {
  private readonly consumers = new Map<string, Speaker>()
  private readonly agents = new Map<string, AgentInfo>()
  private readonly cache = new Map<string, Speaker>()

  constructor(record: ConversationRecord) {
    for (const p of record.consumerParticipants ?? []) {
      if (p.participantId === undefined || this.consumers.has(p.participantId)) continue
      const consumer: Speaker = { id: p.participantId, role: 'consumer', side: 'left' }
      const name = consumerName(p)
      if (name !== undefined) consumer.name = name
      this.consumers.set(p.participantId, consumer)
    }
    const participants: AgentParticipant[] = [
      ...(record.agentParticipants ?? []),
      ...(record.agentParticipantsActive ?? []),
      ...(record.agentParticipantsLeave ?? []),
    ]
    for (const p of participants) {
      if (p.agentId === undefined) continue
      const info = this.agentInfo(p.agentId, agentName(p))
      if (p.userType !== undefined) info.userType ??= p.userType
      if (p.userTypeName !== undefined) info.userTypeName ??= p.userTypeName
      if (p.permission !== undefined) info.permissions.push(p.permission)
      if (p.role !== undefined) info.roles.push(p.role)
    }
    for (const i of record.interactions ?? []) {
      if (i.assignedAgentId !== undefined) this.agentInfo(i.assignedAgentId, agentName(assigned(i)))
    }
    for (const t of record.transfers ?? []) {
      if (t.assignedAgentId !== undefined) this.agentInfo(t.assignedAgentId, agentName(assigned(t)))
      if (t.sourceAgentId !== undefined) this.agentInfo(t.sourceAgentId, agentName(source(t)))
    }
    const info = record.info
    if (info.latestAgentId !== undefined) {
      this.agentInfo(
        info.latestAgentId,
        info.latestAgentFullName ?? info.latestAgentNickname ?? info.latestAgentLoginName,
      )
    }
  }

  private agentInfo(id: string, name: string | undefined): AgentInfo {
    let info = this.agents.get(id)
    if (!info) {
      info = { id, permissions: [], roles: [] }
      this.agents.set(id, info)
    }
    if (name !== undefined && info.name === undefined) info.name = name
    return info
  }

  /** Agent IDs sometimes arrive as `<account>.<agentId>`; try the bare ID too. */
  private findAgent(id: string): AgentInfo | undefined {
    const direct = this.agents.get(id)
    if (direct) return direct
    const dot = id.lastIndexOf('.')
    return dot >= 0 ? this.agents.get(id.slice(dot + 1)) : undefined
  }

  /** A known agent (any role), for events and stretches. */
  agent(id: string): Speaker | undefined {
    const info = this.findAgent(id)
    if (!info) return undefined
    const speaker: Speaker = { id, role: agentRole(info), side: 'right' }
    if (info.name !== undefined) speaker.name = info.name
    return speaker
  }

  /** The name the record gives an agent ID anywhere, else `fallbackName`. */
  agentName(id: string | undefined, fallbackName?: string): string | undefined {
    if (id === undefined) return fallbackName
    return this.findAgent(id)?.name ?? fallbackName
  }

  /** The ID the record's agent lists use for this agent (`<account>.<id>` folds to `<id>`). */
  agentKey(id: string): string {
    return this.findAgent(id)?.id ?? id
  }

  /** Every agent ID the record mentions, participants first. */
  agentIds(): string[] {
    return [...this.agents.keys()]
  }

  /** The speaker of a message: by `participantId`, else by `sentBy`. */
  speaker(message: MessageRecord): Speaker {
    const id = message.participantId ?? ''
    const sentBy = message.sentBy?.toLowerCase()
    const cacheKey = `${id}\u0000${sentBy ?? ''}`
    const cached = this.cache.get(cacheKey)
    if (cached) return cached
    const speaker = this.resolve(id, sentBy)
    this.cache.set(cacheKey, speaker)
    return speaker
  }

  private resolve(id: string, sentBy: string | undefined): Speaker {
    if (sentBy === 'system') return { id, role: 'system', side: 'right', unnamed: 'system' }
    const consumer = id ? this.consumers.get(id) : undefined
    if (consumer) return consumer
    const agent = id ? this.agent(id) : undefined
    if (agent) return agent
    if (sentBy === 'consumer') {
      const speaker: Speaker = { id, role: 'consumer', side: 'left' }
      const name = this.consumers.size === 1 ? onlyName(this.consumers) : undefined
      if (name !== undefined) speaker.name = name
      return speaker
    }
    if (sentBy === 'bot') return { id, role: 'bot', side: 'right' }
    if (sentBy === 'agent' || id) return { id, role: 'agent', side: 'right' }
    return { id, role: 'system', side: 'right', unnamed: 'unknown' }
  }
}

function onlyName(map: Map<string, Speaker>): string | undefined {
  for (const speaker of map.values()) return speaker.name
  return undefined
}

/** The assigned agent's name fields of an interaction or transfer, as a participant's. */
export function assigned(x: {
  assignedAgentFullName?: string | undefined
  assignedAgentNickname?: string | undefined
  assignedAgentLoginName?: string | undefined
}) {
  return {
    agentFullName: x.assignedAgentFullName,
    agentNickname: x.assignedAgentNickname,
    agentLoginName: x.assignedAgentLoginName,
  }
}

/** The source agent's name fields of a transfer, as a participant's. */
export function source(x: {
  sourceAgentFullName?: string | undefined
  sourceAgentNickname?: string | undefined
  sourceAgentLoginName?: string | undefined
}) {
  return {
    agentFullName: x.sourceAgentFullName,
    agentNickname: x.sourceAgentNickname,
    agentLoginName: x.sourceAgentLoginName,
  }
}
