import type { z } from 'zod'
import {
  cleanArray,
  cleanObject,
  optBoolean,
  optNumber,
  optString,
  optText,
  optTime,
} from '@/domain/schema/coerce'

/** One question/answer of a post-conversation survey. */
export const surveyAnswerSchema = cleanObject({
  question: optText,
  answer: optText,
  questionId: optString,
  answerId: optString,
  questionType: optString,
  questionFormat: optString,
  answerSeq: optNumber,
  isValidAnswer: optBoolean,
})

/** One `conversationSurveys[]` item (PCS / satisfaction survey). */
export const conversationSurveySchema = cleanObject({
  surveyType: optString,
  surveyStatus: optString,
  dialogId: optString,
  surveyId: optString,
  surveyData: cleanArray(surveyAnswerSchema).optional(),
})

export const agentSurveyAnswerSchema = cleanObject({ answer: optText, answerId: optString })

export const agentSurveySubmittedAnswerSchema = cleanObject({
  questionText: optText,
  questionId: optString,
  questionDefinition: optString,
  questionCategory: optString,
  answers: cleanArray(agentSurveyAnswerSchema).optional(),
})

/** `latestAgentSurvey` and each `previouslySubmittedAgentSurveys[]` item. */
export const agentSurveySchema = cleanObject({
  surveyStatus: optString,
  statusReason: optString,
  dialogId: optString,
  surveyId: optString,
  acSurveyId: optString,
  acSurveyName: optString,
  acSurveyRevision: optNumber,
  surveySkillId: optNumber,
  surveySkillName: optString,
  assignedAgentId: optString,
  assignedAgentNickName: optString,
  assignedAgentName: optString,
  performedByAgentId: optString,
  performedByAgentNickName: optString,
  performedByAgentName: optString,
  lastUpdateTime: optTime,
  submittedAnswers: cleanArray(agentSurveySubmittedAnswerSchema).optional(),
})

export type SurveyAnswer = z.output<typeof surveyAnswerSchema>
export type ConversationSurvey = z.output<typeof conversationSurveySchema>
export type AgentSurveySubmittedAnswer = z.output<typeof agentSurveySubmittedAnswerSchema>
export type AgentSurvey = z.output<typeof agentSurveySchema>
