import { PLANS, PRODUCTS, type Product } from '@/server/demo/catalog'
import { DAY } from '@/server/demo/lp-time'
import type { Consumer } from '@/server/demo/people'
import type { Rng } from '@/server/demo/prng'
import type { Topic } from '@/server/demo/topics'

/** Values for the `{placeholders}` of message templates, by placeholder name. */
export type Vars = Record<string, string>

/** Month abbreviations, January first. */
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]
const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL']
const STREETS = [
  '221 Maple Ave',
  '48 Harbor St',
  '1200 Pine Rd, Apt 4B',
  '9 Elm Court',
  '75 Sunset Blvd',
]

function shortDate(ms: number): string {
  const d = new Date(ms)
  return `${MONTHS[d.getUTCMonth()] ?? 'Jan'} ${d.getUTCDate()}`
}

/** A dollar amount as customers read it: `$12.50`. */
export function money(n: number): string {
  return `$${n.toFixed(2)}`
}

const TOPIC_PRODUCT: Partial<Record<string, string>> = {
  internetOutage: 'ORB-RT-X2',
  appCrash: 'VTX-PH-12',
}

/** The product a conversation is about: the topic's own device, or any product. */
export function productForTopic(rng: Rng, topic: Topic): Product {
  const sku = TOPIC_PRODUCT[topic.key]
  return PRODUCTS.find((p) => p.sku === sku) ?? rng.pick(PRODUCTS)
}

/** A fresh set of placeholder values (order, amounts, dates, device, ...) for one conversation. */
export function makeVars(rng: Rng, consumer: Consumer, start: number, product: Product): Vars {
  const amount = rng.float(19, 320)
  return {
    name: consumer.firstName,
    agent: '',
    dept: '',
    order: `A-${rng.digits(6)}`,
    amount: money(amount),
    amountValue: amount.toFixed(2),
    amount2: money(rng.float(5, 45)),
    product: product.name,
    invoice: `INV-2026-${rng.digits(5)}`,
    last4: String(rng.int(1000, 9999)),
    date: shortDate(start + rng.int(1, 6) * DAY),
    tracking: `1Z${rng.hex(6).toUpperCase()}${rng.digits(10)}`,
    carrier: rng.pick(CARRIERS),
    plan: rng.pick(PLANS).name,
    ticket: `TCK-${rng.digits(6)}`,
    errorCode: `E-${rng.int(1001, 1099)}`,
    device: product.name,
    email: consumer.email,
    phone: consumer.phone,
    zip: String(rng.int(10001, 98199)),
    city: consumer.place.city,
    street: rng.pick(STREETS),
    appVersion: rng.pick(['5.12.3', '5.12.1', '5.11.0']),
    days: '5–7 business days',
    discount: rng.pick(['15%', '20%', '25%']),
  }
}

const PLACEHOLDER = /\{(\w+)\}/
const compiledTemplates = new Map<string, readonly string[]>()

/**
 * Replaces `{key}` placeholders with `vars[key]` (unknown keys stay as written). Templates are
 * split once and cached: the same few hundred lines are filled millions of times.
 */
export function fill(template: string, vars: Vars): string {
  let parts = compiledTemplates.get(template)
  if (!parts) {
    // split with a capture group: literal, key, literal, key, …, literal
    parts = template.includes('{') ? template.split(PLACEHOLDER) : [template]
    if (compiledTemplates.size < 5_000) compiledTemplates.set(template, parts)
  }
  if (parts.length === 1) return template
  let out = parts[0] ?? ''
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] ?? ''
    out += (vars[key] ?? `{${key}}`) + (parts[i + 1] ?? '')
  }
  return out
}
