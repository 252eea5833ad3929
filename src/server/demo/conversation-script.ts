import {
  IMAGES,
  PLANS,
  PREVIEW_THUMBNAIL_BASE64,
  PRODUCTS,
  type Product,
} from '@/server/demo/catalog'
import {
  buildCampaign,
  buildMonitoring,
  isAsyncChannel,
  START_PAGES,
  supportsRichContent,
  type ChannelSource,
  type ClientProfile,
} from '@/server/demo/channels'
import {
  alertedMcs,
  ConversationBuilder,
  type Json,
  type MessageType,
  type TransferReason,
} from '@/server/demo/conversation-builder'
import { DAY, formatLpTime, HOUR, MINUTE } from '@/server/demo/lp-time'
import type { Consumer } from '@/server/demo/people'
import type { Rng } from '@/server/demo/prng'
import {
  agentsForSkill,
  DEMO_BRAND_ID,
  MANAGERS,
  SKILLS,
  type Agent,
  type SkillKey,
} from '@/server/demo/roster'
import {
  accountTabs,
  anythingElseTemplate,
  appointmentCard,
  botMenuCard,
  confirmResolved,
  helpArticleCard,
  hostileLinkCard,
  invoiceAccordion,
  openInAppCard,
  orderStatusCard,
  planCarousel,
  productCarouselSelect,
  quickReplies,
  returnChecklist,
  welcomeCard,
  type ScOffer,
} from '@/server/demo/rich-content'
import { ALL_SDE_TYPES, sdeEvent, type SdeContext, type SdeType } from '@/server/demo/sdes'
import { buildAgentSurveys, runPostSurvey } from '@/server/demo/surveys'
import {
  CLOSINGS_EN,
  CLOSINGS_ES,
  FILLERS_EN,
  FILLERS_ES,
  GREETINGS_EN,
  GREETINGS_ES,
  TOPICS,
  type Scenario,
  type Topic,
  type Turn,
} from '@/server/demo/topics'

export type Feature =
  | 'quickRepliesText'
  | 'quickRepliesRich'
  | 'botMenuSc'
  | 'welcomeRtl'
  | 'orderCard'
  | 'planCarousel'
  | 'productSelect'
  | 'invoiceAccordion'
  | 'accountTabs'
  | 'returnChecklist'
  | 'appointment'
  | 'confirmResolved'
  | 'templateQuickReply'
  | 'openInApp'
  | 'helpArticle'
  | 'html'
  | 'link'
  | 'secureForm'
  | 'consumerImage'
  | 'hostedFile'
  | 'privateNote'

export type CloseKind = 'AGENT' | 'CONSUMER' | 'AUTO_CLOSE' | 'TIMEOUT'

export interface ConversationPlan {
  conversationId: string
  start: number
  cutoff: number
  topic: Topic
  consumer: Consumer
  firstConversation: boolean
  source: ChannelSource
  client: ClientProfile
  /** Cut the conversation after this many messages and leave it open. */
  openAfter: number | undefined
  bot: Agent | undefined
  botOnly: boolean
  targetMessages: number
  closeKind: CloseKind
  transfers: readonly TransferReason[]
  features: ReadonlySet<Feature>
  survey: boolean
  agentSurvey: boolean
  summary: boolean
  cobrowse: 'web' | 'inApp' | undefined
  /** Message count of a long (performance) conversation, 0 for a normal one. */
  longTarget: number
  hostile: boolean
  sdeMode: 'random' | 'allAuth' | 'allUnauth'
  fallbackSkill: boolean
  /** Keep replies prompt (showcase conversations must finish well before "now"). */
  prompt: boolean
}

type Vars = Record<string, string>

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
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

function money(n: number): string {
  return `$${n.toFixed(2)}`
}

const TOPIC_PRODUCT: Partial<Record<string, string>> = {
  internetOutage: 'ORB-RT-X2',
  appCrash: 'VTX-PH-12',
}

function productForTopic(rng: Rng, topic: Topic): Product {
  const sku = TOPIC_PRODUCT[topic.key]
  return PRODUCTS.find((p) => p.sku === sku) ?? rng.pick(PRODUCTS)
}

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

const BOT_MENU = [
  { title: 'Billing question', text: 'I have a question about my bill' },
  { title: 'Order status', text: 'Where is my order?' },
  { title: 'Technical support', text: 'My internet or device is not working' },
  { title: 'Returns & refunds', text: 'I need help with a return or refund' },
  { title: 'Plans & upgrades', text: 'I want to upgrade my plan' },
  { title: 'Sign-in help', text: 'I cannot sign in to my account' },
  { title: 'Shopping', text: 'I have a question about a product' },
  { title: 'Cancel or change service', text: 'I want to cancel my service' },
  { title: 'Something else', text: 'Something else' },
]

const BOT_MENU_ES = [
  { title: 'Factura', text: 'Tengo una pregunta sobre mi factura' },
  { title: 'Mi pedido', text: '¿Dónde está mi pedido?' },
  { title: 'Soporte técnico', text: 'Mi internet no funciona' },
  { title: 'Otra cosa', text: 'Otra cosa' },
]

const BOT_MENU_QR = JSON.stringify(quickReplies(BOT_MENU, 3))
const BOT_MENU_CARD = JSON.stringify(botMenuCard(BOT_MENU))
const BOT_MENU_ES_CARD = JSON.stringify(botMenuCard(BOT_MENU_ES))
const WELCOME_CARD = JSON.stringify(welcomeCard().content)
const BOT_MENU_ES_QR = JSON.stringify(quickReplies(BOT_MENU_ES, 2))

const HTML_SNIPPETS: Record<string, string> = {
  app: '<p>Please try these steps on your <b>{device}</b>:</p><ol><li>Update <b>Acme Connect</b> to the latest version</li><li>Clear the cache under <i>Settings › Apps › Acme Connect › Storage</i></li><li>Sign in again</li></ol>',
  tech: '<p>Please try these steps:</p><ol><li>Unplug the <b>{device}</b> for <b>30 seconds</b></li><li>Plug it back in and wait for the light to turn <span style="color:#137333">white</span></li><li>Reconnect your devices</li></ol><p>Full guide: <a href="https://help.acme.example/internet/restart" target="_blank">Restart your router</a></p>',
  billing:
    '<p>Here is a breakdown of invoice <b>{invoice}</b>:</p><ul><li>Monthly plan: <b>{amount}</b></li><li>Credit applied: <i>-{amount2}</i></li></ul><p>See <a href="https://www.acme.example/account/billing">Billing &amp; payments</a> for details.</p>',
  orders:
    '<p>Your order <b>{order}</b>:</p><ul><li>Carrier: {carrier}</li><li>Tracking: <code>{tracking}</code></li><li>Estimated delivery: <b>{date}</b></li></ul>',
  generic:
    '<p>Thanks, <b>{name}</b>! A summary of today has been sent to <a href="mailto:{email}">{email}</a>.</p>',
}

const LINKS: Record<string, { url: string; caption: string }> = {
  tech: {
    url: 'https://help.acme.example/guides/router-reset.pdf',
    caption: 'Router reset guide (PDF)',
  },
  billing: {
    url: 'https://help.acme.example/guides/understanding-your-bill.pdf',
    caption: 'Understanding your bill (PDF)',
  },
  orders: {
    url: 'https://help.acme.example/guides/returns-policy.pdf',
    caption: 'Returns policy (PDF)',
  },
  account: {
    url: 'https://help.acme.example/guides/account-security.pdf',
    caption: 'Keeping your account secure (PDF)',
  },
  shop: {
    url: 'https://help.acme.example/guides/plan-comparison.pdf',
    caption: 'Plan comparison (PDF)',
  },
}

const PRIVATE_NOTES = [
  'Customer verified with last 4 of card {last4}.',
  'Repeat contact – third time this month about this. Handle with care.',
  'Checked CRM: no open cases besides {ticket}.',
  'FYI: customer asked for a supervisor earlier, calmed down now.',
  'Applied goodwill credit {amount2}, approved by team lead.',
]

/** 50,000+ characters: a stack trace pasted into an engagement attribute. */
function hugeStackTrace(): string {
  const frame =
    '    at CheckoutForm.validate (https://www.acme.example/static/js/checkout.8f3a2c.js:1:48213)\n'
  let out = 'TypeError: Cannot read properties of undefined (reading "expiryMonth")\n'
  while (out.length < 50_500) out += frame
  return out
}

const RELATED_SKILL: Record<SkillKey, SkillKey> = {
  billing: 'retention',
  techSupport: 'billing',
  sales: 'billing',
  returns: 'orderStatus',
  vip: 'billing',
  spanish: 'billing',
  orderStatus: 'returns',
  accountSecurity: 'techSupport',
  retention: 'billing',
  general: 'billing',
  botTriage: 'general',
}

/** Runs one conversation plan and returns its wire-format record. */
/** Runs one conversation plan and returns its wire-format record. */
export function runConversation(plan: ConversationPlan, rng: Rng): Json {
  return new ScriptRun(plan, rng).run()
}

type Block =
  | { kind: 'turns'; turns: readonly Turn[] }
  | { kind: 'feature'; feature: Feature }
  | { kind: 'transfer'; reason: TransferReason }
  | { kind: 'cobrowse'; type: 'web' | 'inApp' }
  | { kind: 'hostile' }

const BODY_SKIP = new Set<Feature>([
  'welcomeRtl',
  'botMenuSc',
  'quickRepliesRich',
  'confirmResolved',
  'templateQuickReply',
])

/**
 * One conversation being played out. A class (not closures) so that generating 100,000
 * conversations does not allocate dozens of functions per conversation.
 */
class ScriptRun {
  private readonly plan: ConversationPlan
  private readonly rng: Rng
  private readonly topic: Topic
  private readonly scenario: Scenario
  private readonly consumer: Consumer
  private readonly spanish: boolean
  private readonly async: boolean
  private readonly rich: boolean
  private readonly product: Product
  private readonly v: Vars
  private readonly b: ConversationBuilder
  private readonly used = new Set<Feature>()
  private readonly cobrowse: Json[] = []
  private readonly externalConversationId: string
  private resolved = true
  /** The topic of the current cycle in a long conversation. */
  private longTopic: Topic | undefined
  private escalationContext: Json | undefined

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
  private has(f: Feature): boolean {
    return this.plan.features.has(f) && !this.used.has(f)
  }

  private use(f: Feature): boolean {
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

  private consumerFollowGap(): number {
    return this.rng.int(2_500, 18_000)
  }

  private agentGap(): number {
    return this.rng.duration(32_000, 5_000, 5 * MINUTE)
  }

  private agentFollowGap(): number {
    return this.rng.int(4_000, 35_000)
  }

  private botGap(): number {
    return this.rng.int(600, 2_400)
  }

  // --- sending ------------------------------------------------------------------------------
  private consumerSays(text: string, follow = false): string | undefined {
    return this.b.message({
      by: 'consumer',
      type: 'TEXT_PLAIN',
      data: { msg: { text: fill(text, this.v) } },
      gap: follow ? this.consumerFollowGap() : this.consumerGap(),
    })
  }

  private agentSays(
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

  private sendRich(content: Json | string, qr?: Json, contextData?: Json): string | undefined {
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

  private offer(o: ScOffer): void {
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

  private botContext(escalation?: string): Json {
    const rng = this.rng
    const topic = this.topic
    const score = Math.round(rng.float(0.55, 0.99) * 1000) / 1000
    const confidence = score >= 0.85 ? 'HIGH' : score >= 0.7 ? 'MEDIUM' : 'LOW'
    const botResponse = {
      externalConversationId: this.externalConversationId,
      businessCases: [topic.businessCase],
      intents: [
        { id: topic.botIntent, name: topic.intent.label, confidence, confidenceScore: score },
      ],
    }
    const raw: Json[] = [{ type: 'BotResponse', ...botResponse }]
    const structured: Json[] = [{ botResponse }]
    if (escalation) {
      raw.push({
        type: 'ActionReason',
        reason: escalation,
        reasonId: escalation === 'escalated_by_user' ? '1' : '2',
      })
      structured.push({ actionReason: { reason: escalation } })
    }
    return { rawMetadata: JSON.stringify(raw), structuredMetadata: structured }
  }

  private classify(messageId: string | undefined): void {
    if (!messageId || !this.rng.chance(0.7)) return
    const alternatives = this.rng.sample(
      TOPICS.filter((t) => t.key !== this.topic.key),
      this.rng.int(1, 2),
    )
    this.b.classify(messageId, this.topic, alternatives)
  }

  // --- feature blocks -----------------------------------------------------------------------
  private invoices(): { id: string; amount: string; month: string }[] {
    const d = new Date(this.plan.start)
    return [0, 1, 2].map((i) => {
      const m = (d.getUTCMonth() - i + 12) % 12
      return {
        id: i === 0 ? (this.v.invoice ?? 'INV') : `INV-2026-${this.rng.digits(5)}`,
        amount: money(this.rng.float(40, 180)),
        month: `${MONTHS[m] ?? 'Jan'} 2026`,
      }
    })
  }

  private runFeature(f: Feature): void {
    const { b, rng, v, topic, consumer, spanish } = this
    if (!b.currentAgent || b.stopped) return
    switch (f) {
      case 'orderCard':
        this.offer(
          orderStatusCard({
            order: v.order ?? '',
            product: this.product,
            carrier: v.carrier ?? 'UPS',
            tracking: v.tracking ?? '',
            date: v.date ?? '',
            la: consumer.place.la + 0.05,
            lo: consumer.place.lo - 0.04,
          }),
        )
        return
      case 'planCarousel':
        this.offer(planCarousel(rng))
        return
      case 'productSelect':
        this.offer(productCarouselSelect(rng, this.product))
        return
      case 'invoiceAccordion':
        this.offer(invoiceAccordion(rng, this.invoices()))
        return
      case 'accountTabs':
        this.offer(
          accountTabs({
            plan: v.plan ?? 'Plus',
            amount: v.amount ?? '',
            date: v.date ?? '',
            last4: v.last4 ?? '',
          }),
        )
        return
      case 'returnChecklist':
        this.offer(returnChecklist(rng, v.order ?? 'A-000000'))
        return
      case 'appointment':
        this.offer(appointmentCard(rng, Math.floor(b.t / 1000)))
        return
      case 'confirmResolved': {
        const o = confirmResolved(rng)
        this.offer(o)
        if (o.reply?.startsWith('No')) {
          this.resolved = false
          this.agentSays(
            'I am sorry to hear that. I have escalated this to our specialist team, ticket {ticket}.',
          )
        }
        return
      }
      case 'templateQuickReply':
        this.offer(anythingElseTemplate(rng))
        return
      case 'openInApp':
        this.offer(openInAppCard(consumer.customerId))
        return
      case 'helpArticle':
        this.offer({
          content: helpArticleCard(
            `How to ${topic.intent.label}`,
            `https://help.acme.example/articles/${topic.key}`,
          ),
        })
        return
      case 'welcomeRtl':
      case 'botMenuSc':
      case 'quickRepliesRich':
        return
      case 'quickRepliesText': {
        const yes = spanish ? 'Sí, por favor' : 'Yes please'
        const no = spanish ? 'No, gracias' : 'No thanks'
        this.agentSays(
          spanish
            ? '¿Quiere que le enviemos una copia de esta conversación por correo?'
            : 'Would you like a copy of this conversation by email?',
          {
            qr: quickReplies([
              { title: yes, text: yes },
              { title: no, text: no },
            ]),
          },
        )
        this.consumerSays(rng.chance(0.6) ? yes : no)
        return
      }
      case 'html': {
        const key =
          topic.key === 'appCrash'
            ? 'app'
            : topic.pages === 'tech' || topic.pages === 'billing' || topic.pages === 'orders'
              ? topic.pages
              : 'generic'
        this.agentSays(HTML_SNIPPETS[key] ?? '', { type: 'TEXT_HTML' })
        return
      }
      case 'link': {
        const link = LINKS[topic.pages] ?? LINKS.tech
        const agent = b.currentAgent
        if (!link) return
        this.agentSays('Here is a guide that covers this:')
        b.message({
          by: agent,
          type: 'LINK',
          data: { link: { externalFileLink: link.url, fileType: 'PDF', caption: link.caption } },
          gap: this.agentFollowGap(),
        })
        return
      }
      case 'secureForm':
        this.secureForm()
        return
      case 'consumerImage':
        this.consumerImage(topic.key === 'appCrash' ? 'errorScreenshot' : 'damagedBox')
        return
      case 'hostedFile':
        if (topic.pages === 'tech') {
          this.agentSays('Could you export the router log from the admin page and send it over?')
          this.consumerSays('Sure, here it is')
          b.message({
            by: 'consumer',
            type: 'HOSTED_FILE',
            data: {
              file: { relativePath: IMAGES.routerLog, fileType: 'TXT', caption: 'router-log.txt' },
            },
            gap: this.consumerFollowGap(),
          })
        } else {
          const agent = b.currentAgent
          this.agentSays('I have attached a copy of the invoice for your records.')
          b.message({
            by: agent,
            type: 'HOSTED_FILE',
            data: {
              file: {
                relativePath: IMAGES.invoicePdf,
                fileType: 'PDF',
                caption: `Invoice ${v.invoice ?? ''}`,
              },
            },
            gap: this.agentFollowGap(),
          })
        }
        return
      case 'privateNote':
        this.agentSays(rng.pick(PRIVATE_NOTES), { audience: 'AGENTS_AND_MANAGERS', follow: true })
        return
    }
  }

  private secureForm(): void {
    const { b, rng } = this
    const agent = b.currentAgent
    if (!agent) return
    const form = {
      formId: '2351489612',
      formName:
        (this.longTopic ?? this.topic).pages === 'billing'
          ? 'Update payment card'
          : 'Verify your identity',
    }
    const invitationId = rng.uuid()
    b.message({
      by: agent,
      type: 'SECURE_FORM_INVITATION',
      data: { secureForm: { ...form, invitationId } },
      gap: this.agentFollowGap(),
    })
    b.message({
      by: 'consumer',
      type: 'SECURE_FORM_SUBMIT',
      data: { secureForm: { ...form, invitationId, submissionId: rng.uuid() } },
      gap: rng.int(40_000, 180_000),
    })
    this.agentSays('Thank you, I received the form.')
  }

  private consumerImage(which: 'damagedBox' | 'errorScreenshot'): void {
    const file: Json = {
      relativePath: IMAGES[which],
      fileType: 'PNG',
      caption:
        which === 'damagedBox' ? 'Box and contents as delivered' : 'Error after tapping Billing',
    }
    if (this.rng.chance(0.5) || this.plan.features.has('consumerImage')) {
      file.preview = PREVIEW_THUMBNAIL_BASE64
    }
    this.b.message({ by: 'consumer', type: 'IMG', data: { file }, gap: this.consumerFollowGap() })
  }

  private playTurns(turns: readonly Turn[]): void {
    let prev: 'c' | 'a' | undefined
    for (const [speaker, text] of turns) {
      if (this.b.stopped) return
      if (text.startsWith('@')) {
        if (text === '@image:damagedBox') this.consumerImage('damagedBox')
        else if (text === '@image:errorScreenshot') this.consumerImage('errorScreenshot')
        else if (text === '@secureForm') this.secureForm()
        else if (text === '@link') this.runFeature('link')
        prev = speaker
        continue
      }
      if (speaker === 'c') this.consumerSays(text, prev === 'c')
      else this.agentSays(text, { follow: prev === 'a' })
      prev = speaker
    }
  }

  private runCobrowse(kind: 'web' | 'inApp'): void {
    const { b, rng } = this
    const agent = b.currentAgent
    if (!agent || agent.userType !== '1') return
    this.agentSays(
      kind === 'web'
        ? 'I am sending you a co-browse invitation so I can see the page you are on. Please accept it.'
        : 'I am sending an invitation to share your app screen. You can end it at any time.',
    )
    this.consumerSays('ok, accepted')
    if (!b.advance(rng.int(3_000, 15_000))) return
    const start = b.t
    const interactive = kind === 'web' ? rng.chance(0.6) : true
    const interactiveAt = start + rng.int(8_000, 40_000)
    if (!b.advance(rng.int(70_000, 420_000))) return
    const end = b.t
    const session: Json = {
      sessionId: `${DEMO_BRAND_ID}:${agent.id}__${rng.uuid()}_${start - rng.int(200, 900)}`,
      startTime: formatLpTime(start),
      startTimeL: start,
      endTime: formatLpTime(end),
      endTimeL: end,
    }
    if (interactive) {
      session.interactiveTime = formatLpTime(interactiveAt)
      session.interactiveTimeL = interactiveAt
    }
    session.endReason = rng.pick(['AGENT', 'AGENT', 'VISITOR', 'SERVER'])
    session.duration = end - start
    session.type = kind
    if (kind === 'inApp') {
      session.capabilities = rng.chance(0.5)
        ? ['CONSUMER_VIDEO_CONNECTION', 'CONSUMER_VOICE_CONNECTION', 'AGENT_APP_CONTROL']
        : ['AGENT_APP_CONTROL']
    }
    session.agentId = agent.id
    session.interactive = interactive
    this.cobrowse.push(session)
    this.agentSays('Thanks, I could see exactly what was happening there.')
  }

  /** Deliberately hostile content, so security tests have targets. */
  private runHostile(): void {
    this.consumerSays(
      'When I paste this into the search box the page breaks: <script>alert(1)</script>',
    )
    this.agentSays(
      'Thanks, here is what our system logged for that request: <img src=x onerror=alert(1)> <b>error 500</b>',
      { type: 'TEXT_HTML' },
    )
    this.agentSays('Our promotions bot also sent you this card earlier, please do not click it:', {
      follow: true,
    })
    this.sendRich(hostileLinkCard())
    this.consumerSays(
      'Ok I will not. Also the link text said javascript:alert(document.cookie) which looked odd.',
    )
  }

  private runTransfer(reason: TransferReason): void {
    const { b, rng, v } = this
    const from = b.currentAgent
    if (!from || b.stopped) return
    const es = this.spanish
    const skill = b.currentSkill ?? SKILLS[this.topic.skill]
    const pool = agentsForSkill(skill.key).filter((a) => a.id !== from.id)
    const colleague = pool.length > 0 ? rng.pick(pool) : from
    let next: Agent
    switch (reason) {
      case 'Skill': {
        const target = SKILLS[RELATED_SKILL[skill.key]]
        this.agentSays(
          es
            ? `Le transfiero al equipo de ${target.name}, ellos le pueden ayudar. No cierre el chat.`
            : `I am transferring you to our ${target.name} team, they can help with this. Please stay in the chat.`,
        )
        if (!b.advance(rng.int(2_000, 10_000))) return
        b.transfer('Skill', { targetSkill: target, by: from })
        const candidates = agentsForSkill(target.key)
        const speakers = es ? candidates.filter((a) => a.skills.includes('spanish')) : []
        next = rng.pick(speakers.length > 0 ? speakers : candidates)
        v.dept = target.name
        break
      }
      case 'Agent': {
        this.agentSays(
          es
            ? `Le comunico con ${colleague.nickname}, especialista en este tema.`
            : `Let me bring in ${colleague.nickname}, who specialises in this.`,
        )
        if (!b.advance(rng.int(2_000, 8_000))) return
        b.transfer('Agent', { targetSkill: skill, assigned: colleague, by: from })
        next = colleague
        break
      }
      case 'back2Q': {
        this.agentSays(
          es
            ? 'Mi turno está terminando, un compañero continuará con su consulta en un momento.'
            : 'My shift is ending, so I am passing you to a colleague who will pick this up in a moment.',
        )
        if (!b.advance(rng.int(2_000, 8_000))) return
        b.transfer('back2Q', { targetSkill: skill, by: from })
        next = colleague
        break
      }
      case 'SuggestedAgentTimeout': {
        this.agentSays(
          es
            ? `Le transfiero con ${colleague.nickname}.`
            : `I am transferring you to ${colleague.nickname}.`,
        )
        if (!b.advance(rng.int(2_000, 8_000))) return
        b.transfer('Agent', { targetSkill: skill, assigned: colleague, by: from })
        if (!b.advance(rng.int(60_000, 120_000))) return
        b.transfer('SuggestedAgentTimeout', { targetSkill: skill, source: colleague })
        const others = pool.filter((a) => a.id !== colleague.id)
        next = others.length > 0 ? rng.pick(others) : from
        break
      }
      case 'TakeOver': {
        const manager = rng.pick(MANAGERS)
        this.consumerSays(
          es ? 'Quiero hablar con un supervisor.' : 'I would like to speak to a supervisor please.',
        )
        if (!b.advance(rng.int(20_000, 90_000))) return
        b.join(manager, 'READER', 'MANAGER')
        this.agentSays(`I will take this one, ${from.nickname}.`, {
          by: manager,
          audience: 'AGENTS_AND_MANAGERS',
        })
        if (!b.advance(rng.int(5_000, 30_000))) return
        b.transfer('TakeOver', { targetSkill: skill, assigned: manager, by: manager })
        b.leave(manager)
        next = manager
        break
      }
    }
    const wait =
      reason === 'Agent' || reason === 'TakeOver'
        ? rng.int(3_000, 20_000)
        : rng.duration(60_000, 10_000, 10 * MINUTE)
    if (!b.advance(wait)) return
    b.assign(next)
    v.agent = next.nickname
    const takeOver = reason === 'TakeOver'
    this.agentSays(
      es
        ? takeOver
          ? `Hola {name}, soy ${next.fullName}, del equipo de supervisión. Ya leí la conversación y me aseguraré de resolverlo.`
          : `Hola {name}, soy ${next.nickname}. Ya leí la conversación, continúo desde aquí.`
        : takeOver
          ? `Hi {name}, I am ${next.fullName}, a supervisor here. I have read through the conversation and I will make sure this gets resolved.`
          : `Hi {name}, this is ${next.nickname}. I have read the conversation so far, let me continue from here.`,
    )
  }

  private runLong(target: number, fillers: readonly (readonly Turn[])[]): void {
    const { b, rng } = this
    const pool = TOPICS.filter((t) => !t.spanish)
    let cycle = 0
    while (!b.stopped && b.currentAgent && b.messageCount < target) {
      cycle++
      // A new site, order and invoice every cycle, so the text varies across the thread.
      const t = rng.pick(pool)
      this.longTopic = t
      const agent = this.v.agent ?? ''
      const dept = this.v.dept ?? ''
      Object.assign(this.v, makeVars(rng, this.consumer, b.t, productForTopic(rng, t)), {
        agent,
        dept,
      })
      const site = rng.pick(['Denver', 'Austin', 'Boston', 'Seattle', 'Miami', 'Chicago'])
      const scenario = rng.pick(t.scenarios)
      this.consumerSays(`Next one: site ${cycle} (${site}). ${rng.pick(scenario.openers)}`)
      for (const turns of scenario.exchanges) this.playTurns(turns)
      if (rng.chance(0.5)) this.playTurns(rng.pick(fillers))
      this.playTurns(scenario.resolution)
      const r = rng.next()
      if (r < 0.04) this.runFeature('html')
      else if (r < 0.07) this.runFeature('privateNote')
      else if (r < 0.09 && this.rich) this.runFeature('productSelect')
      else if (r < 0.11) this.consumerImage('errorScreenshot')
      else if (r < 0.12) this.runFeature('link')
      if (cycle % 25 === 0) b.advance(rng.int(7, 13) * HOUR)
    }
  }

  // --- the conversation ---------------------------------------------------------------------
  private opening(): void {
    const { b, rng, v, topic, plan, spanish, rich } = this
    const greetingWord = spanish
      ? rng.pick(['Hola', 'Buenas tardes'])
      : rng.pick(['Hi', 'Hello', 'hi there', 'Hey', 'hello?'])
    const opener = rng.pick(this.scenario.openers)
    const firstGap = rng.int(800, 4_000)
    let openerId: string | undefined

    if (plan.bot) {
      const bot = plan.bot
      b.message({
        by: 'consumer',
        type: 'TEXT_PLAIN',
        data: { msg: { text: greetingWord } },
        gap: firstGap,
      })
      b.route(SKILLS.botTriage, 'ROUTING')
      b.advance(rng.int(300, 1_500))
      b.assign(bot)
      v.agent = bot.nickname
      v.dept = 'virtual assistant'
      const menu = spanish ? BOT_MENU_ES : BOT_MENU
      const choice = menu.find((m) => m.text === topic.menu.text) ?? topic.menu
      if (rich && this.use('welcomeRtl')) this.sendRich(WELCOME_CARD)
      if (rich && this.use('botMenuSc')) {
        const qr = this.use('quickRepliesRich')
          ? quickReplies([{ title: 'Talk to a person', text: 'I want to talk to a person' }])
          : undefined
        this.sendRich(spanish ? BOT_MENU_ES_CARD : BOT_MENU_CARD, qr)
      } else {
        this.agentSays(
          spanish
            ? '¡Hola! Soy Lucía, la asistente virtual de Acme. ¿En qué le puedo ayudar?'
            : `Hi! I am ${bot.nickname}, Acme's virtual assistant. What can I help you with today?`,
          { qr: spanish ? BOT_MENU_ES_QR : BOT_MENU_QR },
        )
      }
      this.consumerSays(choice.text)
      this.agentSays(
        spanish
          ? 'Entendido. ¿Me puede contar un poco más?'
          : 'Got it. Can you tell me a bit more about what is going on?',
        { contextData: this.botContext() },
      )
      openerId = this.consumerSays(opener)
      // Self-service attempt.
      if (topic.key === 'orderTracking') {
        if (rich) this.runFeature('orderCard')
        else {
          this.agentSays(
            'Your order {order} shipped with {carrier}. Tracking number: {tracking}. Estimated delivery: {date}.',
            { contextData: this.botContext() },
          )
          this.consumerSays(
            plan.botOnly ? 'Great, thanks!' : 'That does not help, I need to talk to someone.',
          )
        }
      } else if (topic.key === 'passwordReset' && rich) {
        this.runFeature('helpArticle')
      }
      if (plan.botOnly) {
        this.consumerSays(spanish ? 'Gracias, eso es todo.' : 'Thanks, that is all I needed.')
        this.agentSays(
          spanish ? '¡Con gusto! Que tenga un buen día.' : 'Glad I could help! Have a great day.',
          { contextData: this.botContext() },
        )
      } else {
        const reason = rng.chance(0.35) ? 'escalated_by_user' : 'escalated_by_bot'
        if (reason === 'escalated_by_user') {
          this.consumerSays(
            spanish ? 'Quiero hablar con una persona' : 'I want to talk to a person please',
          )
        }
        this.escalationContext = this.botContext(reason)
        v.dept = SKILLS[topic.skill].name
        this.agentSays(
          spanish
            ? 'Le comunico con un agente de {dept}. Un momento por favor.'
            : 'Let me connect you with one of our specialists. One moment please.',
          { contextData: this.escalationContext },
        )
        b.advance(rng.int(500, 2_000))
        b.transfer('Skill', {
          targetSkill: SKILLS[topic.skill],
          by: bot,
          contextData: this.escalationContext,
        })
      }
    } else {
      openerId = b.message({
        by: 'consumer',
        type: 'TEXT_PLAIN',
        data: { msg: { text: fill(opener, v) } },
        gap: firstGap,
      })
      b.route(SKILLS[topic.skill], 'ROUTING')
      if (plan.fallbackSkill && b.advance(rng.int(60_000, 180_000))) {
        b.route(SKILLS.general, 'FALLBACK_SKILL')
      }
    }
    this.classify(openerId)
  }

  private queue(): void {
    const { b, rng, v, plan, spanish } = this
    if (plan.closeKind === 'TIMEOUT') {
      this.consumerSays(spanish ? '¿Hay alguien ahí?' : 'Hello? Is anyone there?')
      if (b.advance(rng.int(8, 20) * MINUTE)) {
        this.consumerSays(spanish ? 'Sigo esperando...' : 'Still waiting...')
      }
      return
    }
    // An open conversation cut here is still waiting in the queue.
    if (b.atMessageLimit()) return
    const wait = this.async
      ? rng.duration(4 * MINUTE, 20_000, 2 * HOUR)
      : rng.duration(90_000, 10_000, 15 * MINUTE)
    if (!b.advance(wait)) return
    const skill = b.currentSkill ?? SKILLS[this.topic.skill]
    const agent = rng.pick(agentsForSkill(skill.key))
    b.assign(agent, this.escalationContext)
    v.agent = agent.nickname
    v.dept = skill.name
    this.agentSays(rng.pick(spanish ? GREETINGS_ES : GREETINGS_EN))
  }

  private body(): void {
    const { b, rng, plan, topic } = this
    const fillers = this.spanish ? FILLERS_ES : FILLERS_EN
    const exchanges = [...this.scenario.exchanges]
    if (topic.extras.length > 0 && rng.chance(0.4)) {
      exchanges.splice(rng.int(0, exchanges.length), 0, rng.pick(topic.extras))
    }
    const blocks: Block[] = exchanges.map((turns) => ({ kind: 'turns', turns }))
    let planned = exchanges.reduce((n, turns) => n + turns.length, 0)
    const middle: Block[] = []
    for (const f of plan.features) {
      if (BODY_SKIP.has(f) || this.used.has(f)) continue
      middle.push({ kind: 'feature', feature: f })
    }
    if (plan.cobrowse) middle.push({ kind: 'cobrowse', type: plan.cobrowse })
    if (plan.hostile) middle.push({ kind: 'hostile' })
    for (const block of middle) {
      blocks.splice(rng.int(1, blocks.length), 0, block)
      planned += 2
    }
    // Transfers spread through the body (a second transfer comes later than the first).
    const transferCount = plan.transfers.length
    for (let i = transferCount - 1; i >= 0; i--) {
      const reason = plan.transfers[i]
      if (!reason) continue
      const at = Math.max(1, Math.round(((i + 1) * blocks.length) / (transferCount + 1)))
      blocks.splice(at, 0, { kind: 'transfer', reason })
      planned += 3
    }
    const target = plan.longTarget > 0 ? 0 : plan.targetMessages
    while (planned + b.messageCount + 5 < target) {
      const turns = rng.pick(fillers)
      blocks.splice(rng.int(1, blocks.length), 0, { kind: 'turns', turns })
      planned += turns.length
    }
    for (const block of blocks) {
      if (b.stopped || !b.currentAgent) break
      if (block.kind === 'turns') this.playTurns(block.turns)
      else if (block.kind === 'feature') this.runFeature(block.feature)
      else if (block.kind === 'cobrowse') this.runCobrowse(block.type)
      else if (block.kind === 'hostile') this.runHostile()
      else this.runTransfer(block.reason)
    }
    if (plan.longTarget > 0) this.runLong(plan.longTarget, fillers)
  }

  private closing(): void {
    const { b, rng, plan, spanish, rich } = this
    if (b.stopped || !b.currentAgent) return
    this.playTurns(this.scenario.resolution)
    if (rich && this.has('confirmResolved')) this.runFeature('confirmResolved')
    else if (rich && plan.longTarget === 0 && rng.chance(0.08)) this.runFeature('confirmResolved')
    if (rich && this.has('templateQuickReply')) this.runFeature('templateQuickReply')
    if (plan.closeKind === 'AUTO_CLOSE') {
      this.agentSays(
        spanish
          ? '¿Sigue ahí, {name}?'
          : 'Are you still there, {name}? I will close this conversation if I do not hear back.',
      )
    } else if (plan.closeKind === 'CONSUMER') {
      this.consumerSays(
        spanish
          ? 'Gracias, adiós.'
          : rng.pick(['Thanks, bye!', 'Thank you, that is all.', 'ok thanks bye']),
      )
    } else {
      this.playTurns(rng.pick(spanish ? CLOSINGS_ES : CLOSINGS_EN))
    }
  }

  run(): Json {
    const { b, rng, v, plan, topic, consumer, spanish } = this
    const source = plan.source
    this.opening()
    const humanHandled = !plan.botOnly
    if (humanHandled) {
      this.queue()
      if (b.currentAgent) {
        this.body()
        this.closing()
      }
    }

    // --- close --------------------------------------------------------------------------------
    let closedAt: number | undefined
    let closeReason: string | undefined
    let closeDescription: string | undefined
    if (!b.stopped) {
      let delay: number
      switch (plan.botOnly ? 'AGENT' : plan.closeKind) {
        case 'AGENT':
          delay = rng.int(8_000, 120_000)
          closeReason = 'AGENT'
          closeDescription = 'MANUAL_CLOSE'
          break
        case 'CONSUMER':
          delay = rng.int(3_000, 40_000)
          closeReason = 'CONSUMER'
          closeDescription = 'MANUAL_CLOSE'
          break
        case 'AUTO_CLOSE':
          delay = this.async ? rng.int(20, 24) * HOUR : rng.int(30, 90) * MINUTE
          closeReason = 'SYSTEM'
          closeDescription = 'AUTO_CLOSE'
          break
        case 'TIMEOUT':
          delay = rng.int(25, 60) * MINUTE
          closeReason = 'SYSTEM'
          closeDescription = 'TIMEOUT'
          break
      }
      if (b.advance(delay)) {
        closedAt = b.t
        b.leaveAll()
      }
    }
    const open = closedAt === undefined
    if (open) {
      closeReason = undefined
      closeDescription = undefined
    }

    // --- surveys ------------------------------------------------------------------------------
    const lastHuman = b.humanAgents[b.humanAgents.length - 1]
    const lastSkill = b.currentSkill ?? SKILLS[topic.skill]
    let surveyOutcome: ReturnType<typeof runPostSurvey>
    if (
      closedAt !== undefined &&
      plan.survey &&
      b.lastAssigned &&
      closeDescription === 'MANUAL_CLOSE' &&
      closedAt + 15 * MINUTE < plan.cutoff
    ) {
      b.advance(rng.int(1_000, 4_000))
      surveyOutcome = runPostSurvey(b, {
        mcs: b.lastMcs ?? 50,
        resolved: this.resolved,
        transferred: b.transfers.length > 1,
        spanish,
      })
    }
    const summaryText = fill(this.scenario.summary, v)
    let agentSurveys: ReturnType<typeof buildAgentSurveys> | undefined
    if (closedAt !== undefined && plan.agentSurvey && lastHuman) {
      const previous =
        b.humanAgents.length > 1 ? b.humanAgents[b.humanAgents.length - 2] : undefined
      agentSurveys = buildAgentSurveys(
        {
          rng,
          conversationId: plan.conversationId,
          agent: lastHuman,
          skill: lastSkill,
          topic,
          resolved: this.resolved,
          closedAt,
          cutoff: plan.cutoff,
          note: summaryText,
        },
        previous,
        b.transfers.some((t) => t.reason === 'Skill' && t.sourceAgentId === previous?.id),
      )
    }

    // --- assemble -----------------------------------------------------------------------------
    const statuses = b.buildStatuses()
    const start = plan.start
    const fullEnd = surveyOutcome?.endTime ?? closedAt
    const info: Json = {
      startTime: formatLpTime(start),
      startTimeL: start,
      endTime: fullEnd === undefined ? 'undefined' : formatLpTime(fullEnd),
      endTimeL: fullEnd ?? -1,
    }
    if (closedAt !== undefined && fullEnd !== undefined) {
      info.conversationEndTime = formatLpTime(closedAt)
      info.conversationEndTimeL = closedAt
      info.fullDialogEndTime = formatLpTime(fullEnd)
      info.fullDialogEndTimeL = fullEnd
    }
    info.duration = (closedAt ?? plan.cutoff) - start
    info.conversationId = plan.conversationId
    info.brandId = DEMO_BRAND_ID
    const latest = b.lastAssigned
    if (latest) {
      info.latestAgentId = latest.id
      info.latestAgentNickname = latest.nickname
      info.latestAgentFullName = latest.fullName
      info.latestAgentLoginName = latest.loginName
      info.agentDeleted = latest.deleted
    }
    info.latestSkillId = lastSkill.id
    info.latestSkillName = lastSkill.name
    info.source = source
    if (closeReason) {
      info.closeReason = closeReason
      info.closeReasonDescription = closeDescription
    }
    if (b.lastMcs !== undefined) {
      info.mcs = b.lastMcs
      info.alertedMCS = alertedMcs(b.lastMcs)
    }
    info.status = open ? 'OPEN' : 'CLOSE'
    info.fullDialogStatus = open ? 'OPEN' : 'CLOSE'
    info.firstConversation = plan.firstConversation
    if (surveyOutcome) info.csat = surveyOutcome.csat
    const client = plan.client
    info.device = client.device
    if (client.deviceModel) info.deviceModel = client.deviceModel
    info.browser = client.browser
    if (client.browserVersion) info.browserVersion = client.browserVersion
    info.operatingSystem = client.operatingSystem
    if (client.operatingSystemVersion) info.operatingSystemVersion = client.operatingSystemVersion
    info.latestAgentGroupId = latest ? latest.group.id : -1
    info.latestAgentGroupName = latest ? latest.group.name : 'Unassigned'
    info.latestQueueState = open && !b.currentAgent ? 'IN_QUEUE' : 'ACTIVE'
    info.isPartial = false
    info.sessionId = rng.digits(10)
    info.interactionContextId = String(rng.int(1, 40))
    info.timeZone = consumer.place.timeZone
    info.language = spanish
      ? consumer.place.countryCode === 'ES'
        ? 'es-ES'
        : 'es-MX'
      : consumer.place.countryCode === 'GB'
        ? 'en-GB'
        : 'en-US'
    info.features = client.features
    info.integration = client.integration
    info.integrationVersion = client.integrationVersion
    info.appId = client.appId
    if (client.appVersion) info.appVersion = client.appVersion
    info.ipAddress = consumer.ipAddress
    info.wasStepUp = source === 'SHARK' && !consumer.authenticated && rng.chance(0.05)
    info.pendingAgentSurvey = agentSurveys?.pending ?? false
    const firstIntent = b.intents[0]?.selectedClassification as
      { intentName?: string; intentLabel?: string } | undefined
    if (firstIntent) {
      info.firstIntentName = firstIntent.intentName
      info.firstIntentLabel = firstIntent.intentLabel
    }

    const known = consumer.authenticated || source !== 'SHARK'
    const consumerRecord: Json = {
      participantId: consumer.participantId,
      firstName: known ? consumer.firstName : 'Visitor',
      lastName: known ? consumer.lastName : 'undefined',
      token: consumer.authenticated ? consumer.customerId : 'undefined',
      email: consumer.authenticated ? consumer.email : 'undefined',
      phone:
        consumer.authenticated || source === 'SMS' || source === 'WhatsApp Business'
          ? consumer.phone
          : '0',
      avatarURL: consumer.hasAvatar ? IMAGES.avatar : 'undefined',
      time: formatLpTime(start + 12),
      timeL: start + 12,
      joinTime: formatLpTime(start),
      joinTimeL: start,
      consumerName: known ? `${consumer.firstName} ${consumer.lastName}` : 'Visitor',
      dialogId: plan.conversationId,
    }

    const mainDialog: Json = {
      dialogId: plan.conversationId,
      status: open ? 'OPEN' : 'CLOSE',
      dialogType: 'MAIN',
      dialogChannelType: 'MESSAGING',
      startTime: formatLpTime(start),
      startTimeL: start,
    }
    if (closedAt !== undefined) {
      mainDialog.endTime = formatLpTime(closedAt)
      mainDialog.endTimeL = closedAt
      mainDialog.closeReason = closeReason
      mainDialog.closeReasonDescription = closeDescription
    }
    mainDialog.skillId = lastSkill.id
    mainDialog.skillName = lastSkill.name
    const dialogs: Json[] = [mainDialog]
    if (surveyOutcome) dialogs.push(surveyOutcome.dialog)

    const sdes = buildSdes(plan, rng, v, this.product)
    const configured = isAsyncChannel(source) ? HOUR : 3 * MINUTE
    const waitingForAgent = open && b.lastSpeaker === 'c' && b.lastConsumerAt !== undefined

    const uniqueIntents: Json[] = []
    for (const intent of b.intents) {
      const sel = intent.selectedClassification as { intentName: string; intentLabel: string }
      if (!uniqueIntents.some((u) => u.intentName === sel.intentName)) {
        uniqueIntents.push({ intentName: sel.intentName, intentLabel: sel.intentLabel })
      }
    }

    const record: Json = {
      info,
      campaign: buildCampaign(rng, source, consumer.vip),
      monitoring: buildMonitoring(
        rng,
        consumer.place,
        client,
        consumer.ipAddress,
        source === 'SHARK' ? rng.pick(START_PAGES[topic.pages] ?? []) : undefined,
      ),
      messageRecords: b.messages,
      agentParticipants: b.agentParticipants,
      agentParticipantsActive: b.activeParticipants(),
      agentParticipantsLeave: b.agentParticipantsLeave,
      consumerParticipants: [consumerRecord],
      transfers: b.transfers,
      interactions: b.interactions,
      dialogs,
      messageScores: b.messageScores,
      messageStatuses: statuses,
      conversationSurveys: surveyOutcome ? [surveyOutcome.survey] : [],
    }
    if (agentSurveys) record.latestAgentSurvey = agentSurveys.latest
    record.previouslySubmittedAgentSurveys = agentSurveys?.previous ?? []
    record.coBrowseSessions = { coBrowseSessionsList: this.cobrowse }
    if (plan.summary && closedAt !== undefined && lastHuman) {
      record.summary = {
        text: summaryText,
        lastUpdatedTime: Math.min(plan.cutoff, closedAt + rng.int(15_000, 240_000)),
      }
    }
    record.sdes = { events: sdes.auth }
    record.unAuthSdes = { events: sdes.unauth }
    record.responseTime = {
      latestEffectiveResponseDueTime: waitingForAgent ? (b.lastConsumerAt ?? 0) + configured : -1,
      configuredResponseTime: configured,
    }
    record.intents = b.intents
    record.uniqueIntents = uniqueIntents
    record.skillChanges = b.skillChanges
    return record
  }
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

function buildSdes(
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
