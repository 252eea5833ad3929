import { playTurns, runFeature } from '@/server/demo/feature-blocks'
import { HOUR, MINUTE } from '@/server/demo/lp-time'
import { fill } from '@/server/demo/message-wording'
import { SKILLS, type Agent, type Skill } from '@/server/demo/roster'
import type { ScriptRun } from '@/server/demo/script-run'
import { buildAgentSurveys, runPostSurvey } from '@/server/demo/surveys'
import { CLOSINGS_EN, CLOSINGS_ES } from '@/server/demo/topics'

/** How a played-out conversation ended, and the surveys that followed. */
export interface ConversationEnd {
  /** Undefined while the conversation is still open at the cutoff. */
  closedAt: number | undefined
  closeReason: string | undefined
  closeDescription: string | undefined
  open: boolean
  lastHuman: Agent | undefined
  lastSkill: Skill
  surveyOutcome: ReturnType<typeof runPostSurvey>
  summaryText: string
  agentSurveys: ReturnType<typeof buildAgentSurveys> | undefined
}

/**
 * The agent's closing words: the scenario's resolution, a last rich card now and then, and the
 * goodbye that fits how the conversation will end (the agent, the consumer, or the system).
 */
export function playClosing(run: ScriptRun): void {
  const { b, rng, plan, spanish, rich } = run
  if (b.stopped || !b.currentAgent) return
  playTurns(run, run.scenario.resolution)
  if (rich && run.has('confirmResolved')) runFeature(run, 'confirmResolved')
  else if (rich && plan.longTarget === 0 && rng.chance(0.08)) runFeature(run, 'confirmResolved')
  if (rich && run.has('templateQuickReply')) runFeature(run, 'templateQuickReply')
  if (plan.closeKind === 'AUTO_CLOSE') {
    run.agentSays(
      spanish
        ? '¿Sigue ahí, {name}?'
        : 'Are you still there, {name}? I will close this conversation if I do not hear back.',
    )
  } else if (plan.closeKind === 'CONSUMER') {
    run.consumerSays(
      spanish
        ? 'Gracias, adiós.'
        : rng.pick(['Thanks, bye!', 'Thank you, that is all.', 'ok thanks bye']),
    )
  } else {
    playTurns(run, rng.pick(spanish ? CLOSINGS_ES : CLOSINGS_EN))
  }
}

/**
 * Ends the conversation the way the plan says (unless it is cut off while still open), then runs
 * the post-conversation survey and the agent survey when they apply.
 */
export function closeConversation(run: ScriptRun): ConversationEnd {
  const { b, rng, v, plan, topic, spanish } = run
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
        delay = run.async ? rng.int(20, 24) * HOUR : rng.int(30, 90) * MINUTE
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
      resolved: run.resolved,
      transferred: b.transfers.length > 1,
      spanish,
    })
  }
  const summaryText = fill(run.scenario.summary, v)
  let agentSurveys: ReturnType<typeof buildAgentSurveys> | undefined
  if (closedAt !== undefined && plan.agentSurvey && lastHuman) {
    const previous = b.humanAgents.length > 1 ? b.humanAgents[b.humanAgents.length - 2] : undefined
    agentSurveys = buildAgentSurveys(
      {
        rng,
        conversationId: plan.conversationId,
        agent: lastHuman,
        skill: lastSkill,
        topic,
        resolved: run.resolved,
        closedAt,
        cutoff: plan.cutoff,
        note: summaryText,
      },
      previous,
      b.transfers.some((t) => t.reason === 'Skill' && t.sourceAgentId === previous?.id),
    )
  }
  return {
    closedAt,
    closeReason,
    closeDescription,
    open,
    lastHuman,
    lastSkill,
    surveyOutcome,
    summaryText,
    agentSurveys,
  }
}
