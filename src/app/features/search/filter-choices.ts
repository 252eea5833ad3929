import type { SdeSearchKey } from '@/domain/schema/search-constants'
import type { Choice } from '@/app/features/search/checkbox-group'
import { channelLabel } from '@/app/features/search/conversation-row'

export const STATUS_CHOICES: readonly Choice[] = [
  { value: 'OPEN', label: 'Open' },
  { value: 'CLOSE', label: 'Closed' },
]

export const DEVICE_CHOICES: readonly Choice[] = [
  { value: 'DESKTOP', label: 'Desktop' },
  { value: 'TABLET', label: 'Tablet' },
  { value: 'MOBILE', label: 'Mobile' },
  { value: 'NA', label: 'Unknown' },
]

export const ALERTED_MCS_CHOICES: readonly Choice[] = [
  { value: '-1', label: 'Negative' },
  { value: '0', label: 'Neutral' },
  { value: '1', label: 'Positive' },
]

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

export const SDE_TYPE_LABELS: Readonly<Record<SdeSearchKey, string>> = {
  personalInfo: 'Personal info',
  customerInfo: 'Customer info',
  userUpdate: 'User profile',
  marketingCampaignInfo: 'Marketing campaign',
  lead: 'Lead',
  purchase: 'Purchase',
  viewedProduct: 'Viewed product',
  cartStatus: 'Cart status',
  serviceActivity: 'Service activity',
  visitorError: 'Visitor error',
  searchContent: 'Search content',
}

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
