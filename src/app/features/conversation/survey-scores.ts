import type { ConversationRecord } from '@/domain/schema/record'

export interface SurveyScores {
  /** 1–5 */
  csat?: string
  /** 0–10 */
  nps?: string
  /** The answer as given (Yes / No / Sí …). */
  fcr?: string
}

/**
 * CSAT, NPS and FCR from the conversation surveys (`questionType` csat / nps / fcr); CSAT falls
 * back to `info.csat`. A later survey wins over an earlier one.
 */
export function surveyScores(record: ConversationRecord): SurveyScores {
  const scores: SurveyScores = {}
  if (record.info.csat !== undefined) scores.csat = String(record.info.csat)
  for (const survey of record.conversationSurveys ?? []) {
    for (const item of survey.surveyData ?? []) {
      if (item.answer === undefined || item.answer === '' || item.isValidAnswer === false) continue
      const type = item.questionType?.toLowerCase()
      if (type === 'csat') scores.csat = item.answer
      else if (type === 'nps') scores.nps = item.answer
      else if (type === 'fcr') scores.fcr = item.answer
    }
  }
  return scores
}
