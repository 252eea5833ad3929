import type { ConversationRecord } from '@/domain/schema/record'
import { structuredContentText } from '@/domain/schema/structured-content'
import { htmlToText } from '@/domain/html-text'
import { foldText, sdeToken, TEXT_BOUNDARY } from '@/server/archive/text'
import { parseWireTime } from '@/domain/timeline/wire-time'
import { replyTimes } from '@/server/archive/reply-times'
import { sdeFieldValues } from '@/domain/sde-fields'

/**
 * Everything the archive indexes about one conversation, taken from the clean record. Only
 * primitives and flat lists: it crosses from an import worker to the writing thread, and flat
 * lists of strings are copied there at half the cost of maps and small objects.
 */
export interface IndexedConversation {
  conversationId: string
  startMs: number
  endMs: number | null
  status: string | null
  latestSkillId: string | null
  latestAgentId: string | null
  latestGroupId: string | null
  source: string | null
  device: string
  durationMs: number | null
  mcs: number | null
  alertedMcs: number | null
  csat: number | null
  nps: number | null
  queueState: string | null
  /** `info.closeReason`, upper case (issue 15). */
  closeReason: string | null
  /** How many entries `transfers` has (null when the record came without the section). */
  transferCount: number | null
  /** Each transfer's source and target skill (the same index), where both are known. */
  transferSources: string[]
  transferTargets: string[]
  /** Any skill during the conversation, with the last name seen. */
  skills: NamedIds
  /** Assigned agents anywhere in the conversation. */
  agents: NamedIds & {
    logins: (string | null)[]
    types: (AgentFacet['userType'] | null)[]
    /** Each agent's first and average reply time here (reply-times.ts), null without a reply. */
    firstReplyMs: (number | null)[]
    averageReplyMs: (number | null)[]
  }
  /** Human agents' first and average reply time (issue 15; reply-times.ts), null without one. */
  firstReplyMs: number | null
  averageReplyMs: number | null
  groups: NamedIds
  contentTypes: string[]
  consumers: string[]
  /** SDE values (folded) under their event keys, for `sdeSearch`: tokens (see `sdeToken`), space-separated. */
  sdeTokens: string
  /**
   * Issue 15: the values of the charted SDE fields (domain/sde-fields.ts), as three lists of one
   * length: the field's path, its text, its number (null when the value is text).
   */
  sdePaths: string[]
  sdeTexts: string[]
  sdeNumbers: (number | null)[]
  messagesText: string
  summaryText: string
}

/** IDs and their names (null when not known), as two lists of the same length. */
export interface NamedIds {
  ids: string[]
  names: (string | null)[]
}

function namedIds(map: ReadonlyMap<string, string | undefined>): NamedIds {
  return { ids: [...map.keys()], names: [...map.values()].map((name) => name ?? null) }
}

export interface AgentFacet {
  name?: string
  login?: string
  userType?: 'human' | 'bot' | 'system'
}

const id = (value: string | number | undefined): string | undefined =>
  value === undefined ? undefined : String(value)

function userTypeOf(code?: string, name?: string): AgentFacet['userType'] {
  const text = (name ?? '').toLowerCase()
  if (text === 'bot' || code === '2') return 'bot'
  if (text === 'system' || code === '0') return 'system'
  if (text === 'human' || code === '1') return 'human'
  return undefined
}

function mergeAgent(agents: Map<string, AgentFacet>, agentId: string, facet: AgentFacet): void {
  const known = agents.get(agentId) ?? {}
  agents.set(agentId, {
    name: facet.name ?? known.name,
    login: facet.login ?? known.login,
    userType: facet.userType ?? known.userType,
  })
}

function setName(map: Map<string, string | undefined>, key: string | undefined, name?: string) {
  if (key === undefined) return
  if (!map.has(key) || name !== undefined) map.set(key, name ?? map.get(key))
}

/** NPS from a PCS survey answer (question type `nps`), when the record has one. */
function npsOf(record: ConversationRecord): number | null {
  for (const survey of record.conversationSurveys ?? []) {
    for (const answer of survey.surveyData ?? []) {
      if ((answer.questionType ?? '').toLowerCase() !== 'nps') continue
      const value = Number(answer.answer)
      if (answer.answer !== undefined && Number.isFinite(value)) return value
    }
  }
  return null
}

/** CSAT: `info.csat`, else a PCS answer of question type `csat` (LivePerson unifies both). */
function csatOf(record: ConversationRecord): number | null {
  if (record.info.csat !== undefined) return record.info.csat
  for (const survey of record.conversationSurveys ?? []) {
    for (const answer of survey.surveyData ?? []) {
      if ((answer.questionType ?? '').toLowerCase() !== 'csat') continue
      const value = Number(answer.answer)
      if (answer.answer !== undefined && Number.isFinite(value)) return value
    }
  }
  return null
}

function collectLeaves(value: unknown, out: string[], depth = 0): void {
  if (depth > 16 || value === null || value === undefined) return
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(String(value))
    return
  }
  if (Array.isArray(value)) {
    for (const item of value) collectLeaves(item, out, depth + 1)
    return
  }
  if (typeof value === 'object') {
    for (const item of Object.values(value)) collectLeaves(item, out, depth + 1)
  }
}

/**
 * SDE values for `sdeSearch`: every leaf value of every event (authenticated and not), folded,
 * both whole and word by word, so "John" finds `name: "John"` and "doe" finds `"John Doe"`.
 */
function sdeTokensOf(record: ConversationRecord): string {
  const tokens = new Set<string>()
  const add = (key: string, value: string) => {
    if (value !== '' && value.length <= 200) tokens.add(sdeToken(key, value))
  }
  const events = [...(record.sdes?.events ?? []), ...(record.unAuthSdes?.events ?? [])]
  for (const event of events) {
    const leaves: string[] = []
    collectLeaves(event.fields, leaves)
    for (const leaf of leaves) {
      const folded = foldText(leaf)
      add(event.key, folded)
      const words = folded.split(/[^\p{L}\p{N}@._+-]+/u)
      if (words.length > 1) for (const word of words) add(event.key, word)
    }
  }
  return [...tokens].join(' ')
}

/** The searchable text of every message: plain, HTML as text, rich content, quick replies, captions. */
function messagesTextOf(record: ConversationRecord): string {
  const parts: string[] = []
  for (const message of record.messageRecords ?? []) {
    const data = message.messageData
    if (!data) continue
    const text = data.msg?.text
    if (text) parts.push(message.type === 'TEXT_HTML' ? htmlToText(text) : text)
    if (data.richContent?.content !== undefined) {
      parts.push(structuredContentText(data.richContent.content))
    }
    if (data.quickReplies?.content !== undefined) {
      parts.push(structuredContentText(data.quickReplies.content))
    }
    if (data.file?.caption) parts.push(data.file.caption)
    if (data.link?.caption) parts.push(data.link.caption)
    if (data.link?.title) parts.push(data.link.title)
  }
  return parts.filter((part) => part.trim() !== '').join(` ${TEXT_BOUNDARY} `)
}

/** Reads the indexed columns, side-table values and FTS text of a clean record. */
export function extractIndexed(record: ConversationRecord): IndexedConversation | undefined {
  const info = record.info
  const startMs = info.startTimeL ?? parseWireTime(info.startTime)
  if (startMs === undefined) return undefined
  const endMs = info.endTimeL ?? (info.status === 'CLOSE' ? parseWireTime(info.endTime) : undefined)

  const skills = new Map<string, string | undefined>()
  const agents = new Map<string, AgentFacet>()
  const groups = new Map<string, string | undefined>()

  setName(skills, id(info.latestSkillId), info.latestSkillName)
  for (const transfer of record.transfers ?? []) {
    setName(skills, id(transfer.sourceSkillId), transfer.sourceSkillName)
    setName(skills, id(transfer.targetSkillId), transfer.targetSkillName)
    if (transfer.assignedAgentId) {
      mergeAgent(agents, transfer.assignedAgentId, {
        name: transfer.assignedAgentFullName ?? transfer.assignedAgentNickname,
        login: transfer.assignedAgentLoginName,
      })
    }
  }
  for (const dialog of record.dialogs ?? []) setName(skills, id(dialog.skillId), dialog.skillName)

  const participantById = new Map<string, AgentFacet>()
  for (const agent of record.agentParticipants ?? []) {
    if (!agent.agentId) continue
    const facet: AgentFacet = {
      name: agent.agentFullName ?? agent.agentNickname,
      login: agent.agentLoginName,
      userType: userTypeOf(agent.userType, agent.userTypeName),
    }
    participantById.set(agent.agentId, facet)
    setName(groups, id(agent.agentGroupId), agent.agentGroupName)
    const permission = (agent.permission ?? '').toUpperCase()
    if (permission === 'ASSIGNED_AGENT' || permission === 'ASSIGNED') {
      mergeAgent(agents, agent.agentId, facet)
    }
  }
  for (const interaction of record.interactions ?? []) {
    if (!interaction.assignedAgentId) continue
    mergeAgent(agents, interaction.assignedAgentId, {
      name: interaction.assignedAgentFullName ?? interaction.assignedAgentNickname,
      login: interaction.assignedAgentLoginName,
    })
  }
  if (info.latestAgentId) {
    mergeAgent(agents, info.latestAgentId, {
      name: info.latestAgentFullName ?? info.latestAgentNickname,
      login: info.latestAgentLoginName,
    })
  }
  // Participant records know whether an agent is a bot or a human.
  for (const [agentId, facet] of agents) {
    const participant = participantById.get(agentId)
    if (participant) mergeAgent(agents, agentId, { ...participant, ...stripUndefined(facet) })
  }
  setName(groups, id(info.latestAgentGroupId), info.latestAgentGroupName)

  const contentTypes = new Set<string>()
  for (const message of record.messageRecords ?? []) {
    if (message.type) contentTypes.add(message.type.toUpperCase())
  }
  const consumers = new Set<string>()
  for (const consumer of record.consumerParticipants ?? []) {
    if (consumer.participantId) consumers.add(consumer.participantId)
  }

  const summaryText = record.summary?.text ?? ''
  const device = info.device?.toUpperCase()
  const transferSources: string[] = []
  const transferTargets: string[] = []
  for (const transfer of record.transfers ?? []) {
    const source = id(transfer.sourceSkillId)
    const target = id(transfer.targetSkillId)
    if (source === undefined || target === undefined) continue
    transferSources.push(source)
    transferTargets.push(target)
  }
  const closeReason = info.closeReason?.trim().toUpperCase()
  const participants = agentsOf(record)
  for (const agentId of agents.keys()) participants.known.add(agentId)
  const replies = replyTimes(record.messageRecords ?? [], participants)
  const sdeValues = sdeFieldValues([
    ...(record.sdes?.events ?? []),
    ...(record.unAuthSdes?.events ?? []),
  ])

  return {
    conversationId: info.conversationId,
    startMs,
    endMs: endMs ?? null,
    status: info.status?.toUpperCase() ?? null,
    latestSkillId: id(info.latestSkillId) ?? null,
    latestAgentId: info.latestAgentId ?? null,
    latestGroupId: id(info.latestAgentGroupId) ?? null,
    source: info.source ?? null,
    device: device === 'DESKTOP' || device === 'TABLET' || device === 'MOBILE' ? device : 'NA',
    durationMs: info.duration ?? null,
    mcs: info.mcs ?? null,
    alertedMcs: info.alertedMCS ?? null,
    csat: csatOf(record),
    nps: npsOf(record),
    queueState: info.latestQueueState?.toUpperCase() ?? null,
    closeReason: closeReason || null,
    transferCount: record.transfers ? record.transfers.length : null,
    transferSources,
    transferTargets,
    skills: namedIds(skills),
    agents: {
      ids: [...agents.keys()],
      names: [...agents.values()].map((agent) => agent.name ?? null),
      logins: [...agents.values()].map((agent) => agent.login ?? null),
      types: [...agents.values()].map((agent) => agent.userType ?? null),
      firstReplyMs: [...agents.keys()].map(
        (agentId) => replies.byAgent.get(agentId)?.firstMs ?? null,
      ),
      averageReplyMs: [...agents.keys()].map(
        (agentId) => replies.byAgent.get(agentId)?.averageMs ?? null,
      ),
    },
    firstReplyMs: replies.conversation?.firstMs ?? null,
    averageReplyMs: replies.conversation?.averageMs ?? null,
    groups: namedIds(groups),
    contentTypes: [...contentTypes],
    consumers: [...consumers],
    sdeTokens: sdeTokensOf(record),
    sdePaths: sdeValues.map((value) => value.path),
    sdeTexts: sdeValues.map((value) => value.text),
    sdeNumbers: sdeValues.map((value) => value.number),
    messagesText: messagesTextOf(record),
    summaryText: summaryText.includes('<') ? htmlToText(summaryText) : summaryText,
  }
}

/** The record's agent participants (`known`), and its bots: those whose user type says so. */
export function agentsOf(record: ConversationRecord): { known: Set<string>; bots: Set<string> } {
  const known = new Set<string>()
  const bots = new Set<string>()
  for (const list of [
    record.agentParticipants,
    record.agentParticipantsActive,
    record.agentParticipantsLeave,
  ]) {
    for (const agent of list ?? []) {
      if (!agent.agentId) continue
      known.add(agent.agentId)
      if (userTypeOf(agent.userType, agent.userTypeName) === 'bot') bots.add(agent.agentId)
    }
  }
  return { known, bots }
}

function stripUndefined(facet: AgentFacet): AgentFacet {
  const out: AgentFacet = {}
  if (facet.name !== undefined) out.name = facet.name
  if (facet.login !== undefined) out.login = facet.login
  if (facet.userType !== undefined) out.userType = facet.userType
  return out
}
