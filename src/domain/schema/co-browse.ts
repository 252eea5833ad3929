import { z } from 'zod'
import {
  cleanArray,
  cleanObject,
  optBoolean,
  optEndTime,
  optNumber,
  optString,
  optStringArray,
  optTime,
} from '@/domain/schema/coerce'

/** One co-browse session. `isInteractive` (documentation table) folds to `interactive`. */
export const coBrowseSessionSchema = cleanObject(
  {
    sessionId: optString,
    startTime: optString,
    startTimeL: optTime,
    endTime: optString,
    endTimeL: optEndTime,
    interactiveTime: optString,
    interactiveTimeL: optTime,
    interactive: optBoolean,
    endReason: optString,
    duration: optNumber,
    type: optString,
    capabilities: optStringArray,
    agentId: optString,
  },
  { isInteractive: 'interactive' },
)

export type CoBrowseSession = z.output<typeof coBrowseSessionSchema>

/** The `coBrowseSessions` section: `{ coBrowseSessionsList: CoBrowseSession[] }`. */
export interface CoBrowseSessions {
  coBrowseSessionsList: CoBrowseSession[]
  [key: string]: unknown
}

/** The whole `coBrowseSessions` section, all-or-nothing. A bare array is read as the list. */
export const coBrowseSessionsSchema: z.ZodType<CoBrowseSessions, unknown> = z.preprocess(
  (value) => (Array.isArray(value) ? { coBrowseSessionsList: value } : value),
  z
    .looseObject({ coBrowseSessionsList: cleanArray(coBrowseSessionSchema).optional() })
    .transform((value): CoBrowseSessions => ({
      ...value,
      coBrowseSessionsList: value.coBrowseSessionsList ?? [],
    })),
)
