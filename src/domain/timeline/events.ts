import type { ConversationRecord } from '@/domain/schema/record'
import type { AgentParticipant } from '@/domain/schema/participants'
import type { SdeEvent } from '@/domain/schema/sdes'
import { agentName, assigned, source, SpeakerDirectory, type SpeakerRole } from './speakers'
import { timeOf } from './wire-time'

/**
 * Events from every section of a record other than messages, as facts: a kind, a stable key and
 * the values the record gives (codes as sent, names as given). No words: the app's vocabulary
 * turns each fact into the sentence a reader sees.
 *
 * A key names the record section and the entry's index in it (`transfers:2`,
 * `agentParticipants:0:joined`), so it stays the same however the timeline is sorted, and a
 * later comment can anchor to it.
 */

/** An agent an event names: by ID, and by the name the record gives when it gives one. */
export interface AgentRef {
  id?: string
  name?: string
}

/** An agent's participant entry: who, their role on the timeline and what the entry says. */
interface ParticipantFact {
  key: string
  agentId?: string
  /** The name the record gives the agent. */
  name?: string
  /** The timeline's role for the agent (from every agent list of the record). */
  role?: SpeakerRole
  /** The entry's own `role` code, as sent. */
  participantRole?: string
  /** `ASSIGNED_AGENT`, `READER`, … as sent. */
  permission?: string
  /** The agent group's name (absent for the "no group" group, ID -1). */
  group?: string
}

/** An agent joined (from `agentParticipants` or `agentParticipantsActive`). */
export interface AgentJoinedEvent extends ParticipantFact {
  kind: 'agent-joined'
}

/** An agent left (from `agentParticipantsLeave`). */
export interface AgentLeftEvent extends ParticipantFact {
  kind: 'agent-left'
}

/** The conversation was assigned (from `interactions`). */
export interface AssignedEvent {
  kind: 'assigned'
  key: string
  agent?: AgentRef
  /** `interactiveSequence`: the assignment's number. */
  sequence?: number
}

/** A transfer between agents and skills (from `transfers`). */
export interface TransferEvent {
  kind: 'transfer'
  key: string
  fromAgent?: AgentRef
  /** Skill name, else ID (absent for "no skill", ID -1). */
  fromSkill?: string
  toSkill?: string
  toAgent?: AgentRef
  /** `back2Q`, `Agent`, `Skill`, … as sent. */
  reason?: string
  /** Who made the transfer. */
  by?: AgentRef
}

/** The skill changed (from `skillChanges`). */
export interface SkillChangeEvent {
  kind: 'skill-change'
  key: string
  /** Skill name, else ID. */
  fromSkill?: string
  toSkill?: string
  /** As the record gives it. */
  reason?: string
}

/** A dialog other than the main one began (a post-conversation survey, …). */
export interface DialogStartedEvent {
  kind: 'dialog-started'
  key: string
  /** `POST_SURVEY`, … as sent. */
  dialogType?: string
  skill?: string
}

/** The close reason codes of a dialog, as sent. */
interface CloseReasons {
  /** `AGENT`, `CONSUMER`, `SYSTEM`, … */
  closeReason?: string
  /** `MANUAL_CLOSE`, … */
  closeReasonDescription?: string
}

/** A dialog other than the main one ended. */
export interface DialogEndedEvent extends CloseReasons {
  kind: 'dialog-ended'
  key: string
  dialogType?: string
}

/** The main dialog ended: the conversation closed. */
export interface ConversationClosedEvent extends CloseReasons {
  kind: 'conversation-closed'
  key: string
}

/** A co-browse session began. */
export interface CobrowseStartEvent {
  kind: 'cobrowse-start'
  key: string
  agent?: AgentRef
  /** `inApp`, `web`, … as sent. */
  sessionType?: string
  interactive: boolean
}

/** A co-browse session ended. */
export interface CobrowseEndEvent {
  kind: 'cobrowse-end'
  key: string
  /** Who ended it (`VISITOR`, `AGENT`, …), as sent. */
  endReason?: string
  capabilities: string[]
}

/** One of the first few fields of an engagement attribute: a value, a list of words or a count. */
export type SdeFieldSummary =
  | { name: string; value: string }
  | { name: string; values: string[] }
  | { name: string; count: number }

/** Engagement attributes (SDEs) were updated. */
export interface SdeUpdatedEvent {
  kind: 'sde'
  key: string
  /** `CUSTOMER_INFO`, … as sent. */
  sdeType: string
  /** From `sdes` (true) or `unAuthSdes` (false). */
  authenticated: boolean
  /** The first scalar or list fields of the payload, at most {@link SDE_SUMMARY_FIELDS}. */
  fields: SdeFieldSummary[]
}

/** A conversation survey (post-conversation survey). */
export interface SurveyEvent {
  kind: 'survey'
  key: string
  /** `FILLED`, `SUBMITTED`, … as sent. */
  status?: string
  surveyType?: string
  answers: { question?: string; answer?: string }[]
}

/** An agent survey (filled by the agent after the conversation). */
export interface AgentSurveyEvent {
  kind: 'agent-survey'
  key: string
  surveyName?: string
  /** The agent who filled it, by name. */
  by?: string
  answers: { question?: string; answers: string[] }[]
}

/** Everything the timeline tells besides messages, by kind. */
export type TimelineEvent =
  | AgentJoinedEvent
  | AgentLeftEvent
  | AssignedEvent
  | TransferEvent
  | SkillChangeEvent
  | DialogStartedEvent
  | DialogEndedEvent
  | ConversationClosedEvent
  | CobrowseStartEvent
  | CobrowseEndEvent
  | SdeUpdatedEvent
  | SurveyEvent
  | AgentSurveyEvent

/** The kinds of {@link TimelineEvent}. */
export type TimelineEventKind = TimelineEvent['kind']

/** How many fields of an engagement attribute an `sde` event sums up. */
export const SDE_SUMMARY_FIELDS = 5

/**
 * Where an event sorts among messages of the same instant: beginnings (0) before them, endings
 * (2) after them.
 */
export const EVENT_RANK: Readonly<Record<TimelineEventKind, 0 | 2>> = {
  'agent-joined': 0,
  'agent-left': 2,
  assigned: 0,
  transfer: 0,
  'skill-change': 0,
  'dialog-started': 0,
  'dialog-ended': 2,
  'conversation-closed': 2,
  'cobrowse-start': 0,
  'cobrowse-end': 2,
  sde: 0,
  survey: 2,
  'agent-survey': 2,
}

/** An event with its time and the record entry it came from. */
export interface DatedEvent {
  time: number
  event: TimelineEvent
  /** The record entry the event came from, for a raw view. */
  source: unknown
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

function agentRef(id: string | undefined, name: string | undefined): AgentRef | undefined {
  if (id === undefined && name === undefined) return undefined
  const ref: AgentRef = {}
  if (id !== undefined) ref.id = id
  if (name !== undefined) ref.name = name
  return ref
}

function skillOf(name: string | undefined, id: number | undefined): string | undefined {
  if (name !== undefined) return name
  if (id !== undefined && id !== -1) return String(id)
  return undefined
}

/** Copies the defined values of `values` onto `target` (facts carry no `undefined` fields). */
function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[name] = value
  }
  return target
}

function participantFact(
  key: string,
  p: AgentParticipant,
  people: SpeakerDirectory,
): ParticipantFact {
  const speaker = p.agentId !== undefined ? people.agent(p.agentId) : undefined
  return assignDefined<ParticipantFact>(
    { key },
    {
      agentId: p.agentId,
      name: people.agentName(p.agentId, agentName(p)),
      role: speaker?.role,
      participantRole: p.role,
      permission: p.permission,
      group: p.agentGroupName && p.agentGroupId !== -1 ? p.agentGroupName : undefined,
    },
  )
}

/** The first few scalar or list fields of an SDE payload. */
function sdeFields(event: SdeEvent): SdeFieldSummary[] {
  const out: SdeFieldSummary[] = []
  const fields: Record<string, unknown> = event.fields
  for (const name of Object.keys(fields)) {
    const value = fields[name]
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out.push({ name, value: String(value) })
    } else if (Array.isArray(value)) {
      out.push(
        value.every((v) => typeof v === 'string')
          ? { name, values: value }
          : { name, count: value.length },
      )
    }
    if (out.length === SDE_SUMMARY_FIELDS) break
  }
  return out
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

/** Every event of the record that has a time, in the record's section order. */
export function collectEvents(
  record: ConversationRecord,
  people = new SpeakerDirectory(record),
): DatedEvent[] {
  const events: DatedEvent[] = []
  const add = (time: number | undefined, event: TimelineEvent, from: unknown) => {
    if (time !== undefined) events.push({ time, event, source: from })
  }

  const joined = new Set<string>()
  for (const section of ['agentParticipants', 'agentParticipantsActive'] as const) {
    ;(record[section] ?? []).forEach((p, index) => {
      const time = timeOf(p.timeL, p.time)
      const dedupe = `${p.agentId ?? ''}|${String(time)}|${p.permission ?? ''}`
      if (joined.has(dedupe)) return
      joined.add(dedupe)
      const fact = participantFact(`${section}:${String(index)}:joined`, p, people)
      add(time, { kind: 'agent-joined', ...fact }, p)
    })
  }
  ;(record.agentParticipantsLeave ?? []).forEach((p, index) => {
    const fact = participantFact(`agentParticipantsLeave:${String(index)}:left`, p, people)
    add(timeOf(p.timeL, p.time), { kind: 'agent-left', ...fact }, p)
  })

  ;(record.interactions ?? []).forEach((i, index) => {
    const event = assignDefined<AssignedEvent>(
      { kind: 'assigned', key: `interactions:${String(index)}` },
      {
        agent: agentRef(
          i.assignedAgentId,
          people.agentName(i.assignedAgentId, agentName(assigned(i))),
        ),
        sequence: i.interactiveSequence,
      },
    )
    add(timeOf(i.interactionTimeL, i.interactionTime), event, i)
  })

  ;(record.transfers ?? []).forEach((t, index) => {
    const event = assignDefined<TransferEvent>(
      { kind: 'transfer', key: `transfers:${String(index)}` },
      {
        fromAgent: agentRef(
          t.sourceAgentId,
          people.agentName(t.sourceAgentId, agentName(source(t))),
        ),
        fromSkill: skillOf(t.sourceSkillName, t.sourceSkillId),
        toSkill: skillOf(t.targetSkillName, t.targetSkillId),
        toAgent: agentRef(
          t.assignedAgentId,
          people.agentName(t.assignedAgentId, agentName(assigned(t))),
        ),
        reason: t.reason,
        by: agentRef(t.by, people.agentName(t.by)),
      },
    )
    add(timeOf(t.timeL, t.time), event, t)
  })

  ;(record.skillChanges ?? []).forEach((s, index) => {
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
    const event = assignDefined<SkillChangeEvent>(
      { kind: 'skill-change', key: `skillChanges:${String(index)}` },
      { fromSkill: from, toSkill: to, reason: s.reason || undefined },
    )
    add(timeOf(s.timeL, s.time), event, s)
  })

  ;(record.dialogs ?? []).forEach((d, index) => {
    const key = `dialogs:${String(index)}`
    const main = d.dialogType?.toUpperCase() === 'MAIN'
    if (!main) {
      const started = assignDefined<DialogStartedEvent>(
        { kind: 'dialog-started', key: `${key}:started` },
        {
          dialogType: d.dialogType,
          skill: d.skillName && d.skillId !== -1 ? d.skillName : undefined,
        },
      )
      add(timeOf(d.startTimeL, d.startTime), started, d)
    }
    const reasons: CloseReasons = assignDefined<CloseReasons>(
      {},
      {
        closeReason: isText(d.closeReason) ? d.closeReason : undefined,
        closeReasonDescription: isText(d.closeReasonDescription)
          ? d.closeReasonDescription
          : undefined,
      },
    )
    const ended: TimelineEvent = main
      ? { kind: 'conversation-closed', key: `${key}:ended`, ...reasons }
      : assignDefined<DialogEndedEvent>(
          { kind: 'dialog-ended', key: `${key}:ended`, ...reasons },
          { dialogType: d.dialogType },
        )
    add(timeOf(d.endTimeL, d.endTime), ended, d)
  })

  ;(record.coBrowseSessions?.coBrowseSessionsList ?? []).forEach((c, index) => {
    const key = `coBrowseSessions:${String(index)}`
    const started = assignDefined<CobrowseStartEvent>(
      { kind: 'cobrowse-start', key: `${key}:started`, interactive: c.interactive === true },
      {
        agent:
          c.agentId !== undefined ? agentRef(c.agentId, people.agentName(c.agentId)) : undefined,
        sessionType: c.type,
      },
    )
    add(timeOf(c.startTimeL, c.startTime), started, c)
    const ended = assignDefined<CobrowseEndEvent>(
      { kind: 'cobrowse-end', key: `${key}:ended`, capabilities: c.capabilities ?? [] },
      { endReason: c.endReason || undefined },
    )
    add(timeOf(c.endTimeL, c.endTime), ended, c)
  })

  const start = timeOf(record.info.startTimeL, record.info.startTime)
  for (const [section, authenticated] of [
    ['sdes', true],
    ['unAuthSdes', false],
  ] as const) {
    ;(record[section]?.events ?? []).forEach((e, index) => {
      add(
        e.serverTimeStamp ?? e.originalTimeStamp ?? start,
        {
          kind: 'sde',
          key: `${section}:${String(index)}`,
          sdeType: e.sdeType,
          authenticated,
          fields: sdeFields(e),
        },
        e,
      )
    })
  }

  const surveyDialog = (record.dialogs ?? []).find(
    (d) => d.dialogType?.toUpperCase() === 'POST_SURVEY',
  )
  const end =
    record.info.fullDialogEndTimeL ?? record.info.endTimeL ?? record.info.conversationEndTimeL
  ;(record.conversationSurveys ?? []).forEach((s, index) => {
    const dialog =
      (s.dialogId !== undefined
        ? record.dialogs?.find((d) => d.dialogId === s.dialogId)
        : undefined) ?? surveyDialog
    const event = assignDefined<SurveyEvent>(
      {
        kind: 'survey',
        key: `conversationSurveys:${String(index)}`,
        answers: (s.surveyData ?? []).map((a) =>
          assignDefined<{ question?: string; answer?: string }>(
            {},
            { question: a.question, answer: a.answer },
          ),
        ),
      },
      { status: s.surveyStatus, surveyType: s.surveyType },
    )
    add(dialog?.endTimeL ?? end ?? lastKnownTime(record), event, s)
  })

  const agentSurveys = [
    ...(record.previouslySubmittedAgentSurveys ?? []).map((s, index) => ({
      s,
      key: `previouslySubmittedAgentSurveys:${String(index)}`,
    })),
    ...(record.latestAgentSurvey
      ? [{ s: record.latestAgentSurvey, key: 'latestAgentSurvey' }]
      : []),
  ]
  const seenAgentSurveys = new Set<string>()
  for (const { s, key } of agentSurveys) {
    if (s.lastUpdateTime === undefined) continue
    const status = s.surveyStatus?.toUpperCase()
    if (status !== 'SUBMITTED') continue
    const dedupe = `${s.surveyId ?? ''}|${String(s.lastUpdateTime)}`
    if (seenAgentSurveys.has(dedupe)) continue
    seenAgentSurveys.add(dedupe)
    const event = assignDefined<AgentSurveyEvent>(
      {
        kind: 'agent-survey',
        key,
        answers: (s.submittedAnswers ?? []).map((a) =>
          assignDefined<{ question?: string; answers: string[] }>(
            { answers: (a.answers ?? []).map((x) => x.answer).filter(isText) },
            { question: a.questionText },
          ),
        ),
      },
      {
        surveyName: s.acSurveyName,
        by: s.performedByAgentName ?? s.performedByAgentNickName,
      },
    )
    add(s.lastUpdateTime, event, s)
  }
  return events
}
