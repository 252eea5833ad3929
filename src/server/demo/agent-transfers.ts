import type { TransferReason } from '@/server/demo/conversation-builder'
import { MINUTE } from '@/server/demo/lp-time'
import { agentsForSkill, MANAGERS, SKILLS, type Agent, type SkillKey } from '@/server/demo/roster'
import type { ScriptRun } from '@/server/demo/script-run'

/** Where a skill transfer from each skill goes. */
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

/**
 * One transfer in the body, announced to the consumer: to another skill, to a named colleague,
 * back to the queue, a suggested agent who timed out, or a manager taking over. The next agent
 * greets the consumer.
 */
export function runTransfer(run: ScriptRun, reason: TransferReason): void {
  const { b, rng, v } = run
  const from = b.currentAgent
  if (!from || b.stopped) return
  const es = run.spanish
  const skill = b.currentSkill ?? SKILLS[run.topic.skill]
  const pool = agentsForSkill(skill.key).filter((a) => a.id !== from.id)
  const colleague = pool.length > 0 ? rng.pick(pool) : from
  let next: Agent
  switch (reason) {
    case 'Skill': {
      const target = SKILLS[RELATED_SKILL[skill.key]]
      run.agentSays(
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
      run.agentSays(
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
      run.agentSays(
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
      run.agentSays(
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
      run.consumerSays(
        es ? 'Quiero hablar con un supervisor.' : 'I would like to speak to a supervisor please.',
      )
      if (!b.advance(rng.int(20_000, 90_000))) return
      b.join(manager, 'READER', 'MANAGER')
      run.agentSays(`I will take this one, ${from.nickname}.`, {
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
  run.agentSays(
    es
      ? takeOver
        ? `Hola {name}, soy ${next.fullName}, del equipo de supervisión. Ya leí la conversación y me aseguraré de resolverlo.`
        : `Hola {name}, soy ${next.nickname}. Ya leí la conversación, continúo desde aquí.`
      : takeOver
        ? `Hi {name}, I am ${next.fullName}, a supervisor here. I have read through the conversation and I will make sure this gets resolved.`
        : `Hi {name}, this is ${next.nickname}. I have read the conversation so far, let me continue from here.`,
  )
}
