import type { ConversationRecord } from '@/domain/schema/record'
import type { MessageRecord } from '@/domain/schema/messages'
import { structuredContentText } from '@/domain/schema/structured-content'
import { htmlToText } from '@/domain/html-text'
import { compare, type Sortable } from './order'
import { SpeakerDirectory, type Speaker } from './speakers'
import type { StretchRef } from './stretches'
import { parseWireTime, timeOf } from './wire-time'

/** The messages of a record as timeline items: speaker, searchable text, statuses, MCS, intents. */

/** One delivery status of a message (accepted, read, …) and when. */
export interface DeliveryStatus {
  /** `ACCEPT`, `READ`, … as sent. */
  status: string
  time: number
}

/** An intent a bot or the NLU saw in a message. */
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

/** One searchable piece of a message's text. */
export interface TextPart {
  source: TextPartSource
  text: string
}

/** A message on the timeline, with who sent it and what can be found in it. */
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
