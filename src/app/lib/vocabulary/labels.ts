import type { SdeSearchKey } from '@/domain/schema/search-constants'

/**
 * Words for the wire's codes, for every screen: conversation status, transfer reasons, SDE
 * types, permissions, delivery statuses, agent kinds, alerted MCS, yes/no. Where two screens
 * word a code differently (the timeline's sentence, a panel's label), both wordings live here.
 */

/** `MANUAL_CLOSE` → `manual close`: a code inside a sentence. */
export function codeInWords(code: string): string {
  return code.replace(/_/g, ' ').toLowerCase()
}

/** `MANUAL_CLOSE` → `Manual close`. */
export function codeToWords(code: string): string {
  const words = codeInWords(code)
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** "Yes" or "No". */
export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No'
}

/** The conversation statuses a search filters on, with their labels. */
export const STATUS_LABELS = { OPEN: 'Open', CLOSE: 'Closed' } as const

/** `OPEN` → "Open", `CLOSE` → "Closed"; an unknown code as sent, none as "Unknown". */
export function statusLabel(status: string | undefined): string {
  if (status === 'OPEN' || status === 'CLOSE') return STATUS_LABELS[status]
  return status ?? 'Unknown'
}

/** The `alertedMCS` values (-1, 0, 1) with their labels. */
export const ALERTED_MCS_LABELS = { '-1': 'Negative', '0': 'Neutral', '1': 'Positive' } as const

/** `alertedMCS`: -1, 0, 1 → Negative, Neutral, Positive. */
export function alertedMcsLabel(value: number): string {
  if (value < 0) return ALERTED_MCS_LABELS['-1']
  if (value > 0) return ALERTED_MCS_LABELS['1']
  return ALERTED_MCS_LABELS['0']
}

/** The documented transfer reasons: as a panel labels them, and as a timeline sentence says them. */
const TRANSFER_REASONS: Readonly<Record<string, { label: string; words: string }>> = {
  back2q: { label: 'Back to queue', words: 'returned to the queue' },
  agent: { label: 'Transferred to an agent', words: 'transferred to an agent' },
  suggestedagenttimeout: {
    label: 'Suggested agent did not accept in time',
    words: 'the suggested agent did not accept in time',
  },
  skill: { label: 'Transferred to a skill', words: 'transferred to a skill' },
  takeover: { label: 'Taken over by another agent', words: 'taken over' },
}

/** A transfer reason code as a label ("Back to queue"); an unknown code as sent. */
export function transferReasonLabel(reason: string): string {
  return TRANSFER_REASONS[reason.toLowerCase()]?.label ?? reason
}

/** A transfer reason code inside a sentence ("returned to the queue"); an unknown code as sent. */
export function transferReasonWords(reason: string): string {
  return TRANSFER_REASONS[reason.toLowerCase()]?.words ?? reason
}

/** Engagement-attribute (SDE) types by their payload key, as headings and filter choices. */
export const SDE_LABELS: Readonly<Record<SdeSearchKey, string>> = {
  customerInfo: 'Customer info',
  personalInfo: 'Personal info',
  cartStatus: 'Cart status',
  purchase: 'Purchase',
  marketingCampaignInfo: 'Marketing campaign',
  searchContent: 'Search content',
  viewedProduct: 'Viewed product',
  visitorError: 'Visitor error',
  lead: 'Lead',
  serviceActivity: 'Service activity',
  userUpdate: 'User profile',
}

/**
 * An SDE type code (`CUSTOMER_INFO`) as its label; an unknown code as sent. The code's payload
 * key is the code in camel case (`customerInfo`), so this module needs no schema (the search
 * page's bundle carries no zod).
 */
export function sdeTypeLabel(sdeType: string): string {
  const key = sdeType.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
  return SDE_LABEL_BY_KEY.get(key) ?? sdeType
}

const SDE_LABEL_BY_KEY = new Map<string, string>(Object.entries(SDE_LABELS))

const PERMISSIONS: Readonly<Record<string, string>> = {
  ASSIGNED_AGENT: 'assigned agent',
  ASSIGNED: 'assigned agent',
  SUGGESTED_ASSIGNED_AGENT: 'suggested agent',
  READER: 'reader',
  AGENT: 'agent',
  AGENT_MANAGER: 'agent manager',
  AGENT_MANGER: 'agent manager',
  MANAGER: 'manager',
  CONTROLLER: 'controller',
}

/** A participant permission inside a sentence (`ASSIGNED_AGENT` → "assigned agent"). */
export function permissionWord(permission: string): string {
  return PERMISSIONS[permission.toUpperCase()] ?? codeInWords(permission)
}

const DELIVERY_STATUSES: Readonly<Record<string, string>> = {
  ACCEPT: 'Accepted',
  ACCEPTED: 'Accepted',
  READ: 'Read',
  SENT: 'Sent',
  ACTION: 'Acted on',
  NACK: 'Not delivered',
}

/** A message delivery status: `ACCEPT` → "Accepted"; unknown codes in words. */
export function deliveryStatusLabel(status: string): string {
  return DELIVERY_STATUSES[status.toUpperCase()] ?? codeToWords(status)
}

/** An agent's kind: `userTypeName` when sent, else from `userType` ("0", "1", "2"). */
export function agentKindLabel(agent: {
  userType?: string | undefined
  userTypeName?: string | undefined
}): string | undefined {
  if (agent.userTypeName) return agent.userTypeName
  if (agent.userType === '1') return 'Human'
  if (agent.userType === '2') return 'Bot'
  if (agent.userType === '0') return 'System'
  return undefined
}

/** How the API spells channels (`info.source`) and how people say them. */
const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  SHARK: 'Web',
  WEB: 'Web',
  APP: 'App',
  SMS: 'SMS',
  FACEBOOK: 'Facebook',
  AGENT: 'Agent',
  'WhatsApp Business': 'WhatsApp',
  'Apple Business Chat': 'Apple Messages',
}

/** A channel code (`info.source`) as people say it; an unknown one as sent. */
export function channelLabel(source: string): string {
  return Object.hasOwn(CHANNEL_NAMES, source) ? (CHANNEL_NAMES[source] ?? source) : source
}

/** The device codes, with their labels. */
export const DEVICE_LABELS: Readonly<Record<string, string>> = {
  DESKTOP: 'Desktop',
  TABLET: 'Tablet',
  MOBILE: 'Mobile',
  NA: 'Unknown',
}

/** A device code as its label; an unknown one as sent. */
export function deviceLabel(device: string): string {
  return Object.hasOwn(DEVICE_LABELS, device) ? (DEVICE_LABELS[device] ?? device) : device
}

const CLOSE_REASONS: Readonly<Record<string, string>> = {
  AGENT: 'by agent',
  CONSUMER: 'by consumer',
  SYSTEM: 'auto close',
  TIMEOUT: 'auto close',
}

/** How a conversation closed, after "Closed": `AGENT` → "by agent", `SYSTEM` → "auto close". */
export function closeReasonLabel(reason: string): string {
  return CLOSE_REASONS[reason] ?? codeInWords(reason)
}

/** Message content types (`contentType`), as the search's filter names them. */
export const CONTENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  TEXT_PLAIN: 'Plain text',
  TEXT_HTML: 'HTML',
  LINK: 'Link',
  HOSTED_FILE: 'File',
  IMG: 'Image',
  SECURE_FORM_INVITATION: 'Secure form invitation',
  SECURE_FORM_SUBMIT: 'Secure form submission',
  RICH_CONTENT: 'Rich content',
}

/** An open conversation's queue state (`latestQueueState`). */
export const QUEUE_STATE_LABELS: Readonly<Record<string, string>> = {
  IN_QUEUE: 'In queue',
  ACTIVE: 'Active (assigned)',
}
