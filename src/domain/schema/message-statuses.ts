import type { z } from 'zod'
import { cleanObject, optNumber, optString, optTime } from '@/domain/schema/coerce'

/** One `messageStatuses[]` item: a delivery status (`ACCEPT`, `READ`, …) of one message. */
export const messageStatusSchema = cleanObject({
  messageId: optString,
  seq: optNumber,
  time: optString,
  timeL: optTime,
  participantId: optString,
  participantType: optString,
  messageDeliveryStatus: optString,
  dialogId: optString,
})

export type MessageStatus = z.output<typeof messageStatusSchema>
