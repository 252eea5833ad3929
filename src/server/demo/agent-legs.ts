import { runTransfer } from '@/server/demo/agent-transfers'
import type { Json, TransferReason } from '@/server/demo/conversation-builder'
import type { Feature } from '@/server/demo/conversation-plan'
import { consumerImage, playTurns, runFeature, runHostile } from '@/server/demo/feature-blocks'
import { formatLpTime, HOUR, MINUTE } from '@/server/demo/lp-time'
import { makeVars, productForTopic } from '@/server/demo/message-wording'
import { agentsForSkill, DEMO_BRAND_ID, SKILLS } from '@/server/demo/roster'
import type { ScriptRun } from '@/server/demo/script-run'
import {
  FILLERS_EN,
  FILLERS_ES,
  GREETINGS_EN,
  GREETINGS_ES,
  TOPICS,
  type Turn,
} from '@/server/demo/topics'

/** One step of the body: scripted turns, a feature, a transfer, a co-browse session, hostile content. */
type Block =
  | { kind: 'turns'; turns: readonly Turn[] }
  | { kind: 'feature'; feature: Feature }
  | { kind: 'transfer'; reason: TransferReason }
  | { kind: 'cobrowse'; type: 'web' | 'inApp' }
  | { kind: 'hostile' }

/** Features shown in the bot leg or the closing, never as a body block. */
const BODY_SKIP = new Set<Feature>([
  'welcomeRtl',
  'botMenuSc',
  'quickRepliesRich',
  'confirmResolved',
  'templateQuickReply',
])

/**
 * The wait for a human agent: a TIMEOUT conversation waits in vain; otherwise an agent of the
 * current skill is assigned after the queue time and greets the consumer.
 */
export function waitInQueue(run: ScriptRun): void {
  const { b, rng, v, plan, spanish } = run
  if (plan.closeKind === 'TIMEOUT') {
    run.consumerSays(spanish ? '¿Hay alguien ahí?' : 'Hello? Is anyone there?')
    if (b.advance(rng.int(8, 20) * MINUTE)) {
      run.consumerSays(spanish ? 'Sigo esperando...' : 'Still waiting...')
    }
    return
  }
  // An open conversation cut here is still waiting in the queue.
  if (b.atMessageLimit()) return
  const wait = run.async
    ? rng.duration(4 * MINUTE, 20_000, 2 * HOUR)
    : rng.duration(90_000, 10_000, 15 * MINUTE)
  if (!b.advance(wait)) return
  const skill = b.currentSkill ?? SKILLS[run.topic.skill]
  const agent = rng.pick(agentsForSkill(skill.key))
  b.assign(agent, run.escalationContext)
  v.agent = agent.nickname
  v.dept = skill.name
  run.agentSays(rng.pick(spanish ? GREETINGS_ES : GREETINGS_EN))
}

/**
 * The agent legs: the scenario's exchanges with features, co-browsing, hostile samples and
 * transfers spread among them, topped up with filler turns to the planned length (and, for a
 * long conversation, cycles of further topics).
 */
export function playBody(run: ScriptRun): void {
  const { b, rng, plan, topic } = run
  const fillers = run.spanish ? FILLERS_ES : FILLERS_EN
  const exchanges = [...run.scenario.exchanges]
  if (topic.extras.length > 0 && rng.chance(0.4)) {
    exchanges.splice(rng.int(0, exchanges.length), 0, rng.pick(topic.extras))
  }
  const blocks: Block[] = exchanges.map((turns) => ({ kind: 'turns', turns }))
  let planned = exchanges.reduce((n, turns) => n + turns.length, 0)
  const middle: Block[] = []
  for (const f of plan.features) {
    if (BODY_SKIP.has(f) || run.used.has(f)) continue
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
    if (block.kind === 'turns') playTurns(run, block.turns)
    else if (block.kind === 'feature') runFeature(run, block.feature)
    else if (block.kind === 'cobrowse') runCobrowse(run, block.type)
    else if (block.kind === 'hostile') runHostile(run)
    else runTransfer(run, block.reason)
  }
  if (plan.longTarget > 0) runLong(run, plan.longTarget, fillers)
}

/** A co-browse (web) or app-sharing (inApp) session with the current human agent. */
function runCobrowse(run: ScriptRun, kind: 'web' | 'inApp'): void {
  const { b, rng } = run
  const agent = b.currentAgent
  if (!agent || agent.userType !== '1') return
  run.agentSays(
    kind === 'web'
      ? 'I am sending you a co-browse invitation so I can see the page you are on. Please accept it.'
      : 'I am sending an invitation to share your app screen. You can end it at any time.',
  )
  run.consumerSays('ok, accepted')
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
  run.cobrowse.push(session)
  run.agentSays('Thanks, I could see exactly what was happening there.')
}

/** A long (performance) conversation: topic after topic until `target` messages. */
function runLong(run: ScriptRun, target: number, fillers: readonly (readonly Turn[])[]): void {
  const { b, rng } = run
  const pool = TOPICS.filter((t) => !t.spanish)
  let cycle = 0
  while (!b.stopped && b.currentAgent && b.messageCount < target) {
    cycle++
    // A new site, order and invoice every cycle, so the text varies across the thread.
    const t = rng.pick(pool)
    run.longTopic = t
    const agent = run.v.agent ?? ''
    const dept = run.v.dept ?? ''
    Object.assign(run.v, makeVars(rng, run.consumer, b.t, productForTopic(rng, t)), {
      agent,
      dept,
    })
    const site = rng.pick(['Denver', 'Austin', 'Boston', 'Seattle', 'Miami', 'Chicago'])
    const scenario = rng.pick(t.scenarios)
    run.consumerSays(`Next one: site ${cycle} (${site}). ${rng.pick(scenario.openers)}`)
    for (const turns of scenario.exchanges) playTurns(run, turns)
    if (rng.chance(0.5)) playTurns(run, rng.pick(fillers))
    playTurns(run, scenario.resolution)
    const r = rng.next()
    if (r < 0.04) runFeature(run, 'html')
    else if (r < 0.07) runFeature(run, 'privateNote')
    else if (r < 0.09 && run.rich) runFeature(run, 'productSelect')
    else if (r < 0.11) consumerImage(run, 'errorScreenshot')
    else if (r < 0.12) runFeature(run, 'link')
    if (cycle % 25 === 0) b.advance(rng.int(7, 13) * HOUR)
  }
}
