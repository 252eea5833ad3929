import type { ConversationRecord } from '@/domain/schema/record'

/** One row of the results table (and of the CSV export), read from a clean record. */
export interface ConversationRow {
  id: string
  startMs: number | undefined
  endMs: number | undefined
  status: string | undefined
  closeReason: string | undefined
  consumer: string
  /** Every agent who took part, in the order they joined (bots included). */
  agents: string[]
  skill: string | undefined
  agentGroup: string | undefined
  channel: string | undefined
  device: string | undefined
  durationMs: number | undefined
  mcs: number | undefined
  alertedMcs: number | undefined
  csat: number | undefined
  summary: string | undefined
  isPartial: boolean
}

const isUnassigned = (name: string | undefined) => !name || name === 'Unassigned'

function consumerName(record: ConversationRecord): string {
  for (const consumer of record.consumerParticipants ?? []) {
    const full = [consumer.firstName, consumer.lastName].filter(Boolean).join(' ').trim()
    const name = full || consumer.consumerName?.trim()
    if (name) return name
  }
  return 'Visitor'
}

function agentNames(record: ConversationRecord): string[] {
  const names: string[] = []
  const seen = new Set<string>()
  const participants = [...(record.agentParticipants ?? [])].sort(
    (a, b) => (a.timeL ?? 0) - (b.timeL ?? 0),
  )
  for (const agent of participants) {
    const key = agent.agentId ?? agent.agentLoginName ?? agent.agentFullName
    if (!key || seen.has(key)) continue
    const name = agent.agentFullName ?? agent.agentNickname ?? agent.agentLoginName ?? agent.agentId
    if (!name) continue
    seen.add(key)
    names.push(name)
  }
  const latest = record.info.latestAgentFullName ?? record.info.latestAgentNickname
  if (names.length === 0 && latest) names.push(latest)
  return names
}

export function toConversationRow(record: ConversationRecord): ConversationRow {
  const { info } = record
  return {
    id: info.conversationId,
    startMs: info.startTimeL,
    endMs: info.status === 'OPEN' ? undefined : (info.conversationEndTimeL ?? info.endTimeL),
    status: info.status,
    closeReason: info.status === 'CLOSE' ? info.closeReason : undefined,
    consumer: consumerName(record),
    agents: agentNames(record),
    skill: isUnassigned(info.latestSkillName) ? undefined : info.latestSkillName,
    agentGroup: isUnassigned(info.latestAgentGroupName) ? undefined : info.latestAgentGroupName,
    channel: info.source,
    device: info.device,
    durationMs: info.duration,
    mcs: info.mcs,
    alertedMcs: info.alertedMCS,
    csat: info.csat,
    summary: record.summary?.text?.trim() || undefined,
    isPartial: info.isPartial === true,
  }
}
