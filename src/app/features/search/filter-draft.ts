import { formatDateTime, type TimeZone } from '@/app/lib/time'
import {
  ALERTED_MCS_VALUES,
  CONVERSATION_STATUSES,
  DEVICES,
  MESSAGE_CONTENT_TYPES,
  QUEUE_STATES,
  REVIEW_STATUSES,
  SDE_SEARCH_KEYS,
} from '@/domain/schema/search-constants'
import {
  conversationSearchSchema,
  DEFAULT_RANGE,
  parseSde,
  type ConversationSearch,
  type RangePreset,
} from '@/app/features/search/search-params'
import { parseUrlTime, resolveWindow } from '@/app/features/search/search-window'

/**
 * What the filter form holds while the user edits it: plain strings and lists, exactly as typed.
 * It becomes a search (and the URL) only when submitted and valid; the URL stays the one store of
 * the search itself.
 */
export interface FilterDraft {
  range: RangePreset | 'custom'
  fromDate: string
  fromTime: string
  toDate: string
  toTime: string
  status: string[]
  q: string
  summary: string
  agent: string[]
  skill: string[]
  group: string[]
  channel: string[]
  device: string[]
  mcsMin: string
  mcsMax: string
  csatMin: string
  csatMax: string
  durMin: string
  durMax: string
  alertedMcs: string[]
  content: string[]
  queue: string
  sdeType: string
  sdeValue: string
  /** Review filters (issue 13): statuses, score range, reviewer emails, scorecard IDs. */
  review: string[]
  scoreMin: string
  scoreMax: string
  reviewer: string[]
  scorecard: string[]
  disputed: boolean
  /** Archive-only filters (issue 15): close reasons, number of transfers, one transfer's skills. */
  closed: string[]
  transfersMin: string
  transfersMax: string
  transferFrom: string
  transferTo: string
  /** Issue 15: reviewed agents' IDs, and `scorecardId:criterionId` failed. */
  reviewedAgent: string[]
  failed: string[]
}

/** The parts of the search the filter form edits (not sort, page or page size). */
export type FilterField =
  | 'range'
  | 'from'
  | 'to'
  | 'status'
  | 'q'
  | 'summary'
  | 'agent'
  | 'skill'
  | 'group'
  | 'channel'
  | 'device'
  | 'mcs'
  | 'csat'
  | 'duration'
  | 'alertedMcs'
  | 'content'
  | 'queue'
  | 'sde'
  | 'review'
  | 'score'
  | 'reviewer'
  | 'scorecard'
  | 'closed'
  | 'transfers'
  | 'transferPath'

export type FilterErrors = Partial<Record<FilterField, string>>

/** Date and time parts of a URL time, as the date and time inputs show them. */
function splitUrlTime(
  value: string | undefined,
  zone: TimeZone,
  endOfDay: boolean,
): { date: string; time: string } {
  if (!value) return { date: '', time: '' }
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = parseUrlTime(value, zone, endOfDay)
    if (ms === undefined) return { date: '', time: '' }
    const text = formatDateTime(ms, zone)
    return { date: text.slice(0, 10), time: text.slice(11, 16) }
  }
  return { date: value.slice(0, 10), time: value.length > 10 ? value.slice(11, 16) : '' }
}

/** The form's starting point for the search in the URL. */
export function toDraft(search: ConversationSearch, zone: TimeZone): FilterDraft {
  const custom = search.from !== undefined || search.to !== undefined
  const from = splitUrlTime(search.from, zone, false)
  const to = splitUrlTime(search.to, zone, true)
  const sde = parseSde(search.sde)
  const num = (n: number | undefined) => (n === undefined ? '' : String(n))
  return {
    range: custom ? 'custom' : (search.range ?? DEFAULT_RANGE),
    fromDate: from.date,
    fromTime: from.time,
    toDate: to.date,
    toTime: to.time,
    status: [...search.status],
    q: search.q ?? '',
    summary: search.summary ?? '',
    agent: [...search.agent],
    skill: [...search.skill],
    group: [...search.group],
    channel: [...search.channel],
    device: [...search.device],
    mcsMin: num(search.mcsMin),
    mcsMax: num(search.mcsMax),
    csatMin: num(search.csatMin),
    csatMax: num(search.csatMax),
    durMin: num(search.durMin),
    durMax: num(search.durMax),
    alertedMcs: [...search.alertedMcs],
    content: [...search.content],
    queue: search.queue ?? '',
    sdeType: sde?.type ?? SDE_SEARCH_KEYS[0],
    sdeValue: sde?.value ?? '',
    review: [...search.review],
    scoreMin: num(search.scoreMin),
    scoreMax: num(search.scoreMax),
    reviewer: [...search.reviewer],
    scorecard: [...search.scorecard],
    disputed: search.disputed === true,
    closed: [...search.closed],
    transfersMin: num(search.transfersMin),
    transfersMax: num(search.transfersMax),
    transferFrom: search.transferFrom ?? '',
    transferTo: search.transferTo ?? '',
    reviewedAgent: [...search.reviewedAgent],
    failed: [...search.failed],
  }
}

/** Dates of the window currently searched, for when the user switches to a custom range. */
export function customRangeDraft(
  window: { from: number; to: number },
  zone: TimeZone,
): Pick<FilterDraft, 'fromDate' | 'fromTime' | 'toDate' | 'toTime'> {
  return {
    fromDate: formatDateTime(window.from, zone).slice(0, 10),
    fromTime: '',
    toDate: formatDateTime(window.to - 1, zone).slice(0, 10),
    toTime: '',
  }
}

const urlTime = (date: string, time: string) => (time ? `${date}T${time}` : date)

const pick = <T extends string>(values: readonly T[], chosen: readonly string[]): T[] =>
  values.filter((value) => chosen.includes(value))

function readNumber(
  text: string,
  min: number,
  max: number,
  label: string,
): { value?: number; error?: string } {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  const value = Number(trimmed)
  if (!Number.isFinite(value) || value < min || value > max) {
    return { error: `${label} must be a number from ${String(min)} to ${String(max)}.` }
  }
  return { value }
}

export type DraftResult =
  { ok: true; search: ConversationSearch } | { ok: false; errors: FilterErrors }

/**
 * Checks the form and turns it into the search to navigate to (page back to 1, sort and page size
 * kept). Everything the API would reject, the 3-month window first, is reported per field here,
 * before any request is sent.
 */
export function fromDraft(
  draft: FilterDraft,
  current: Pick<ConversationSearch, 'sort' | 'pageSize' | 'view' | 'by' | 'reply'>,
  zone: TimeZone,
  now: number,
): DraftResult {
  const errors: FilterErrors = {}
  let from: string | undefined
  let to: string | undefined
  if (draft.range === 'custom') {
    if (!draft.fromDate) errors.from = 'Choose the first day of the range.'
    else from = urlTime(draft.fromDate, draft.fromTime)
    if (draft.toDate) to = urlTime(draft.toDate, draft.toTime)
    else if (draft.toTime) errors.to = 'Choose a day for the end time, or clear the time.'
    if (from !== undefined && !errors.to) {
      const window = resolveWindow({ from, to, range: undefined }, zone, now)
      if (!window.ok) errors[window.field] = window.message
    }
  }

  const ranges = {
    mcs: [readNumber(draft.mcsMin, 0, 100, 'MCS'), readNumber(draft.mcsMax, 0, 100, 'MCS')],
    csat: [readNumber(draft.csatMin, 1, 5, 'CSAT'), readNumber(draft.csatMax, 1, 5, 'CSAT')],
    duration: [
      readNumber(draft.durMin, 0, 13 * 31 * 24 * 60, 'Duration'),
      readNumber(draft.durMax, 0, 13 * 31 * 24 * 60, 'Duration'),
    ],
    score: [
      readNumber(draft.scoreMin, 0, 100, 'Review score'),
      readNumber(draft.scoreMax, 0, 100, 'Review score'),
    ],
    transfers: [
      readNumber(draft.transfersMin, 0, 1000, 'Transfers'),
      readNumber(draft.transfersMax, 0, 1000, 'Transfers'),
    ],
  } as const
  for (const field of ['mcs', 'csat', 'duration', 'score', 'transfers'] as const) {
    const [min, max] = ranges[field]
    const error = min.error ?? max.error
    if (error) errors[field] = error
    else if (min.value !== undefined && max.value !== undefined && min.value > max.value) {
      errors[field] = 'The minimum must not be above the maximum.'
    }
  }

  const sdeValue = draft.sdeValue.trim()
  const transferFrom = draft.transferFrom.trim()
  const transferTo = draft.transferTo.trim()
  if (Boolean(transferFrom) !== Boolean(transferTo)) {
    errors.transferPath = 'Choose both skills of the transfer, or neither.'
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const search = conversationSearchSchema.parse({
    from,
    to,
    range: draft.range === 'custom' ? undefined : draft.range,
    status: pick(CONVERSATION_STATUSES, draft.status),
    q: draft.q,
    summary: draft.summary,
    agent: draft.agent,
    skill: draft.skill,
    group: draft.group,
    channel: draft.channel,
    device: pick(DEVICES, draft.device),
    mcsMin: ranges.mcs[0].value,
    mcsMax: ranges.mcs[1].value,
    csatMin: ranges.csat[0].value,
    csatMax: ranges.csat[1].value,
    durMin: ranges.duration[0].value,
    durMax: ranges.duration[1].value,
    alertedMcs: pick(ALERTED_MCS_VALUES, draft.alertedMcs),
    content: pick(MESSAGE_CONTENT_TYPES, draft.content),
    queue: pick(QUEUE_STATES, [draft.queue])[0],
    sde: sdeValue ? `${draft.sdeType}:${sdeValue}` : undefined,
    review: pick(REVIEW_STATUSES, draft.review),
    scoreMin: ranges.score[0].value,
    scoreMax: ranges.score[1].value,
    reviewer: draft.reviewer,
    scorecard: draft.scorecard,
    disputed: draft.disputed || undefined,
    closed: draft.closed,
    transfersMin: ranges.transfers[0].value,
    transfersMax: ranges.transfers[1].value,
    transferFrom,
    transferTo,
    reviewedAgent: draft.reviewedAgent,
    failed: draft.failed,
    sort: current.sort,
    pageSize: current.pageSize,
    // A new search keeps the tab it was made in (issue 15): Insights stays open.
    view: current.view,
    by: current.by,
    reply: current.reply,
  })
  return { ok: true, search }
}

/** Which filter a server 400 names (`start.from`, `keyword`, `sdeSearch.customerInfo`, ...). */
export function filterFieldOf(serverField: string | undefined): FilterField | undefined {
  if (!serverField) return undefined
  const [head = '', next = ''] = serverField.split(/[.[]/)
  if (head === 'review') {
    return next === 'minScore' || next === 'maxScore'
      ? 'score'
      : next === 'reviewer' || next === 'scorecard'
        ? next
        : 'review'
  }
  const byBodyField: Readonly<Record<string, FilterField>> = {
    start: 'from',
    keyword: 'q',
    summary: 'summary',
    status: 'status',
    agentIds: 'agent',
    skillIds: 'skill',
    agentGroupIds: 'group',
    source: 'channel',
    device: 'device',
    mcs: 'mcs',
    csat: 'csat',
    duration: 'duration',
    alertedMcsValues: 'alertedMcs',
    messageContentTypes: 'content',
    latestConversationQueueState: 'queue',
    sdeSearch: 'sde',
    closeReasons: 'closed',
    transferCount: 'transfers',
    transferPath: 'transferPath',
  }
  return byBodyField[head]
}
