import { PRODUCTS, type Product } from '@/server/demo/catalog'
import type { Json } from '@/server/demo/conversation-builder'
import type { ConversationPlan } from '@/server/demo/conversation-plan'
import { MINUTE } from '@/server/demo/lp-time'
import type { Vars } from '@/server/demo/message-wording'
import type { Rng } from '@/server/demo/prng'
import { ALL_SDE_TYPES, sdeEvent, type SdeContext, type SdeType } from '@/server/demo/sdes'

/** 50,000+ characters: a stack trace pasted into an engagement attribute. */
function hugeStackTrace(): string {
  const frame =
    '    at CheckoutForm.validate (https://www.acme.example/static/js/checkout.8f3a2c.js:1:48213)\n'
  let out = 'TypeError: Cannot read properties of undefined (reading "expiryMonth")\n'
  while (out.length < 50_500) out += frame
  return out
}

const TOPIC_SDES: Record<string, readonly SdeType[]> = {
  billing: ['CUSTOMER_INFO', 'SERVICE_ACTIVITY'],
  tech: ['SERVICE_ACTIVITY', 'VISITOR_ERROR', 'SEARCH_CONTENT'],
  shop: ['VIEWED_PRODUCT', 'CART_STATUS', 'LEAD', 'MARKETING_CAMPAIGN_INFO', 'SEARCH_CONTENT'],
  orders: ['PURCHASE', 'VIEWED_PRODUCT'],
  account: ['CUSTOMER_INFO', 'VISITOR_ERROR'],
}

const SEARCH_TERMS: Record<string, readonly string[]> = {
  billing: ['double charge', 'invoice', 'late fee', 'autopay'],
  tech: ['router blinking orange', 'internet down', 'slow wifi', 'error code'],
  shop: ['wireless headphones', 'smartwatch deal', 'premium unlimited plan'],
  orders: ['track order', 'return label', 'refund status'],
  account: ['reset password', 'change email', 'two factor'],
}

/**
 * The engagement attributes (SDEs) of one conversation, authenticated and unauthenticated: every
 * type for the showcase modes, a hostile set, or a likely mix for the topic and the consumer.
 */
export function buildSdes(
  plan: ConversationPlan,
  rng: Rng,
  v: Vars,
  product: Product,
): { auth: Json[]; unauth: Json[] } {
  const { consumer, topic } = plan
  const ctx: SdeContext = {
    rng,
    consumer,
    strings: rng.chance(0.35),
    order: v.order ?? '',
    amount: Number(v.amountValue ?? '0'),
    currency:
      consumer.place.countryCode === 'ES' || consumer.place.countryCode === 'DE'
        ? 'EUR'
        : consumer.place.countryCode === 'GB'
          ? 'GBP'
          : 'USD',
    topicLabel: topic.label,
    ticket: v.ticket ?? '',
    products: [
      product,
      ...rng.sample(
        PRODUCTS.filter((p) => p.sku !== product.sku),
        2,
      ),
    ],
    searchTerms: rng.sample(SEARCH_TERMS[topic.pages] ?? [], 2),
    errorCode: v.errorCode ?? 'E-1000',
    hostile: plan.hostile,
    visitorErrorMessage: plan.hostile ? hugeStackTrace() : undefined,
  }
  const at = (): number => plan.start - rng.int(5_000, 20 * MINUTE)
  const auth: Json[] = []
  const unauth: Json[] = []
  if (plan.sdeMode === 'allAuth' || plan.sdeMode === 'allUnauth') {
    const target = plan.sdeMode === 'allAuth' ? auth : unauth
    for (const type of ALL_SDE_TYPES)
      target.push(sdeEvent(type, ctx, at(), plan.sdeMode === 'allAuth'))
    if (plan.hostile) unauth.push(sdeEvent('VISITOR_ERROR', ctx, at(), false))
    return { auth, unauth }
  }
  if (plan.hostile) {
    auth.push(
      sdeEvent('CUSTOMER_INFO', ctx, at(), true),
      sdeEvent('PERSONAL_INFO', ctx, at(), true),
    )
    unauth.push(sdeEvent('VISITOR_ERROR', ctx, at(), false))
    return { auth, unauth }
  }
  const likely = TOPIC_SDES[topic.pages] ?? []
  if (consumer.authenticated) {
    if (rng.chance(0.75)) auth.push(sdeEvent('CUSTOMER_INFO', ctx, at(), true))
    if (rng.chance(0.55)) auth.push(sdeEvent('PERSONAL_INFO', ctx, at(), true))
    for (const type of likely) {
      if (type !== 'CUSTOMER_INFO' && rng.chance(0.35)) auth.push(sdeEvent(type, ctx, at(), true))
    }
    if (plan.source === 'SHARK' && rng.chance(0.25))
      unauth.push(sdeEvent('SEARCH_CONTENT', ctx, at(), false))
    // The API sometimes returns the same event twice.
    const dup = auth[0]
    if (dup && rng.chance(0.04)) auth.push(structuredClone(dup))
  } else {
    if (rng.chance(0.5)) unauth.push(sdeEvent('PERSONAL_INFO', ctx, at(), false))
    if (rng.chance(0.3)) unauth.push(sdeEvent('MARKETING_CAMPAIGN_INFO', ctx, at(), false))
    for (const type of likely) {
      if (rng.chance(0.4)) unauth.push(sdeEvent(type, ctx, at(), false))
    }
  }
  return { auth, unauth }
}
