import type { ConversationRecord } from '@/domain/schema/record'
import { collectEvents, EVENT_RANK, type TimelineEvent } from './events'
import { messageItems, type MessageItem } from './messages'
import { compare, type Sortable } from './order'
import { SpeakerDirectory } from './speakers'
import { agentStretches, conversationEnd, stretchAt } from './stretches'
import { responseGaps } from './waits'

/**
 * The transcript as one chronological list: messages, events from every other section of the
 * record (joins, assignments, transfers, skill and dialog changes, co-browse, engagement
 * attributes, surveys), day separators and long-wait markers. Pure: no DOM, no clock, no zone
 * (the caller passes how to name a day), no words (events are facts; the app words them).
 */

/** Something that happened (not a message), as a fact. */
export interface EventItem {
  kind: 'event'
  /** The event's stable key (`transfers:2`, …). */
  key: string
  time: number
  event: TimelineEvent
  /** The record entry the event came from, for a raw view. */
  source: unknown
}

/** The start of a new calendar day. */
export interface DayItem {
  kind: 'day'
  key: string
  time: number
  /** The day as named by the caller's `dayKey` (default: UTC `YYYY-MM-DD`). */
  label?: string
}

/** A long consumer wait, right before the reply that ended it. */
export interface WaitItem {
  kind: 'wait'
  key: string
  /** The time of the reply (the marker sits right before it). */
  time: number
  /** When the consumer started waiting (their first unanswered message). */
  since: number
  waitMs: number
}

/** One entry of the timeline. */
export type TimelineItem = MessageItem | EventItem | DayItem | WaitItem

/** How {@link buildTimeline} splits days and marks waits. */
export interface TimelineOptions {
  /** Names the calendar day of an instant in the viewer's zone; a new name starts a new day. */
  dayKey?: (ms: number) => string
  /** A consumer wait longer than this gets a marker (default 5 minutes). */
  waitThresholdMs?: number
}

/** A consumer wait longer than this gets a marker unless the caller says otherwise. */
export const WAIT_THRESHOLD_MS = 5 * 60_000

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
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
  const end = conversationEnd(record)
  for (const item of messages) {
    const index = stretchAt(stretches, item.time, end)
    const s = stretches[index]
    if (!s) continue
    item.owner = { index, role: s.role, assigned: s.agentId !== undefined }
    if (s.agentId !== undefined) item.owner.agentId = s.agentId
    if (s.agentName !== undefined) item.owner.agentName = s.agentName
    if (s.queue !== undefined) item.owner.queue = s.queue
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
      key: e.event.key,
      time: e.time,
      event: e.event,
      source: e.source,
    }
    const rank = EVENT_RANK[e.event.kind]
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
