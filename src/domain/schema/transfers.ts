import type { z } from 'zod'
import { cleanObject, optNumber, optString, optTime } from '@/domain/schema/coerce'
import { contextDataSchema } from '@/domain/schema/messages'

/**
 * One `transfers[]` item. `assignedAgentId: "null"` becomes absent; skill IDs are numbers
 * (`-1` = Unassigned); agent IDs and `by` are strings.
 */
export const transferSchema = cleanObject({
  time: optString,
  timeL: optTime,
  assignedAgentId: optString,
  assignedAgentLoginName: optString,
  assignedAgentNickname: optString,
  assignedAgentFullName: optString,
  targetSkillId: optNumber,
  targetSkillName: optString,
  sourceSkillId: optNumber,
  sourceSkillName: optString,
  sourceAgentId: optString,
  sourceAgentLoginName: optString,
  sourceAgentNickname: optString,
  sourceAgentFullName: optString,
  reason: optString,
  by: optString,
  dialogId: optString,
  contextData: contextDataSchema.optional(),
})

export type Transfer = z.output<typeof transferSchema>
