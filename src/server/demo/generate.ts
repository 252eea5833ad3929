import {
  CHANNEL_WEIGHTS,
  CHANNELS,
  pickClientProfile,
  supportsRichContent,
  type ChannelSource,
} from '@/server/demo/channels'
import type { TransferReason } from '@/server/demo/conversation-builder'
import {
  runConversation,
  type CloseKind,
  type ConversationPlan,
  type Feature,
} from '@/server/demo/conversation-script'
import { DAY, HOUR } from '@/server/demo/lp-time'
import { makeConsumer, type Consumer } from '@/server/demo/people'
import { mixSeed, Rng } from '@/server/demo/prng'
import { BOTS, type Agent } from '@/server/demo/roster'
import { SEED_EXAMPLE_RECORD } from '@/server/demo/seed-example'
import { topicByKey, TOPICS, type Topic, type TopicKey } from '@/server/demo/topics'

export { SEED_EXAMPLE_CONVERSATION_ID } from '@/server/demo/seed-example'

/**
 * Deterministic demo data: raw `conversationHistoryRecords[]` items exactly as the LivePerson
 * Messaging Interactions API returns them.
 *
 * - The first record is the documentation's example conversation (2016, verbatim).
 * - The other `count - 1` spread over the 30 days before `now` with a daily and weekly rhythm, in
 *   start-time order. Conversation `j` depends only on (seed, j, count, now) plus which pooled
 *   consumers were seen before it, so the lazy and the eager generator give identical records.
 * - A fixed set of "showcase" conversations, spread over the window, guarantees that every
 *   message type, Structured Content element and action, SDE type (both auth states), transfer
 *   reason, close reason and channel appears at least once, plus the hostile samples.
 * - 1 (count ≥ 20) or 3 (count ≥ 200) long conversations with 2,000+ messages.
 */

export interface DemoOptions {
  count: number
  /** Default 20261127. */
  seed?: number
  /** Epoch ms; default `Date.now()`. */
  now?: number
}

export const DEFAULT_DEMO_SEED = 20261127
const WINDOW_DAYS = 30

/** Conversation start-time weights by UTC hour (a US-centred business day). */
const HOUR_WEIGHTS = [
  0.55, 0.45, 0.35, 0.25, 0.18, 0.12, 0.1, 0.12, 0.18, 0.25, 0.35, 0.5, 0.7, 0.9, 1.0, 1.05, 1.05,
  1.0, 1.0, 0.95, 0.9, 0.85, 0.75, 0.65,
]
/** By UTC weekday, Sunday first. */
const DAY_WEIGHTS = [0.55, 1.15, 1.08, 1.05, 1.0, 0.9, 0.6]

/** Maps u ∈ [0, 1) to a start time, following the hourly/weekly rhythm over the window. */
function createStartSampler(now: number): (u: number) => number {
  const from = now - WINDOW_DAYS * DAY
  const buckets = WINDOW_DAYS * 24
  const cdf = new Float64Array(buckets)
  const weights = new Float64Array(buckets)
  let total = 0
  for (let i = 0; i < buckets; i++) {
    const mid = new Date(from + (i + 0.5) * HOUR)
    const w = (HOUR_WEIGHTS[mid.getUTCHours()] ?? 1) * (DAY_WEIGHTS[mid.getUTCDay()] ?? 1)
    weights[i] = w
    total += w
    cdf[i] = total
  }
  return (u: number) => {
    const target = u * total
    let lo = 0
    let hi = buckets - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cdf[mid] ?? 0) < target) lo = mid + 1
      else hi = mid
    }
    const before = lo > 0 ? (cdf[lo - 1] ?? 0) : 0
    const frac = (target - before) / (weights[lo] ?? 1)
    return Math.floor(from + (lo + Math.min(0.999, Math.max(0, frac))) * HOUR)
  }
}

interface Showcase {
  topic: TopicKey
  source: ChannelSource
  features: readonly Feature[]
  bot?: Agent
  closeKind?: CloseKind
  transfers?: readonly TransferReason[]
  sdeMode?: 'allAuth' | 'allUnauth'
  hostile?: boolean
  survey?: boolean
  agentSurvey?: boolean
  cobrowse?: 'web' | 'inApp'
}

/** Conversations that together cover every documented feature of the wire format. */
const SHOWCASES: readonly Showcase[] = [
  {
    topic: 'orderTracking',
    source: 'SHARK',
    bot: BOTS.orders,
    features: ['quickRepliesText'],
    closeKind: 'AGENT',
    survey: true,
  },
  {
    topic: 'planUpgrade',
    source: 'APP',
    features: ['planCarousel', 'accountTabs', 'quickRepliesRich'],
    closeKind: 'CONSUMER',
    survey: true,
    agentSurvey: true,
  },
  {
    topic: 'productInquiry',
    source: 'SHARK',
    features: ['productSelect', 'templateQuickReply'],
    sdeMode: 'allUnauth',
  },
  {
    topic: 'billingDispute',
    source: 'SHARK',
    features: ['invoiceAccordion', 'privateNote', 'html', 'hostedFile'],
    transfers: ['TakeOver'],
    survey: true,
    agentSurvey: true,
  },
  {
    topic: 'returnExchange',
    source: 'APP',
    features: ['returnChecklist', 'hostedFile'],
    transfers: ['Skill'],
    agentSurvey: true,
  },
  {
    topic: 'internetOutage',
    source: 'SHARK',
    features: ['appointment', 'confirmResolved', 'link', 'hostedFile'],
    transfers: ['Agent', 'back2Q'],
    cobrowse: 'web',
  },
  {
    topic: 'paymentMethod',
    source: 'APP',
    features: ['openInApp', 'secureForm', 'quickRepliesRich'],
    sdeMode: 'allAuth',
    survey: true,
  },
  {
    topic: 'addressChange',
    source: 'SHARK',
    bot: BOTS.ava,
    features: ['welcomeRtl', 'botMenuSc', 'helpArticle'],
    closeKind: 'AUTO_CLOSE',
  },
  {
    topic: 'damagedDelivery',
    source: 'WhatsApp Business',
    features: ['consumerImage'],
    transfers: ['SuggestedAgentTimeout'],
    closeKind: 'CONSUMER',
  },
  { topic: 'appCrash', source: 'SHARK', features: ['html'], hostile: true },
  {
    topic: 'spanishBilling',
    source: 'FACEBOOK',
    bot: BOTS.lucia,
    features: ['quickRepliesText'],
    survey: true,
  },
  { topic: 'orderTracking', source: 'SMS', features: [], closeKind: 'TIMEOUT' },
  {
    topic: 'appCrash',
    source: 'APP',
    features: ['consumerImage', 'privateNote'],
    cobrowse: 'inApp',
    agentSurvey: true,
  },
  {
    topic: 'vipConcierge',
    source: 'Apple Business Chat',
    features: ['privateNote', 'templateQuickReply', 'link'],
    survey: true,
  },
]

const LONG_TARGETS = [3000, 2400, 2100]
const LONG_SOURCES: readonly ChannelSource[] = ['SHARK', 'APP', 'WhatsApp Business']

interface Layout {
  showcase: Map<number, Showcase>
  long: Map<number, number>
}

/** Which ordinals (0-based among the generated conversations) are showcases or long ones. */
function planLayout(n: number, count: number): Layout {
  const showcase = new Map<number, Showcase>()
  const long = new Map<number, number>()
  const k = SHOWCASES.length
  let prev = -1
  SHOWCASES.forEach((s, i) => {
    let at = Math.floor(n * (0.05 + (0.8 * (i + 0.5)) / k))
    if (at <= prev) at = prev + 1
    if (at < n) {
      showcase.set(at, s)
      prev = at
    }
  })
  const longCount = count >= 200 ? 3 : count >= 20 ? 1 : 0
  const positions = longCount === 1 ? [0.3] : [0.12, 0.4, 0.66]
  for (let i = 0; i < longCount; i++) {
    let at = Math.floor(n * (positions[i] ?? 0.5))
    while ((showcase.has(at) || long.has(at)) && at < n - 1) at++
    long.set(at, LONG_TARGETS[i] ?? 2000)
  }
  return { showcase, long }
}

const TRANSFER_REASONS: readonly TransferReason[] = [
  'Skill',
  'Agent',
  'back2Q',
  'SuggestedAgentTimeout',
  'TakeOver',
]
const CLOSE_KINDS: readonly CloseKind[] = ['AGENT', 'CONSUMER', 'AUTO_CLOSE', 'TIMEOUT']

const TOPIC_RICH_FEATURES: Partial<Record<TopicKey, readonly Feature[]>> = {
  orderTracking: ['orderCard'],
  planUpgrade: ['planCarousel', 'accountTabs'],
  productInquiry: ['productSelect'],
  billingDispute: ['invoiceAccordion', 'accountTabs'],
  paymentMethod: ['openInApp'],
  returnExchange: ['returnChecklist'],
  refundRequest: ['returnChecklist'],
  internetOutage: ['appointment', 'confirmResolved', 'helpArticle'],
  appCrash: ['confirmResolved'],
  passwordReset: ['helpArticle'],
  vipConcierge: ['productSelect'],
}

interface GeneratorState {
  seed: number
  now: number
  n: number
  sampler: (u: number) => number
  layout: Layout
  poolSize: number
  spanishPoolSize: number
  seen: Set<string>
}

function pooledConsumer(
  state: GeneratorState,
  rng: Rng,
  spanish: boolean,
): { consumer: Consumer; key: string } {
  const size = spanish ? state.spanishPoolSize : state.poolSize
  const index = rng.int(0, size - 1)
  const consumerRng = new Rng(mixSeed(state.seed, spanish ? 0x5a5a : 0xc0ffee, index))
  return {
    consumer: makeConsumer(consumerRng, { spanish }),
    key: `${spanish ? 'es' : 'en'}:${index}`,
  }
}

function pickTopic(rng: Rng, consumer: Consumer): Topic {
  const weights = TOPICS.map((t) => {
    if (t.spanish) return consumer.spanish ? 60 : 0
    if (t.key === 'vipConcierge') return consumer.vip ? 25 : 0
    return t.weight
  })
  return rng.weighted(TOPICS, weights)
}

function openProbability(ageMs: number): number {
  if (ageMs < 6 * HOUR) return 0.95
  if (ageMs < DAY) return 0.8
  if (ageMs < 3 * DAY) return 0.5
  if (ageMs < 7 * DAY) return 0.16
  if (ageMs < 14 * DAY) return 0.04
  return 0
}

function planConversation(state: GeneratorState, j: number): { plan: ConversationPlan; rng: Rng } {
  const rng = new Rng(mixSeed(state.seed, j, 0x5eed))
  const showcase = state.layout.showcase.get(j)
  const longTarget = state.layout.long.get(j) ?? 0
  const start = Math.min(state.sampler((j + rng.next()) / state.n), state.now - 90_000)
  const conversationId = rng.uuid()

  let source: ChannelSource = showcase?.source ?? rng.weighted(CHANNELS, CHANNEL_WEIGHTS)
  if (longTarget > 0)
    source =
      LONG_SOURCES[state.layout.long.size > 1 ? [...state.layout.long.keys()].indexOf(j) : 0] ??
      'SHARK'

  // The consumer: a returning (pooled) customer, or a fresh anonymous web visitor.
  let consumer: Consumer
  let firstConversation: boolean
  const showcaseTopic = showcase
    ? topicByKey(showcase.topic)
    : longTarget > 0
      ? topicByKey('internetOutage')
      : undefined
  const wantsSpanish = showcaseTopic ? showcaseTopic.spanish === true : rng.chance(0.06)
  if (
    showcase?.sdeMode === 'allUnauth' ||
    (!showcaseTopic && source === 'SHARK' && rng.chance(0.28))
  ) {
    consumer = makeConsumer(new Rng(mixSeed(state.seed, j, 0xfeed)), {
      spanish: wantsSpanish,
      authenticated: false,
    })
    firstConversation = rng.chance(0.7)
  } else {
    const pooled = pooledConsumer(state, rng, wantsSpanish)
    consumer = pooled.consumer
    if (showcase?.sdeMode === 'allAuth' || showcase?.hostile)
      consumer = { ...consumer, authenticated: true }
    if (showcase?.topic === 'vipConcierge') consumer = { ...consumer, vip: true }
    firstConversation = !state.seen.has(pooled.key)
    state.seen.add(pooled.key)
  }
  const topic = showcaseTopic ?? pickTopic(rng, consumer)
  const client = pickClientProfile(rng, source)
  const rich = supportsRichContent(source)

  const forced = showcase !== undefined || longTarget > 0
  const open = !forced && rng.chance(openProbability(state.now - start))
  const botFirst = showcase
    ? showcase.bot !== undefined
    : longTarget === 0 && rng.chance(source === 'SMS' ? 0.2 : 0.42)
  const bot =
    showcase?.bot ??
    (topic.spanish
      ? BOTS.lucia
      : topic.key === 'orderTracking' && rng.chance(0.6)
        ? BOTS.orders
        : BOTS.ava)
  const botOnly =
    botFirst &&
    !forced &&
    rng.chance(topic.key === 'orderTracking' ? 0.45 : topic.key === 'passwordReset' ? 0.3 : 0.05)

  const features = new Set<Feature>(showcase?.features ?? [])
  if (!forced) {
    for (const f of TOPIC_RICH_FEATURES[topic.key] ?? [])
      if (rich && rng.chance(0.28)) features.add(f)
    if (rng.chance(0.14)) features.add('quickRepliesText')
    if (rng.chance(0.08)) features.add('html')
    if (rng.chance(0.07)) features.add('link')
    if (rng.chance(topic.key === 'paymentMethod' ? 0.4 : 0.02)) features.add('secureForm')
    if (rng.chance(0.06)) features.add('hostedFile')
    if (rng.chance(0.12)) features.add('privateNote')
    if (rng.chance(0.03)) features.add('consumerImage')
    if (rich && rng.chance(0.06)) features.add('templateQuickReply')
    if (rich && rng.chance(0.08)) features.add('quickRepliesRich')
    if (botFirst && source === 'SHARK' && rng.chance(0.12)) features.add('welcomeRtl')
    if (botFirst && rich && rng.chance(0.35)) features.add('botMenuSc')
  }

  const transfers: TransferReason[] = showcase?.transfers
    ? [...showcase.transfers]
    : longTarget > 0
      ? ['back2Q']
      : []
  if (!forced && rng.chance(0.16)) {
    transfers.push(rng.weighted(TRANSFER_REASONS, [35, 25, 15, 10, 15]))
    if (rng.chance(0.15)) transfers.push(rng.weighted(TRANSFER_REASONS, [50, 30, 20, 0, 0]))
  }

  const cobrowse =
    showcase?.cobrowse ??
    (!forced &&
    (source === 'SHARK' || source === 'APP') &&
    (topic.pages === 'tech' || topic.pages === 'account') &&
    rng.chance(0.1)
      ? source === 'SHARK'
        ? 'web'
        : 'inApp'
      : undefined)

  const plan: ConversationPlan = {
    conversationId,
    start,
    cutoff: state.now,
    topic,
    consumer,
    firstConversation,
    source,
    client,
    openAfter: open ? rng.int(1, 12) : undefined,
    bot: botFirst ? bot : undefined,
    botOnly,
    targetMessages: rng.int(6, 14) + rng.int(0, 14),
    closeKind:
      showcase?.closeKind ??
      (longTarget > 0 ? 'AGENT' : rng.weighted(CLOSE_KINDS, [55, 25, 16, 4])),
    transfers,
    features,
    survey: showcase?.survey ?? (longTarget === 0 && rng.chance(0.4)),
    agentSurvey: showcase?.agentSurvey ?? (longTarget > 0 || rng.chance(0.35)),
    summary: forced || rng.chance(0.65),
    cobrowse,
    longTarget,
    hostile: showcase?.hostile ?? false,
    sdeMode: showcase?.sdeMode ?? 'random',
    fallbackSkill: !forced && !botFirst && rng.chance(0.04),
    prompt: forced,
  }
  return { plan, rng }
}

function cloneSeedExample(): Record<string, unknown> {
  return structuredClone(SEED_EXAMPLE_RECORD)
}

/** The demo set, one record at a time (for large counts: nothing is held in memory). */
export function* generateDemoConversationsLazy(
  options: DemoOptions,
): Generator<Record<string, unknown>> {
  const count = Math.max(0, Math.floor(options.count))
  if (count === 0) return
  yield cloneSeedExample()
  const n = count - 1
  if (n === 0) return
  const now = options.now ?? Date.now()
  const state: GeneratorState = {
    seed: (options.seed ?? DEFAULT_DEMO_SEED) >>> 0,
    now,
    n,
    sampler: createStartSampler(now),
    layout: planLayout(n, count),
    poolSize: Math.max(8, Math.floor(n * 0.55)),
    spanishPoolSize: Math.max(3, Math.floor(n * 0.04)),
    seen: new Set(),
  }
  for (let j = 0; j < n; j++) {
    const { plan, rng } = planConversation(state, j)
    yield runConversation(plan, rng)
  }
}

/** The whole demo set as an array (same records, same order, as the lazy generator). */
export function generateDemoConversations(options: DemoOptions): Record<string, unknown>[] {
  return [...generateDemoConversationsLazy(options)]
}
