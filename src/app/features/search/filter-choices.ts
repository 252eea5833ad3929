import type { Choice } from '@/app/features/search/checkbox-group'
import {
  ALERTED_MCS_LABELS,
  channelLabel,
  DEVICE_LABELS,
  STATUS_LABELS,
} from '@/app/lib/vocabulary/labels'

/** A label map as choices, in its order. */
function choicesOf(labels: Readonly<Record<string, string>>, order: readonly string[]): Choice[] {
  return order.map((value) => ({ value, label: labels[value] ?? value }))
}

/** Conversation status: Open, Closed. */
export const STATUS_CHOICES: readonly Choice[] = choicesOf(STATUS_LABELS, ['OPEN', 'CLOSE'])

/** Devices, unknown last. */
export const DEVICE_CHOICES: readonly Choice[] = choicesOf(DEVICE_LABELS, [
  'DESKTOP',
  'TABLET',
  'MOBILE',
  'NA',
])

/** Alerted MCS: negative, neutral, positive. */
export const ALERTED_MCS_CHOICES: readonly Choice[] = choicesOf(ALERTED_MCS_LABELS, [
  '-1',
  '0',
  '1',
])

export const CONTENT_CHOICES: readonly Choice[] = [
  { value: 'TEXT_PLAIN', label: 'Plain text' },
  { value: 'TEXT_HTML', label: 'HTML' },
  { value: 'LINK', label: 'Link' },
  { value: 'HOSTED_FILE', label: 'File' },
  { value: 'IMG', label: 'Image' },
  { value: 'SECURE_FORM_INVITATION', label: 'Secure form invitation' },
  { value: 'SECURE_FORM_SUBMIT', label: 'Secure form submission' },
  { value: 'RICH_CONTENT', label: 'Rich content' },
]

export const QUEUE_CHOICES: readonly Choice[] = [
  { value: 'IN_QUEUE', label: 'In queue' },
  { value: 'ACTIVE', label: 'Active (assigned)' },
]

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
