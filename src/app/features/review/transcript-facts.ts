import { speakerName, stretchName } from '@/app/lib/vocabulary/people'
import type { ConversationRecord } from '@/domain/schema/record'
import type { Leg, Quote } from '@/domain/schema/reviews'
import { buildTimeline } from '@/domain/timeline/build'
import type { MessageItem } from '@/domain/timeline/messages'
import { agentStretches } from '@/domain/timeline/stretches'

/** One leg of a conversation as the reviewer picks it: every stretch one agent (or bot) owned. */
export interface LegChoice {
  leg: Leg
  name: string
  /** Human agent or bot, as the transcript's speakers say. */
  human: boolean
  spans: { from: number; to: number | undefined }[]
  /** Messages sent while this agent owned the conversation (theirs and the consumer's). */
  messages: number
}

/** What the Review panel needs of the transcript: its legs and its messages by ID. */
export interface TranscriptFacts {
  legs: LegChoice[]
  /** Messages by ID, with their place in the transcript (`order`). */
  messages: ReadonlyMap<string, { item: MessageItem; order: number }>
}

/** The legs (in the order they first owned the conversation) and the messages of a record. */
export function transcriptFacts(record: ConversationRecord): TranscriptFacts {
  const stretches = agentStretches(record)
  const items = buildTimeline(record)
  const messages = new Map<string, { item: MessageItem; order: number }>()
  const counts = new Map<string, number>()
  for (const item of items) {
    if (item.kind !== 'message') continue
    if (item.message.messageId) messages.set(item.message.messageId, { item, order: messages.size })
    const agentId = item.owner?.agentId
    if (agentId !== undefined) counts.set(agentId, (counts.get(agentId) ?? 0) + 1)
  }
  const legs = new Map<string, LegChoice>()
  for (const stretch of stretches) {
    if (stretch.agentId === undefined || stretch.agentId === '') continue
    let choice = legs.get(stretch.agentId)
    if (!choice) {
      const role = stretch.role === 'bot' ? 'bot' : 'agent'
      choice = {
        leg: {
          agentId: stretch.agentId,
          role,
          ...(stretch.agentName !== undefined ? { agentName: stretch.agentName } : {}),
        },
        name: stretchName(stretch),
        human: role === 'agent',
        spans: [],
        messages: counts.get(stretch.agentId) ?? 0,
      }
      legs.set(stretch.agentId, choice)
    }
    choice.spans.push({ from: stretch.from, to: stretch.to })
  }
  return { legs: [...legs.values()], messages }
}

/** The leg a new review is for unless the reviewer picks another: the last human agent's. */
export function defaultLeg(legs: readonly LegChoice[]): LegChoice | undefined {
  let best: LegChoice | undefined
  for (const choice of legs) {
    const last = choice.spans.at(-1)?.from ?? 0
    if (!choice.human) continue
    if (!best || last >= (best.spans.at(-1)?.from ?? 0)) best = choice
  }
  return best ?? legs.at(-1)
}

/** A leg's name: as the review keeps it, else by role and ID. */
export function legName(leg: Leg): string {
  return leg.agentName ?? `${leg.role === 'bot' ? 'Bot' : 'Agent'} ${leg.agentId}`
}

export const QUOTE_LENGTH = 500

/** The quotes of these messages, in transcript order (IDs not in the transcript are left out). */
export function quotesOf(facts: TranscriptFacts, messageIds: Iterable<string>): Quote[] {
  return [...messageIds]
    .flatMap((id) => {
      const found = facts.messages.get(id)
      return found ? [{ ...found, id }] : []
    })
    .sort((a, b) => a.order - b.order)
    .map(({ item, id }) => ({
      messageId: id,
      text: item.text.slice(0, QUOTE_LENGTH),
      by: speakerName(item.speaker),
      time: item.time,
    }))
}
