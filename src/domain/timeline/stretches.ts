import type { ConversationRecord } from '@/domain/schema/record'
import type { MessageRecord } from '@/domain/schema/messages'
import { agentName, assigned, SpeakerDirectory, type SpeakerRole } from './speakers'
import { timeOf } from './wire-time'

/**
 * Who owned the conversation over time (agent stretches), and which stretch a moment falls in.
 */

/** Who owned the conversation when a message was sent (an {@link AgentStretch}, by index). */
export interface StretchRef {
  index: number
  /** Absent for "in queue" stretches; may be `''` for a sender the record does not name. */
  agentId?: string
  /** The owner's name as the record gives it. */
  agentName?: string
  /** For "in queue" stretches: the skill (name, else ID) it waited in, when known. */
  queue?: string
  role: SpeakerRole
  /** False for "in queue" stretches (nobody assigned). */
  assigned: boolean
}

/** Who owned the conversation from `from` until `to` (absent: still owns it, or open). */
export interface AgentStretch {
  /** Absent while the conversation waited in a queue with nobody assigned. */
  agentId?: string
  /** The owner's name as the record gives it (absent: the app names them by role and ID). */
  agentName?: string
  /** While in a queue: the skill (name, else ID) it waited in, when the record says. */
  queue?: string
  role: SpeakerRole
  from: number
  to?: number
}

interface OwnerChange {
  time: number
  /** Lower runs first at equal times: leave/unassign, then assign. */
  order: number
  owner:
    | { agentId: string; name: string | undefined; role: SpeakerRole }
    | { queue: string | undefined }
    | null
}

function isAssignedPermission(permission: string | undefined): boolean {
  if (permission === undefined) return false
  const p = permission.toUpperCase()
  return p === 'ASSIGNED_AGENT' || p === 'ASSIGNED'
}

/**
 * Ownership of the conversation over time, from assignments (`interactions`), transfers and
 * assigned-agent participant joins and leaves. Without any of those, from who answered: each
 * time a different agent or bot writes to the consumer, a new stretch begins.
 */
export function agentStretches(
  record: ConversationRecord,
  people = new SpeakerDirectory(record),
): AgentStretch[] {
  const changes: OwnerChange[] = []
  const ownerOf = (id: string, fallback: string | undefined) => {
    const speaker = people.agent(id)
    return { agentId: id, name: speaker?.name ?? fallback, role: speaker?.role ?? 'agent' }
  }
  for (const i of record.interactions ?? []) {
    const time = timeOf(i.interactionTimeL, i.interactionTime)
    if (time === undefined || i.assignedAgentId === undefined) continue
    changes.push({ time, order: 2, owner: ownerOf(i.assignedAgentId, agentName(assigned(i))) })
  }
  for (const p of [
    ...(record.agentParticipants ?? []),
    ...(record.agentParticipantsActive ?? []),
  ]) {
    const time = timeOf(p.timeL, p.time)
    if (time === undefined || p.agentId === undefined || !isAssignedPermission(p.permission))
      continue
    changes.push({ time, order: 2, owner: ownerOf(p.agentId, agentName(p)) })
  }
  for (const t of record.transfers ?? []) {
    const time = timeOf(t.timeL, t.time)
    if (time === undefined) continue
    changes.push(
      t.assignedAgentId !== undefined
        ? { time, order: 1, owner: ownerOf(t.assignedAgentId, agentName(assigned(t))) }
        : {
            time,
            order: 1,
            owner: {
              queue:
                t.targetSkillName ??
                (t.targetSkillId !== undefined && t.targetSkillId !== -1
                  ? String(t.targetSkillId)
                  : undefined),
            },
          },
    )
  }
  const leaves = new Map<number, string[]>()
  for (const p of record.agentParticipantsLeave ?? []) {
    const time = timeOf(p.timeL, p.time)
    if (time === undefined || p.agentId === undefined) continue
    changes.push({ time, order: 0, owner: null })
    leaves.set(time, [...(leaves.get(time) ?? []), p.agentId])
  }

  if (!changes.some((c) => c.owner !== null)) {
    changes.length = 0
    const messages = [...(record.messageRecords ?? [])]
      .map((m, index) => ({ m, index, time: timeOf(m.timeL, m.time) }))
      .filter((x): x is { m: MessageRecord; index: number; time: number } => x.time !== undefined)
      .sort((a, b) => a.time - b.time || (a.m.seq ?? 0) - (b.m.seq ?? 0) || a.index - b.index)
    for (const { m, time } of messages) {
      if (m.audience === 'AGENTS_AND_MANAGERS') continue
      const speaker = people.speaker(m)
      if (speaker.role !== 'agent' && speaker.role !== 'bot' && speaker.role !== 'manager') continue
      changes.push({
        time,
        order: 2,
        owner: { agentId: speaker.id, name: speaker.name, role: speaker.role },
      })
    }
  }

  const ordered = changes
    .map((c, index) => ({ c, index }))
    .sort((a, b) => a.c.time - b.c.time || a.c.order - b.c.order || a.index - b.index)
    .map((x) => x.c)

  const stretches: AgentStretch[] = []
  let current: AgentStretch | undefined
  const close = (time: number) => {
    if (current) current.to = time
    current = undefined
  }
  for (const change of ordered) {
    const owner = change.owner
    if (owner === null) {
      // An agent left: only the current owner leaving ends the stretch.
      const left = leaves.get(change.time) ?? []
      if (current?.agentId !== undefined && left.includes(current.agentId)) close(change.time)
      continue
    }
    if ('queue' in owner) {
      if (current && current.agentId === undefined && current.queue === owner.queue) continue
      close(change.time)
      current = { role: 'system', from: change.time }
      if (owner.queue !== undefined) current.queue = owner.queue
      stretches.push(current)
      continue
    }
    if (current?.agentId === owner.agentId) continue
    close(change.time)
    current = { agentId: owner.agentId, role: owner.role, from: change.time }
    if (owner.name !== undefined) current.agentName = owner.name
    stretches.push(current)
  }
  const end = conversationEnd(record)
  if (current && end !== undefined && end >= current.from) current.to = end
  // A zero-length stretch (two changes at the same instant) says nothing.
  return stretches.filter((s) => s.to === undefined || s.to > s.from)
}

/** When the conversation ended (absent while open). */
export function conversationEnd(record: ConversationRecord): number | undefined {
  return record.info.conversationEndTimeL ?? record.info.endTimeL
}

/**
 * The stretch a moment falls in, or -1. The last stretch also takes what comes after the
 * conversation's end (post-conversation survey), unless it ended because the owner left.
 */
export function stretchAt(
  stretches: readonly AgentStretch[],
  time: number,
  end: number | undefined,
): number {
  let lo = 0
  let hi = stretches.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = stretches[mid]
    if (s !== undefined && s.from <= time) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (found < 0) return -1
  const s = stretches[found]
  if (s === undefined) return -1
  if (s.to === undefined || time < s.to) return found
  return found === stretches.length - 1 && s.to === end ? found : -1
}
