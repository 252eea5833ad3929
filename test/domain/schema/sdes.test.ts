import { describe, expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'
import { normalizeSdeEvent } from '@/domain/schema/sdes'
import type { SdeEvent } from '@/domain/schema/sdes'
import { seedRecord, valueAt } from './seed'

function parse(raw: unknown) {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result
}

function events(record: ConversationRecord, section: 'sdes' | 'unAuthSdes'): SdeEvent[] {
  return record[section]?.events ?? []
}

function ofType<T extends SdeEvent['sdeType']>(list: SdeEvent[], type: T) {
  return list.filter((e): e is Extract<SdeEvent, { sdeType: T }> => e.sdeType === type)
}

describe('SDE normalisation on the seed', () => {
  const { record } = parse(seedRecord())
  const auth = events(record, 'sdes')
  const unAuth = events(record, 'unAuthSdes')

  test('all ten types come out of the seed, in wire order', () => {
    expect(auth.map((e) => e.sdeType)).toEqual(['CUSTOMER_INFO', 'PERSONAL_INFO'])
    expect(unAuth.map((e) => e.sdeType)).toEqual([
      'CART_STATUS',
      'MARKETING_CAMPAIGN_INFO',
      'CUSTOMER_INFO',
      'PERSONAL_INFO',
      'SEARCH_CONTENT',
      'VIEWED_PRODUCT',
      'VISITOR_ERROR',
      'LEAD',
      'PURCHASE',
      'SERVICE_ACTIVITY',
    ])
  })

  test('double-nested customerInfo and flat cartStatus come out in the same shape', () => {
    const customer = ofType(unAuth, 'CUSTOMER_INFO')[0]
    const cart = ofType(unAuth, 'CART_STATUS')[0]
    expect(Object.keys(customer ?? {}).sort()).toEqual(Object.keys(cart ?? {}).sort())
    expect(customer).toMatchObject({
      key: 'customerInfo',
      serverTimeStamp: 1528628536880,
      originalTimeStamp: 1528636540046,
      isAuthenticated: false,
    })
    expect(customer?.fields).toMatchObject({
      customerStatus: 'cancelled',
      balance: -400.99,
      companySize: 2222,
      lastPaymentDate: { year: 2014, month: 10, day: 15 },
      registrationDate: { year: 2013, month: 5, day: 23 },
      storeZipCode: '2342221',
    })
    // the envelope (timestamps, flag) is not repeated inside fields
    expect(customer?.fields).not.toHaveProperty('serverTimeStamp')
    expect(cart).toEqual({
      sdeType: 'CART_STATUS',
      key: 'cartStatus',
      serverTimeStamp: 1528628536879,
      originalTimeStamp: 1528636540046,
      isAuthenticated: false,
      fields: {
        total: 11.7,
        currency: 'USD',
        numItems: 6,
        products: [
          { quantity: 1, product: { name: 'prod1', category: 'category', sku: 'sku', price: 7.8 } },
        ],
      },
    })
  })

  test('isAuthenticated defaults to true in sdes and false in unAuthSdes', () => {
    expect(auth.every((e) => e.isAuthenticated)).toBe(true)
    expect(unAuth.every((e) => !e.isAuthenticated)).toBe(true)
  })

  test('personal info: contacts normalised and age numbers from strings', () => {
    const person = ofType(unAuth, 'PERSONAL_INFO')[0]
    expect(person?.fields.customerAge).toEqual({
      customerAgeInYears: 34,
      customerYearOfBirth: 1980,
      customerMonthOfBirth: 4,
      customerDateOfBirth: 15,
    })
    expect(person?.fields.contacts).toEqual([
      { personalContact: { email: 'myname@example.com', phone: '+1 212-788-8877' } },
    ])
  })

  test('null values are absent: lead currency, visitor error level, empty purchase cart', () => {
    expect(ofType(unAuth, 'LEAD')[0]?.fields).toEqual({
      topic: 'luxury car test drive 2015',
      value: 22.22,
      leadId: 'xyz123',
    })
    expect(ofType(unAuth, 'VISITOR_ERROR')[0]?.fields).toEqual({
      contextId: 'contextId',
      message: 'Expiration date missing',
      code: 'er100004',
    })
    expect(ofType(unAuth, 'PURCHASE')[0]?.fields).toEqual({
      total: 78,
      orderId: 'Test123',
      cart: { products: [] },
    })
  })

  test('other typed fields: originatingChannel, keywords, viewed products, service status', () => {
    expect(ofType(unAuth, 'MARKETING_CAMPAIGN_INFO')[0]?.fields.originatingChannel).toBe(1)
    expect(ofType(unAuth, 'SEARCH_CONTENT')[0]?.fields.keywords).toEqual(['word'])
    expect(ofType(unAuth, 'VIEWED_PRODUCT')[0]?.fields.products?.[0]).toEqual({
      quantity: 3,
      product: { name: 'red high heel shoe', category: 'women shoes', sku: 'xyz567', price: 77.8 },
    })
    expect(ofType(unAuth, 'SERVICE_ACTIVITY')[0]?.fields.status).toBe(0)
  })
})

describe('SDE tolerance', () => {
  test('exact duplicate events are removed, a changed payload is kept', () => {
    const cart = valueAt(seedRecord(), 'unAuthSdes.events[0]')
    const changed = seedRecord({ 'unAuthSdes.events[0].cartStatus.total': '12.5' })
    const raw = seedRecord({
      'unAuthSdes.events[10]': cart,
      'unAuthSdes.events[11]': structuredClone(cart),
      'unAuthSdes.events[12]': valueAt(changed, 'unAuthSdes.events[0]'),
    })
    const carts = events(parse(raw).record, 'unAuthSdes').filter((e) => e.sdeType === 'CART_STATUS')
    expect(carts.map((e) => (e.sdeType === 'CART_STATUS' ? e.fields.total : null))).toEqual([
      11.7, 12.5,
    ])
  })

  test('an event saying isAuthenticated: false inside sdes keeps false', () => {
    const raw = seedRecord({ 'sdes.events[0].isAuthenticated': false })
    expect(events(parse(raw).record, 'sdes')[0]?.isAuthenticated).toBe(false)
  })

  test('a flat customerInfo (no double nesting) gives the same fields as a nested one', () => {
    const nested = normalizeSdeEvent(
      {
        sdeType: 'CUSTOMER_INFO',
        serverTimeStamp: '1',
        customerInfo: { serverTimeStamp: '1', customerInfo: { balance: '5', customerId: 'c' } },
      },
      true,
    )
    const flat = normalizeSdeEvent(
      {
        sdeType: 'CUSTOMER_INFO',
        serverTimeStamp: 1,
        customerInfo: { serverTimeStamp: '1', balance: 5, customerId: 'c' },
      },
      true,
    )
    expect(nested).toEqual(flat)
    expect(nested).toMatchObject({ ok: true, event: { fields: { balance: 5, customerId: 'c' } } })
  })

  test('a missing sdeType is found from the payload key; bare contacts and products are wrapped', () => {
    const person = normalizeSdeEvent(
      { personalInfo: { personalInfo: { contacts: [{ email: 'a@b.test', phone: '1' }] } } },
      false,
    )
    expect(person).toMatchObject({
      ok: true,
      event: {
        sdeType: 'PERSONAL_INFO',
        fields: { contacts: [{ personalContact: { email: 'a@b.test', phone: '1' } }] },
      },
    })
    const viewed = normalizeSdeEvent(
      { sdeType: 'VIEWED_PRODUCT', viewedProduct: { products: [{ sku: 's', price: '2' }] } },
      false,
    )
    expect(viewed).toMatchObject({
      ok: true,
      event: { fields: { products: [{ product: { sku: 's', price: 2 } }] } },
    })
  })

  test('a broken event is dropped with a warning naming it; the other events stay', () => {
    const raw = seedRecord({
      'unAuthSdes.events[0].cartStatus.total': 'lots',
      'unAuthSdes.events[10]': { sdeType: 'HOLIDAY_PLANS', holidayPlans: {} },
    })
    const { record, warnings } = parse(raw)
    expect(warnings).toEqual([
      {
        section: 'unAuthSdes.events[0]',
        message: 'total: expected a number, got "lots" (event dropped)',
      },
      {
        section: 'unAuthSdes.events[10]',
        message: 'unknown sdeType "HOLIDAY_PLANS" (event dropped)',
      },
    ])
    expect(events(record, 'unAuthSdes')).toHaveLength(9)
    expect(events(record, 'sdes')).toHaveLength(2)
  })

  test('an event without its payload is reported', () => {
    expect(normalizeSdeEvent({ sdeType: 'LEAD', serverTimeStamp: '1' }, false)).toEqual({
      ok: false,
      message: 'LEAD event has no "lead" payload',
    })
  })
})
