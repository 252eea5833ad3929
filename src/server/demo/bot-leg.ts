import type { Json } from '@/server/demo/conversation-builder'
import { runFeature } from '@/server/demo/feature-blocks'
import { botMenuCard, quickReplies, welcomeCard } from '@/server/demo/rich-content'
import { SKILLS, type Agent } from '@/server/demo/roster'
import type { ScriptRun } from '@/server/demo/script-run'

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

/** Bot metadata of one bot message: intent and confidence, and why it escalates (if it does). */
function botContext(run: ScriptRun, escalation?: string): Json {
  const rng = run.rng
  const topic = run.topic
  const score = Math.round(rng.float(0.55, 0.99) * 1000) / 1000
  const confidence = score >= 0.85 ? 'HIGH' : score >= 0.7 ? 'MEDIUM' : 'LOW'
  const botResponse = {
    externalConversationId: run.externalConversationId,
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

/**
 * The bot leg: the consumer's greeting reaches the triage bot, which shows its menu, tries
 * self-service and then either ends the conversation (`plan.botOnly`) or escalates to the
 * topic's skill. Returns the id of the consumer's message that states the issue.
 */
export function playBotLeg(
  run: ScriptRun,
  bot: Agent,
  greetingWord: string,
  opener: string,
  firstGap: number,
): string | undefined {
  const { b, rng, v, topic, plan, spanish, rich } = run
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
  if (rich && run.use('welcomeRtl')) run.sendRich(WELCOME_CARD)
  if (rich && run.use('botMenuSc')) {
    const qr = run.use('quickRepliesRich')
      ? quickReplies([{ title: 'Talk to a person', text: 'I want to talk to a person' }])
      : undefined
    run.sendRich(spanish ? BOT_MENU_ES_CARD : BOT_MENU_CARD, qr)
  } else {
    run.agentSays(
      spanish
        ? '¡Hola! Soy Lucía, la asistente virtual de Acme. ¿En qué le puedo ayudar?'
        : `Hi! I am ${bot.nickname}, Acme's virtual assistant. What can I help you with today?`,
      { qr: spanish ? BOT_MENU_ES_QR : BOT_MENU_QR },
    )
  }
  run.consumerSays(choice.text)
  run.agentSays(
    spanish
      ? 'Entendido. ¿Me puede contar un poco más?'
      : 'Got it. Can you tell me a bit more about what is going on?',
    { contextData: botContext(run) },
  )
  const openerId = run.consumerSays(opener)
  // Self-service attempt.
  if (topic.key === 'orderTracking') {
    if (rich) runFeature(run, 'orderCard')
    else {
      run.agentSays(
        'Your order {order} shipped with {carrier}. Tracking number: {tracking}. Estimated delivery: {date}.',
        { contextData: botContext(run) },
      )
      run.consumerSays(
        plan.botOnly ? 'Great, thanks!' : 'That does not help, I need to talk to someone.',
      )
    }
  } else if (topic.key === 'passwordReset' && rich) {
    runFeature(run, 'helpArticle')
  }
  if (plan.botOnly) {
    run.consumerSays(spanish ? 'Gracias, eso es todo.' : 'Thanks, that is all I needed.')
    run.agentSays(
      spanish ? '¡Con gusto! Que tenga un buen día.' : 'Glad I could help! Have a great day.',
      { contextData: botContext(run) },
    )
  } else {
    const reason = rng.chance(0.35) ? 'escalated_by_user' : 'escalated_by_bot'
    if (reason === 'escalated_by_user') {
      run.consumerSays(
        spanish ? 'Quiero hablar con una persona' : 'I want to talk to a person please',
      )
    }
    run.escalationContext = botContext(run, reason)
    v.dept = SKILLS[topic.skill].name
    run.agentSays(
      spanish
        ? 'Le comunico con un agente de {dept}. Un momento por favor.'
        : 'Let me connect you with one of our specialists. One moment please.',
      { contextData: run.escalationContext },
    )
    b.advance(rng.int(500, 2_000))
    b.transfer('Skill', {
      targetSkill: SKILLS[topic.skill],
      by: bot,
      contextData: run.escalationContext,
    })
  }
  return openerId
}
