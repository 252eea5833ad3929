import { SDE_KEYS, SDE_TYPES, type SdeType } from '@/domain/schema/sdes'
import { PRODUCTS, type Product } from '@/server/demo/catalog'
import type { Consumer } from '@/server/demo/people'
import type { Rng } from '@/server/demo/prng'

/**
 * Engagement attributes (SDEs) in the wire shape: `{ <key>: {…}, sdeType, serverTimeStamp,
 * [isAuthenticated] }`. CUSTOMER_INFO, PERSONAL_INFO, MARKETING_CAMPAIGN_INFO, VISITOR_ERROR, LEAD
 * and SERVICE_ACTIVITY nest their fields twice (`customerInfo.customerInfo`); CART_STATUS,
 * PURCHASE, SEARCH_CONTENT and VIEWED_PRODUCT are flat. Values are typed (v2) except where the
 * event is built with `strings` on, which sends numbers as strings like the docs' own examples.
 */

export type { SdeType }

/** The ten types, in the domain's order (the generator's choices depend on it). */
export const ALL_SDE_TYPES: readonly SdeType[] = SDE_TYPES

const DOUBLE_NESTED = new Set<SdeType>([
  'CUSTOMER_INFO',
  'PERSONAL_INFO',
  'MARKETING_CAMPAIGN_INFO',
  'VISITOR_ERROR',
  'LEAD',
  'SERVICE_ACTIVITY',
])

export interface SdeContext {
  rng: Rng
  consumer: Consumer
  /** Numbers as strings (as in the docs' examples), else typed numbers. */
  strings: boolean
  order: string
  amount: number
  currency: string
  topicLabel: string
  ticket: string
  products: readonly Product[]
  searchTerms: readonly string[]
  errorCode: string
  /** Hostile samples: a `<script>` user name and company. */
  hostile?: boolean
  /** Overrides the VISITOR_ERROR message (the 50,000+ character hostile sample). */
  visitorErrorMessage?: string
}

function num(ctx: SdeContext, value: number): number | string {
  return ctx.strings ? String(value) : value
}

function money(ctx: SdeContext, value: number): number | string {
  const rounded = Math.round(value * 100) / 100
  return ctx.strings ? rounded.toFixed(2) : rounded
}

function fields(type: SdeType, ctx: SdeContext): Record<string, unknown> {
  const { rng, consumer } = ctx
  switch (type) {
    case 'CUSTOMER_INFO':
      return {
        customerStatus: consumer.vip
          ? 'vip'
          : rng.pick(['active', 'active', 'active', 'suspended', 'cancelled']),
        customerType: consumer.vip ? 'vip' : rng.pick(['residential', 'residential', 'business']),
        balance: money(ctx, rng.chance(0.2) ? -rng.float(5, 400) : rng.float(0, 250)),
        currency: ctx.currency,
        customerId: consumer.customerId,
        socialId: `fb-${consumer.participantId.slice(0, 8)}`,
        imei: `35${rng.digits(13)}`,
        userName: ctx.hostile ? '<script>alert("sde")</script>' : consumer.email.split('@')[0],
        accountName: `${consumer.lastName} household`,
        role: rng.pick(['Owner', 'Account holder', 'Authorized user']),
        lastPaymentDate: {
          year: num(ctx, 2026),
          month: num(ctx, rng.int(9, 11)),
          day: num(ctx, rng.int(1, 28)),
        },
        registrationDate: {
          year: num(ctx, rng.int(2012, 2025)),
          month: num(ctx, rng.int(1, 12)),
          day: num(ctx, rng.int(1, 28)),
        },
        companySize: num(ctx, rng.pick([1, 1, 1, 12, 250])),
        companyBranch: rng.pick(['North', 'South', 'Online']),
        storeZipCode: String(rng.int(10001, 98199)),
        storeNumber: `ST-${rng.int(100, 999)}`,
        loginStatus: num(ctx, consumer.authenticated ? 1 : 0),
      }
    case 'PERSONAL_INFO':
      return {
        name: consumer.firstName,
        surname: consumer.lastName,
        gender: consumer.gender,
        company: ctx.hostile
          ? 'Globex <script>alert(document.cookie)</script>'
          : rng.pick(['Self-employed', 'Globex Corporation', 'Initech', 'Umbrella Ltd']),
        language: consumer.spanish ? 'es-ES' : 'en-US',
        customerAge: {
          customerAgeInYears: num(ctx, 2026 - consumer.birthYear),
          customerYearOfBirth: num(ctx, consumer.birthYear),
          customerMonthOfBirth: num(ctx, rng.int(1, 12)),
          customerDateOfBirth: num(ctx, rng.int(1, 28)),
        },
        contacts: [
          {
            personalContact: {
              email: consumer.email,
              phone: consumer.phone,
              address: {
                country: consumer.place.countryCode,
                region: consumer.place.state,
                zipCode: String(rng.int(10001, 98199)),
              },
            },
          },
        ],
      }
    case 'CART_STATUS': {
      const lines = ctx.products
        .slice(0, 2)
        .map((p) => ({ quantity: num(ctx, rng.int(1, 2)), product: productFields(ctx, p) }))
      const total = ctx.products.slice(0, 2).reduce((s, p) => s + p.price, 0)
      return {
        total: money(ctx, total),
        currency: ctx.currency,
        numItems: num(ctx, lines.length),
        products: lines,
      }
    }
    case 'PURCHASE': {
      const p = ctx.products[0] ?? rng.pick(PRODUCTS)
      return {
        total: money(ctx, ctx.amount),
        currency: ctx.currency,
        orderId: ctx.order,
        cart: {
          total: money(ctx, ctx.amount),
          numItems: num(ctx, 1),
          products: [{ quantity: num(ctx, 1), product: productFields(ctx, p) }],
        },
      }
    }
    case 'MARKETING_CAMPAIGN_INFO':
      return {
        originatingChannel: num(ctx, rng.pick([1, 2, 3, 4])),
        affiliate: rng.pick(['Google Ads', 'Newsletter', 'Facebook', 'Partner site']),
        campaignId: rng.pick([
          'BLACKFRIDAY-2026',
          'FIBER-FALL-26',
          'SPRING-REFER',
          'RETARGET-CART',
        ]),
      }
    case 'SEARCH_CONTENT':
      return { keywords: ctx.searchTerms.slice() }
    case 'VIEWED_PRODUCT':
      return {
        currency: ctx.currency,
        products: ctx.products.slice(0, 2).map((p) => ({
          quantity: num(ctx, 1),
          product: {
            ...productFields(ctx, p),
            statusInStock: rng.pick(['IN_STOCK', 'IN_STOCK', 'LOW_STOCK']),
            quantityInStock: num(ctx, rng.int(0, 120)),
          },
        })),
      }
    case 'VISITOR_ERROR':
      return {
        contextId: `ctx-${rng.hex(8)}`,
        message:
          ctx.visitorErrorMessage ??
          rng.pick([
            'Card number is invalid',
            'Expiration date missing',
            'Session expired, please sign in again',
            'Address could not be verified',
          ]),
        code: ctx.errorCode,
        level: num(ctx, rng.int(1, 3)),
        resolved: rng.chance(0.4),
      }
    case 'LEAD':
      return {
        topic: rng.pick([
          'Fiber upgrade',
          'Business line quote',
          'Premium Unlimited trial',
          'Smartwatch bundle',
        ]),
        value: money(ctx, rng.float(20, 900)),
        currency: ctx.currency,
        leadId: `LEAD-${rng.digits(6)}`,
      }
    case 'SERVICE_ACTIVITY':
      return {
        topic: ctx.topicLabel,
        status: num(ctx, rng.int(0, 3)),
        category: rng.pick(['internet', 'billing', 'orders', 'account']),
        serviceId: ctx.ticket,
      }
  }
}

function productFields(ctx: SdeContext, p: Product): Record<string, unknown> {
  return { name: p.name, category: p.category, sku: p.sku, price: money(ctx, p.price) }
}

/** One wire-format SDE event. */
export function sdeEvent(
  type: SdeType,
  ctx: SdeContext,
  time: number,
  authenticated: boolean,
): Record<string, unknown> {
  const key = SDE_KEYS[type]
  const serverTimeStamp = String(time)
  const originalTimeStamp = String(time - ctx.rng.int(0, 4000))
  const payload: Record<string, unknown> = { serverTimeStamp, originalTimeStamp }
  if (!authenticated && DOUBLE_NESTED.has(type) && ctx.rng.chance(0.5))
    payload.isAuthenticated = false
  const inner = fields(type, ctx)
  if (DOUBLE_NESTED.has(type)) payload[key] = inner
  else Object.assign(payload, inner)
  const event: Record<string, unknown> = { [key]: payload, sdeType: type, serverTimeStamp }
  if (!authenticated) event.isAuthenticated = false
  return event
}
