import type { SdeEvent, SdeFieldsByType, SdeType } from '@/domain/schema/sdes'

/**
 * Issue 15: the engagement-attribute (SDE) fields the Insights tab charts, and the search filters
 * by (`sdeValue`). A curated set: categories (a customer's type or status, a language, a
 * campaign's affiliate, a service activity's status) and amounts (a purchase's total, a cart's,
 * a lead's value, a balance), the fields a supervisor would group conversations by. Names, e-mail
 * addresses, phone numbers, customer and order IDs, user names, account names (often a surname)
 * and free text (error messages, search keywords) are left out on purpose: personal data must not
 * become a chart's labels, and a field with a different value per conversation makes no chart.
 *
 * `kind` says how the chart counts: `text`, its most common values (a code sent as a number,
 * such as `loginStatus`, is a category and counted as text); `number`, in buckets. The archive
 * keeps each conversation's values of these fields (migration 5): every event of the type counts,
 * so a conversation with two purchases has two totals.
 */
export interface SdeChartField {
  /** `<event key>.<field>`, as the reference names it. */
  path: string
  label: string
  kind: 'text' | 'number'
}

interface FieldReader<T extends SdeType> extends SdeChartField {
  type: T
  read: (fields: SdeFieldsByType[T]) => string | number | undefined
}

const field = <T extends SdeType>(
  type: T,
  path: string,
  label: string,
  kind: 'text' | 'number',
  read: (fields: SdeFieldsByType[T]) => string | number | undefined,
): FieldReader<T> => ({ type, path, label, kind, read })

const READERS = [
  field(
    'CUSTOMER_INFO',
    'customerInfo.customerType',
    'Customer type',
    'text',
    (f) => f.customerType,
  ),
  field(
    'CUSTOMER_INFO',
    'customerInfo.customerStatus',
    'Customer status',
    'text',
    (f) => f.customerStatus,
  ),
  field('CUSTOMER_INFO', 'customerInfo.balance', 'Customer balance', 'number', (f) => f.balance),
  field('CUSTOMER_INFO', 'customerInfo.currency', 'Customer currency', 'text', (f) => f.currency),
  field('CUSTOMER_INFO', 'customerInfo.role', 'Customer role', 'text', (f) => f.role),
  field(
    'CUSTOMER_INFO',
    'customerInfo.companySize',
    'Company size',
    'number',
    (f) => f.companySize,
  ),
  field(
    'CUSTOMER_INFO',
    'customerInfo.companyBranch',
    'Company branch',
    'text',
    (f) => f.companyBranch,
  ),
  field('CUSTOMER_INFO', 'customerInfo.loginStatus', 'Login status', 'text', (f) => f.loginStatus),
  field('PERSONAL_INFO', 'personalInfo.gender', 'Gender', 'text', (f) => f.gender),
  field('PERSONAL_INFO', 'personalInfo.language', 'Language', 'text', (f) => f.language),
  field(
    'PERSONAL_INFO',
    'personalInfo.customerAge.customerAgeInYears',
    'Age',
    'number',
    (f) => f.customerAge?.customerAgeInYears,
  ),
  field('CART_STATUS', 'cartStatus.total', 'Cart total', 'number', (f) => f.total),
  field('CART_STATUS', 'cartStatus.numItems', 'Items in cart', 'number', (f) => f.numItems),
  field('CART_STATUS', 'cartStatus.currency', 'Cart currency', 'text', (f) => f.currency),
  field('PURCHASE', 'purchase.total', 'Purchase total', 'number', (f) => f.total),
  field('PURCHASE', 'purchase.currency', 'Purchase currency', 'text', (f) => f.currency),
  field(
    'MARKETING_CAMPAIGN_INFO',
    'marketingCampaignInfo.originatingChannel',
    'Campaign channel',
    'text',
    (f) => f.originatingChannel,
  ),
  field(
    'MARKETING_CAMPAIGN_INFO',
    'marketingCampaignInfo.affiliate',
    'Campaign affiliate',
    'text',
    (f) => f.affiliate,
  ),
  field(
    'MARKETING_CAMPAIGN_INFO',
    'marketingCampaignInfo.campaignId',
    'Campaign',
    'text',
    (f) => f.campaignId,
  ),
  field('LEAD', 'lead.topic', 'Lead topic', 'text', (f) => f.topic),
  field('LEAD', 'lead.value', 'Lead value', 'number', (f) => f.value),
  field('SERVICE_ACTIVITY', 'serviceActivity.topic', 'Service topic', 'text', (f) => f.topic),
  field('SERVICE_ACTIVITY', 'serviceActivity.status', 'Service status', 'text', (f) => f.status),
  field(
    'SERVICE_ACTIVITY',
    'serviceActivity.category',
    'Service category',
    'text',
    (f) => f.category,
  ),
  field('VISITOR_ERROR', 'visitorError.code', 'Error code', 'text', (f) => f.code),
  field('VISITOR_ERROR', 'visitorError.level', 'Error level', 'text', (f) => f.level),
] as const

/** The charted fields, in the picker's order. */
export const SDE_CHART_FIELDS: readonly SdeChartField[] = READERS.map(({ path, label, kind }) => ({
  path,
  label,
  kind,
}))

export const SDE_CHART_FIELD_PATHS = READERS.map((reader) => reader.path) as [string, ...string[]]

const BY_PATH = new Map<string, SdeChartField>(SDE_CHART_FIELDS.map((f) => [f.path, f]))

/** The charted field at `path`, if it is one. */
export const sdeChartField = (path: string): SdeChartField | undefined => BY_PATH.get(path)

/** The first the picker shows. */
export const DEFAULT_SDE_CHART_FIELD = 'customerInfo.customerType'

/**
 * A stored text value is at most this long (values may be 50,000 characters): the chart's label
 * and the filter's value are its first this many characters.
 */
export const MAX_SDE_VALUE_LENGTH = 200

/** A value as kept: trimmed, cut to {@link MAX_SDE_VALUE_LENGTH} (never inside a surrogate pair). */
export function sdeValueText(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.trim()
  if (text.length <= MAX_SDE_VALUE_LENGTH) return text
  const cut = text.charCodeAt(MAX_SDE_VALUE_LENGTH - 1)
  const end = cut >= 0xd800 && cut <= 0xdbff ? MAX_SDE_VALUE_LENGTH - 1 : MAX_SDE_VALUE_LENGTH
  return text.slice(0, end).trimEnd()
}

/** One value of a charted field in a conversation. */
export interface SdeFieldValue {
  path: string
  text: string
  number: number | null
}

function readOne(reader: (typeof READERS)[number], event: SdeEvent): string | number | undefined {
  if (reader.type !== event.sdeType) return undefined
  const read: (fields: SdeEvent['fields']) => string | number | undefined = reader.read
  return read(event.fields)
}

/**
 * The values of the charted fields in these events (authenticated or not): each field's values
 * once, numbers finite, text non-empty after trimming.
 */
export function sdeFieldValues(events: readonly SdeEvent[]): SdeFieldValue[] {
  const out: SdeFieldValue[] = []
  const seen = new Set<string>()
  for (const event of events) {
    for (const reader of READERS) {
      const value = readOne(reader, event)
      if (value === undefined) continue
      if (typeof value === 'number' && !Number.isFinite(value)) continue
      const text = sdeValueText(value)
      if (text === '') continue
      // Case does not tell values apart (SQLite's NOCASE: ASCII letters), as the filter matches.
      const key = `${reader.path}\u0000${text.replace(/[A-Z]+/g, (s) => s.toLowerCase())}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ path: reader.path, text, number: typeof value === 'number' ? value : null })
    }
  }
  return out
}
