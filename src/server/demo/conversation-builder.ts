import { formatLpTime } from '@/server/demo/lp-time'
import type { Consumer } from '@/server/demo/people'
import type { Rng } from '@/server/demo/prng'
import type { Agent, Skill } from '@/server/demo/roster'
import type { Topic } from '@/server/demo/topics'

/**
 * Records one conversation as it happens: a time cursor moves forward, and every message,
 * delivery status, score, participant change, transfer and skill change is written in wire
 * format. Nothing is recorded after `cutoff` (the generator's "now"): the builder stops, and the
 * conversation is left open.
 */

export type Json = Record<string, unknown>

export type MessageType =
  | 'TEXT_PLAIN'
  | 'TEXT_HTML'
  | 'RICH_CONTENT'
  | 'HOSTED_FILE'
  | 'IMG'
  | 'LINK'
  | 'SECURE_FORM_INVITATION'
  | 'SECURE_FORM_SUBMIT'

export type TransferReason = 'back2Q' | 'Agent' | 'SuggestedAgentTimeout' | 'Skill' | 'TakeOver'

interface PendingStatus {
  messageId: string
  seq: number
  time: number
  dialogId: string
  toId: string
  toType: 'Agent' | 'Consumer'
  /** Whether the receiver's client reports READ (SMS does not). */
  readable: boolean
}

const POSITIVE =
  /\b(thanks?|thank you|great|perfect|awesome|appreciate|excellent|wonderful|relief|lovely|nice|gracias|perfecto|much better|works)\b/i
const VERY_POSITIVE = /\b(so much|love|wonderful|excellent|awesome|muchas gracias)\b/i
const NEGATIVE =
  /\b(frustrat\w*|ridiculous|not ok|upset|ugh|annoy\w*|still|again|never|broken|crushed|cancel|too expensive|urgent|molesto|short|nobody)\b/i
const VERY_NEGATIVE = /\b(ridiculous|really frustrating|really upset|second time|not ok)\b/i

/** A rough sentiment of one consumer message, -2…2 (`messageRawScore`). */
export function sentiment(text: string): number {
  let score = 0
  if (POSITIVE.test(text)) score += 1
  if (VERY_POSITIVE.test(text)) score += 1
  if (NEGATIVE.test(text)) score -= 1
  if (VERY_NEGATIVE.test(text)) score -= 1
  return Math.max(-2, Math.min(2, score))
}

export function alertedMcs(mcs: number): number {
  return mcs >= 67 ? 1 : mcs <= 33 ? -1 : 0
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}

export class ConversationBuilder {
  readonly rng: Rng
  readonly conversationId: string
  readonly consumer: Consumer
  readonly source: string
  readonly device: string
  readonly cutoff: number
  readonly smsLike: boolean

  t: number
  stopped = false
  private seq = -1

  readonly messages: Json[] = []
  readonly messageScores: Json[] = []
  private readonly pending: PendingStatus[] = []
  readonly agentParticipants: Json[] = []
  readonly agentParticipantsLeave: Json[] = []
  private readonly present = new Map<string, Json>()
  readonly transfers: Json[] = []
  readonly interactions: Json[] = []
  readonly skillChanges: Json[] = []
  readonly intents: Json[] = []

  currentAgent: Agent | undefined
  /** The agent the conversation was last assigned to (kept after close). */
  lastAssigned: Agent | undefined
  currentSkill: Skill | undefined
  /** Stop after this many messages (open conversations are cut mid-way). */
  maxMessages = Number.POSITIVE_INFINITY
  /** Human agents who held the conversation, in order. */
  readonly humanAgents: Agent[] = []
  private mcsState = 50
  lastMcs: number | undefined
  lastConsumerAt: number | undefined
  lastSpeaker: 'c' | 'a' | undefined
  consumerMessageCount = 0
  private interactiveSequence = 0

  constructor(init: {
    rng: Rng
    conversationId: string
    consumer: Consumer
    source: string
    device: string
    start: number
    cutoff: number
  }) {
    this.rng = init.rng
    this.conversationId = init.conversationId
    this.consumer = init.consumer
    this.source = init.source
    this.device = init.device
    this.t = init.start
    this.cutoff = init.cutoff
    this.smsLike = init.source === 'SMS'
  }

  /** Stops (leaves the conversation open) once the message limit for an open conversation is hit. */
  atMessageLimit(): boolean {
    if (this.messages.length >= this.maxMessages) this.stopped = true
    return this.stopped
  }

  /** Moves the clock; false (and stopped) once it passes the cutoff. */
  advance(ms: number): boolean {
    if (this.stopped) return false
    this.t += Math.max(1, Math.round(ms))
    if (this.t > this.cutoff) {
      this.stopped = true
      return false
    }
    return true
  }

  get messageCount(): number {
    return this.messages.length
  }

  /** Adds a message after `gap` ms. Returns its messageId, or undefined when past the cutoff. */
  message(opts: {
    by: 'consumer' | Agent
    type: MessageType
    data: Json
    gap: number
    audience?: 'ALL' | 'AGENTS_AND_MANAGERS'
    contextData?: Json
    dialogId?: string
    /** Score the message for MCS (consumer messages in the main dialog). */
    score?: boolean
  }): string | undefined {
    if (this.messages.length >= this.maxMessages) this.stopped = true
    if (!this.advance(opts.gap)) return undefined
    this.seq += this.rng.chance(0.02) ? 2 : 1
    const seq = this.seq
    const dialogId = opts.dialogId ?? this.conversationId
    const messageId =
      dialogId === this.conversationId
        ? `ms::conv:${this.conversationId}::msg:${seq}`
        : `ms::dialog:${dialogId}::msg:${seq}`
    const byConsumer = opts.by === 'consumer'
    const audience = opts.audience ?? 'ALL'
    const record: Json = {
      type: opts.type,
      messageData: opts.data,
      messageId,
      seq,
      dialogId,
      participantId: opts.by === 'consumer' ? this.consumer.participantId : opts.by.id,
      source: this.source,
      time: formatLpTime(this.t),
      timeL: this.t,
      device: this.device,
      sentBy: byConsumer ? 'Consumer' : 'Agent',
      audience,
    }
    if (opts.contextData) record.contextData = opts.contextData
    this.messages.push(record)

    if (audience === 'ALL') {
      if (byConsumer) {
        const to = this.currentAgent
        if (to) {
          this.pending.push({
            messageId,
            seq,
            time: this.t,
            dialogId,
            toId: to.id,
            toType: 'Agent',
            readable: true,
          })
        }
      } else {
        this.pending.push({
          messageId,
          seq,
          time: this.t,
          dialogId,
          toId: this.consumer.participantId,
          toType: 'Consumer',
          readable: !this.smsLike,
        })
      }
    }
    if (byConsumer) {
      this.lastConsumerAt = this.t
      this.consumerMessageCount++
      if (opts.score !== false && dialogId === this.conversationId) {
        const text = (opts.data.msg as { text?: string } | undefined)?.text ?? ''
        const raw = sentiment(text)
        this.mcsState = Math.max(0, Math.min(100, this.mcsState * 0.6 + (50 + raw * 25) * 0.4))
        const mcs = Math.round(this.mcsState)
        this.lastMcs = mcs
        const at = Math.min(this.cutoff, this.t + this.rng.int(1500, 7000))
        this.messageScores.push({
          messageId,
          messageRawScore: raw,
          mcs,
          time: formatLpTime(at),
          timeL: at,
        })
      }
    }
    if (audience === 'ALL') this.lastSpeaker = byConsumer ? 'c' : 'a'
    return messageId
  }

  private participantRecord(
    agent: Agent,
    permission: string,
    role: string,
    dialogId: string,
    contextData?: Json,
  ): Json {
    const record: Json = {
      agentFullName: agent.fullName,
      agentNickname: agent.nickname,
      agentLoginName: agent.loginName,
      agentId: agent.id,
      agentDeleted: agent.deleted,
      userType: agent.userType,
      userTypeName: agent.userTypeName,
      role,
      agentGroupName: agent.group.name,
      agentGroupId: agent.group.id,
      time: formatLpTime(this.t),
      timeL: this.t,
      permission,
      dialogId,
    }
    if (contextData) record.contextData = contextData
    return record
  }

  /** An agent joins without taking the conversation (a manager watching, the survey bot). */
  join(agent: Agent, permission: string, role: string, dialogId = this.conversationId): void {
    if (this.stopped) return
    const record = this.participantRecord(agent, permission, role, dialogId)
    this.agentParticipants.push(record)
    this.present.set(agent.id, record)
  }

  /** The conversation is assigned to `agent` (new participant + interaction). */
  assign(agent: Agent, contextData?: Json): boolean {
    if (this.stopped) return false
    const role = agent.isManager ? 'MANAGER' : 'ASSIGNED_AGENT'
    const record = this.participantRecord(
      agent,
      'ASSIGNED_AGENT',
      role,
      this.conversationId,
      contextData,
    )
    this.agentParticipants.push(record)
    this.present.set(agent.id, record)
    this.interactiveSequence++
    this.interactions.push({
      assignedAgentId: agent.id,
      assignedAgentFullName: agent.fullName,
      assignedAgentLoginName: agent.loginName,
      assignedAgentNickname: agent.nickname,
      interactionTime: formatLpTime(this.t),
      interactionTimeL: this.t,
      interactiveSequence: this.interactiveSequence,
      dialogId: this.conversationId,
    })
    this.currentAgent = agent
    this.lastAssigned = agent
    if (agent.userType === '1' && !this.humanAgents.includes(agent)) this.humanAgents.push(agent)
    return true
  }

  /** `agent` leaves the conversation now. */
  leave(agent: Agent): void {
    const joined = this.present.get(agent.id)
    if (!joined) return
    this.present.delete(agent.id)
    this.agentParticipantsLeave.push({ ...joined, time: formatLpTime(this.t), timeL: this.t })
    if (this.currentAgent?.id === agent.id) this.currentAgent = undefined
  }

  /** Everyone still present leaves (conversation close). */
  leaveAll(): void {
    for (const record of [...this.present.values()]) {
      this.present.delete(String(record.agentId))
      this.agentParticipantsLeave.push({ ...record, time: formatLpTime(this.t), timeL: this.t })
    }
    this.currentAgent = undefined
  }

  activeParticipants(): Json[] {
    return [...this.present.values()]
  }

  /** Routes the conversation to a skill (records a skill change). */
  route(skill: Skill, reason: 'ROUTING' | 'FALLBACK_SKILL' | 'TRANSFER'): void {
    if (this.stopped) return
    if (this.currentSkill?.id === skill.id) return
    this.skillChanges.push({
      time: formatLpTime(this.t),
      timeL: this.t,
      dialogId: this.conversationId,
      fromSkillId: this.currentSkill?.id ?? -1,
      fromSkillName: this.currentSkill?.name ?? 'Unassigned',
      toSkillId: skill.id,
      toSkillName: skill.name,
      reason,
    })
    this.currentSkill = skill
  }

  /** Records a transfer (the source agent leaves; assign the next agent separately). */
  transfer(
    reason: TransferReason,
    opts: { targetSkill: Skill; assigned?: Agent; source?: Agent; by?: Agent; contextData?: Json },
  ): boolean {
    if (this.stopped) return false
    const source = opts.source ?? this.currentAgent
    const record: Json = {
      time: formatLpTime(this.t),
      timeL: this.t,
      assignedAgentId: opts.assigned?.id ?? 'null',
    }
    if (opts.assigned) {
      record.assignedAgentLoginName = opts.assigned.loginName
      record.assignedAgentNickname = opts.assigned.nickname
      record.assignedAgentFullName = opts.assigned.fullName
    }
    record.targetSkillId = opts.targetSkill.id
    record.targetSkillName = opts.targetSkill.name
    record.reason = reason
    if (opts.by) record.by = opts.by.id
    record.sourceSkillId = this.currentSkill?.id ?? -1
    record.sourceSkillName = this.currentSkill?.name ?? 'Unassigned'
    if (source) {
      record.sourceAgentId = source.id
      record.sourceAgentFullName = source.fullName
      record.sourceAgentLoginName = source.loginName
      record.sourceAgentNickname = source.nickname
    }
    record.dialogId = this.conversationId
    if (opts.contextData) record.contextData = opts.contextData
    this.transfers.push(record)
    if (opts.targetSkill.id !== this.currentSkill?.id) this.route(opts.targetSkill, 'TRANSFER')
    if (this.currentAgent) this.leave(this.currentAgent)
    return true
  }

  /** Intent-analyzer classification for a consumer message. */
  classify(messageId: string, topic: Topic, alternatives: readonly Topic[]): void {
    const versions = [
      { modelName: 'sic', modelVersion: '1.0' },
      { modelName: 'tmo_classifier', modelVersion: '2.3' },
    ]
    const score = round3(this.rng.float(0.62, 0.995))
    const selected = {
      intentName: topic.intent.name,
      intentLabel: topic.intent.label,
      confidenceScore: score,
      versions,
    }
    const others = alternatives.map((alt) => ({
      intentName: alt.intent.name,
      intentLabel: alt.intent.label,
      confidenceScore: round3(this.rng.float(0, score * 0.5)),
      versions,
    }))
    this.intents.push({
      selectedClassification: selected,
      allClassifications: [selected, ...others],
      messageId,
    })
  }

  /** Delivery statuses (ACCEPT, then READ for most) for every public message. */
  buildStatuses(): Json[] {
    const out: Json[] = []
    const rng = this.rng
    // Time of the next message sent by each participant, to keep READ before their reply.
    const nextBy = new Map<string, { times: number[]; i: number }>()
    for (const m of this.messages) {
      const id = String(m.participantId)
      let entry = nextBy.get(id)
      if (!entry) nextBy.set(id, (entry = { times: [], i: 0 }))
      entry.times.push(m.timeL as number)
    }
    for (const p of this.pending) {
      const accept = Math.min(this.cutoff, p.time + rng.int(60, 1800))
      out.push({
        messageId: p.messageId,
        seq: p.seq,
        time: formatLpTime(accept),
        timeL: accept,
        participantId: p.toId,
        participantType: p.toType,
        messageDeliveryStatus: 'ACCEPT',
        dialogId: p.dialogId,
      })
      if (!p.readable || rng.chance(0.06)) continue
      let read = accept + rng.int(400, 25_000)
      const replies = nextBy.get(p.toId)
      if (replies) {
        // Pending statuses are in time order, so the pointer only moves forward.
        while (replies.i < replies.times.length && (replies.times[replies.i] ?? 0) <= p.time)
          replies.i++
        const reply = replies.times[replies.i]
        if (reply !== undefined && reply < read)
          read = Math.max(accept + 1, reply - rng.int(200, 1500))
      }
      if (read > this.cutoff) continue
      out.push({
        messageId: p.messageId,
        seq: p.seq,
        time: formatLpTime(read),
        timeL: read,
        participantId: p.toId,
        participantType: p.toType,
        messageDeliveryStatus: 'READ',
        dialogId: p.dialogId,
      })
    }
    return out
  }
}
