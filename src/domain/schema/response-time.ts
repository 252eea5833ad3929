import type { z } from 'zod'
import { cleanObject, optNumber } from '@/domain/schema/coerce'

/**
 * `responseTime`. `latestEffectiveResponseDueTime` of `-1` is kept: it means "waiting for the
 * consumer", not "absent". The misspelling `latestEffectiveResponseTime` is folded.
 */
export const RESPONSE_TIME_RENAMES = {
  latestEffectiveResponseTime: 'latestEffectiveResponseDueTime',
} as const

export const responseTimeSchema = cleanObject(
  { latestEffectiveResponseDueTime: optNumber, configuredResponseTime: optNumber },
  RESPONSE_TIME_RENAMES,
)

export type ResponseTime = z.output<typeof responseTimeSchema>
