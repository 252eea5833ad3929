import type { Product } from '@/server/demo/catalog'
import { isAsyncChannel, supportsRichContent } from '@/server/demo/channels'
import {
  ConversationBuilder,
  type Json,
  type MessageType,
} from '@/server/demo/conversation-builder'
import type { ConversationPlan, Feature } from '@/server/demo/conversation-plan'
import { HOUR, MINUTE } from '@/server/demo/lp-time'
import { fill, makeVars, productForTopic, type Vars } from '@/server/demo/message-wording'
import type { Consumer } from '@/server/demo/people'
import type { Rng } from '@/server/demo/prng'
import { quickReplies, type ScOffer } from '@/server/demo/rich-content'
import type { Agent } from '@/server/demo/roster'
import type { Scenario, Topic } from '@/server/demo/topics'

/**
 * One conversation being played out: its plan, its random stream, the record builder and the
 * little state the phases share, plus the primitives every phase uses (timing, who says what).
 * The phases themselves (conversation-opening.ts, bot-leg.ts, agent-legs.ts, ...) are plain
 * functions of a `ScriptRun`. A class (not closures) so that generating 100,000 conversations
 * does not allocate dozens of functions per conversation.
 */
export class ScriptRun {
  readonly plan: ConversationPlan
  readonly rng: Rng
  readonly topic: Topic
  readonly scenario: Scenario
  readonly consumer: Consumer
  readonly spanish: boolean
  readonly async: boolean
  readonly rich: boolean
  readonly product: Product
  /** The `{placeholder}` values of this conversation's messages. */
  readonly v: Vars
  readonly b: ConversationBuilder
  /** Features already shown (each planned feature appears once). */
  readonly used = new Set<Feature>()
  readonly cobrowse: Json[] = []
  readonly externalConversationId: string
  /** False once the consumer said the issue is not resolved. */
  resolved = true
  /** The topic of the current cycle in a long conversation. */
  longTopic: Topic | undefined
  /** The bot's escalation metadata, carried to the first human agent's assignment. */
  escalationContext: Json | undefined

  constructor(plan: ConversationPlan, rng: Rng) {
    this.plan = plan
    this.rng = rng
    this.topic = plan.topic
    this.scenario = rng.pick(plan.topic.scenarios)
    this.consumer = plan.consumer
    this.spanish = plan.topic.spanish === true
    this.async = isAsyncChannel(plan.source) && !plan.prompt
    this.rich = supportsRichContent(plan.source)
    this.product = productForTopic(rng, plan.topic)
    this.v = makeVars(rng, plan.consumer, plan.start, this.product)
    this.b = new ConversationBuilder({
      rng,
      conversationId: plan.conversationId,
      consumer: plan.consumer,
      source: plan.source,
      device: plan.client.device,
      start: plan.start,
      cutoff: plan.cutoff,
    })
    if (plan.openAfter !== undefined) this.b.maxMessages = plan.openAfter
    this.externalConversationId = rng.uuid()
  }

  // --- features bookkeeping -----------------------------------------------------------------
  has(f: Feature): boolean {
    return this.plan.features.has(f) && !this.used.has(f)
  }

  use(f: Feature): boolean {
    if (!this.has(f)) return false
    this.used.add(f)
    return true
  }

  // --- timing -------------------------------------------------------------------------------
  private consumerGap(): number {
    const rng = this.rng
    if (this.async && rng.chance(0.18)) return rng.duration(25 * MINUTE, 2 * MINUTE, 9 * HOUR)
    return rng.duration(this.async ? 70_000 : 22_000, 3_000, this.async ? 40 * MINUTE : 6 * MINUTE)
  }

  consumerFollowGap(): number {
    return this.rng.int(2_500, 18_000)
  }

  private agentGap(): number {
    return this.rng.duration(32_000, 5_000, 5 * MINUTE)
  }

  agentFollowGap(): number {
    return this.rng.int(4_000, 35_000)
  }

  private botGap(): number {
    return this.rng.int(600, 2_400)
  }

  // --- sending ------------------------------------------------------------------------------
  consumerSays(text: string, follow = false): string | undefined {
    return this.b.message({
      by: 'consumer',
      type: 'TEXT_PLAIN',
      data: { msg: { text: fill(text, this.v) } },
      gap: follow ? this.consumerFollowGap() : this.consumerGap(),
    })
  }

  agentSays(
    text: string,
    opts: {
      follow?: boolean
      type?: MessageType
      qr?: Json | string
      contextData?: Json
      audience?: 'ALL' | 'AGENTS_AND_MANAGERS'
      by?: Agent
    } = {},
  ): string | undefined {
    const agent = opts.by ?? this.b.currentAgent
    if (!agent) return undefined
    const data: Json = { msg: { text: fill(text, this.v) } }
    if (opts.qr) {
      data.quickReplies = {
        content: typeof opts.qr === 'string' ? opts.qr : JSON.stringify(opts.qr),
      }
    }
    const isBot = agent.userType === '2'
    return this.b.message({
      by: agent,
      type: opts.type ?? 'TEXT_PLAIN',
      data,
      gap: isBot ? this.botGap() : opts.follow ? this.agentFollowGap() : this.agentGap(),
      contextData: opts.contextData,
      audience: opts.audience,
    })
  }

  sendRich(content: Json | string, qr?: Json, contextData?: Json): string | undefined {
    const agent = this.b.currentAgent
    if (!agent) return undefined
    const data: Json = {
      richContent: { content: typeof content === 'string' ? content : JSON.stringify(content) },
    }
    if (qr) data.quickReplies = { content: JSON.stringify(qr) }
    return this.b.message({
      by: agent,
      type: 'RICH_CONTENT',
      data,
      gap: agent.userType === '2' ? this.botGap() : this.agentFollowGap(),
      contextData,
    })
  }

  offer(o: ScOffer): void {
    if (!this.b.currentAgent) return
    if (o.intro) this.agentSays(o.intro)
    if (!o.reply && this.use('quickRepliesRich')) {
      const qr = quickReplies([
        { title: 'That helps', text: 'That helps, thanks' },
        { title: 'I have a question', text: 'I have a question about this' },
      ])
      this.sendRich(o.content, qr)
      this.consumerSays('That helps, thanks')
      return
    }
    this.sendRich(o.content)
    if (o.reply) this.consumerSays(o.reply)
  }
}
