import type { Choice } from '@/app/features/search/checkbox-group'
import {
  ALERTED_MCS_LABELS,
  channelLabel,
  CONTENT_TYPE_LABELS,
  DEVICE_LABELS,
  QUEUE_STATE_LABELS,
  STATUS_LABELS,
} from '@/app/lib/vocabulary/labels'
import {
  ALERTED_MCS_VALUES,
  CONVERSATION_STATUSES,
  DEVICES,
  MESSAGE_CONTENT_TYPES,
  QUEUE_STATES,
  REVIEW_STATUSES,
} from '@/domain/schema/search-constants'

/** A label map as choices, in its order. */
function choicesOf(labels: Readonly<Record<string, string>>, order: readonly string[]): Choice[] {
  return order.map((value) => ({ value, label: labels[value] ?? value }))
}

/** Conversation status: Open, Closed. */
export const STATUS_CHOICES: readonly Choice[] = choicesOf(STATUS_LABELS, CONVERSATION_STATUSES)

/** Devices, unknown last. */
export const DEVICE_CHOICES: readonly Choice[] = choicesOf(DEVICE_LABELS, DEVICES)

/** Alerted MCS: negative, neutral, positive. */
export const ALERTED_MCS_CHOICES: readonly Choice[] = choicesOf(
  ALERTED_MCS_LABELS,
  ALERTED_MCS_VALUES,
)

/** Message content types, in the order LivePerson documents them. */
export const CONTENT_CHOICES: readonly Choice[] = choicesOf(
  CONTENT_TYPE_LABELS,
  MESSAGE_CONTENT_TYPES,
)

/** Whether an open conversation waits in a queue or has an agent. */
export const QUEUE_CHOICES: readonly Choice[] = choicesOf(QUEUE_STATE_LABELS, QUEUE_STATES)

/** How a conversation stands in QA review. */
export const REVIEW_STATUS_CHOICES: readonly Choice[] = choicesOf(
  { none: 'Not reviewed', draft: 'Draft', reviewed: 'Reviewed' },
  REVIEW_STATUSES,
)

/** The channels LivePerson documents (`source`), shown even when the archive has none yet. */
const KNOWN_CHANNELS = [
  'SHARK',
  'APP',
  'SMS',
  'FACEBOOK',
  'WhatsApp Business',
  'Apple Business Chat',
  'AGENT',
]

/** Known channels, then any other the archive has, then any chosen in the URL. */
export function channelChoices(
  facetChannels: readonly string[],
  chosen: readonly string[],
): Choice[] {
  const values = [...KNOWN_CHANNELS]
  for (const value of [...facetChannels, ...chosen]) if (!values.includes(value)) values.push(value)
  return values.map((value) => ({
    value,
    label: channelLabel(value) === value ? value : `${channelLabel(value)} (${value})`,
  }))
}

export function labelOf(choices: readonly Choice[], value: string): string {
  return choices.find((choice) => choice.value === value)?.label ?? value
}
