import { CAMPAIGN_RENAMES, campaignSchema } from '@/domain/schema/campaign'
import { coBrowseSessionSchema } from '@/domain/schema/co-browse'
import type { CoBrowseSessions } from '@/domain/schema/co-browse'
import { describeValue, isAbsent, isPlainObject, parseJson } from '@/domain/schema/coerce'
import { dialogSchema } from '@/domain/schema/dialogs'
import { intentSchema, uniqueIntentSchema } from '@/domain/schema/intents'
import { interactionSchema } from '@/domain/schema/interactions'
import { messageScoreSchema } from '@/domain/schema/message-scores'
import { messageStatusSchema } from '@/domain/schema/message-statuses'
import { messageRecordSchema } from '@/domain/schema/messages'
import type { MessageRecord } from '@/domain/schema/messages'
import { monitoringSchema } from '@/domain/schema/monitoring'
import { agentParticipantSchema, consumerParticipantSchema } from '@/domain/schema/participants'
import {
  parseArraySection,
  parseObjectSection,
  parseRecordWith,
  type ParseWarning,
  type RecordParseResult,
  type SectionsParser,
} from '@/domain/schema/record-parse'
import { RESPONSE_TIME_RENAMES, responseTimeSchema } from '@/domain/schema/response-time'
import { dedupeSdeEvents, normalizeSdeEvent } from '@/domain/schema/sdes'
import type { SdeEvent, SdeSection } from '@/domain/schema/sdes'
import { skillChangeSchema } from '@/domain/schema/skill-changes'
import { summarySchema } from '@/domain/schema/summary'
import { agentSurveySchema, conversationSurveySchema } from '@/domain/schema/surveys'
import { transferSchema } from '@/domain/schema/transfers'

export {
  foldRecordKeys,
  type ConversationRecord,
  type ParseWarning,
  type RecordParseResult,
} from '@/domain/schema/record-parse'

function parseSdeSection(
  raw: unknown,
  section: 'sdes' | 'unAuthSdes',
  warnings: ParseWarning[],
): SdeSection | undefined {
  if (isAbsent(raw)) return undefined
  const container = Array.isArray(raw) ? { events: raw } : raw
  if (!isPlainObject(container)) {
    warnings.push({
      section,
      message: `expected { events: [] }, got ${describeValue(raw)} (section dropped)`,
    })
    return undefined
  }
  const rawEvents = container.events
  const events: SdeEvent[] = []
  if (Array.isArray(rawEvents)) {
    for (let i = 0; i < rawEvents.length; i++) {
      const item: unknown = rawEvents[i]
      if (item === null || item === undefined) continue
      const built = normalizeSdeEvent(item, section === 'sdes')
      if (built.ok) events.push(built.event)
      else
        warnings.push({
          section: `${section}.events[${i}]`,
          message: `${built.message} (event dropped)`,
        })
    }
  } else if (!isAbsent(rawEvents)) {
    warnings.push({
      section: `${section}.events`,
      message: `expected an array, got ${describeValue(rawEvents)} (events dropped)`,
    })
  }
  return { ...container, events: dedupeSdeEvents(events) }
}

function parseCoBrowseSection(
  raw: unknown,
  warnings: ParseWarning[],
): CoBrowseSessions | undefined {
  if (isAbsent(raw)) return undefined
  const container = Array.isArray(raw) ? { coBrowseSessionsList: raw } : raw
  if (!isPlainObject(container)) {
    warnings.push({
      section: 'coBrowseSessions',
      message: `expected { coBrowseSessionsList: [] }, got ${describeValue(raw)} (section dropped)`,
    })
    return undefined
  }
  const list = parseArraySection(
    coBrowseSessionSchema,
    container.coBrowseSessionsList,
    'coBrowseSessions.coBrowseSessionsList',
    warnings,
  )
  return { ...container, coBrowseSessionsList: list ?? [] }
}

/** Warns about rich-content / quick-reply JSON strings that did not parse. */
function checkJsonContent(message: MessageRecord, index: number, warnings: ParseWarning[]) {
  const data = message.messageData
  if (!data) return
  for (const key of ['richContent', 'quickReplies'] as const) {
    const payload = data[key]
    if (payload?.raw === undefined || 'content' in payload) continue
    const parsed = parseJson(payload.raw)
    warnings.push({
      section: `messageRecords[${index}].${key}`,
      message: `content is not valid JSON (${parsed.ok ? 'unexpected value' : parsed.message}); shown as raw text`,
    })
  }
}

/**
 * Parses one `conversationHistoryRecords[]` item into the clean {@link ConversationRecord}.
 * Tolerant: broken sections become warnings. Rejects only a record without
 * `info.conversationId`.
 */
export function parseConversationRecord(raw: unknown): RecordParseResult {
  return parseRecordWith(raw, parseEverySection)
}

function parseEverySection(
  input: Record<string, unknown>,
  setIf: Parameters<SectionsParser>[1],
  warnings: ParseWarning[],
): void {
  setIf(
    'campaign',
    parseObjectSection(campaignSchema, input.campaign, 'campaign', warnings, CAMPAIGN_RENAMES),
  )
  setIf(
    'monitoring',
    parseObjectSection(monitoringSchema, input.monitoring, 'monitoring', warnings),
  )

  setIf(
    'messageRecords',
    parseArraySection(
      messageRecordSchema,
      input.messageRecords,
      'messageRecords',
      warnings,
      (m, i) => {
        checkJsonContent(m, i, warnings)
      },
    ),
  )

  for (const key of [
    'agentParticipants',
    'agentParticipantsActive',
    'agentParticipantsLeave',
  ] as const) {
    setIf(key, parseArraySection(agentParticipantSchema, input[key], key, warnings))
  }
  setIf(
    'consumerParticipants',
    parseArraySection(
      consumerParticipantSchema,
      input.consumerParticipants,
      'consumerParticipants',
      warnings,
    ),
  )
  setIf('transfers', parseArraySection(transferSchema, input.transfers, 'transfers', warnings))
  setIf(
    'interactions',
    parseArraySection(interactionSchema, input.interactions, 'interactions', warnings),
  )
  setIf('dialogs', parseArraySection(dialogSchema, input.dialogs, 'dialogs', warnings))
  setIf(
    'messageScores',
    parseArraySection(messageScoreSchema, input.messageScores, 'messageScores', warnings),
  )
  setIf(
    'messageStatuses',
    parseArraySection(messageStatusSchema, input.messageStatuses, 'messageStatuses', warnings),
  )
  setIf(
    'conversationSurveys',
    parseArraySection(
      conversationSurveySchema,
      input.conversationSurveys,
      'conversationSurveys',
      warnings,
    ),
  )
  setIf(
    'latestAgentSurvey',
    parseObjectSection(agentSurveySchema, input.latestAgentSurvey, 'latestAgentSurvey', warnings),
  )
  setIf(
    'previouslySubmittedAgentSurveys',
    parseArraySection(
      agentSurveySchema,
      input.previouslySubmittedAgentSurveys,
      'previouslySubmittedAgentSurveys',
      warnings,
    ),
  )
  setIf('coBrowseSessions', parseCoBrowseSection(input.coBrowseSessions, warnings))
  setIf('summary', parseObjectSection(summarySchema, input.summary, 'summary', warnings))
  setIf('sdes', parseSdeSection(input.sdes, 'sdes', warnings))
  setIf('unAuthSdes', parseSdeSection(input.unAuthSdes, 'unAuthSdes', warnings))
  setIf(
    'responseTime',
    parseObjectSection(
      responseTimeSchema,
      input.responseTime,
      'responseTime',
      warnings,
      RESPONSE_TIME_RENAMES,
    ),
  )
  setIf('intents', parseArraySection(intentSchema, input.intents, 'intents', warnings))
  setIf(
    'uniqueIntents',
    parseArraySection(uniqueIntentSchema, input.uniqueIntents, 'uniqueIntents', warnings),
  )
  setIf(
    'skillChanges',
    parseArraySection(skillChangeSchema, input.skillChanges, 'skillChanges', warnings),
  )
}
