import type { z } from 'zod'
import { cleanObject, optBoolean, optNumber, optString } from '@/domain/schema/coerce'

/** `campaign`: engagement, goal, LOB and location. `LocationId`/`LocationName` fold to lower case. */
export const CAMPAIGN_RENAMES = { LocationId: 'locationId', LocationName: 'locationName' } as const

export const campaignSchema = cleanObject(
  {
    campaignEngagementId: optString,
    campaignEngagementName: optString,
    campaignId: optString,
    campaignName: optString,
    goalId: optString,
    goalName: optString,
    engagementAgentNote: optString,
    engagementSource: optString,
    visitorBehaviorId: optString,
    visitorBehaviorName: optString,
    engagementApplicationId: optString,
    engagementApplicationName: optString,
    engagementApplicationTypeId: optString,
    engagementApplicationTypeName: optString,
    visitorProfileId: optString,
    visitorProfileName: optString,
    lobId: optNumber,
    lobName: optString,
    locationId: optString,
    locationName: optString,
    behaviorSystemDefault: optBoolean,
    profileSystemDefault: optBoolean,
  },
  CAMPAIGN_RENAMES,
)

export type Campaign = z.output<typeof campaignSchema>
