import type { ConversationBuilder, Json } from '@/server/demo/conversation-builder'
import { formatLpTime } from '@/server/demo/lp-time'
import type { Rng } from '@/server/demo/prng'
import { BOTS, type Agent, type Skill } from '@/server/demo/roster'
import { quickReplies } from '@/server/demo/rich-content'
import type { Topic } from '@/server/demo/topics'

const SURVEY_ID = '3592875010'

export interface SurveyOutcome {
  dialog: Json
  survey: Json
  csat: number
  endTime: number
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n))
}

const CSAT_LABELS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied']

// Survey questions and their quick replies are the same in every conversation: build them once.
const CSAT_REPLIES = JSON.stringify(
  quickReplies(
    [5, 4, 3, 2, 1].map((n) => ({ title: `${n} – ${CSAT_LABELS[n - 1] ?? ''}`, text: String(n) })),
    5,
  ),
)
const NPS_REPLIES = JSON.stringify(
  quickReplies(
    Array.from({ length: 11 }, (_, n) => ({ title: String(n), text: String(n) })),
    6,
  ),
)

function surveyText(spanish: boolean) {
  const yes = spanish ? 'Sí' : 'Yes'
  return {
    yes,
    csatQ: spanish
      ? '¿Qué tan satisfecho quedó con la atención de hoy?'
      : 'How satisfied were you with your conversation today?',
    npsQ: spanish
      ? '¿Qué tan probable es que recomiende Acme a un amigo? (0 = nada probable, 10 = muy probable)'
      : 'How likely are you to recommend Acme to a friend? (0 = not likely, 10 = very likely)',
    fcrQ: spanish ? '¿Se resolvió su consulta hoy?' : 'Was your issue resolved today?',
    fcrReplies: JSON.stringify(
      quickReplies(
        [
          { title: yes, text: yes },
          { title: 'No', text: 'No' },
        ],
        2,
      ),
    ),
    textQ: spanish
      ? '¿Algo más que quiera contarnos?'
      : 'Is there anything else you would like to tell us?',
    thanks: spanish ? '¡Gracias por su opinión!' : 'Thank you for your feedback!',
  }
}

const SURVEY_TEXT = { en: surveyText(false), es: surveyText(true) }

const COMMENTS: Record<'good' | 'ok' | 'bad', readonly string[]> = {
  good: [
    'Quick and friendly, thank you!',
    'The agent was very helpful and solved it fast.',
    'Great service, much better than calling.',
    'Easy and painless. Thanks!',
  ],
  ok: [
    'It was fine, took a bit long.',
    'Problem solved but I had to explain it twice.',
    'OK experience.',
  ],
  bad: [
    'Took way too long and the issue is still not fixed.',
    'I was transferred too many times.',
    'Not happy, this is the second time I had to contact you.',
  ],
}

/**
 * Runs the post-conversation survey (a POST_SURVEY dialog with the survey bot: CSAT, NPS, FCR and
 * a free-text question, each answered by the consumer) and returns the survey records.
 */
export function runPostSurvey(
  b: ConversationBuilder,
  opts: { mcs: number; resolved: boolean; transferred: boolean; spanish: boolean },
): SurveyOutcome | undefined {
  const rng = b.rng
  const dialogId = rng.uuid()
  const start = b.t
  const bot: Agent = BOTS.survey
  b.join(bot, 'ASSIGNED_AGENT', 'ASSIGNED_AGENT', dialogId)
  const noise = rng.float(-0.9, 0.9)
  const csat = clamp(
    Math.round(1 + (opts.mcs / 100) * 4 + noise - (opts.transferred ? 0.4 : 0)),
    1,
    5,
  )
  const nps = clamp(Math.round(opts.mcs / 10 + rng.float(-2, 1.5)), 0, 10)
  const fcr = opts.resolved && !opts.transferred && csat >= 3
  const mood: 'good' | 'ok' | 'bad' = csat >= 4 ? 'good' : csat === 3 ? 'ok' : 'bad'
  const comment = rng.pick(COMMENTS[mood])

  const ask = (text: string, replies?: string): boolean => {
    const data: Json = { msg: { text } }
    if (replies) data.quickReplies = { content: replies }
    return (
      b.message({ by: bot, type: 'TEXT_PLAIN', data, gap: rng.int(700, 2500), dialogId }) !==
      undefined
    )
  }
  const answer = (text: string): boolean =>
    b.message({
      by: 'consumer',
      type: 'TEXT_PLAIN',
      data: { msg: { text } },
      gap: rng.int(3000, 40_000),
      dialogId,
      score: false,
    }) !== undefined

  const t = opts.spanish ? SURVEY_TEXT.es : SURVEY_TEXT.en
  const ok =
    ask(t.csatQ, CSAT_REPLIES) &&
    answer(String(csat)) &&
    ask(t.npsQ, NPS_REPLIES) &&
    answer(String(nps)) &&
    ask(t.fcrQ, t.fcrReplies) &&
    answer(fcr ? t.yes : 'No') &&
    ask(t.textQ) &&
    answer(comment) &&
    ask(t.thanks)
  if (!ok) return undefined
  if (!b.advance(rng.int(500, 3000))) return undefined
  b.leave(bot)
  const end = b.t
  const q = (
    questionId: string,
    question: string,
    answerText: string,
    answerId: string,
    questionType: string,
    questionFormat: string,
    seq: number,
  ): Json => ({
    question,
    answer: answerText,
    questionId,
    answerId,
    questionType,
    questionFormat,
    answerSeq: String(seq),
    isValidAnswer: true,
  })
  const survey: Json = {
    surveyType: 'PostSurvey',
    surveyStatus: 'FILLED',
    dialogId,
    surveyId: SURVEY_ID,
    surveyData: [
      q('1568781637101', t.csatQ, String(csat), `1568781637101-${csat}`, 'csat', 'single', 1),
      q('1568781637102', t.npsQ, String(nps), `1568781637102-${nps}`, 'nps', 'single', 2),
      q(
        '1568781637103',
        t.fcrQ,
        fcr ? t.yes : 'No',
        fcr ? '1568781637103-yes' : '1568781637103-no',
        'fcr',
        'single',
        3,
      ),
      q('1568781637104', t.textQ, comment, '1568781637104', 'custom', 'open', 4),
    ],
  }
  const dialog: Json = {
    dialogId,
    status: 'CLOSE',
    dialogType: 'POST_SURVEY',
    dialogChannelType: 'MESSAGING',
    startTime: formatLpTime(start),
    startTimeL: start,
    endTime: formatLpTime(end),
    endTimeL: end,
    closeReason: 'SYSTEM',
    closeReasonDescription: 'AUTO_CLOSE',
    skillId: b.currentSkill?.id ?? -1,
    skillName: b.currentSkill?.name ?? 'Unassigned',
  }
  return { dialog, survey, csat, endTime: end }
}

interface AgentSurveyInput {
  rng: Rng
  conversationId: string
  agent: Agent
  skill: Skill
  topic: Topic
  resolved: boolean
  closedAt: number
  cutoff: number
  note: string
}

function answersFor(input: AgentSurveyInput): Json[] {
  const { rng, topic } = input
  return [
    {
      questionText: 'Contact reason',
      questionId: '1566107405201',
      questionDefinition: 'REGULAR_QUESTION',
      questionCategory: 'DROPDOWN',
      answers: [{ answer: topic.label, answerId: `1566107405201-${topic.key}` }],
    },
    {
      questionText: 'Resolved on first contact?',
      questionId: '1566107405202',
      questionDefinition: 'REGULAR_QUESTION',
      questionCategory: 'RADIO_BUTTON',
      answers: [
        {
          answer: input.resolved ? 'Yes' : 'No',
          answerId: input.resolved ? '1566107405202-1' : '1566107405202-0',
        },
      ],
    },
    {
      questionText: 'Customer effort (1-10)',
      questionId: '1566107405292',
      questionDefinition: 'REGULAR_QUESTION',
      questionCategory: 'NUMBER',
      answers: [
        {
          answer: String(rng.int(input.resolved ? 1 : 4, input.resolved ? 5 : 9)),
          answerId: '1566107405292',
        },
      ],
    },
    {
      questionText: 'Wrap-up notes',
      questionId: '1568781637139',
      questionDefinition: 'REGULAR_QUESTION',
      questionCategory: 'FREE_TEXT',
      answers: [{ answer: input.note, answerId: '1568781637139' }],
    },
  ]
}

function agentSurveyBase(input: AgentSurveyInput, agent: Agent): Json {
  return {
    dialogId: input.conversationId,
    surveyId: input.rng.uuid(),
    acSurveyId: '3592872510',
    acSurveyName: 'Agent wrap-up',
    acSurveyRevision: 7,
    surveySkillId: input.skill.id,
    surveySkillName: input.skill.name,
    assignedAgentId: agent.id,
    assignedAgentNickName: agent.nickname,
    assignedAgentName: agent.fullName,
  }
}

/** The assigned agent's wrap-up survey (`latestAgentSurvey`) and, after a transfer, the earlier one. */
export function buildAgentSurveys(
  input: AgentSurveyInput,
  previousAgent: Agent | undefined,
  previousSkillChanged: boolean,
): { latest: Json; previous: Json[]; pending: boolean } {
  const { rng } = input
  const recent = input.cutoff - input.closedAt < 36 * 3_600_000
  const roll = rng.next()
  const status =
    recent && roll < 0.25 ? 'OPEN' : roll < 0.8 ? 'SUBMITTED' : roll < 0.9 ? 'CLOSED' : 'DISMISSED'
  const latest: Json = {
    surveyStatus: status,
    statusReason: status === 'CLOSED' ? 'timeout' : status,
    ...agentSurveyBase(input, input.agent),
  }
  const updated = Math.min(input.cutoff, input.closedAt + rng.int(20_000, 600_000))
  if (status === 'SUBMITTED' || status === 'DISMISSED') {
    latest.performedByAgentId = input.agent.id
    latest.performedByAgentNickName = input.agent.nickname
    latest.performedByAgentName = input.agent.fullName
  }
  latest.lastUpdateTime = status === 'OPEN' ? input.closedAt : updated
  latest.submittedAnswers = status === 'SUBMITTED' ? answersFor(input) : []

  const previous: Json[] = []
  if (previousAgent) {
    const earlier: Json = {
      surveyStatus: previousSkillChanged ? 'CLOSED' : 'SUBMITTED',
      statusReason: previousSkillChanged ? 'skillChanged' : 'SUBMITTED',
      ...agentSurveyBase(input, previousAgent),
    }
    if (!previousSkillChanged) {
      earlier.performedByAgentId = previousAgent.id
      earlier.performedByAgentNickName = previousAgent.nickname
      earlier.performedByAgentName = previousAgent.fullName
    }
    earlier.lastUpdateTime = Math.min(input.cutoff, input.closedAt - rng.int(60_000, 600_000))
    earlier.submittedAnswers = previousSkillChanged
      ? []
      : answersFor({
          ...input,
          resolved: false,
          note: 'Transferred to colleague, customer informed.',
        })
    previous.push(earlier)
  }
  if (status !== 'OPEN' && status !== 'CLOSED' && rng.chance(0.3)) {
    // An earlier, partial submission of the same survey.
    previous.push({
      surveyStatus: 'SUBMITTED',
      statusReason: 'PARTIALLY_SUBMITTED',
      ...agentSurveyBase(input, input.agent),
      performedByAgentId: input.agent.id,
      performedByAgentNickName: input.agent.nickname,
      performedByAgentName: input.agent.fullName,
      lastUpdateTime: Math.min(input.cutoff, input.closedAt + rng.int(5_000, 20_000)),
      submittedAnswers: answersFor(input).slice(0, 1),
    })
  }
  return { latest, previous, pending: status === 'OPEN' }
}
