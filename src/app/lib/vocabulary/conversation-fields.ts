/**
 * Names of a conversation's fields as the search shows them: the results table's column
 * headings and the CSV export's header (which says the unit where the table shows a formatted
 * value). One word per field, so a column and its CSV column never disagree.
 */
export const CONVERSATION_FIELD_LABELS = {
  conversationId: 'Conversation ID',
  url: 'URL',
  start: 'Start',
  end: 'End',
  status: 'Status',
  closeReason: 'Close reason',
  consumer: 'Consumer',
  agent: 'Agent',
  agents: 'Agents',
  skill: 'Skill',
  agentGroup: 'Agent group',
  channel: 'Channel',
  device: 'Device',
  duration: 'Duration',
  mcs: 'MCS',
  alertedMcs: 'Alerted MCS',
  csat: 'CSAT',
  summary: 'Summary',
} as const

/** A time column with the zone it is in: `Start (UTC)`. */
export function inZone(label: string, zone: string): string {
  return `${label} (${zone})`
}

/** A figure column with its unit: `Duration (s)`. */
export function inUnit(label: string, unit: string): string {
  return `${label} (${unit})`
}
