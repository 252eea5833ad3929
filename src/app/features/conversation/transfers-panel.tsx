import { DateTime } from '@/app/components/date-time'
import { Fact } from '@/app/features/conversation/fact'
import { transferReasonLabel } from '@/app/lib/vocabulary/labels'
import { agentNames } from '@/app/features/conversation/record-people'
import { PanelSection } from '@/app/features/conversation/panel-section'
import type { TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'

function skillAndAgent(skill: string | undefined, agent: string | undefined): string {
  const parts = [skill ? `skill ${skill}` : undefined, agent].filter(Boolean)
  return parts.length > 0 ? parts.join(' · ') : '—'
}

/** Each transfer: when, from which skill and agent, to which, why, and who did it. */
export function TransfersPanel({ record, zone }: { record: ConversationRecord; zone: TimeZone }) {
  const transfers = [...(record.transfers ?? [])].sort((a, b) => (a.timeL ?? 0) - (b.timeL ?? 0))
  const names = agentNames(record)
  return (
    <PanelSection
      id="transfers"
      title="Transfers"
      empty={transfers.length === 0 ? 'No transfers' : undefined}
    >
      <ol className="space-y-2" aria-label="Transfers">
        {transfers.map((transfer, index) => {
          const from = skillAndAgent(
            transfer.sourceSkillName,
            transfer.sourceAgentFullName ??
              transfer.sourceAgentNickname ??
              transfer.sourceAgentLoginName ??
              (transfer.sourceAgentId ? names.get(transfer.sourceAgentId) : undefined),
          )
          const to = skillAndAgent(
            transfer.targetSkillName,
            transfer.assignedAgentFullName ??
              transfer.assignedAgentNickname ??
              transfer.assignedAgentLoginName ??
              (transfer.assignedAgentId ? names.get(transfer.assignedAgentId) : undefined),
          )
          const by = transfer.by ? (names.get(transfer.by) ?? `Agent ${transfer.by}`) : undefined
          return (
            <li
              key={`${String(transfer.timeL)}-${String(index)}`}
              className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
            >
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
                <Fact label="Time">
                  {transfer.timeL !== undefined ? (
                    <DateTime ms={transfer.timeL} zone={zone} />
                  ) : (
                    '—'
                  )}
                </Fact>
                <Fact label="Reason">
                  {transfer.reason ? (
                    <>
                      {transferReasonLabel(transfer.reason)}{' '}
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        ({transfer.reason})
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </Fact>
                <Fact label="From">{from}</Fact>
                <Fact label="To">{to}</Fact>
                {by ? <Fact label="By">{by}</Fact> : null}
              </dl>
            </li>
          )
        })}
      </ol>
    </PanelSection>
  )
}
