import fc from 'fast-check'
import { expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import { conversationRecordSchema } from '@/domain/schema/record-strict'
import { SEED_ID, seedRecord } from './seed'

const SECTIONS = [
  'info.startTimeL',
  'info.csatRate',
  'info.device',
  'info.features',
  'campaign',
  'monitoring',
  'messageRecords',
  'messageRecords[0]',
  'messageRecords[0].messageData',
  'messageRecords[1].contextData',
  'messageRecords[3].messageData.richContent',
  'agentParticipants',
  'consumerParticipant',
  'transfers[1]',
  'interactions',
  'messageScore',
  'messageStatuses[2]',
  'conversationSurveys[0].surveyData',
  'coBrowseSessions',
  'coBrowseSessions.coBrowseSessionsList[0]',
  'sdes',
  'unAuthSdes.events[2]',
  'unAuthSdes.events[2].customerInfo.customerInfo',
  'summary',
  'skillChanges',
  'latestAgentSurvey',
  'dialogs',
  'intents',
] as const

test('any JSON value in any section never throws and never loses the record', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SECTIONS), fc.jsonValue(), (path, value) => {
      const result = parseConversationRecord(seedRecord({ [path]: value }))
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.record.info.conversationId).toBe(SEED_ID)
      for (const warning of result.warnings) {
        expect(warning.section.length).toBeGreaterThan(0)
        expect(warning.message.length).toBeGreaterThan(0)
      }
    }),
    { numRuns: 200 },
  )
})

test('the all-at-once schema gives the same clean record as the tolerant parser', () => {
  const tolerant = parseConversationRecord(seedRecord())
  const strict = conversationRecordSchema.safeParse(seedRecord())
  expect(tolerant.ok && strict.success).toBe(true)
  if (tolerant.ok && strict.success) expect(strict.data).toEqual(tolerant.record)
})

test('the all-at-once schema fails where the tolerant parser only warns', () => {
  const raw = seedRecord({ 'transfers[0].timeL': 'yesterday' })
  expect(parseConversationRecord(raw).ok).toBe(true)
  const strict = conversationRecordSchema.safeParse(raw)
  expect(strict.success).toBe(false)
  expect(strict.error?.issues[0]?.path).toEqual(['transfers', 0, 'timeL'])
})

test('null nested objects are absent, not errors', () => {
  const result = parseConversationRecord(
    seedRecord({
      'messageRecords[1].contextData': null,
      'messageRecords[0].messageData.msg': null,
      'coBrowseSessions.coBrowseSessionsList[1].capabilities': null,
    }),
  )
  expect(result.ok && result.warnings).toEqual([])
  if (!result.ok) return
  expect(result.record.messageRecords?.[1]).not.toHaveProperty('contextData')
  expect(result.record.messageRecords?.[0]?.messageData).toEqual({})
  expect(result.record.coBrowseSessions?.coBrowseSessionsList[1]).not.toHaveProperty('capabilities')
})
