import { z } from 'zod'
import { CAMPAIGN_RENAMES, campaignSchema } from '@/domain/schema/campaign'
import { coBrowseSessionSchema, coBrowseSessionsSchema } from '@/domain/schema/co-browse'
import type { CoBrowseSessions } from '@/domain/schema/co-browse'
import {
  cleanArray,
  describeValue,
  formatIssues,
  isAbsent,
  isPlainObject,
  optString,
  parseJson,
} from '@/domain/schema/coerce'
import { dialogSchema } from '@/domain/schema/dialogs'
import { parseFast } from '@/domain/schema/fast-path-switch'
import { INFO_RENAMES, conversationInfoSchema } from '@/domain/schema/info'
import type { ConversationInfo } from '@/domain/schema/info'
import { intentSchema, uniqueIntentSchema } from '@/domain/schema/intents'
import { interactionSchema } from '@/domain/schema/interactions'
import { messageScoreSchema } from '@/domain/schema/message-scores'
import { messageStatusSchema } from '@/domain/schema/message-statuses'
import { messageRecordSchema } from '@/domain/schema/messages'
import type { MessageRecord } from '@/domain/schema/messages'
import { monitoringSchema } from '@/domain/schema/monitoring'
import { agentParticipantSchema, consumerParticipantSchema } from '@/domain/schema/participants'
import { RESPONSE_TIME_RENAMES, responseTimeSchema } from '@/domain/schema/response-time'
import { dedupeSdeEvents, normalizeSdeEvent, sdeSectionSchema } from '@/domain/schema/sdes'
import type { SdeEvent, SdeSection } from '@/domain/schema/sdes'
import { skillChangeSchema } from '@/domain/schema/skill-changes'
import { summarySchema } from '@/domain/schema/summary'
import { agentSurveySchema, conversationSurveySchema } from '@/domain/schema/surveys'
import { transferSchema } from '@/domain/schema/transfers'

/** A problem found while parsing one record: which part, and what was wrong with it. */
export interface ParseWarning {
  /** e.g. `transfers`, `transfers[1]`, `info.startTimeL`, `messageRecords[3].richContent` */
  section: string
  message: string
}

/**
 * The clean record, all-or-nothing: every section validated and normalised at once. Its output
 * type is {@link ConversationRecord}. {@link parseConversationRecord} produces the same shape but
 * section by section, so that one broken section only costs that section.
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

/** One clean `conversationHistoryRecords[]` item. */
export type ConversationRecord = z.output<typeof conversationRecordSchema> & {
  info: ConversationInfo
}

export type RecordParseResult =
  { ok: true; record: ConversationRecord; warnings: ParseWarning[] } | { ok: false; reason: string }

/** Record-level key drift: older wires and the documentation tables use these names. */
const RECORD_RENAMES: Readonly<Record<string, string>> = {
  consumerParticipant: 'consumerParticipants',
  messageScore: 'messageScores',
  messagesRecords: 'messageRecords',
}

function foldRecordKeys(value: unknown): unknown {
  if (!isPlainObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const from in RECORD_RENAMES) {
    if (!(from in value)) continue
    const to = RECORD_RENAMES[from]
    if (to === undefined) continue
    copy ??= { ...value }
    const drifted = copy[from]
    delete copy[from]
    if (isAbsent(copy[to])) copy[to] = drifted
  }
  return copy ?? value
}

/** The sections this parser knows; every other top-level key is copied as sent. */
const KNOWN_SECTIONS = new Set([
  'info',
  'campaign',
  'monitoring',
  'messageRecords',
  'agentParticipants',
  'agentParticipantsActive',
  'agentParticipantsLeave',
  'consumerParticipants',
  'transfers',
  'interactions',
  'dialogs',
  'messageScores',
  'messageStatuses',
  'conversationSurveys',
  'latestAgentSurvey',
  'previouslySubmittedAgentSurveys',
  'coBrowseSessions',
  'summary',
  'sdes',
  'unAuthSdes',
  'responseTime',
  'intents',
  'uniqueIntents',
  'skillChanges',
])

/**
 * Parses an object section. When it fails, the offending fields are dropped (one warning each,
 * `section.field`) and the rest is kept; if that still fails the section is dropped.
 */
function parseObjectSection<T>(
  schema: z.ZodType<T, unknown>,
  raw: unknown,
  section: string,
  warnings: ParseWarning[],
  renames: Readonly<Record<string, string>> = {},
): T | undefined {
  if (isAbsent(raw)) return undefined
  const first = parseFast(schema, raw)
  if (first.success) return first.data
  if (isPlainObject(raw)) {
    const bad = new Set<string>()
    for (const issue of first.error.issues) {
      const key = issue.path[0]
      if (typeof key !== 'string') continue
      if (key in raw) bad.add(key)
      // the field may have arrived under a drifted name (csatRate for csat)
      for (const from in renames) if (renames[from] === key && from in raw) bad.add(from)
    }
    if (bad.size > 0) {
      const copy = { ...raw }
      for (const key of bad) delete copy[key]
      const second = schema.safeParse(copy)
      if (second.success) {
        for (const issue of first.error.issues) {
          const [key, ...rest] = issue.path
          const where = rest.length ? `${rest.join('.')}: ` : ''
          warnings.push({
            section: `${section}.${String(key)}`,
            message: `${where}${issue.message} (field dropped)`,
          })
        }
        return second.data
      }
    }
  }
  const what = isPlainObject(raw)
    ? formatIssues(first.error)
    : `expected an object, got ${describeValue(raw)}`
  warnings.push({ section, message: `${what} (section dropped)` })
  return undefined
}

/** Parses an array section item by item; a broken item is dropped with a warning `section[i]`. */
function parseArraySection<T>(
  schema: z.ZodType<T, unknown>,
  raw: unknown,
  section: string,
  warnings: ParseWarning[],
  check?: (item: T, index: number) => void,
): T[] | undefined {
  if (isAbsent(raw)) return undefined
  if (!Array.isArray(raw)) {
    warnings.push({
      section,
      message: `expected an array, got ${describeValue(raw)} (section dropped)`,
    })
    return undefined
  }
  const out: T[] = []
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i]
    if (item === null || item === undefined) continue
    const result = parseFast(schema, item)
    if (result.success) {
      out.push(result.data)
      check?.(result.data, i)
      continue
    }
    const kept = withoutOutOfRange(schema, item, result.error, `${section}[${i}]`, warnings)
    if (kept !== undefined) {
      out.push(kept)
      check?.(kept, i)
    } else
      warnings.push({
        section: `${section}[${i}]`,
        message: `${formatIssues(result.error)} (item dropped)`,
      })
  }
  return out
}

/**
 * An item whose only issues are numbers out of their range (a `timeL` no `Date` can hold) keeps
 * everything else: those fields are absent, one warning each (`messageRecords[3].timeL`). Any
 * other issue still drops the item; undefined then.
 */
function withoutOutOfRange<T>(
  schema: z.ZodType<T, unknown>,
  item: unknown,
  error: z.ZodError,
  where: string,
  warnings: ParseWarning[],
): T | undefined {
  if (!isPlainObject(item)) return undefined
  const keys = new Set<string>()
  for (const issue of error.issues) {
    const [key, ...rest] = issue.path
    const range = issue.code === 'too_big' || issue.code === 'too_small'
    if (!range || rest.length > 0 || typeof key !== 'string' || !(key in item)) return undefined
    keys.add(key)
  }
  const copy: Record<string, unknown> = { ...item }
  for (const key of keys) delete copy[key]
  const second = schema.safeParse(copy)
  if (!second.success) return undefined
  for (const issue of error.issues) {
    warnings.push({
      section: `${where}.${String(issue.path[0])}`,
      message: `${issue.message} (field dropped)`,
    })
  }
  return second.data
}

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
  if (!isPlainObject(raw))
    return { ok: false, reason: `record is not an object (got ${describeValue(raw)})` }
  const input = foldRecordKeys(raw)
  if (!isPlainObject(input)) return { ok: false, reason: 'record is not an object' }
  const rawInfo = input.info
  if (!isPlainObject(rawInfo)) {
    return {
      ok: false,
      reason: isAbsent(rawInfo)
        ? 'record has no info section (info.conversationId is required)'
        : `record info is not an object (got ${describeValue(rawInfo)})`,
    }
  }
  const id = optString.safeParse(rawInfo.conversationId)
  const conversationId = id.success ? id.data?.trim() : undefined
  if (!conversationId) {
    return {
      ok: false,
      reason: id.success
        ? 'record has no info.conversationId'
        : `record info.conversationId is not a string (got ${describeValue(rawInfo.conversationId)})`,
    }
  }

  const warnings: ParseWarning[] = []
  const parsedInfo = parseObjectSection(
    conversationInfoSchema,
    rawInfo,
    'info',
    warnings,
    INFO_RENAMES,
  )
  const info: ConversationInfo = { ...parsedInfo, conversationId }

  const record: ConversationRecord = { info }
  for (const key in input) {
    if (!KNOWN_SECTIONS.has(key)) record[key] = input[key]
  }

  const setIf = <K extends keyof ConversationRecord>(key: K, value: ConversationRecord[K]) => {
    if (value !== undefined) record[key] = value
  }

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

  return { ok: true, record, warnings }
}
