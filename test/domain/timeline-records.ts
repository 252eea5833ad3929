import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord } from '@/domain/schema/record'

/** Small records for the timeline's tests (domain facts) and the vocabulary's (their sentences). */

export const T0 = Date.UTC(2024, 0, 15, 9, 0, 0)
export const sec = (s: number) => T0 + s * 1000
const CONSUMER = 'c0ffee00-0000-4000-8000-000000000001'

export function parse(raw: Record<string, unknown>): ConversationRecord {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.record
}

/** A record with one consumer (Anna Smith) and one human agent (Ben Agent, id 100). */
export function conversation(sections: Record<string, unknown> = {}): ConversationRecord {
  return parse({
    info: { conversationId: 'conv-1', startTimeL: T0, status: 'CLOSE' },
    consumerParticipants: [
      { participantId: CONSUMER, firstName: 'Anna', lastName: 'Smith', timeL: T0 },
    ],
    agentParticipants: [
      {
        agentId: '100',
        agentFullName: 'Ben Agent',
        userType: '1',
        userTypeName: 'Human',
        role: 'ASSIGNED_AGENT',
        permission: 'ASSIGNED_AGENT',
        timeL: sec(5),
      },
    ],
    ...sections,
  })
}

let nextSeq = 0
/** A public TEXT_PLAIN message `at` seconds after T0 from `'consumer'` or an agent ID. */
export function message(
  at: number,
  from: string,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const seq = nextSeq++
  return {
    type: 'TEXT_PLAIN',
    messageData: { msg: { text } },
    messageId: `ms::conv:conv-1::msg:${String(seq)}`,
    seq,
    participantId: from === 'consumer' ? CONSUMER : from,
    sentBy: from === 'consumer' ? 'Consumer' : 'Agent',
    audience: 'ALL',
    timeL: sec(at),
    ...extra,
  }
}

/** Dialogs (main and post-survey), a skill change, a leave, a conversation and an agent survey. */
export function eventsRecord(): ConversationRecord {
  return conversation({
    dialogs: [
      {
        dialogId: 'conv-1',
        dialogType: 'MAIN',
        startTimeL: T0,
        endTimeL: sec(100),
        closeReason: 'AGENT',
        closeReasonDescription: 'MANUAL_CLOSE',
      },
      { dialogId: 'd-2', dialogType: 'POST_SURVEY', startTimeL: sec(100), endTimeL: sec(160) },
    ],
    skillChanges: [
      { timeL: sec(50), fromSkillName: 'Sales', toSkillName: 'Billing', reason: 'fallback' },
    ],
    agentParticipantsLeave: [
      {
        agentId: '100',
        agentFullName: 'Ben Agent',
        permission: 'ASSIGNED_AGENT',
        timeL: sec(90),
      },
    ],
    conversationSurveys: [
      {
        surveyType: 'PostSurvey',
        surveyStatus: 'FILLED',
        dialogId: 'd-2',
        surveyData: [{ question: 'Rate us', answer: '5' }],
      },
    ],
    latestAgentSurvey: {
      surveyStatus: 'SUBMITTED',
      acSurveyName: 'Wrap-up',
      performedByAgentName: 'Ben Agent',
      lastUpdateTime: sec(200),
      submittedAnswers: [{ questionText: 'Resolved?', answers: [{ answer: 'Yes' }] }],
    },
  })
}

/** One unauthenticated visitor error with a long stack. */
export function visitorErrorRecord(): ConversationRecord {
  return conversation({
    unAuthSdes: {
      events: [
        {
          visitorError: {
            visitorError: {
              contextId: 'ctx-1',
              message: `TypeError\n${'   at Checkout.validate'.repeat(20)}`,
            },
          },
          sdeType: 'VISITOR_ERROR',
          serverTimeStamp: String(sec(3)),
        },
      ],
    },
  })
}

/** A transfer with agents and skills on both sides, a reason and who made it. */
export function transferRecord(): ConversationRecord {
  return conversation({
    transfers: [
      {
        timeL: sec(40),
        sourceAgentId: '100',
        sourceSkillName: 'Sales',
        targetSkillName: 'Billing',
        assignedAgentId: '101',
        assignedAgentFullName: 'Cleo Agent',
        reason: 'Agent',
        by: '300',
      },
    ],
    agentParticipants: [
      { agentId: '100', agentFullName: 'Ben Agent' },
      { agentId: '300', agentFullName: 'Mia Manager', permission: 'AGENT_MANAGER' },
    ],
  })
}
