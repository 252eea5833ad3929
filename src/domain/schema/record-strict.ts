import { z } from 'zod'
import { campaignSchema } from '@/domain/schema/campaign'
import { coBrowseSessionsSchema } from '@/domain/schema/co-browse'
import { cleanArray } from '@/domain/schema/coerce'
import { dialogSchema } from '@/domain/schema/dialogs'
import { conversationInfoSchema } from '@/domain/schema/info'
import { intentSchema, uniqueIntentSchema } from '@/domain/schema/intents'
import { interactionSchema } from '@/domain/schema/interactions'
import { messageScoreSchema } from '@/domain/schema/message-scores'
import { messageStatusSchema } from '@/domain/schema/message-statuses'
import { messageRecordSchema } from '@/domain/schema/messages'
import { monitoringSchema } from '@/domain/schema/monitoring'
import { agentParticipantSchema, consumerParticipantSchema } from '@/domain/schema/participants'
import { foldRecordKeys } from '@/domain/schema/record-parse'
import { responseTimeSchema } from '@/domain/schema/response-time'
import { sdeSectionSchema } from '@/domain/schema/sdes'
import { skillChangeSchema } from '@/domain/schema/skill-changes'
import { summarySchema } from '@/domain/schema/summary'
import { agentSurveySchema, conversationSurveySchema } from '@/domain/schema/surveys'
import { transferSchema } from '@/domain/schema/transfers'

/**
 * The clean record, all-or-nothing: every section validated and normalised at once. Its output
 * type is `ConversationRecord` (record.ts). `parseConversationRecord` there produces the same
 * shape but section by section, so that one broken section only costs that section. A module of
 * its own: the app parses with that one, and this schema would only add to its first script.
 */
export const conversationRecordSchema = z
  .preprocess(
    foldRecordKeys,
    z.looseObject({
      info: conversationInfoSchema,
      campaign: campaignSchema.optional(),
      monitoring: monitoringSchema.optional(),
      messageRecords: cleanArray(messageRecordSchema).optional(),
      agentParticipants: cleanArray(agentParticipantSchema).optional(),
      agentParticipantsActive: cleanArray(agentParticipantSchema).optional(),
      agentParticipantsLeave: cleanArray(agentParticipantSchema).optional(),
      consumerParticipants: cleanArray(consumerParticipantSchema).optional(),
      transfers: cleanArray(transferSchema).optional(),
      interactions: cleanArray(interactionSchema).optional(),
      dialogs: cleanArray(dialogSchema).optional(),
      messageScores: cleanArray(messageScoreSchema).optional(),
      messageStatuses: cleanArray(messageStatusSchema).optional(),
      conversationSurveys: cleanArray(conversationSurveySchema).optional(),
      latestAgentSurvey: agentSurveySchema.optional(),
      previouslySubmittedAgentSurveys: cleanArray(agentSurveySchema).optional(),
      coBrowseSessions: coBrowseSessionsSchema.optional(),
      summary: summarySchema.optional(),
      sdes: sdeSectionSchema(true).optional(),
      unAuthSdes: sdeSectionSchema(false).optional(),
      responseTime: responseTimeSchema.optional(),
      intents: cleanArray(intentSchema).optional(),
      uniqueIntents: cleanArray(uniqueIntentSchema).optional(),
      skillChanges: cleanArray(skillChangeSchema).optional(),
    }),
  )
  .refine((record) => record.info.conversationId !== undefined, {
    message: 'record has no info.conversationId',
    path: ['info', 'conversationId'],
  })
