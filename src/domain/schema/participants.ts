import type { z } from 'zod'
import { cleanObject, optBoolean, optNumber, optString, optTime } from '@/domain/schema/coerce'
import { contextDataSchema } from '@/domain/schema/messages'

/**
 * One `agentParticipants[]` item (also `agentParticipantsActive[]` / `agentParticipantsLeave[]`).
 * `agentId` is a string (numbers are converted); `agentGroupId` is a number, `-1` = Unassigned.
 * `userType` stays the wire string (`"0"` System, `"1"` Human, `"2"` Bot).
 */
export const agentParticipantSchema = cleanObject({
  agentId: optString,
  agentLoginName: optString,
  agentNickname: optString,
  agentFullName: optString,
  agentDeleted: optBoolean,
  agentPid: optString,
  time: optString,
  timeL: optTime,
  role: optString,
  userType: optString,
  userTypeName: optString,
  agentGroupId: optNumber,
  agentGroupName: optString,
  permission: optString,
  dialogId: optString,
  contextData: contextDataSchema.optional(),
})

/** One `consumerParticipants[]` item (`consumerParticipant` on older wires). */
export const consumerParticipantSchema = cleanObject({
  participantId: optString,
  time: optString,
  timeL: optTime,
  joinTime: optString,
  joinTimeL: optTime,
  firstName: optString,
  lastName: optString,
  consumerName: optString,
  phone: optString,
  email: optString,
  token: optString,
  avatarURL: optString,
  dialogId: optString,
})

export type AgentParticipant = z.output<typeof agentParticipantSchema>
export type ConsumerParticipant = z.output<typeof consumerParticipantSchema>
