import { playBody, waitInQueue } from '@/server/demo/agent-legs'
import { closeConversation, playClosing } from '@/server/demo/conversation-close'
import type { Json } from '@/server/demo/conversation-builder'
import { playOpening } from '@/server/demo/conversation-opening'
import type { ConversationPlan } from '@/server/demo/conversation-plan'
import { assembleRecord } from '@/server/demo/conversation-record'
import type { Rng } from '@/server/demo/prng'
import { ScriptRun } from '@/server/demo/script-run'

export type { CloseKind, ConversationPlan, Feature } from '@/server/demo/conversation-plan'

/**
 * Runs one conversation plan and returns its wire-format record. The phases, in order:
 * opening and routing (conversation-opening.ts, bot-leg.ts), the queue and the agent legs with
 * their transfers (agent-legs.ts, agent-transfers.ts, feature-blocks.ts), the closing, close and
 * surveys (conversation-close.ts), and the record (conversation-record.ts, conversation-sdes.ts).
 * They share one `ScriptRun` and one random stream, so their order is part of the output.
 */
export function runConversation(plan: ConversationPlan, rng: Rng): Json {
  const run = new ScriptRun(plan, rng)
  playOpening(run)
  const humanHandled = !plan.botOnly
  if (humanHandled) {
    waitInQueue(run)
    if (run.b.currentAgent) {
      playBody(run)
      playClosing(run)
    }
  }
  return assembleRecord(run, closeConversation(run))
}
