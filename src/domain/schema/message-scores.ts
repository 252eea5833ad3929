import type { z } from 'zod'
import { cleanObject, optNumber, optString, optTime } from '@/domain/schema/coerce'

/** One `messageScores[]` item (`messageScore` on older wires): MCS per consumer message. */
export const messageScoreSchema = cleanObject({
  messageId: optString,
  time: optString,
  timeL: optTime,
  mcs: optNumber,
  messageRawScore: optNumber,
})

export type MessageScore = z.output<typeof messageScoreSchema>
