import type { MessageItem } from './messages'

/** Consumer waits: from a consumer's first unanswered message to the brand's reply (shared with metrics). */

/** One consumer wait. */
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
