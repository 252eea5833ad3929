import type {
  AgentJoinedEvent,
  AgentLeftEvent,
  SdeFieldSummary,
  TimelineEvent,
  TimelineEventKind,
} from '@/domain/timeline/events'
import { agentRefName, participantName, roleWord } from './people'
import { codeInWords, permissionWord, sdeTypeLabel, transferReasonWords } from './labels'

/**
 * The sentences of the timeline: each event fact as the transcript, find, print and the Markdown
 * export show it. One switch over every kind (a new kind does not compile until it has words).
 */

/** An event in words: one line, and a second line (reason, answers, attribute values) or none. */
export interface EventWords {
  text: string
  detail?: string
}

/** The small label above an event card ("Transfer", "Co-browse"). */
export const EVENT_LABELS: Readonly<Record<TimelineEventKind, string>> = {
  'agent-joined': 'Joined',
  'agent-left': 'Left',
  assigned: 'Assignment',
  transfer: 'Transfer',
  'skill-change': 'Skill change',
  'dialog-started': 'Dialog',
  'dialog-ended': 'Dialog',
  'conversation-closed': 'Dialog',
  'cobrowse-start': 'Co-browse',
  'cobrowse-end': 'Co-browse',
  sde: 'Engagement attributes',
  survey: 'Survey',
  'agent-survey': 'Survey',
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

function words(text: string, detail: string | undefined): EventWords {
  return detail ? { text, detail } : { text }
}

function withParens(main: string | undefined, extra: string | undefined): string | undefined {
  if (main && extra) return `${main} (${extra})`
  return main ?? extra
}

function skillWords(skill: string | undefined): string | undefined {
  return skill !== undefined ? `skill ${skill}` : undefined
}

/** `Role: agent, permission: assigned agent, group: Sales`. */
function participantDetail(e: AgentJoinedEvent | AgentLeftEvent): string | undefined {
  const bits = [
    e.role
      ? `Role: ${roleWord(e.role)}`
      : e.participantRole
        ? `Role: ${e.participantRole.toLowerCase()}`
        : undefined,
    e.permission ? `permission: ${permissionWord(e.permission)}` : undefined,
    e.group !== undefined ? `group: ${e.group}` : undefined,
  ].filter(isText)
  return bits.length ? bits.join(', ') : undefined
}

const DIALOG_NAMES: Readonly<Record<string, string>> = {
  MAIN: 'Conversation',
  POST_SURVEY: 'Post-conversation survey',
}

function dialogName(type: string | undefined): string {
  if (type === undefined) return 'Dialog'
  return DIALOG_NAMES[type.toUpperCase()] ?? `Dialog ${codeInWords(type)}`
}

function closeReasonDetail(e: {
  closeReason?: string
  closeReasonDescription?: string
}): string | undefined {
  const reason = [e.closeReason, e.closeReasonDescription]
    .filter(isText)
    .map(codeInWords)
    .join(', ')
  return reason ? `Close reason: ${reason}` : undefined
}

/** One line of at most 80 characters (the full values are in the engagement-attributes panel). */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

/** `customerId: 123, companyBranch: x` — the first few fields of an SDE payload. */
function sdeSummary(fields: readonly SdeFieldSummary[]): string | undefined {
  const bits = fields.map((f) => {
    if ('value' in f) return `${f.name}: ${clip(f.value)}`
    if ('values' in f) return `${f.name}: ${clip(f.values.join(', '))}`
    return `${f.name}: ${String(f.count)} item${f.count === 1 ? '' : 's'}`
  })
  return bits.length ? bits.join(', ') : undefined
}

/** The sentence (and second line) the transcript shows for an event. */
export function describeEvent(event: TimelineEvent): EventWords {
  switch (event.kind) {
    case 'agent-joined': {
      const name = participantName(event)
      const as = event.permission !== undefined ? permissionWord(event.permission) : undefined
      return words(as ? `${name} joined as ${as}` : `${name} joined`, participantDetail(event))
    }
    case 'agent-left':
      return words(`${participantName(event)} left`, participantDetail(event))
    case 'assigned': {
      const name = agentRefName(event.agent)
      return words(
        name ? `Assigned to ${name}` : 'Assigned',
        event.sequence !== undefined ? `Assignment ${String(event.sequence)}` : undefined,
      )
    }
    case 'transfer': {
      const fromAgent = agentRefName(event.fromAgent)
      const from = withParens(fromAgent, skillWords(event.fromSkill))
      const to = withParens(skillWords(event.toSkill), agentRefName(event.toAgent))
      const reason = event.reason !== undefined ? transferReasonWords(event.reason) : undefined
      const by = agentRefName(event.by)
      const detail = [
        reason ? `Reason: ${reason}` : undefined,
        by && by !== fromAgent ? `by ${by}` : undefined,
      ]
        .filter(isText)
        .join(', ')
      return words(`Transferred${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`, detail)
    }
    case 'skill-change': {
      const { fromSkill: from, toSkill: to } = event
      return words(
        `Skill changed${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`,
        event.reason ? `Reason: ${event.reason}` : undefined,
      )
    }
    case 'dialog-started':
      return words(
        `${dialogName(event.dialogType)} started`,
        event.skill !== undefined ? `Skill: ${event.skill}` : undefined,
      )
    case 'dialog-ended':
      return words(`${dialogName(event.dialogType)} ended`, closeReasonDetail(event))
    case 'conversation-closed':
      return words('Conversation closed', closeReasonDetail(event))
    case 'cobrowse-start': {
      const agent = agentRefName(event.agent)
      const session = [
        event.sessionType === 'inApp' ? 'in-app' : event.sessionType,
        event.interactive ? 'interactive' : undefined,
      ]
        .filter(isText)
        .join(', ')
      return words(
        `Co-browse started${agent ? ` by ${agent}` : ''}`,
        session ? `Session: ${session}` : undefined,
      )
    }
    case 'cobrowse-end':
      return words(
        `Co-browse ended${event.endReason ? ` by ${event.endReason.toLowerCase()}` : ''}`,
        event.capabilities.length ? `Capabilities: ${event.capabilities.join(', ')}` : undefined,
      )
    case 'sde':
      return words(
        `Engagement attributes updated: ${sdeTypeLabel(event.sdeType)} (${event.authenticated ? 'authenticated' : 'unauthenticated'})`,
        sdeSummary(event.fields),
      )
    case 'survey': {
      const status = event.status?.toUpperCase()
      const verb =
        status === 'FILLED' || status === 'SUBMITTED' || status === undefined
          ? 'submitted'
          : status.toLowerCase()
      const answers = event.answers
        .map((a) => (a.question ? `${a.question}: ${a.answer ?? '—'}` : a.answer))
        .filter(isText)
        .join('; ')
      return words(`Survey ${verb}${event.surveyType ? `: ${event.surveyType}` : ''}`, answers)
    }
    case 'agent-survey': {
      const answers = event.answers
        .map((a) => {
          const given = a.answers.join(', ')
          return a.question ? `${a.question}: ${given || '—'}` : given
        })
        .filter(isText)
        .join('; ')
      return words(
        `Agent survey submitted${event.surveyName ? `: ${event.surveyName}` : ''}${event.by ? ` by ${event.by}` : ''}`,
        answers,
      )
    }
    default:
      return unreachable(event)
  }
}

function unreachable(event: never): never {
  throw new Error(`An event kind without words: ${JSON.stringify(event)}`)
}
