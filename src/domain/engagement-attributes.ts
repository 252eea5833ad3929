import { isPlainObject } from '@/domain/schema/coerce'
import type { ConversationRecord } from '@/domain/schema/record'
import type { SdeEvent, SdeType } from '@/domain/schema/sdes'

/**
 * Engagement attributes (SDEs) as the detail page shows them: the events of `sdes` and
 * `unAuthSdes` grouped by type in a fixed order, newest first, each event turned into a list of
 * typed field descriptors so that rendering is mechanical (one component per `kind`).
 */

/** The ten groups, in the order the page shows them (the app's vocabulary gives their headings). */
export const ENGAGEMENT_ATTRIBUTE_GROUPS: readonly SdeType[] = [
  'CUSTOMER_INFO',
  'PERSONAL_INFO',
  'CART_STATUS',
  'PURCHASE',
  'MARKETING_CAMPAIGN_INFO',
  'SEARCH_CONTENT',
  'VIEWED_PRODUCT',
  'VISITOR_ERROR',
  'LEAD',
  'SERVICE_ACTIVITY',
]

export interface SdeProductRow {
  quantity?: number
  name?: string
  category?: string
  sku?: string
  price?: number
  statusInStock?: string
  quantityInStock?: number
}

export interface SdeContactRow {
  email?: string
  phone?: string
  /** Country, region and ZIP code joined with commas. */
  address?: string
}

/** One value, by what it is. Amounts carry the event's currency code when it has one. */
export type SdeValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'amount'; value: number; currency?: string }
  /** `{year, month, day}`; `text` is ISO-like: `2014-10-15`, `2014-10` or `2014`. */
  | { kind: 'date'; text: string; year?: number; month?: number; day?: number }
  | { kind: 'products'; rows: SdeProductRow[]; currency?: string }
  | { kind: 'keywords'; keywords: string[] }
  | { kind: 'contacts'; contacts: SdeContactRow[] }
  /** A nested block (the purchase's cart). */
  | { kind: 'fields'; fields: SdeField[] }

export interface SdeField {
  /**
   * The wire key (`lastPaymentDate`), or a derived one (`customerAge.dateOfBirth`, and
   * `cart.total` inside a purchase's cart); the app's vocabulary names it.
   */
  key: string
  value: SdeValue
}

export interface EngagementAttributeEvent {
  /** Stable within one record: `CART_STATUS-2`. */
  id: string
  sdeType: SdeType
  isAuthenticated: boolean
  /** When it was processed (falls back to when it was created), epoch ms. */
  time?: number
  serverTimeStamp?: number
  originalTimeStamp?: number
  fields: SdeField[]
}

export interface EngagementAttributeGroup {
  sdeType: SdeType
  /** Newest first. */
  events: EngagementAttributeEvent[]
}

type FieldKind =
  | 'text'
  | 'number'
  | 'boolean'
  | 'amount'
  | 'date'
  | 'products'
  | 'keywords'
  | 'contacts'
  | 'age'
  | 'cart'

interface FieldSpec {
  key: string
  kind: FieldKind
}

const spec = (key: string, kind: FieldKind = 'text'): FieldSpec => ({ key, kind })

/** Known fields per type, in display order. `currency` is folded into the amounts. */
const FIELD_SPECS: Readonly<Record<SdeType, readonly FieldSpec[]>> = {
  CUSTOMER_INFO: [
    spec('customerId'),
    spec('userName'),
    spec('accountName'),
    spec('customerStatus'),
    spec('customerType'),
    spec('balance', 'amount'),
    spec('lastPaymentDate', 'date'),
    spec('registrationDate', 'date'),
    spec('loginStatus', 'number'),
    spec('role'),
    spec('companySize', 'number'),
    spec('companyBranch'),
    spec('storeNumber'),
    spec('storeZipCode'),
    spec('socialId'),
    spec('imei'),
  ],
  PERSONAL_INFO: [
    spec('name'),
    spec('surname'),
    spec('gender'),
    spec('company'),
    spec('language'),
    spec('customerAge', 'age'),
    spec('email'),
    spec('phone'),
    spec('contacts', 'contacts'),
  ],
  CART_STATUS: [spec('total', 'amount'), spec('numItems', 'number'), spec('products', 'products')],
  PURCHASE: [spec('orderId'), spec('total', 'amount'), spec('cart', 'cart')],
  MARKETING_CAMPAIGN_INFO: [
    spec('campaignId'),
    spec('affiliate'),
    spec('originatingChannel', 'number'),
  ],
  SEARCH_CONTENT: [spec('keywords', 'keywords')],
  VIEWED_PRODUCT: [spec('products', 'products')],
  VISITOR_ERROR: [
    spec('message'),
    spec('code'),
    spec('level', 'number'),
    spec('resolved', 'boolean'),
    spec('contextId'),
  ],
  LEAD: [spec('topic'), spec('value', 'amount'), spec('leadId')],
  SERVICE_ACTIVITY: [spec('topic'), spec('category'), spec('status', 'number'), spec('serviceId')],
}

const CART_SPECS: readonly FieldSpec[] = [
  spec('total', 'amount'),
  spec('numItems', 'number'),
  spec('products', 'products'),
]

/** Keys that are the event's envelope, not its payload. */
const ENVELOPE = new Set(['serverTimeStamp', 'originalTimeStamp', 'isAuthenticated'])

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function pad(n: number, width: number): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0')
}

/** A date value from year/month/day, or undefined when there is not even a year or a month. */
export function sdeDate(year?: number, month?: number, day?: number): SdeValue | undefined {
  if (year === undefined && month === undefined && day === undefined) return undefined
  const parts: string[] = [year === undefined ? '????' : pad(year, 4)]
  if (month !== undefined) parts.push(pad(month, 2))
  if (month !== undefined && day !== undefined) parts.push(pad(day, 2))
  else if (day !== undefined) parts.push('??', pad(day, 2))
  const value: SdeValue = { kind: 'date', text: parts.join('-') }
  if (year !== undefined) value.year = year
  if (month !== undefined) value.month = month
  if (day !== undefined) value.day = day
  return value
}

function dateValue(raw: unknown): SdeValue | undefined {
  if (!isPlainObject(raw)) return undefined
  return sdeDate(num(raw.year), num(raw.month), num(raw.day))
}

function productRows(raw: unknown): SdeProductRow[] {
  if (!Array.isArray(raw)) return []
  const rows: SdeProductRow[] = []
  for (const item of raw) {
    if (!isPlainObject(item)) continue
    const product = isPlainObject(item.product) ? item.product : {}
    const row: SdeProductRow = {}
    const quantity = num(item.quantity)
    if (quantity !== undefined) row.quantity = quantity
    const name = str(product.name)
    if (name !== undefined) row.name = name
    const category = str(product.category)
    if (category !== undefined) row.category = category
    const sku = str(product.sku)
    if (sku !== undefined) row.sku = sku
    const price = num(product.price)
    if (price !== undefined) row.price = price
    const statusInStock = str(product.statusInStock)
    if (statusInStock !== undefined) row.statusInStock = statusInStock
    const quantityInStock = num(product.quantityInStock)
    if (quantityInStock !== undefined) row.quantityInStock = quantityInStock
    if (Object.keys(row).length > 0) rows.push(row)
  }
  return rows
}

function contactRows(raw: unknown): SdeContactRow[] {
  if (!Array.isArray(raw)) return []
  const rows: SdeContactRow[] = []
  for (const item of raw) {
    if (!isPlainObject(item) || !isPlainObject(item.personalContact)) continue
    const contact = item.personalContact
    const row: SdeContactRow = {}
    const email = str(contact.email)
    if (email !== undefined) row.email = email
    const phone = str(contact.phone)
    if (phone !== undefined) row.phone = phone
    if (isPlainObject(contact.address)) {
      const address = [contact.address.country, contact.address.region, contact.address.zipCode]
        .map(str)
        .filter((part) => part !== undefined)
        .join(', ')
      if (address) row.address = address
    }
    if (Object.keys(row).length > 0) rows.push(row)
  }
  return rows
}

/** A value of a field this code does not know (the schema keeps unknown keys): shown as is. */
function unknownValue(raw: unknown): SdeValue | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw === 'string') return raw === '' ? undefined : { kind: 'text', text: raw }
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { kind: 'number', value: raw } : undefined
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw }
  if (Array.isArray(raw) && raw.length > 0 && raw.every((item) => typeof item === 'string')) {
    return { kind: 'keywords', keywords: raw.filter((item) => item !== '') }
  }
  let text: string | undefined
  try {
    text = JSON.stringify(raw)
  } catch {
    // a RangeError: nested deeper than JSON.stringify can follow
    return { kind: 'text', text: '(nested too deeply to show)' }
  }
  return text === undefined || text === '{}' || text === '[]' ? undefined : { kind: 'text', text }
}

function describe(
  payload: Record<string, unknown>,
  specs: readonly FieldSpec[],
  inheritedCurrency?: string,
): SdeField[] {
  const currency = str(payload.currency) ?? inheritedCurrency
  const fields: SdeField[] = []
  const known = new Set(specs.map((s) => s.key))
  let currencyUsed = false

  for (const { key, kind } of specs) {
    const raw = payload[key]
    switch (kind) {
      case 'text': {
        const text = str(raw)
        if (text !== undefined) fields.push({ key, value: { kind: 'text', text } })
        break
      }
      case 'number': {
        const value = num(raw)
        if (value !== undefined) fields.push({ key, value: { kind: 'number', value } })
        break
      }
      case 'boolean':
        if (typeof raw === 'boolean') fields.push({ key, value: { kind: 'boolean', value: raw } })
        break
      case 'amount': {
        const value = num(raw)
        if (value === undefined) break
        fields.push({
          key,
          value:
            currency === undefined
              ? { kind: 'amount', value }
              : { kind: 'amount', value, currency },
        })
        currencyUsed = true
        break
      }
      case 'date': {
        const value = dateValue(raw)
        if (value) fields.push({ key, value })
        break
      }
      case 'products': {
        const rows = productRows(raw)
        if (rows.length === 0) break
        fields.push({
          key,
          value:
            currency === undefined
              ? { kind: 'products', rows }
              : { kind: 'products', rows, currency },
        })
        currencyUsed = true
        break
      }
      case 'keywords': {
        const keywords = Array.isArray(raw) ? raw.map(str).filter((k) => k !== undefined) : []
        if (keywords.length > 0) fields.push({ key, value: { kind: 'keywords', keywords } })
        break
      }
      case 'contacts': {
        const contacts = contactRows(raw)
        if (contacts.length > 0) fields.push({ key, value: { kind: 'contacts', contacts } })
        break
      }
      case 'age': {
        if (!isPlainObject(raw)) break
        const years = num(raw.customerAgeInYears)
        if (years !== undefined)
          fields.push({ key: `${key}.years`, value: { kind: 'number', value: years } })
        const born = sdeDate(
          num(raw.customerYearOfBirth),
          num(raw.customerMonthOfBirth),
          num(raw.customerDateOfBirth),
        )
        if (born) fields.push({ key: `${key}.dateOfBirth`, value: born })
        break
      }
      case 'cart': {
        if (!isPlainObject(raw)) break
        // The cart's own fields are named as the cart's (`cart.total`: "Cart total").
        const nested = describe(raw, CART_SPECS, currency).map((field) => ({
          ...field,
          key: `${key}.${field.key}`,
        }))
        if (nested.length > 0) fields.push({ key, value: { kind: 'fields', fields: nested } })
        break
      }
    }
  }

  for (const [key, raw] of Object.entries(payload)) {
    if (known.has(key) || ENVELOPE.has(key)) continue
    if (key === 'currency' && (currencyUsed || str(raw) === undefined)) continue
    const value = unknownValue(raw)
    if (value) fields.push({ key, value })
  }
  return fields
}

/** One event's fields as typed descriptors, known fields first in a fixed order. */
export function describeSdeEvent(event: SdeEvent): SdeField[] {
  const payload: Record<string, unknown> = event.fields
  return describe(payload, FIELD_SPECS[event.sdeType])
}

function eventTime(event: SdeEvent): number | undefined {
  return event.serverTimeStamp ?? event.originalTimeStamp
}

/**
 * The record's engagement attributes in the page's ten groups (only the groups that have
 * events), each newest first; events without a time keep their order after the timed ones.
 */
export function engagementAttributeGroups(record: ConversationRecord): EngagementAttributeGroup[] {
  const all: SdeEvent[] = [...(record.sdes?.events ?? []), ...(record.unAuthSdes?.events ?? [])]
  const groups: EngagementAttributeGroup[] = []
  for (const sdeType of ENGAGEMENT_ATTRIBUTE_GROUPS) {
    const ofType = all
      .filter((event) => event.sdeType === sdeType)
      .map((event, index) => ({ event, index, time: eventTime(event) }))
      .sort((a, b) => {
        if (a.time !== undefined && b.time !== undefined && a.time !== b.time)
          return b.time - a.time
        if (a.time === undefined && b.time !== undefined) return 1
        if (a.time !== undefined && b.time === undefined) return -1
        return a.index - b.index
      })
    if (ofType.length === 0) continue
    groups.push({
      sdeType,
      events: ofType.map(({ event, time }, index) => {
        const out: EngagementAttributeEvent = {
          id: `${sdeType}-${String(index)}`,
          sdeType,
          isAuthenticated: event.isAuthenticated,
          fields: describeSdeEvent(event),
        }
        if (time !== undefined) out.time = time
        if (event.serverTimeStamp !== undefined) out.serverTimeStamp = event.serverTimeStamp
        if (event.originalTimeStamp !== undefined) out.originalTimeStamp = event.originalTimeStamp
        return out
      }),
    })
  }
  return groups
}

/** How many events the record has across all groups (for the panel's tab label). */
export function engagementAttributeCount(record: ConversationRecord): number {
  return (record.sdes?.events.length ?? 0) + (record.unAuthSdes?.events.length ?? 0)
}
