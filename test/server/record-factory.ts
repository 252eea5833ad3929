/**
 * Builds raw LivePerson `conversationHistoryRecords[]` items for server tests, in the wire's own
 * shape (numbers where LivePerson sends numbers, `csatRate`, `consumerParticipant` drift when
 * asked), so the archive sees what an export holds.
 */

export interface MessageSpec {
  type?: string
  text?: string
  /** Structured content, sent as a JSON string in `richContent.content`. */
  rich?: unknown
  /** Quick replies, sent as a JSON string in `quickReplies.content`. */
  quickReplies?: unknown
  sentBy?: 'Consumer' | 'Agent'
}

export interface AgentSpec {
  id: string
  name: string
  bot?: boolean
  groupId?: number
  groupName?: string
}

export interface RecordSpec {
  id: string
  start: number
  /** Absent: the conversation is open. */
  end?: number
  status?: 'OPEN' | 'CLOSE'
  latestSkill?: { id: number; name: string }
  /** Skills the conversation was transferred from before reaching `latestSkill`. */
  earlierSkills?: { id: number; name: string }[]
  /** Assigned agents in order; the last is the latest agent. */
  agents?: AgentSpec[]
  source?: string
  device?: string
  durationMs?: number
  mcs?: number
  alertedMCS?: number
  csat?: number
  nps?: number
  queueState?: string
  /** `info.closeReason` (AGENT, CONSUMER, SYSTEM, ...). */
  closeReason?: string
  consumerId?: string
  messages?: MessageSpec[]
  summary?: string
  sdes?: unknown[]
  unAuthSdes?: unknown[]
  /** Use the drifted singular keys `consumerParticipant` / `messageScore`. */
  drifted?: boolean
  extra?: Record<string, unknown>
}

const lpTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '+0000')

export function buildRecord(spec: RecordSpec): Record<string, unknown> {
  const agents = spec.agents ?? [{ id: 'agent-default', name: 'Default Agent' }]
  const latestAgent = agents[agents.length - 1]
  const latestSkill = spec.latestSkill ?? { id: -1, name: 'Unassigned' }
  const consumerId = spec.consumerId ?? `consumer-${spec.id}`
  const messages = spec.messages ?? [{ text: `Hello from ${spec.id}` }]

  const info: Record<string, unknown> = {
    conversationId: spec.id,
    brandId: 'demo',
    startTime: lpTime(spec.start),
    startTimeL: spec.start,
    endTime: spec.end === undefined ? 'undefined' : lpTime(spec.end),
    endTimeL: spec.end ?? -1,
    duration: spec.durationMs ?? (spec.end === undefined ? 60_000 : spec.end - spec.start),
    status: spec.status ?? (spec.end === undefined ? 'OPEN' : 'CLOSE'),
    latestSkillId: latestSkill.id,
    latestSkillName: latestSkill.name,
    latestAgentId: latestAgent?.id,
    latestAgentFullName: latestAgent?.name,
    latestAgentLoginName: latestAgent ? `${latestAgent.id}@example.com` : undefined,
    latestAgentGroupId: latestAgent?.groupId ?? -1,
    latestAgentGroupName: latestAgent?.groupName ?? 'Unassigned',
    source: spec.source ?? 'APP',
    device: spec.device ?? 'undefined',
    mcs: spec.mcs ?? 50,
    alertedMCS: spec.alertedMCS ?? 0,
    latestQueueState: spec.queueState ?? 'ACTIVE',
    isPartial: false,
  }
  if (spec.csat !== undefined) info.csatRate = spec.csat
  if (spec.closeReason !== undefined) info.closeReason = spec.closeReason

  const transfers: Record<string, unknown>[] = []
  const skillPath = [...(spec.earlierSkills ?? []), latestSkill]
  for (let i = 1; i < skillPath.length; i++) {
    const from = skillPath[i - 1]
    const to = skillPath[i]
    if (!from || !to) continue
    transfers.push({
      timeL: spec.start + i * 1000,
      time: lpTime(spec.start + i * 1000),
      assignedAgentId: 'null',
      sourceSkillId: from.id,
      sourceSkillName: from.name,
      targetSkillId: to.id,
      targetSkillName: to.name,
      reason: 'Skill',
    })
  }

  const record: Record<string, unknown> = {
    info,
    campaign: { campaignId: '1', campaignName: 'Test campaign' },
    messageRecords: messages.map((message, seq) => {
      const messageData: Record<string, unknown> = {}
      if (message.text !== undefined) messageData.msg = { text: message.text }
      if (message.rich !== undefined) {
        messageData.richContent = { content: JSON.stringify(message.rich) }
      }
      if (message.quickReplies !== undefined) {
        messageData.quickReplies = { content: JSON.stringify(message.quickReplies) }
      }
      const sentBy = message.sentBy ?? (seq % 2 === 0 ? 'Consumer' : 'Agent')
      return {
        type: message.type ?? (message.rich !== undefined ? 'RICH_CONTENT' : 'TEXT_PLAIN'),
        messageData,
        messageId: `ms::conv:${spec.id}::msg:${String(seq)}`,
        seq,
        dialogId: spec.id,
        participantId: sentBy === 'Consumer' ? consumerId : (latestAgent?.id ?? 'agent'),
        time: lpTime(spec.start + (seq + 1) * 1000),
        timeL: spec.start + (seq + 1) * 1000,
        sentBy,
        audience: 'ALL',
      }
    }),
    agentParticipants: agents.map((agent) => ({
      agentId: agent.id,
      agentFullName: agent.name,
      agentNickname: agent.name,
      agentLoginName: `${agent.id}@example.com`,
      userType: agent.bot ? '2' : '1',
      userTypeName: agent.bot ? 'Bot' : 'Human',
      role: 'ASSIGNED_AGENT',
      permission: 'ASSIGNED_AGENT',
      agentGroupId: agent.groupId ?? -1,
      agentGroupName: agent.groupName ?? 'Unassigned',
      timeL: spec.start + 500,
      time: lpTime(spec.start + 500),
    })),
    [spec.drifted ? 'consumerParticipant' : 'consumerParticipants']: [
      {
        participantId: consumerId,
        firstName: 'Test',
        lastName: spec.id,
        timeL: spec.start,
        time: lpTime(spec.start),
      },
    ],
    transfers,
    interactions: agents.map((agent, index) => ({
      assignedAgentId: agent.id,
      assignedAgentFullName: agent.name,
      interactionTimeL: spec.start + 500 + index,
      interactionTime: lpTime(spec.start + 500 + index),
      interactiveSequence: index + 1,
    })),
    [spec.drifted ? 'messageScore' : 'messageScores']: [
      { messageId: `ms::conv:${spec.id}::msg:0`, mcs: spec.mcs ?? 50, timeL: spec.start + 2000 },
    ],
    messageStatuses: [],
    conversationSurveys:
      spec.nps === undefined
        ? []
        : [
            {
              surveyType: 'PostSurvey',
              surveyStatus: 'FILLED',
              surveyData: [
                {
                  question: 'How likely are you to recommend us?',
                  answer: String(spec.nps),
                  questionType: 'nps',
                },
              ],
            },
          ],
    coBrowseSessions: { coBrowseSessionsList: [] },
    monitoring: { country: 'Nowhere', device: spec.device ?? 'NA' },
    dialogs: [
      {
        dialogId: spec.id,
        status: spec.end === undefined ? 'OPEN' : 'CLOSE',
        dialogType: 'MAIN',
        skillId: latestSkill.id,
        skillName: latestSkill.name,
        startTimeL: spec.start,
      },
    ],
  }
  if (spec.summary !== undefined) {
    record.summary = { text: spec.summary, lastUpdatedTime: spec.start + 10_000 }
  }
  if (spec.sdes !== undefined) record.sdes = { events: spec.sdes }
  if (spec.unAuthSdes !== undefined) record.unAuthSdes = { events: spec.unAuthSdes }
  return { ...record, ...spec.extra }
}

/** A double-nested PERSONAL_INFO event, as LivePerson sends it. */
export function personalInfoEvent(name: string, surname: string, email: string) {
  return {
    personalInfo: {
      serverTimeStamp: '1497871291351',
      personalInfo: {
        name,
        surname,
        contacts: [{ personalContact: { email, phone: '12345678' } }],
      },
    },
    sdeType: 'PERSONAL_INFO',
    serverTimeStamp: '1497871291351',
  }
}

/** A double-nested CUSTOMER_INFO event. */
export function customerInfoEvent(customerId: string, customerStatus = 'vip') {
  return {
    customerInfo: {
      serverTimeStamp: '1497871291351',
      customerInfo: { customerId, customerStatus },
    },
    sdeType: 'CUSTOMER_INFO',
    serverTimeStamp: '1497871291351',
  }
}

/** A flat CART_STATUS event (unauthenticated). */
export function cartStatusEvent(productName: string) {
  return {
    cartStatus: {
      serverTimeStamp: '1528628536879',
      total: '11.7',
      currency: 'USD',
      numItems: '1',
      products: [{ quantity: '1', product: { name: productName, sku: 'sku-1', price: '11.7' } }],
    },
    serverTimeStamp: '1528628536879',
    sdeType: 'CART_STATUS',
    isAuthenticated: false,
  }
}

/** The record with one `info` field removed (for invalid-record tests). */
export function withoutInfoField(
  record: Record<string, unknown>,
  key: string,
): Record<string, unknown> {
  const info = record.info
  if (typeof info === 'object' && info !== null) Reflect.deleteProperty(info, key)
  return record
}

/** The keys of a JSON object (none for anything else). */
export function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : []
}
