import { IMAGES } from '@/server/demo/catalog'
import { buildCampaign, buildMonitoring, isAsyncChannel, START_PAGES } from '@/server/demo/channels'
import type { ConversationEnd } from '@/server/demo/conversation-close'
import { alertedMcs, type Json } from '@/server/demo/conversation-builder'
import { buildSdes } from '@/server/demo/conversation-sdes'
import { formatLpTime, HOUR, MINUTE } from '@/server/demo/lp-time'
import { DEMO_BRAND_ID } from '@/server/demo/roster'
import type { ScriptRun } from '@/server/demo/script-run'

/** The record's `info` section: times, status, latest agent and skill, client and consumer facts. */
function buildInfo(run: ScriptRun, end: ConversationEnd): Json {
  const { b, rng, plan, consumer, spanish } = run
  const { closedAt, closeReason, closeDescription, open, lastSkill, surveyOutcome, agentSurveys } =
    end
  const source = plan.source
  const start = plan.start
  const fullEnd = surveyOutcome?.endTime ?? closedAt
  const info: Json = {
    startTime: formatLpTime(start),
    startTimeL: start,
    endTime: fullEnd === undefined ? 'undefined' : formatLpTime(fullEnd),
    endTimeL: fullEnd ?? -1,
  }
  if (closedAt !== undefined && fullEnd !== undefined) {
    info.conversationEndTime = formatLpTime(closedAt)
    info.conversationEndTimeL = closedAt
    info.fullDialogEndTime = formatLpTime(fullEnd)
    info.fullDialogEndTimeL = fullEnd
  }
  info.duration = (closedAt ?? plan.cutoff) - start
  info.conversationId = plan.conversationId
  info.brandId = DEMO_BRAND_ID
  const latest = b.lastAssigned
  if (latest) {
    info.latestAgentId = latest.id
    info.latestAgentNickname = latest.nickname
    info.latestAgentFullName = latest.fullName
    info.latestAgentLoginName = latest.loginName
    info.agentDeleted = latest.deleted
  }
  info.latestSkillId = lastSkill.id
  info.latestSkillName = lastSkill.name
  info.source = source
  if (closeReason) {
    info.closeReason = closeReason
    info.closeReasonDescription = closeDescription
  }
  if (b.lastMcs !== undefined) {
    info.mcs = b.lastMcs
    info.alertedMCS = alertedMcs(b.lastMcs)
  }
  info.status = open ? 'OPEN' : 'CLOSE'
  info.fullDialogStatus = open ? 'OPEN' : 'CLOSE'
  info.firstConversation = plan.firstConversation
  if (surveyOutcome) info.csat = surveyOutcome.csat
  const client = plan.client
  info.device = client.device
  if (client.deviceModel) info.deviceModel = client.deviceModel
  info.browser = client.browser
  if (client.browserVersion) info.browserVersion = client.browserVersion
  info.operatingSystem = client.operatingSystem
  if (client.operatingSystemVersion) info.operatingSystemVersion = client.operatingSystemVersion
  info.latestAgentGroupId = latest ? latest.group.id : -1
  info.latestAgentGroupName = latest ? latest.group.name : 'Unassigned'
  info.latestQueueState = open && !b.currentAgent ? 'IN_QUEUE' : 'ACTIVE'
  info.isPartial = false
  info.sessionId = rng.digits(10)
  info.interactionContextId = String(rng.int(1, 40))
  info.timeZone = consumer.place.timeZone
  info.language = spanish
    ? consumer.place.countryCode === 'ES'
      ? 'es-ES'
      : 'es-MX'
    : consumer.place.countryCode === 'GB'
      ? 'en-GB'
      : 'en-US'
  info.features = client.features
  info.integration = client.integration
  info.integrationVersion = client.integrationVersion
  info.appId = client.appId
  if (client.appVersion) info.appVersion = client.appVersion
  info.ipAddress = consumer.ipAddress
  info.wasStepUp = source === 'SHARK' && !consumer.authenticated && rng.chance(0.05)
  info.pendingAgentSurvey = agentSurveys?.pending ?? false
  const firstIntent = b.intents[0]?.selectedClassification as
    { intentName?: string; intentLabel?: string } | undefined
  if (firstIntent) {
    info.firstIntentName = firstIntent.intentName
    info.firstIntentLabel = firstIntent.intentLabel
  }
  return info
}

/** The wire-format record of a played-out conversation, sections in the API's order. */
export function assembleRecord(run: ScriptRun, end: ConversationEnd): Json {
  const { b, rng, v, plan, topic, consumer } = run
  const { closedAt, closeReason, closeDescription, open, lastHuman, lastSkill } = end
  const { surveyOutcome, summaryText, agentSurveys } = end
  const source = plan.source
  const client = plan.client
  const start = plan.start
  const statuses = b.buildStatuses()
  const info = buildInfo(run, end)

  const known = consumer.authenticated || source !== 'SHARK'
  const consumerRecord: Json = {
    participantId: consumer.participantId,
    firstName: known ? consumer.firstName : 'Visitor',
    lastName: known ? consumer.lastName : 'undefined',
    token: consumer.authenticated ? consumer.customerId : 'undefined',
    email: consumer.authenticated ? consumer.email : 'undefined',
    phone:
      consumer.authenticated || source === 'SMS' || source === 'WhatsApp Business'
        ? consumer.phone
        : '0',
    avatarURL: consumer.hasAvatar ? IMAGES.avatar : 'undefined',
    time: formatLpTime(start + 12),
    timeL: start + 12,
    joinTime: formatLpTime(start),
    joinTimeL: start,
    consumerName: known ? `${consumer.firstName} ${consumer.lastName}` : 'Visitor',
    dialogId: plan.conversationId,
  }

  const mainDialog: Json = {
    dialogId: plan.conversationId,
    status: open ? 'OPEN' : 'CLOSE',
    dialogType: 'MAIN',
    dialogChannelType: 'MESSAGING',
    startTime: formatLpTime(start),
    startTimeL: start,
  }
  if (closedAt !== undefined) {
    mainDialog.endTime = formatLpTime(closedAt)
    mainDialog.endTimeL = closedAt
    mainDialog.closeReason = closeReason
    mainDialog.closeReasonDescription = closeDescription
  }
  mainDialog.skillId = lastSkill.id
  mainDialog.skillName = lastSkill.name
  const dialogs: Json[] = [mainDialog]
  if (surveyOutcome) dialogs.push(surveyOutcome.dialog)

  const sdes = buildSdes(plan, rng, v, run.product)
  const configured = isAsyncChannel(source) ? HOUR : 3 * MINUTE
  const waitingForAgent = open && b.lastSpeaker === 'c' && b.lastConsumerAt !== undefined

  const uniqueIntents: Json[] = []
  for (const intent of b.intents) {
    const sel = intent.selectedClassification as { intentName: string; intentLabel: string }
    if (!uniqueIntents.some((u) => u.intentName === sel.intentName)) {
      uniqueIntents.push({ intentName: sel.intentName, intentLabel: sel.intentLabel })
    }
  }

  const record: Json = {
    info,
    campaign: buildCampaign(rng, source, consumer.vip),
    monitoring: buildMonitoring(
      rng,
      consumer.place,
      client,
      consumer.ipAddress,
      source === 'SHARK' ? rng.pick(START_PAGES[topic.pages] ?? []) : undefined,
    ),
    messageRecords: b.messages,
    agentParticipants: b.agentParticipants,
    agentParticipantsActive: b.activeParticipants(),
    agentParticipantsLeave: b.agentParticipantsLeave,
    consumerParticipants: [consumerRecord],
    transfers: b.transfers,
    interactions: b.interactions,
    dialogs,
    messageScores: b.messageScores,
    messageStatuses: statuses,
    conversationSurveys: surveyOutcome ? [surveyOutcome.survey] : [],
  }
  if (agentSurveys) record.latestAgentSurvey = agentSurveys.latest
  record.previouslySubmittedAgentSurveys = agentSurveys?.previous ?? []
  record.coBrowseSessions = { coBrowseSessionsList: run.cobrowse }
  if (plan.summary && closedAt !== undefined && lastHuman) {
    record.summary = {
      text: summaryText,
      lastUpdatedTime: Math.min(plan.cutoff, closedAt + rng.int(15_000, 240_000)),
    }
  }
  record.sdes = { events: sdes.auth }
  record.unAuthSdes = { events: sdes.unauth }
  record.responseTime = {
    latestEffectiveResponseDueTime: waitingForAgent ? (b.lastConsumerAt ?? 0) + configured : -1,
    configuredResponseTime: configured,
  }
  record.intents = b.intents
  record.uniqueIntents = uniqueIntents
  record.skillChanges = b.skillChanges
  return record
}
