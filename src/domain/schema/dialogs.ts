import type { z } from 'zod'
import { cleanObject, optEndTime, optNumber, optString, optTime } from '@/domain/schema/coerce'

export const dialogMetaDataSchema = cleanObject({
  appInstallId: optString,
  channel: optString,
  deviceModel: optString,
  deviceOs: optString,
  externalConversationId: optString,
})

/** One `dialogs[]` item (`MAIN`, `POST_SURVEY`). An `endTimeL` of `-1` becomes absent. */
export const dialogSchema = cleanObject({
  dialogId: optString,
  status: optString,
  dialogType: optString,
  dialogChannelType: optString,
  startTime: optString,
  startTimeL: optTime,
  endTime: optString,
  endTimeL: optEndTime,
  closeReason: optString,
  closeReasonDescription: optString,
  skillId: optNumber,
  skillName: optString,
  metaData: dialogMetaDataSchema.optional(),
})

export type Dialog = z.output<typeof dialogSchema>
