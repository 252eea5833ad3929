import { expect, test } from 'vitest'
import {
  describeSdeEvent,
  engagementAttributeGroups,
  sdeDate,
} from '@/domain/engagement-attributes'
import type { EngagementAttributeGroup, SdeField } from '@/domain/engagement-attributes'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'
import { normalizeSdeEvent } from '@/domain/schema/sdes'
import { seedRecord } from './schema/seed'

function parse(raw: unknown): ConversationRecord {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.record
}

function seedGroups(): EngagementAttributeGroup[] {
  return engagementAttributeGroups(parse(seedRecord()))
}

function group(groups: EngagementAttributeGroup[], sdeType: string): EngagementAttributeGroup {
  const found = groups.find((g) => g.sdeType === sdeType)
  if (!found) throw new Error(`no group "${sdeType}"`)
  return found
}

function field(fields: SdeField[], key: string): SdeField['value'] {
  const found = fields.find((f) => f.key === key)
  if (!found) throw new Error(`no field "${key}" in ${fields.map((f) => f.key).join(', ')}`)
  return found.value
}

function fieldsOf(raw: unknown, authenticated = false): SdeField[] {
  const built = normalizeSdeEvent(raw, authenticated)
  if (!built.ok) throw new Error(built.message)
  return describeSdeEvent(built.event)
}

test('the seed example fills all ten groups, in the page order, by type (the vocabulary names them)', () => {
  expect(seedGroups().map((g) => g.sdeType)).toEqual([
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
  ])
})

test('authenticated (sdes) and unauthenticated (unAuthSdes) events of a type share a group, newest first', () => {
  const customer = group(seedGroups(), 'CUSTOMER_INFO')
  expect(customer.events.map((e) => [e.isAuthenticated, e.time])).toEqual([
    [false, 1528628536880],
    [true, 1497871291351],
  ])
  const [unauth, auth] = customer.events
  expect(field(auth?.fields ?? [], 'customerId')).toEqual({ kind: 'text', text: '12345678' })
  expect(field(unauth?.fields ?? [], 'customerId')).toEqual({ kind: 'text', text: 'customerId' })
})

test('double-nested customer info: dates become dates and the balance an amount in its currency', () => {
  const [latest] = group(seedGroups(), 'CUSTOMER_INFO').events
  const fields = latest?.fields ?? []
  expect(field(fields, 'balance')).toEqual({ kind: 'amount', value: -400.99, currency: 'USD' })
  expect(field(fields, 'lastPaymentDate')).toEqual({
    kind: 'date',
    text: '2014-10-15',
    year: 2014,
    month: 10,
    day: 15,
  })
  expect(field(fields, 'registrationDate')).toMatchObject({ kind: 'date', text: '2013-05-23' })
  expect(field(fields, 'companySize')).toEqual({ kind: 'number', value: 2222 })
  // The currency is shown with the balance, not as a field of its own.
  expect(fields.some((f) => f.key === 'currency')).toBe(false)
})

test('personal info: age, date of birth and contacts come out typed', () => {
  const [latest] = group(seedGroups(), 'PERSONAL_INFO').events
  const fields = latest?.fields ?? []
  expect(field(fields, 'name')).toEqual({ kind: 'text', text: 'John' })
  expect(field(fields, 'customerAge.years')).toEqual({ kind: 'number', value: 34 })
  expect(field(fields, 'customerAge.dateOfBirth')).toMatchObject({
    kind: 'date',
    text: '1980-04-15',
  })
  expect(field(fields, 'contacts')).toEqual({
    kind: 'contacts',
    contacts: [{ email: 'myname@example.com', phone: '+1 212-788-8877' }],
  })
})

test('flat cart status: numbers from strings, products as rows with the cart currency', () => {
  const [cart] = group(seedGroups(), 'CART_STATUS').events
  const fields = cart?.fields ?? []
  expect(field(fields, 'total')).toEqual({ kind: 'amount', value: 11.7, currency: 'USD' })
  expect(field(fields, 'numItems')).toEqual({ kind: 'number', value: 6 })
  expect(field(fields, 'products')).toEqual({
    kind: 'products',
    currency: 'USD',
    rows: [{ quantity: 1, name: 'prod1', category: 'category', sku: 'sku', price: 7.8 }],
  })
})

test('quirks: null currency, null level/resolved and an all-null cart are simply left out', () => {
  const groups = seedGroups()
  const purchase = group(groups, 'PURCHASE').events[0]?.fields ?? []
  expect(purchase.map((f) => f.key)).toEqual(['orderId', 'total'])
  expect(field(purchase, 'total')).toEqual({ kind: 'amount', value: 78 })

  const error = group(groups, 'VISITOR_ERROR').events[0]?.fields ?? []
  expect(error.map((f) => f.key)).toEqual(['message', 'code', 'contextId'])

  const lead = group(groups, 'LEAD').events[0]?.fields ?? []
  expect(field(lead, 'value')).toEqual({ kind: 'amount', value: 22.22 })
})

test('search keywords become a keyword list; the marketing channel and service status numbers', () => {
  const groups = seedGroups()
  expect(group(groups, 'SEARCH_CONTENT').events[0]?.fields).toEqual([
    { key: 'keywords', value: { kind: 'keywords', keywords: ['word'] } },
  ])
  const campaign = group(groups, 'MARKETING_CAMPAIGN_INFO').events[0]?.fields ?? []
  expect(field(campaign, 'originatingChannel')).toEqual({ kind: 'number', value: 1 })
  expect(field(campaign, 'affiliate')).toEqual({ kind: 'text', text: 'Yahoo' })
  const service = group(groups, 'SERVICE_ACTIVITY').events[0]?.fields ?? []
  expect(field(service, 'status')).toEqual({ kind: 'number', value: 0 })
})

test('a purchase with a filled cart shows the cart as a nested block with its products', () => {
  const fields = fieldsOf({
    sdeType: 'PURCHASE',
    serverTimeStamp: '1700000000000',
    purchase: {
      total: '120.5',
      currency: 'EUR',
      orderId: 'A-1',
      cart: {
        total: 120.5,
        numItems: 2,
        products: [{ quantity: 2, product: { name: 'Lamp', sku: 'L1', price: '60.25' } }],
      },
    },
  })
  expect(field(fields, 'cart')).toEqual({
    kind: 'fields',
    fields: [
      {
        key: 'cart.total',
        value: { kind: 'amount', value: 120.5, currency: 'EUR' },
      },
      { key: 'cart.numItems', value: { kind: 'number', value: 2 } },
      {
        key: 'cart.products',
        value: {
          kind: 'products',
          currency: 'EUR',
          rows: [{ quantity: 2, name: 'Lamp', sku: 'L1', price: 60.25 }],
        },
      },
    ],
  })
})

test('viewed products keep stock status and quantity in stock', () => {
  const fields = fieldsOf({
    sdeType: 'VIEWED_PRODUCT',
    viewedProduct: {
      currency: 'GBP',
      products: [
        { product: { name: 'Shoe', price: 10, statusInStock: 'IN_STOCK', quantityInStock: '4' } },
      ],
    },
  })
  expect(fields).toEqual([
    {
      key: 'products',
      value: {
        kind: 'products',
        currency: 'GBP',
        rows: [{ name: 'Shoe', price: 10, statusInStock: 'IN_STOCK', quantityInStock: 4 }],
      },
    },
  ])
})

test('a currency with nothing to qualify is shown on its own; unknown fields are kept under their own key', () => {
  const fields = fieldsOf({
    sdeType: 'LEAD',
    lead: { lead: { topic: 'Car', currency: 'USD', dealerNote: 'call after 5', rating: 4 } },
  })
  expect(fields).toEqual([
    { key: 'topic', value: { kind: 'text', text: 'Car' } },
    { key: 'currency', value: { kind: 'text', text: 'USD' } },
    { key: 'dealerNote', value: { kind: 'text', text: 'call after 5' } },
    { key: 'rating', value: { kind: 'number', value: 4 } },
  ])
})

test('a boolean from a string, an address joined, and a 50,000-character value kept whole', () => {
  const long = 'x'.repeat(50_000)
  const error = fieldsOf({
    sdeType: 'VISITOR_ERROR',
    visitorError: { visitorError: { resolved: 'true', message: long } },
  })
  expect(field(error, 'resolved')).toEqual({ kind: 'boolean', value: true })
  expect(field(error, 'message')).toEqual({ kind: 'text', text: long })

  const personal = fieldsOf({
    sdeType: 'PERSONAL_INFO',
    personalInfo: {
      personalInfo: {
        contacts: [
          { personalContact: { email: 'a@b.c', address: { country: 'US', zipCode: '10001' } } },
        ],
      },
    },
  })
  expect(field(personal, 'contacts')).toEqual({
    kind: 'contacts',
    contacts: [{ email: 'a@b.c', address: 'US, 10001' }],
  })
})

test('several events of one type are listed newest first; untimed ones last, in wire order', () => {
  const raw = seedRecord()
  raw.sdes = {
    events: [
      { sdeType: 'SEARCH_CONTENT', serverTimeStamp: '100', searchContent: { keywords: ['old'] } },
      { sdeType: 'SEARCH_CONTENT', searchContent: { keywords: ['untimed-1'] } },
      { sdeType: 'SEARCH_CONTENT', serverTimeStamp: '300', searchContent: { keywords: ['new'] } },
      { sdeType: 'SEARCH_CONTENT', searchContent: { keywords: ['untimed-2'] } },
      { sdeType: 'SEARCH_CONTENT', originalTimeStamp: '200', searchContent: { keywords: ['mid'] } },
    ],
  }
  delete raw.unAuthSdes
  const groups = engagementAttributeGroups(parse(raw))
  expect(groups.map((g) => g.sdeType)).toEqual(['SEARCH_CONTENT'])
  const keywords = groups[0]?.events.map((e) => {
    const value = e.fields[0]?.value
    return value?.kind === 'keywords' ? value.keywords[0] : undefined
  })
  expect(keywords).toEqual(['new', 'mid', 'old', 'untimed-1', 'untimed-2'])
  expect(groups[0]?.events.map((e) => e.isAuthenticated)).toEqual([true, true, true, true, true])
})

test('a record without engagement attributes has no groups', () => {
  const raw = seedRecord()
  delete raw.sdes
  delete raw.unAuthSdes
  expect(engagementAttributeGroups(parse(raw))).toEqual([])
})

test('partial dates read sensibly', () => {
  expect(sdeDate(2014)).toEqual({ kind: 'date', text: '2014', year: 2014 })
  expect(sdeDate(2014, 3)).toEqual({ kind: 'date', text: '2014-03', year: 2014, month: 3 })
  expect(sdeDate(undefined, 3, 9)).toEqual({ kind: 'date', text: '????-03-09', month: 3, day: 9 })
  expect(sdeDate()).toBeUndefined()
})
