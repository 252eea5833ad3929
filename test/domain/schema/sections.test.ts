import { expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import { seedRecord } from './seed'

function parse(changes: Record<string, unknown>) {
  const result = parseConversationRecord(seedRecord(changes))
  if (!result.ok) throw new Error(result.reason)
  expect(result.warnings).toEqual([])
  return result.record
}

test('agent surveys: latest and previously submitted, numbers from strings', () => {
  const survey = {
    surveyStatus: 'SUBMITTED',
    statusReason: 'PARTIALLY_SUBMITTED',
    dialogId: 'd1',
    surveyId: 1234,
    acSurveyId: '99',
    acSurveyName: 'Wrap-up',
    acSurveyRevision: '3',
    surveySkillId: '-1',
    surveySkillName: 'Unassigned',
    assignedAgentId: 3677470410,
    performedByAgentId: '3677470410',
    lastUpdateTime: '1472483700000',
    submittedAnswers: [
      {
        questionText: 'Was the issue solved?',
        questionId: 'q1',
        questionDefinition: 'REGULAR_QUESTION',
        questionCategory: 'FREE_TEXT',
        answers: [{ answer: 'yes', answerId: 'a1' }],
      },
    ],
  }
  const record = parse({ latestAgentSurvey: survey, previouslySubmittedAgentSurveys: [survey] })
  expect(record.latestAgentSurvey).toMatchObject({
    surveyId: '1234',
    acSurveyRevision: 3,
    surveySkillId: -1,
    assignedAgentId: '3677470410',
    lastUpdateTime: 1472483700000,
  })
  expect(record.latestAgentSurvey?.submittedAnswers?.[0]?.answers).toEqual([
    { answer: 'yes', answerId: 'a1' },
  ])
  expect(record.previouslySubmittedAgentSurveys).toEqual([record.latestAgentSurvey])
})

test('conversation survey answers keep their text and type the rest', () => {
  const record = parse({
    'conversationSurveys[0].surveyData[0].answerSeq': '2',
    'conversationSurveys[0].surveyData[0].isValidAnswer': 'true',
    'conversationSurveys[0].surveyData[0].answerId': 'InvalidAnswer',
  })
  expect(record.conversationSurveys?.[0]?.surveyData?.[0]).toEqual({
    question: 'Confirm Resolution',
    answer: 'Yes',
    answerSeq: 2,
    isValidAnswer: true,
    answerId: 'InvalidAnswer',
  })
})

test('intents, unique intents, dialogs with metaData, participants active and leave', () => {
  const classification = {
    intentName: 'billing_question',
    intentLabel: 'Billing question',
    confidenceScore: '0.875',
    versions: [{ modelName: 'starter', modelVersion: 4 }],
  }
  const record = parse({
    intents: [
      {
        selectedClassification: classification,
        allClassifications: [classification],
        messageId: 'm',
      },
    ],
    uniqueIntents: [{ intentName: 'billing_question', intentLabel: 'Billing question' }],
    dialogs: [
      {
        dialogId: 'd2',
        dialogType: 'POST_SURVEY',
        status: 'CLOSE',
        startTimeL: '1472483700000',
        endTimeL: '1472483800000',
        metaData: { channel: 'web', externalConversationId: 'null' },
      },
    ],
    agentParticipantsActive: [{ agentId: 1, agentGroupId: '-1' }],
    agentParticipantsLeave: [{ agentId: '2', timeL: '1472483700001' }],
  })
  expect(record.intents?.[0]?.selectedClassification).toEqual({
    intentName: 'billing_question',
    intentLabel: 'Billing question',
    confidenceScore: 0.875,
    versions: [{ modelName: 'starter', modelVersion: '4' }],
  })
  expect(record.uniqueIntents).toHaveLength(1)
  expect(record.dialogs?.[0]).toEqual({
    dialogId: 'd2',
    dialogType: 'POST_SURVEY',
    status: 'CLOSE',
    startTimeL: 1472483700000,
    endTimeL: 1472483800000,
    metaData: { channel: 'web' },
  })
  expect(record.agentParticipantsActive).toEqual([{ agentId: '1', agentGroupId: -1 }])
  expect(record.agentParticipantsLeave).toEqual([{ agentId: '2', timeL: 1472483700001 }])
})

test('monitoring and summary', () => {
  const record = parse({
    monitoring: { country: 'Israel', device: 'NA', browser: 'Chrome 66.0.3359.181', isp: 'null' },
    'summary.lastUpdatedTime': '1482333795318',
  })
  expect(record.monitoring).toEqual({
    country: 'Israel',
    device: 'NA',
    browser: 'Chrome 66.0.3359.181',
  })
  expect(record.summary).toEqual({ text: 'summary', lastUpdatedTime: 1482333795318 })
})

test('a bad quick-replies JSON string warns for that message only', () => {
  const result = parseConversationRecord(
    seedRecord({ 'messageRecords[2].messageData.quickReplies': { content: 'not json' } }),
  )
  expect(result.ok && result.warnings.map((w) => w.section)).toEqual([
    'messageRecords[2].quickReplies',
  ])
  expect(result.ok && result.record.messageRecords?.[2]?.messageData?.msg?.text).toBe(
    'I love your service',
  )
})
