import { z } from 'zod'
import { parseFast } from '@/domain/schema/fast-path-switch'
import {
  cleanArray,
  cleanObject,
  describeValue,
  formatIssues,
  isAbsent,
  isPlainObject,
  optBoolean,
  optNumber,
  optString,
  optStringArray,
  optText,
  MAX_EPOCH_MS,
  toNumber,
} from '@/domain/schema/coerce'

/**
 * Engagement attributes (SDEs), from `sdes.events` (authenticated) and `unAuthSdes.events`.
 *
 * On the wire an event is `{ <key>: {…}, sdeType, serverTimeStamp, [isAuthenticated] }`, where
 * some types nest the payload twice (`customerInfo.customerInfo{…}`) and others once
 * (`cartStatus{…}`), and v1 (and often v2) sends numbers as strings. Every event normalises to
 * one shape, {@link SdeEvent}: `{ sdeType, key, serverTimeStamp?, originalTimeStamp?,
 * isAuthenticated, fields }` with `fields` typed per `sdeType`.
 */

/** The ten SDE types and the key their payload sits under. */
export const SDE_KEYS = {
  CUSTOMER_INFO: 'customerInfo',
  PERSONAL_INFO: 'personalInfo',
  CART_STATUS: 'cartStatus',
  PURCHASE: 'purchase',
  MARKETING_CAMPAIGN_INFO: 'marketingCampaignInfo',
  SEARCH_CONTENT: 'searchContent',
  VIEWED_PRODUCT: 'viewedProduct',
  VISITOR_ERROR: 'visitorError',
  LEAD: 'lead',
  SERVICE_ACTIVITY: 'serviceActivity',
} as const

export type SdeType = keyof typeof SDE_KEYS
export type SdeKey = (typeof SDE_KEYS)[SdeType]

export const SDE_TYPES = Object.keys(SDE_KEYS).filter(isSdeType)

export function isSdeType(value: unknown): value is SdeType {
  return typeof value === 'string' && Object.hasOwn(SDE_KEYS, value)
}

/** A `{ year, month, day }` date (last payment, registration), numbers from strings. */
export const sdeDateSchema = cleanObject({ year: optNumber, month: optNumber, day: optNumber })

export const sdeProductSchema = cleanObject({
  name: optText,
  category: optString,
  sku: optString,
  price: optNumber,
  statusInStock: optString,
  quantityInStock: optNumber,
})

/** A products[] item: `{ quantity, product{…} }`; a bare product (no wrapper) is wrapped. */
export const sdeProductItemSchema = cleanObject(
  { quantity: optNumber, product: sdeProductSchema.optional() },
  undefined,
  (value) =>
    isPlainObject(value) && !('product' in value) && ('sku' in value || 'name' in value)
      ? { product: value }
      : value,
)

export const sdeAddressSchema = cleanObject({
  country: optString,
  region: optString,
  zipCode: optString,
})

export const sdePersonalContactSchema = cleanObject({
  email: optString,
  phone: optString,
  address: sdeAddressSchema.optional(),
})

/** A contacts[] item: `{ personalContact{email, phone, address?} }`; a bare contact is wrapped. */
export const sdeContactSchema = cleanObject(
  { personalContact: sdePersonalContactSchema.optional() },
  undefined,
  (value) =>
    isPlainObject(value) && !('personalContact' in value) ? { personalContact: value } : value,
)

export const customerInfoFieldsSchema = cleanObject({
  customerStatus: optString,
  customerType: optString,
  balance: optNumber,
  currency: optString,
  customerId: optString,
  socialId: optString,
  imei: optString,
  userName: optString,
  accountName: optString,
  role: optString,
  lastPaymentDate: sdeDateSchema.optional(),
  registrationDate: sdeDateSchema.optional(),
  companySize: optNumber,
  companyBranch: optString,
  storeZipCode: optString,
  storeNumber: optString,
  loginStatus: optNumber,
})

export const customerAgeSchema = cleanObject({
  customerAgeInYears: optNumber,
  customerYearOfBirth: optNumber,
  customerMonthOfBirth: optNumber,
  customerDateOfBirth: optNumber,
})

export const personalInfoFieldsSchema = cleanObject({
  name: optString,
  surname: optString,
  gender: optString,
  company: optString,
  customerAge: customerAgeSchema.optional(),
  contacts: cleanArray(sdeContactSchema).optional(),
  email: optString,
  phone: optString,
  language: optString,
})

export const cartStatusFieldsSchema = cleanObject({
  total: optNumber,
  currency: optString,
  numItems: optNumber,
  products: cleanArray(sdeProductItemSchema).optional(),
})

export const purchaseCartSchema = cleanObject({
  total: optNumber,
  currency: optString,
  numItems: optNumber,
  products: cleanArray(sdeProductItemSchema).optional(),
  serverTimeStamp: optNumber,
})

export const purchaseFieldsSchema = cleanObject({
  total: optNumber,
  currency: optString,
  orderId: optString,
  cart: purchaseCartSchema.optional(),
})

export const marketingCampaignInfoFieldsSchema = cleanObject({
  originatingChannel: optNumber,
  affiliate: optString,
  campaignId: optString,
})

export const searchContentFieldsSchema = cleanObject({ keywords: optStringArray })

export const viewedProductFieldsSchema = cleanObject({
  currency: optString,
  products: cleanArray(sdeProductItemSchema).optional(),
})

export const visitorErrorFieldsSchema = cleanObject({
  contextId: optString,
  message: optText,
  code: optString,
  level: optNumber,
  resolved: optBoolean,
})

export const leadFieldsSchema = cleanObject({
  topic: optText,
  value: optNumber,
  currency: optString,
  leadId: optString,
})

export const serviceActivityFieldsSchema = cleanObject({
  topic: optText,
  status: optNumber,
  category: optString,
  serviceId: optString,
})

export type SdeDate = z.output<typeof sdeDateSchema>
export type SdeProductItem = z.output<typeof sdeProductItemSchema>
export type SdeContact = z.output<typeof sdeContactSchema>
export type CustomerInfoFields = z.output<typeof customerInfoFieldsSchema>
export type PersonalInfoFields = z.output<typeof personalInfoFieldsSchema>
export type CartStatusFields = z.output<typeof cartStatusFieldsSchema>
export type PurchaseFields = z.output<typeof purchaseFieldsSchema>
export type MarketingCampaignInfoFields = z.output<typeof marketingCampaignInfoFieldsSchema>
export type SearchContentFields = z.output<typeof searchContentFieldsSchema>
export type ViewedProductFields = z.output<typeof viewedProductFieldsSchema>
export type VisitorErrorFields = z.output<typeof visitorErrorFieldsSchema>
export type LeadFields = z.output<typeof leadFieldsSchema>
export type ServiceActivityFields = z.output<typeof serviceActivityFieldsSchema>

/** The typed payload of each SDE type. */
export interface SdeFieldsByType {
  CUSTOMER_INFO: CustomerInfoFields
  PERSONAL_INFO: PersonalInfoFields
  CART_STATUS: CartStatusFields
  PURCHASE: PurchaseFields
  MARKETING_CAMPAIGN_INFO: MarketingCampaignInfoFields
  SEARCH_CONTENT: SearchContentFields
  VIEWED_PRODUCT: ViewedProductFields
  VISITOR_ERROR: VisitorErrorFields
  LEAD: LeadFields
  SERVICE_ACTIVITY: ServiceActivityFields
}

interface SdeEventOf<T extends SdeType> {
  sdeType: T
  key: (typeof SDE_KEYS)[T]
  /** Processing time, epoch ms. */
  serverTimeStamp?: number
  /** Creation time, epoch ms. */
  originalTimeStamp?: number
  isAuthenticated: boolean
  fields: SdeFieldsByType[T]
}

/** One normalised engagement-attribute event; narrow on `sdeType` to get typed `fields`. */
export type SdeEvent = { [T in SdeType]: SdeEventOf<T> }[SdeType]

/** `sdes` / `unAuthSdes`: `{ events }`, duplicates removed. */
export interface SdeSection {
  events: SdeEvent[]
  [key: string]: unknown
}

const ENVELOPE_KEYS = new Set(['serverTimeStamp', 'originalTimeStamp', 'isAuthenticated'])

function withoutEnvelope(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in payload) if (!ENVELOPE_KEYS.has(key)) out[key] = payload[key]
  return out
}

function findSdeType(event: Record<string, unknown>): SdeType | undefined {
  if (isSdeType(event.sdeType)) return event.sdeType
  for (const type of SDE_TYPES) if (isPlainObject(event[SDE_KEYS[type]])) return type
  return undefined
}

type FieldsResult<T extends SdeType> = z.ZodSafeParseResult<SdeFieldsByType[T]>

function parseFields<T extends SdeType>(
  schema: z.ZodType<SdeFieldsByType[T]>,
  value: unknown,
): FieldsResult<T> {
  return parseFast(schema, value)
}

function eventOf<T extends SdeType>(
  sdeType: T,
  fields: SdeFieldsByType[T],
  meta: Omit<SdeEventOf<T>, 'sdeType' | 'key' | 'fields'>,
): SdeEventOf<T> {
  const event: SdeEventOf<T> = {
    sdeType,
    key: SDE_KEYS[sdeType],
    isAuthenticated: meta.isAuthenticated,
    fields,
  }
  if (meta.serverTimeStamp !== undefined) event.serverTimeStamp = meta.serverTimeStamp
  if (meta.originalTimeStamp !== undefined) event.originalTimeStamp = meta.originalTimeStamp
  return event
}

type Meta = Omit<SdeEventOf<SdeType>, 'sdeType' | 'key' | 'fields'>
type Built = { ok: true; event: SdeEvent } | { ok: false; message: string }

function build<T extends SdeType>(
  sdeType: T,
  schema: z.ZodType<SdeFieldsByType[T]>,
  raw: unknown,
  meta: Meta,
): { ok: true; event: SdeEventOf<T> } | { ok: false; message: string } {
  const result = parseFields<T>(schema, raw)
  if (!result.success) return { ok: false, message: formatIssues(result.error) }
  return { ok: true, event: eventOf(sdeType, result.data, meta) }
}

function buildEvent(sdeType: SdeType, raw: unknown, meta: Meta): Built {
  switch (sdeType) {
    case 'CUSTOMER_INFO':
      return build(sdeType, customerInfoFieldsSchema, raw, meta)
    case 'PERSONAL_INFO':
      return build(sdeType, personalInfoFieldsSchema, raw, meta)
    case 'CART_STATUS':
      return build(sdeType, cartStatusFieldsSchema, raw, meta)
    case 'PURCHASE':
      return build(sdeType, purchaseFieldsSchema, raw, meta)
    case 'MARKETING_CAMPAIGN_INFO':
      return build(sdeType, marketingCampaignInfoFieldsSchema, raw, meta)
    case 'SEARCH_CONTENT':
      return build(sdeType, searchContentFieldsSchema, raw, meta)
    case 'VIEWED_PRODUCT':
      return build(sdeType, viewedProductFieldsSchema, raw, meta)
    case 'VISITOR_ERROR':
      return build(sdeType, visitorErrorFieldsSchema, raw, meta)
    case 'LEAD':
      return build(sdeType, leadFieldsSchema, raw, meta)
    case 'SERVICE_ACTIVITY':
      return build(sdeType, serviceActivityFieldsSchema, raw, meta)
  }
}

function timeStamp(...candidates: unknown[]): number | undefined {
  for (const value of candidates) {
    if (isAbsent(value)) continue
    const n = toNumber(value)
    // A stamp no `Date` can hold is no time at all: the event shows without one.
    if (n !== undefined && n >= 0 && n <= MAX_EPOCH_MS) return n
  }
  return undefined
}

function authFlag(...candidates: unknown[]): boolean | undefined {
  for (const value of candidates) {
    if (typeof value === 'boolean') return value
    if (value === 'true') return true
    if (value === 'false') return false
  }
  return undefined
}

/**
 * Normalises one wire event (double-nested, flat, or already clean) to an {@link SdeEvent}.
 * `defaultAuthenticated` applies when the event does not say: true for `sdes`, false for
 * `unAuthSdes`.
 */
export function normalizeSdeEvent(raw: unknown, defaultAuthenticated: boolean): Built {
  if (!isPlainObject(raw))
    return { ok: false, message: `expected an event object, got ${describeValue(raw)}` }
  const sdeType = findSdeType(raw)
  if (!sdeType) {
    return {
      ok: false,
      message: isAbsent(raw.sdeType)
        ? 'event has no sdeType and no known payload key'
        : `unknown sdeType ${describeValue(raw.sdeType)}`,
    }
  }
  const key = SDE_KEYS[sdeType]
  const payload = isPlainObject(raw.fields) && !isPlainObject(raw[key]) ? raw.fields : raw[key]
  if (!isPlainObject(payload)) {
    return { ok: false, message: `${sdeType} event has no "${key}" payload` }
  }
  const inner = payload[key]
  const fields = isPlainObject(inner) ? inner : withoutEnvelope(payload)
  const meta: Meta = {
    isAuthenticated: authFlag(raw.isAuthenticated, payload.isAuthenticated) ?? defaultAuthenticated,
  }
  const server = timeStamp(raw.serverTimeStamp, payload.serverTimeStamp)
  const original = timeStamp(raw.originalTimeStamp, payload.originalTimeStamp)
  if (server !== undefined) meta.serverTimeStamp = server
  if (original !== undefined) meta.originalTimeStamp = original
  return buildEvent(sdeType, fields, meta)
}

/** A key that is equal for exact duplicates (same type, time stamps, flag and payload). */
export function sdeEventKey(event: SdeEvent): string | undefined {
  try {
    return JSON.stringify(event)
  } catch {
    // nested too deeply for JSON.stringify (a RangeError): never taken for a duplicate
    return undefined
  }
}

/** A zod schema for one event, for callers that want to validate a single event. */
export function sdeEventSchema(defaultAuthenticated: boolean) {
  return z.unknown().transform((value, ctx): SdeEvent => {
    const built = normalizeSdeEvent(value, defaultAuthenticated)
    if (built.ok) return built.event
    ctx.addIssue({ code: 'custom', message: built.message })
    return z.NEVER
  })
}

/**
 * Removes exact duplicate events (MI often returns the same event more than once), keeping the
 * first and the order. Only events that share a type and server time stamp are compared in full.
 */
export function dedupeSdeEvents(events: readonly SdeEvent[]): SdeEvent[] {
  const byStamp = new Map<string, SdeEvent[]>()
  const out: SdeEvent[] = []
  for (const event of events) {
    const stamp = `${event.sdeType}|${String(event.serverTimeStamp)}`
    const same = byStamp.get(stamp)
    if (!same) {
      byStamp.set(stamp, [event])
      out.push(event)
      continue
    }
    const key = sdeEventKey(event)
    if (key !== undefined && same.some((other) => sdeEventKey(other) === key)) continue
    same.push(event)
    out.push(event)
  }
  return out
}

/**
 * The whole `sdes` / `unAuthSdes` section, all-or-nothing (the record parser validates event by
 * event instead, so one bad event only drops that event). A bare array is read as the events.
 */
export function sdeSectionSchema(defaultAuthenticated: boolean): z.ZodType<SdeSection, unknown> {
  return z.preprocess(
    (value) => (Array.isArray(value) ? { events: value } : value),
    z
      .looseObject({ events: cleanArray(sdeEventSchema(defaultAuthenticated)).optional() })
      .transform((value): SdeSection => ({
        ...value,
        events: dedupeSdeEvents(value.events ?? []),
      })),
  )
}
