import type { ConversationRecord } from '@/domain/schema/record'
import type { AgentParticipant, ConsumerParticipant } from '@/domain/schema/participants'
import type { MessageRecord } from '@/domain/schema/messages'
import type { SdeEvent } from '@/domain/schema/sdes'
import { structuredContentText } from '@/domain/schema/structured-content'
import { htmlToText } from '@/domain/html-text'

/**
 * The transcript as one chronological list: messages, events from every other section of the
 * record (joins, assignments, transfers, skill and dialog changes, co-browse, engagement
 * attributes, surveys), day separators and long-wait markers. Pure: no DOM, no clock, no zone
 * (the caller passes how to name a day).
 */

export type SpeakerRole = 'consumer' | 'agent' | 'bot' | 'manager' | 'system'

export interface Speaker {
  id: string
  name: string
  role: SpeakerRole
  /** Consumer on the left, everyone on the brand side on the right. */
  side: 'left' | 'right'
}

export interface DeliveryStatus {
  /** `ACCEPT`, `READ`, … as sent. */
  status: string
  time: number
}

export interface MessageIntent {
  /** Readable intent name (label when there is one, else the ID). */
  name: string
  /** `LOW` / `MEDIUM` / `HIGH` when the bot said so. */
  confidence?: string
  /** 0..1 */
  confidenceScore?: number
  /** `bot`: from the bot's `contextData`; `nlu`: from the record's `intents` section. */
  source: 'bot' | 'nlu'
}

/** Where a piece of a message's searchable text comes from, in display order. */
export type TextPartSource = 'text' | 'html' | 'file' | 'link' | 'form' | 'rich' | 'quick-replies'

export interface TextPart {
  source: TextPartSource
  text: string
}

/** Who owned the conversation when a message was sent (an {@link AgentStretch}, by index). */
export interface StretchRef {
  index: number
  name: string
  role: SpeakerRole
  /** False for "in queue" stretches (nobody assigned). */
  assigned: boolean
}

export interface MessageItem {
  kind: 'message'
  key: string
  time: number
  seq: number
  message: MessageRecord
  speaker: Speaker
  /** `audience: AGENTS_AND_MANAGERS`: the consumer never saw it. */
  private: boolean
  /** MCS (0–100) from `messageScores`. */
  mcs?: number
  /** `messageRawScore` from `messageScores` (its sign is the message's own sentiment). */
  mcsRaw?: number
  statuses: DeliveryStatus[]
  intents: MessageIntent[]
  /** Plain searchable text: message text (HTML stripped), card captions, rich-content and quick-reply text. */
  text: string
  /** The pieces of {@link text}, in display order; `text` is their non-empty texts joined by `\n`. */
  textParts: TextPart[]
  /** For rich content and quick replies: what the consumer sent next (the likely choice). */
  chosenText?: string
  /** The agent stretch the message falls in. */
  owner?: StretchRef
}

export type EventType =
  | 'agent-joined'
  | 'agent-left'
  | 'assigned'
  | 'transfer'
  | 'skill-change'
  | 'dialog'
  | 'cobrowse-start'
  | 'cobrowse-end'
  | 'sde'
  | 'survey'

export interface EventItem {
  kind: 'event'
  key: string
  time: number
  type: EventType
  /** One line, e.g. "michal joined as assigned agent". Searchable. */
  text: string
  /** A second line (reason, answers, attribute values). Searchable. */
  detail?: string
  /** The record entry the event came from, for a raw view. */
  source: unknown
}

export interface DayItem {
  kind: 'day'
  key: string
  time: number
  /** The day as named by the caller's `dayKey` (default: UTC `YYYY-MM-DD`). */
  label?: string
}

export interface WaitItem {
  kind: 'wait'
  key: string
  /** The time of the reply (the marker sits right before it). */
  time: number
  /** When the consumer started waiting (their first unanswered message). */
  since: number
  waitMs: number
}

export type TimelineItem = MessageItem | EventItem | DayItem | WaitItem

export interface TimelineOptions {
  /** Names the calendar day of an instant in the viewer's zone; a new name starts a new day. */
  dayKey?: (ms: number) => string
  /** A consumer wait longer than this gets a marker (default 5 minutes). */
  waitThresholdMs?: number
}

export const WAIT_THRESHOLD_MS = 5 * 60_000

// ---------------------------------------------------------------------------------------------
// Times

const LP_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/

/** Reads `2016-08-29 14:30:24.565+0000` (the wire's time strings); `undefined` when unreadable. */
export function parseWireTime(value: string | undefined): number | undefined {
  if (!value) return undefined
  const match = LP_TIME.exec(value.trim())
  if (!match) return undefined
  const [, date, clock, zone] = match
  let offset = zone ?? 'Z'
  if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`
  const ms = Date.parse(`${date ?? ''}T${clock ?? ''}${offset}`)
  return Number.isFinite(ms) ? ms : undefined
}

function timeOf(ms: number | undefined, text: string | undefined): number | undefined {
  return ms ?? parseWireTime(text)
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------------------------------------
// Speakers

interface AgentInfo {
  id: string
  name?: string
  userType?: string
  userTypeName?: string
  permissions: string[]
  roles: string[]
}

function agentName(p: {
  agentFullName?: string | undefined
  agentNickname?: string | undefined
  agentLoginName?: string | undefined
}): string | undefined {
  return p.agentFullName ?? p.agentNickname ?? p.agentLoginName
}

function consumerName(p: ConsumerParticipant): string {
  const full = [p.firstName, p.lastName].filter((s) => s !== undefined && s.trim() !== '').join(' ')
  if (full) return full
  if (p.consumerName?.trim()) return p.consumerName
  return 'Consumer'
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
      this.consumers.set(p.participantId, {
        id: p.participantId,
        name: consumerName(p),
        role: 'consumer',
        side: 'left',
      })
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
    const role = agentRole(info)
    return {
      id,
      name: info.name ?? (role === 'bot' ? `Bot ${id}` : `Agent ${id}`),
      role,
      side: 'right',
    }
  }

  /** The name to show for an agent ID, falling back to the ID. */
  agentLabel(id: string | undefined, fallbackName?: string): string | undefined {
    if (id === undefined) return fallbackName
    return this.findAgent(id)?.name ?? fallbackName ?? `Agent ${id}`
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
    if (sentBy === 'system') return { id, name: 'System', role: 'system', side: 'right' }
    const consumer = id ? this.consumers.get(id) : undefined
    if (consumer) return consumer
    const agent = id ? this.agent(id) : undefined
    if (agent) return agent
    if (sentBy === 'consumer') {
      return {
        id,
        name: this.consumers.size === 1 ? onlyName(this.consumers) : 'Consumer',
        role: 'consumer',
        side: 'left',
      }
    }
    if (sentBy === 'bot') return { id, name: id ? `Bot ${id}` : 'Bot', role: 'bot', side: 'right' }
    if (sentBy === 'agent' || id) {
      return { id, name: id ? `Agent ${id}` : 'Agent', role: 'agent', side: 'right' }
    }
    return { id, name: 'Unknown', role: 'system', side: 'right' }
  }
}

function onlyName(map: Map<string, Speaker>): string {
  for (const speaker of map.values()) return speaker.name
  return 'Consumer'
}

function assigned(x: {
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

function source(x: {
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

// ---------------------------------------------------------------------------------------------
// Message text

/** The searchable pieces of a message, in the order the transcript shows them. */
export function messageTextParts(message: MessageRecord): TextPart[] {
  const data = message.messageData
  if (!data) return []
  const parts: TextPart[] = []
  const text = data.msg?.text
  if (text !== undefined) {
    parts.push(
      message.type === 'TEXT_HTML'
        ? { source: 'html', text: htmlToText(text) }
        : { source: 'text', text },
    )
  }
  if (data.file) {
    const f = data.file
    parts.push({ source: 'file', text: [f.caption, f.fileType].filter(isText).join('\n') })
  }
  if (data.link) {
    const l = data.link
    parts.push({
      source: 'link',
      text: [l.title, l.caption, l.description, l.externalFileLink].filter(isText).join('\n'),
    })
  }
  if (data.secureForm) {
    parts.push({ source: 'form', text: [data.secureForm.formName].filter(isText).join('\n') })
  }
  if (data.richContent) {
    const rc = data.richContent
    parts.push({
      source: 'rich',
      text: rc.content !== undefined ? structuredContentText(rc.content) : (rc.raw ?? ''),
    })
  }
  if (data.quickReplies?.content !== undefined) {
    parts.push({ source: 'quick-replies', text: structuredContentText(data.quickReplies.content) })
  }
  return parts
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

function joinParts(parts: TextPart[]): string {
  return parts
    .map((p) => p.text)
    .filter((t) => t !== '')
    .join('\n')
}

function messageIntents(
  message: MessageRecord,
  nlu: ConversationRecord['intents'],
): MessageIntent[] {
  const out: MessageIntent[] = []
  for (const item of message.contextData?.structuredMetadata ?? []) {
    for (const intent of item.botResponse?.intents ?? []) {
      const name = intent.name ?? intent.id
      if (name === undefined) continue
      const entry: MessageIntent = { name, source: 'bot' }
      if (intent.confidence !== undefined) entry.confidence = intent.confidence
      if (intent.confidenceScore !== undefined) entry.confidenceScore = intent.confidenceScore
      out.push(entry)
    }
  }
  if (message.messageId !== undefined) {
    for (const intent of nlu ?? []) {
      if (intent.messageId !== message.messageId) continue
      const c = intent.selectedClassification
      const name = c?.intentLabel ?? c?.intentName
      if (name === undefined) continue
      const entry: MessageIntent = { name, source: 'nlu' }
      if (c?.confidenceScore !== undefined) entry.confidenceScore = c.confidenceScore
      out.push(entry)
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Events

const PERMISSION_LABELS: Readonly<Record<string, string>> = {
  ASSIGNED_AGENT: 'assigned agent',
  ASSIGNED: 'assigned agent',
  SUGGESTED_ASSIGNED_AGENT: 'suggested agent',
  READER: 'reader',
  AGENT: 'agent',
  AGENT_MANAGER: 'agent manager',
  AGENT_MANGER: 'agent manager',
  MANAGER: 'manager',
  CONTROLLER: 'controller',
}

function permissionLabel(permission: string | undefined): string | undefined {
  if (permission === undefined) return undefined
  return PERMISSION_LABELS[permission.toUpperCase()] ?? permission.toLowerCase().replace(/_/g, ' ')
}

const ROLE_WORDS: Readonly<Record<SpeakerRole, string>> = {
  consumer: 'consumer',
  agent: 'agent',
  bot: 'bot',
  manager: 'manager',
  system: 'system',
}

function participantDetail(p: AgentParticipant, role: SpeakerRole | undefined): string | undefined {
  const bits = [
    role ? `Role: ${ROLE_WORDS[role]}` : p.role ? `Role: ${p.role.toLowerCase()}` : undefined,
    p.permission ? `permission: ${permissionLabel(p.permission) ?? p.permission}` : undefined,
    p.agentGroupName && p.agentGroupId !== -1 ? `group: ${p.agentGroupName}` : undefined,
  ].filter(isText)
  return bits.length ? bits.join(', ') : undefined
}

const TRANSFER_REASONS: Readonly<Record<string, string>> = {
  back2q: 'returned to the queue',
  agent: 'transferred to an agent',
  suggestedagenttimeout: 'the suggested agent did not accept in time',
  skill: 'transferred to a skill',
  takeover: 'taken over',
}

function transferReason(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined
  return TRANSFER_REASONS[reason.toLowerCase()] ?? reason
}

function skillLabel(name: string | undefined, id: number | undefined): string | undefined {
  if (name !== undefined) return `skill ${name}`
  if (id !== undefined && id !== -1) return `skill ${String(id)}`
  return undefined
}

function withParens(main: string | undefined, extra: string | undefined): string | undefined {
  if (main && extra) return `${main} (${extra})`
  return main ?? extra
}

const DIALOG_LABELS: Readonly<Record<string, string>> = {
  MAIN: 'Conversation',
  POST_SURVEY: 'Post-conversation survey',
}

function dialogLabel(type: string | undefined): string {
  if (type === undefined) return 'Dialog'
  return DIALOG_LABELS[type.toUpperCase()] ?? `Dialog ${type.toLowerCase().replace(/_/g, ' ')}`
}

const SDE_LABELS: Readonly<Record<string, string>> = {
  CUSTOMER_INFO: 'Customer info',
  PERSONAL_INFO: 'Personal info',
  CART_STATUS: 'Cart status',
  PURCHASE: 'Purchase',
  MARKETING_CAMPAIGN_INFO: 'Marketing campaign info',
  SEARCH_CONTENT: 'Search content',
  VIEWED_PRODUCT: 'Viewed product',
  VISITOR_ERROR: 'Visitor error',
  LEAD: 'Lead',
  SERVICE_ACTIVITY: 'Service activity',
}

/** `customerId: 123, companyBranch: x` — the first few scalar fields of an SDE payload. */
function sdeSummary(event: SdeEvent): string | undefined {
  const bits: string[] = []
  const fields: Record<string, unknown> = event.fields
  for (const key of Object.keys(fields)) {
    const value = fields[key]
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      bits.push(`${key}: ${clip(String(value))}`)
    } else if (Array.isArray(value)) {
      const words = value.every((v) => typeof v === 'string')
      const count = `${String(value.length)} item${value.length === 1 ? '' : 's'}`
      bits.push(`${key}: ${words ? clip(value.join(', ')) : count}`)
    }
    if (bits.length === 5) break
  }
  return bits.length ? bits.join(', ') : undefined
}

/** One line of at most 80 characters (the full values are in the engagement-attributes panel). */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

interface EventDraft {
  time: number
  type: EventType
  text: string
  detail?: string | undefined
  source: unknown
}

/** Endings sort after messages of the same instant, beginnings before them. */
const CLOSING_EVENTS: ReadonlySet<EventType> = new Set(['agent-left', 'cobrowse-end', 'survey'])

function closes(e: EventDraft): boolean {
  if (CLOSING_EVENTS.has(e.type)) return true
  return e.type === 'dialog' && / (ended|closed)$/.test(e.text)
}

function collectEvents(record: ConversationRecord, people: SpeakerDirectory): EventDraft[] {
  const events: EventDraft[] = []
  const add = (time: number | undefined, draft: Omit<EventDraft, 'time'>) => {
    if (time === undefined) return
    const event: EventDraft = { time, type: draft.type, text: draft.text, source: draft.source }
    if (draft.detail !== undefined) event.detail = draft.detail
    events.push(event)
  }

  const joined = new Set<string>()
  for (const p of [
    ...(record.agentParticipants ?? []),
    ...(record.agentParticipantsActive ?? []),
  ]) {
    const time = timeOf(p.timeL, p.time)
    const dedupe = `${p.agentId ?? ''}|${String(time)}|${p.permission ?? ''}`
    if (joined.has(dedupe)) continue
    joined.add(dedupe)
    const speaker = p.agentId !== undefined ? people.agent(p.agentId) : undefined
    const name = speaker?.name ?? agentName(p) ?? 'An agent'
    const as = permissionLabel(p.permission)
    add(time, {
      type: 'agent-joined',
      text: as ? `${name} joined as ${as}` : `${name} joined`,
      detail: participantDetail(p, speaker?.role),
      source: p,
    })
  }
  for (const p of record.agentParticipantsLeave ?? []) {
    const speaker = p.agentId !== undefined ? people.agent(p.agentId) : undefined
    add(timeOf(p.timeL, p.time), {
      type: 'agent-left',
      text: `${speaker?.name ?? agentName(p) ?? 'An agent'} left`,
      detail: participantDetail(p, speaker?.role),
      source: p,
    })
  }

  for (const i of record.interactions ?? []) {
    const name = people.agentLabel(i.assignedAgentId, agentName(assigned(i)))
    add(timeOf(i.interactionTimeL, i.interactionTime), {
      type: 'assigned',
      text: name ? `Assigned to ${name}` : 'Assigned',
      detail:
        i.interactiveSequence !== undefined
          ? `Assignment ${String(i.interactiveSequence)}`
          : undefined,
      source: i,
    })
  }

  for (const t of record.transfers ?? []) {
    const fromAgent = people.agentLabel(t.sourceAgentId, agentName(source(t)))
    const toAgent = people.agentLabel(t.assignedAgentId, agentName(assigned(t)))
    const from = withParens(fromAgent, skillLabel(t.sourceSkillName, t.sourceSkillId))
    const to = withParens(skillLabel(t.targetSkillName, t.targetSkillId), toAgent)
    const reason = transferReason(t.reason)
    const by = t.by !== undefined ? people.agentLabel(t.by) : undefined
    const detail = [
      reason ? `Reason: ${reason}` : undefined,
      by && by !== fromAgent ? `by ${by}` : undefined,
    ]
      .filter(isText)
      .join(', ')
    add(timeOf(t.timeL, t.time), {
      type: 'transfer',
      text: `Transferred${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`,
      detail: detail || undefined,
      source: t,
    })
  }

  for (const s of record.skillChanges ?? []) {
    const from =
      s.fromSkillName ?? (s.fromSkillId !== undefined ? String(s.fromSkillId) : undefined)
    const to =
      s.toSkillName ??
      s.skillName ??
      (s.toSkillId !== undefined
        ? String(s.toSkillId)
        : s.skillId !== undefined
          ? String(s.skillId)
          : undefined)
    add(timeOf(s.timeL, s.time), {
      type: 'skill-change',
      text: `Skill changed${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`,
      detail: s.reason ? `Reason: ${s.reason}` : undefined,
      source: s,
    })
  }

  for (const d of record.dialogs ?? []) {
    const label = dialogLabel(d.dialogType)
    const main = d.dialogType?.toUpperCase() === 'MAIN'
    if (!main) {
      add(timeOf(d.startTimeL, d.startTime), {
        type: 'dialog',
        text: `${label} started`,
        detail: d.skillName && d.skillId !== -1 ? `Skill: ${d.skillName}` : undefined,
        source: d,
      })
    }
    const reason = [d.closeReason, d.closeReasonDescription]
      .filter(isText)
      .map((r) => r.toLowerCase().replace(/_/g, ' '))
      .join(', ')
    add(d.endTimeL ?? parseWireTime(d.endTime), {
      type: 'dialog',
      text: main ? 'Conversation closed' : `${label} ended`,
      detail: reason ? `Close reason: ${reason}` : undefined,
      source: d,
    })
  }

  for (const c of record.coBrowseSessions?.coBrowseSessionsList ?? []) {
    const agent = c.agentId !== undefined ? people.agentLabel(c.agentId) : undefined
    const kind = [c.type === 'inApp' ? 'in-app' : c.type, c.interactive ? 'interactive' : undefined]
      .filter(isText)
      .join(', ')
    add(timeOf(c.startTimeL, c.startTime), {
      type: 'cobrowse-start',
      text: `Co-browse started${agent ? ` by ${agent}` : ''}`,
      detail: kind ? `Session: ${kind}` : undefined,
      source: c,
    })
    add(c.endTimeL ?? parseWireTime(c.endTime), {
      type: 'cobrowse-end',
      text: `Co-browse ended${c.endReason ? ` by ${c.endReason.toLowerCase()}` : ''}`,
      detail: c.capabilities?.length ? `Capabilities: ${c.capabilities.join(', ')}` : undefined,
      source: c,
    })
  }

  const start = record.info.startTimeL ?? parseWireTime(record.info.startTime)
  for (const [section, label] of [
    ['sdes', 'authenticated'],
    ['unAuthSdes', 'unauthenticated'],
  ] as const) {
    for (const e of record[section]?.events ?? []) {
      add(e.serverTimeStamp ?? e.originalTimeStamp ?? start, {
        type: 'sde',
        text: `Engagement attributes updated: ${SDE_LABELS[e.sdeType] ?? e.sdeType} (${label})`,
        detail: sdeSummary(e),
        source: e,
      })
    }
  }

  const surveyDialog = (record.dialogs ?? []).find(
    (d) => d.dialogType?.toUpperCase() === 'POST_SURVEY',
  )
  const end =
    record.info.fullDialogEndTimeL ?? record.info.endTimeL ?? record.info.conversationEndTimeL
  for (const s of record.conversationSurveys ?? []) {
    const dialog =
      (s.dialogId !== undefined
        ? record.dialogs?.find((d) => d.dialogId === s.dialogId)
        : undefined) ?? surveyDialog
    const answers = (s.surveyData ?? [])
      .map((a) => (a.question ? `${a.question}: ${a.answer ?? '—'}` : a.answer))
      .filter(isText)
      .join('; ')
    const status = s.surveyStatus?.toUpperCase()
    const verb =
      status === 'FILLED' || status === 'SUBMITTED' || status === undefined
        ? 'submitted'
        : status.toLowerCase()
    add(dialog?.endTimeL ?? end ?? lastKnownTime(record), {
      type: 'survey',
      text: `Survey ${verb}${s.surveyType ? `: ${s.surveyType}` : ''}`,
      detail: answers || undefined,
      source: s,
    })
  }
  const agentSurveys = [
    ...(record.previouslySubmittedAgentSurveys ?? []),
    ...(record.latestAgentSurvey ? [record.latestAgentSurvey] : []),
  ]
  const seenAgentSurveys = new Set<string>()
  for (const s of agentSurveys) {
    if (s.lastUpdateTime === undefined) continue
    const status = s.surveyStatus?.toUpperCase()
    if (status !== 'SUBMITTED') continue
    const dedupe = `${s.surveyId ?? ''}|${String(s.lastUpdateTime)}`
    if (seenAgentSurveys.has(dedupe)) continue
    seenAgentSurveys.add(dedupe)
    const by = s.performedByAgentName ?? s.performedByAgentNickName
    const answers = (s.submittedAnswers ?? [])
      .map((a) => {
        const given = (a.answers ?? [])
          .map((x) => x.answer)
          .filter(isText)
          .join(', ')
        return a.questionText ? `${a.questionText}: ${given || '—'}` : given
      })
      .filter(isText)
      .join('; ')
    add(s.lastUpdateTime, {
      type: 'survey',
      text: `Agent survey submitted${s.acSurveyName ? `: ${s.acSurveyName}` : ''}${by ? ` by ${by}` : ''}`,
      detail: answers || undefined,
      source: s,
    })
  }
  return events
}

/** The latest time anything on the record happened (for surveys that carry no time). */
function lastKnownTime(record: ConversationRecord): number | undefined {
  let last: number | undefined
  for (const m of record.messageRecords ?? []) {
    const t = timeOf(m.timeL, m.time)
    if (t !== undefined && (last === undefined || t > last)) last = t
  }
  return last ?? record.info.startTimeL
}

// ---------------------------------------------------------------------------------------------
// Response gaps (shared with metrics)

export interface ResponseGap {
  /** The consumer's first unanswered message. */
  from: number
  /** The agent's (or bot's) reply. */
  to: number
  /** Key of the reply's timeline item. */
  replyKey: string
}

/** True for a message the consumer saw from the brand side: agent, bot or manager, not private. */
export function isBrandReply(item: MessageItem): boolean {
  if (item.private) return false
  const role = item.speaker.role
  return role === 'agent' || role === 'bot' || role === 'manager'
}

/**
 * Every consumer wait: from the consumer's first message after the last brand reply to the next
 * brand reply. Private notes and system messages are not replies. Input: messages in order.
 */
export function responseGaps(messages: readonly MessageItem[]): ResponseGap[] {
  const gaps: ResponseGap[] = []
  let waitingSince: number | undefined
  for (const item of messages) {
    if (item.speaker.role === 'consumer') {
      waitingSince ??= item.time
    } else if (isBrandReply(item) && waitingSince !== undefined) {
      gaps.push({ from: waitingSince, to: item.time, replyKey: item.key })
      waitingSince = undefined
    }
  }
  return gaps
}

// ---------------------------------------------------------------------------------------------
// Agent stretches

/** Who owned the conversation from `from` until `to` (absent: still owns it, or open). */
export interface AgentStretch {
  /** Absent while the conversation waited in a queue with nobody assigned. */
  agentId?: string
  agentName: string
  role: SpeakerRole
  from: number
  to?: number
}

interface OwnerChange {
  time: number
  /** Lower runs first at equal times: leave/unassign, then assign. */
  order: number
  owner: { agentId: string; name: string; role: SpeakerRole } | { queue: string | undefined } | null
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
    return {
      agentId: id,
      name: speaker?.name ?? fallback ?? `Agent ${id}`,
      role: speaker?.role ?? 'agent',
    }
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
      const name = owner.queue !== undefined ? `In queue (${owner.queue})` : 'In queue'
      if (current && current.agentId === undefined && current.agentName === name) continue
      close(change.time)
      current = { agentName: name, role: 'system', from: change.time }
      stretches.push(current)
      continue
    }
    if (current?.agentId === owner.agentId) continue
    close(change.time)
    current = { agentId: owner.agentId, agentName: owner.name, role: owner.role, from: change.time }
    stretches.push(current)
  }
  const end = conversationEnd(record)
  if (current && end !== undefined && end >= current.from) current.to = end
  // A zero-length stretch (two changes at the same instant) says nothing.
  return stretches.filter((s) => s.to === undefined || s.to > s.from)
}

/** When the conversation ended (absent while open). */
function conversationEnd(record: ConversationRecord): number | undefined {
  return record.info.conversationEndTimeL ?? record.info.endTimeL
}

/**
 * The stretch a moment falls in, or -1. The last stretch also takes what comes after the
 * conversation's end (post-conversation survey), unless it ended because the owner left.
 */
function stretchAt(
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

// ---------------------------------------------------------------------------------------------
// The timeline

interface Sortable<T> {
  item: T
  time: number
  /** At the same instant: beginnings (0), messages (1), endings (2). */
  rank: number
  seq: number
  index: number
}

function compare<T>(a: Sortable<T>, b: Sortable<T>): number {
  return a.time - b.time || a.rank - b.rank || a.seq - b.seq || a.index - b.index
}

/** The messages of a record as timeline items, in order (no events, separators or waits). */
export function messageItems(
  record: ConversationRecord,
  people = new SpeakerDirectory(record),
): MessageItem[] {
  const scores = new Map<string, { mcs?: number; raw?: number }>()
  for (const s of record.messageScores ?? []) {
    if (s.messageId === undefined) continue
    const entry: { mcs?: number; raw?: number } = {}
    if (s.mcs !== undefined) entry.mcs = s.mcs
    if (s.messageRawScore !== undefined) entry.raw = s.messageRawScore
    scores.set(s.messageId, entry)
  }
  const statuses = new Map<string, DeliveryStatus[]>()
  for (const s of record.messageStatuses ?? []) {
    const time = timeOf(s.timeL, s.time)
    if (s.messageId === undefined || s.messageDeliveryStatus === undefined || time === undefined)
      continue
    const list = statuses.get(s.messageId) ?? []
    if (!list.some((x) => x.status === s.messageDeliveryStatus && x.time === time)) {
      list.push({ status: s.messageDeliveryStatus, time })
    }
    statuses.set(s.messageId, list)
  }

  const raw = record.messageRecords ?? []
  const fallbackStart = record.info.startTimeL ?? parseWireTime(record.info.startTime) ?? 0
  let previousTime = fallbackStart
  const usedKeys = new Set<string>()
  const drafts: Sortable<MessageItem>[] = []
  raw.forEach((message, index) => {
    const time = timeOf(message.timeL, message.time) ?? previousTime
    previousTime = time
    let key = `m:${message.messageId ?? `#${String(index)}`}`
    if (usedKeys.has(key)) key = `${key}#${String(index)}`
    usedKeys.add(key)
    const parts = messageTextParts(message)
    const item: MessageItem = {
      kind: 'message',
      key,
      time,
      seq: message.seq ?? index,
      message,
      speaker: people.speaker(message),
      private: message.audience?.toUpperCase() === 'AGENTS_AND_MANAGERS',
      statuses: (message.messageId !== undefined
        ? (statuses.get(message.messageId) ?? [])
        : []
      ).sort((a, b) => a.time - b.time),
      intents: messageIntents(message, record.intents),
      text: joinParts(parts),
      textParts: parts,
    }
    const score = message.messageId !== undefined ? scores.get(message.messageId) : undefined
    if (score?.mcs !== undefined) item.mcs = score.mcs
    if (score?.raw !== undefined) item.mcsRaw = score.raw
    drafts.push({ item, time, rank: 1, seq: item.seq, index })
  })
  drafts.sort(compare)

  // The consumer's next message is their likely choice from rich content or quick replies.
  let nextConsumerText: string | undefined
  for (let i = drafts.length - 1; i >= 0; i--) {
    const item = drafts[i]?.item
    if (!item) continue
    const data = item.message.messageData
    if (
      (data?.richContent || data?.quickReplies) &&
      item.speaker.role !== 'consumer' &&
      nextConsumerText !== undefined
    ) {
      item.chosenText = nextConsumerText
    }
    if (item.speaker.role === 'consumer' && !item.private) {
      nextConsumerText = data?.msg?.text ?? (item.text || undefined)
    }
  }

  return drafts.map((d) => d.item)
}

/**
 * One chronological list of everything on the record: sorted by time; at the same instant,
 * beginnings (joins, assignments, transfers) before messages and endings (leaves, closes,
 * surveys) after them; then `seq`, then the record's own order (stable). Day separators open each new day
 * (as named by `options.dayKey`); a `wait` item sits before each brand reply that came more than
 * five minutes after the consumer started waiting.
 */
export function buildTimeline(
  record: ConversationRecord,
  options: TimelineOptions = {},
): TimelineItem[] {
  const people = new SpeakerDirectory(record)
  const dayKey = options.dayKey ?? utcDay
  const threshold = options.waitThresholdMs ?? WAIT_THRESHOLD_MS

  const messages = messageItems(record, people)
  const stretches = agentStretches(record, people)
  for (const item of messages) {
    const index = stretchAt(stretches, item.time, conversationEnd(record))
    const s = stretches[index]
    if (s)
      item.owner = { index, name: s.agentName, role: s.role, assigned: s.agentId !== undefined }
  }

  const sortable: Sortable<MessageItem | EventItem>[] = messages.map((item, index) => ({
    item,
    time: item.time,
    rank: 1,
    seq: item.seq,
    index,
  }))
  collectEvents(record, people).forEach((e, index) => {
    const item: EventItem = {
      kind: 'event',
      key: `e:${String(index)}:${e.type}`,
      time: e.time,
      type: e.type,
      text: e.text,
      source: e.source,
    }
    if (e.detail !== undefined) item.detail = e.detail
    const rank = closes(e) ? 2 : 0
    sortable.push({ item, time: e.time, rank, seq: -1, index: messages.length + index })
  })
  sortable.sort(compare)

  const waits = new Map<string, WaitItem>()
  for (const gap of responseGaps(messages)) {
    const waitMs = gap.to - gap.from
    if (waitMs > threshold) {
      waits.set(gap.replyKey, {
        kind: 'wait',
        key: `w:${gap.replyKey}`,
        time: gap.to,
        since: gap.from,
        waitMs,
      })
    }
  }

  const out: TimelineItem[] = []
  let day: string | undefined
  for (const { item } of sortable) {
    const label = dayKey(item.time)
    if (label !== day) {
      day = label
      out.push({ kind: 'day', key: `d:${label}:${String(out.length)}`, time: item.time, label })
    }
    const wait = item.kind === 'message' ? waits.get(item.key) : undefined
    if (wait) out.push(wait)
    out.push(item)
  }
  return out
}
