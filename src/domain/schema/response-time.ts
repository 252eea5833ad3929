import type { z } from 'zod'
import { cleanObject, optNumber } from '@/domain/schema/coerce'

/**
 * `responseTime`. `latestEffectiveResponseDueTime` of `-1` is kept: it means "waiting for the
 * consumer", not "absent". The misspelling `latestEffectiveResponseTime` is folded.
 */
export const responseTimeSchema = cleanObject(
  { latestEffectiveResponseDueTime: optNumber, configuredResponseTime: optNumber },
  { latestEffectiveResponseTime: 'latestEffectiveResponseDueTime' },
)

export type ResponseTime = z.output<typeof responseTimeSchema>
