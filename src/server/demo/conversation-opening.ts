import { playBotLeg } from '@/server/demo/bot-leg'
import { fill } from '@/server/demo/message-wording'
import { SKILLS } from '@/server/demo/roster'
import type { ScriptRun } from '@/server/demo/script-run'
import { TOPICS } from '@/server/demo/topics'

/**
 * The opening: the consumer's first message and routing to a skill, either straight to the
 * topic's skill (with a fallback skill now and then) or through the bot leg.
 */
export function playOpening(run: ScriptRun): void {
  const { b, rng, v, topic, plan, spanish } = run
  const greetingWord = spanish
    ? rng.pick(['Hola', 'Buenas tardes'])
    : rng.pick(['Hi', 'Hello', 'hi there', 'Hey', 'hello?'])
  const opener = rng.pick(run.scenario.openers)
  const firstGap = rng.int(800, 4_000)
  let openerId: string | undefined

  if (plan.bot) {
    openerId = playBotLeg(run, plan.bot, greetingWord, opener, firstGap)
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
  classify(run, openerId)
}

/** Most openers get an intent classification (with one or two runner-up topics). */
function classify(run: ScriptRun, messageId: string | undefined): void {
  if (!messageId || !run.rng.chance(0.7)) return
  const alternatives = run.rng.sample(
    TOPICS.filter((t) => t.key !== run.topic.key),
    run.rng.int(1, 2),
  )
  run.b.classify(messageId, run.topic, alternatives)
}
