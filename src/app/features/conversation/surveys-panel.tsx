import { DateTime } from '@/app/components/date-time'
import { Fact } from '@/app/features/conversation/fact'
import { codeToWords } from '@/app/lib/vocabulary/labels'
import { LongText } from '@/app/features/conversation/long-text'
import { PanelSection } from '@/app/features/conversation/panel-section'
import type { TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'
import type { AgentSurvey } from '@/domain/schema/surveys'
import { cn } from '@/app/lib/cn'

const CARD = 'rounded-md border border-slate-200 p-3 dark:border-slate-700'
const SUBHEADING = 'text-sm font-semibold text-slate-700 dark:text-slate-300'

function AgentSurveyCard({ survey, zone }: { survey: AgentSurvey; zone: TimeZone }) {
  const answers = survey.submittedAnswers ?? []
  return (
    <div className={CARD}>
      <p className="font-medium">{survey.acSurveyName ?? survey.acSurveyId ?? 'Agent survey'}</p>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2">
        {survey.surveyStatus ? (
          <Fact label="Status">{codeToWords(survey.surveyStatus)}</Fact>
        ) : null}
        {survey.statusReason ? (
          <Fact label="Reason">
            {/^[A-Z_]+$/.test(survey.statusReason)
              ? codeToWords(survey.statusReason)
              : survey.statusReason}
          </Fact>
        ) : null}
        {survey.performedByAgentName || survey.performedByAgentNickName ? (
          <Fact label="Filled in by">
            {survey.performedByAgentName ?? survey.performedByAgentNickName}
          </Fact>
        ) : null}
        {survey.surveySkillName ? <Fact label="Skill">{survey.surveySkillName}</Fact> : null}
        {survey.lastUpdateTime !== undefined ? (
          <Fact label="Last updated">
            <DateTime ms={survey.lastUpdateTime} zone={zone} />
          </Fact>
        ) : null}
      </dl>
      {answers.length > 0 ? (
        <dl className="mt-3 space-y-2 border-t border-slate-200 pt-2 dark:border-slate-700">
          {answers.map((answer, index) => (
            <div key={answer.questionId ?? String(index)}>
              <dt className="text-sm font-medium">{answer.questionText ?? 'Question'}</dt>
              <dd className="text-sm text-slate-800 dark:text-slate-200">
                {(answer.answers ?? []).length > 0 ? (
                  <LongText
                    text={(answer.answers ?? []).map((a) => a.answer ?? '').join(', ')}
                    label={answer.questionText ?? 'the answer'}
                  />
                ) : (
                  <span className="text-slate-600 dark:text-slate-400">No answer</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No answers submitted</p>
      )}
    </div>
  )
}

/** Conversation surveys (type, status, every question and answer) and the agent surveys. */
export function SurveysPanel({ record, zone }: { record: ConversationRecord; zone: TimeZone }) {
  const surveys = record.conversationSurveys ?? []
  const latest = record.latestAgentSurvey
  const previous = record.previouslySubmittedAgentSurveys ?? []
  const nothing = surveys.length === 0 && !latest && previous.length === 0
  return (
    <PanelSection id="surveys" title="Surveys" empty={nothing ? 'No surveys' : undefined}>
      <h3 className={SUBHEADING}>Conversation surveys</h3>
      {surveys.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No conversation surveys</p>
      ) : (
        <ul className="mt-1 space-y-2" aria-label="Conversation surveys">
          {surveys.map((survey, index) => (
            <li key={survey.surveyId ?? String(index)} className={CARD}>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
                <Fact label="Type">{survey.surveyType ?? 'Unknown'}</Fact>
                <Fact label="Status">
                  {survey.surveyStatus ? codeToWords(survey.surveyStatus) : 'Unknown'}
                </Fact>
              </dl>
              {(survey.surveyData ?? []).length > 0 ? (
                <dl className="mt-3 space-y-2 border-t border-slate-200 pt-2 dark:border-slate-700">
                  {(survey.surveyData ?? []).map((item, itemIndex) => (
                    <div key={item.questionId ?? String(itemIndex)}>
                      <dt className="text-sm font-medium">
                        {item.question ?? 'Question'}
                        {item.questionType ? (
                          <span className="ml-1 text-xs font-normal text-slate-600 uppercase dark:text-slate-400">
                            ({item.questionType})
                          </span>
                        ) : null}
                      </dt>
                      <dd className="text-sm text-slate-800 dark:text-slate-200">
                        {item.answer !== undefined && item.answer !== '' ? (
                          <LongText text={item.answer} label={item.question ?? 'the answer'} />
                        ) : (
                          <span className="text-slate-600 dark:text-slate-400">No answer</span>
                        )}
                        {item.isValidAnswer === false ? (
                          <span className="ml-1 text-xs text-amber-800 dark:text-amber-300">
                            (invalid answer)
                          </span>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No questions</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className={cn('mt-4', SUBHEADING)}>Latest agent survey</h3>
      <div className="mt-1">
        {latest ? (
          <AgentSurveyCard survey={latest} zone={zone} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No agent survey</p>
        )}
      </div>
      <h3 className={cn('mt-4', SUBHEADING)}>Previous agent surveys</h3>
      {previous.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No previous agent surveys</p>
      ) : (
        <ul className="mt-1 space-y-2" aria-label="Previous agent surveys">
          {previous.map((survey, index) => (
            <li key={survey.surveyId ?? String(index)}>
              <AgentSurveyCard survey={survey} zone={zone} />
            </li>
          ))}
        </ul>
      )}
    </PanelSection>
  )
}
