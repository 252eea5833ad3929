import type { z } from 'zod'
import { cleanArray, cleanObject, optNumber, optString } from '@/domain/schema/coerce'

export const intentModelVersionSchema = cleanObject({
  modelName: optString,
  modelVersion: optString,
})

/** One intent classification: `intentName` is the ID, `intentLabel` the readable name. */
export const intentClassificationSchema = cleanObject({
  intentName: optString,
  intentLabel: optString,
  confidenceScore: optNumber,
  versions: cleanArray(intentModelVersionSchema).optional(),
})

/** One `intents[]` item: the intent detected on one message. */
export const intentSchema = cleanObject({
  selectedClassification: intentClassificationSchema.optional(),
  allClassifications: cleanArray(intentClassificationSchema).optional(),
  messageId: optString,
})

/** One `uniqueIntents[]` item. */
export const uniqueIntentSchema = cleanObject({ intentName: optString, intentLabel: optString })

export type IntentClassification = z.output<typeof intentClassificationSchema>
export type Intent = z.output<typeof intentSchema>
export type UniqueIntent = z.output<typeof uniqueIntentSchema>
