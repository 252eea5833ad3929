import type { z } from 'zod'
import {
  cleanObject,
  optBoolean,
  optEndTime,
  optNumber,
  optString,
  optStringArray,
  optTime,
} from '@/domain/schema/coerce'

/**
 * `info`: the conversation header. Time strings are kept as sent; the `*L` epoch-ms fields are
 * the ones to compute with. End times of `-1` become absent (the conversation has not ended).
 * `csatRate` is folded to `csat`.
 */
/** Drifted `info` key names and the canonical name each folds to. */
export const INFO_RENAMES = { csatRate: 'csat' } as const

export const conversationInfoSchema = cleanObject(
  {
    conversationId: optString,
    brandId: optString,
    status: optString,
    fullDialogStatus: optString,
    startTime: optString,
    startTimeL: optTime,
    endTime: optString,
    endTimeL: optEndTime,
    conversationEndTime: optString,
    conversationEndTimeL: optEndTime,
    fullDialogEndTime: optString,
    fullDialogEndTimeL: optEndTime,
    duration: optNumber,
    closeReason: optString,
    closeReasonDescription: optString,
    firstConversation: optBoolean,
    csat: optNumber,
    mcs: optNumber,
    alertedMCS: optNumber,
    source: optString,
    device: optString,
    deviceModel: optString,
    latestSkillId: optNumber,
    latestSkillName: optString,
    latestAgentId: optString,
    latestAgentLoginName: optString,
    latestAgentNickname: optString,
    latestAgentFullName: optString,
    agentDeleted: optBoolean,
    latestAgentGroupId: optNumber,
    latestAgentGroupName: optString,
    browser: optString,
    browserVersion: optString,
    operatingSystem: optString,
    operatingSystemVersion: optString,
    latestQueueState: optString,
    isPartial: optBoolean,
    sessionId: optString,
    interactionContextId: optString,
    timeZone: optString,
    language: optString,
    features: optStringArray,
    integration: optString,
    integrationVersion: optString,
    appId: optString,
    appVersion: optString,
    ipAddress: optString,
    wasStepUp: optBoolean,
    pendingAgentSurvey: optBoolean,
    firstIntentName: optString,
    firstIntentLabel: optString,
    visitorId: optString,
    campaignId: optString,
    engagementId: optString,
    conversationType: optString,
  },
  INFO_RENAMES,
)

/** The clean `info` section. `conversationId` is always present on a parsed record. */
export type ConversationInfo = z.output<typeof conversationInfoSchema> & { conversationId: string }
