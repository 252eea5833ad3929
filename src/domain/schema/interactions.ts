import type { z } from 'zod'
import { cleanObject, optNumber, optString, optTime } from '@/domain/schema/coerce'

/**
 * One `interactions[]` item: an agent assignment. The documentation table names the agent fields
 * `agentId/agentFullName/agentLoginName/agentNickname`; they fold to `assignedAgent*`.
 */
export const interactionSchema = cleanObject(
  {
    assignedAgentId: optString,
    assignedAgentFullName: optString,
    assignedAgentLoginName: optString,
    assignedAgentNickname: optString,
    interactionTime: optString,
    interactionTimeL: optTime,
    interactiveSequence: optNumber,
    dialogId: optString,
  },
  {
    agentId: 'assignedAgentId',
    agentFullName: 'assignedAgentFullName',
    agentLoginName: 'assignedAgentLoginName',
    agentNickname: 'assignedAgentNickname',
  },
)

export type Interaction = z.output<typeof interactionSchema>
