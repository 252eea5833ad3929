import type { z } from 'zod'
import { cleanObject, optText, optTime } from '@/domain/schema/coerce'

/** `summary`: the agent's conversation summary. The text is kept exactly as written. */
export const summarySchema = cleanObject({ text: optText, lastUpdatedTime: optTime })

export type Summary = z.output<typeof summarySchema>
