import { DateTime } from '@/app/components/date-time'
import { Fact } from '@/app/features/conversation/fact'
import { agentKindLabel, codeToWords } from '@/app/lib/vocabulary/labels'
import { agentDisplayName, consumerDisplayName } from '@/app/lib/vocabulary/people'
import { consumerPhone } from '@/app/features/conversation/record-people'
import { PanelSection } from '@/app/features/conversation/panel-section'
import type { TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'

const CARD = 'rounded-md border border-slate-200 p-3 dark:border-slate-700'

/** Agents (with role, permission, Human or Bot, group, join time) and consumers. */
export function ParticipantsPanel({
  record,
  zone,
}: {
  record: ConversationRecord
  zone: TimeZone
}) {
  const agents = record.agentParticipants ?? []
  const consumers = record.consumerParticipants ?? []
  return (
    <PanelSection
      id="participants"
      title="Participants"
      empty={agents.length === 0 && consumers.length === 0 ? 'No participants' : undefined}
    >
      <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        Agents ({agents.length})
      </h3>
      {agents.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No agents</p>
      ) : (
        <ul className="mt-1 space-y-2" aria-label="Agents">
          {agents.map((agent, index) => {
            const kind = agentKindLabel(agent)
            return (
              <li key={`${agent.agentId ?? 'agent'}-${String(index)}`} className={CARD}>
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {agentDisplayName(agent)}
                  {kind ? (
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200">
                      {kind}
                    </span>
                  ) : null}
                  {agent.agentDeleted ? (
                    <span className="text-xs text-slate-600 dark:text-slate-400">(deleted)</span>
                  ) : null}
                </p>
                <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2">
                  {agent.agentLoginName ? (
                    <Fact label="Login name">{agent.agentLoginName}</Fact>
                  ) : null}
                  {agent.role ? <Fact label="Role">{codeToWords(agent.role)}</Fact> : null}
                  {agent.permission ? (
                    <Fact label="Permission">{codeToWords(agent.permission)}</Fact>
                  ) : null}
                  {agent.agentGroupName || agent.agentGroupId !== undefined ? (
                    <Fact label="Group">
                      {agent.agentGroupName ?? `Group ${String(agent.agentGroupId)}`}
                    </Fact>
                  ) : null}
                  {agent.timeL !== undefined ? (
                    <Fact label="Joined at">
                      <DateTime ms={agent.timeL} zone={zone} />
                    </Fact>
                  ) : null}
                </dl>
              </li>
            )
          })}
        </ul>
      )}
      <h3 className="mt-4 text-sm font-semibold text-slate-700 dark:text-slate-300">
        Consumers ({consumers.length})
      </h3>
      {consumers.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No consumers</p>
      ) : (
        <ul className="mt-1 space-y-2" aria-label="Consumers">
          {consumers.map((consumer, index) => {
            const phone = consumerPhone(consumer)
            const joinedAt = consumer.joinTimeL ?? consumer.timeL
            return (
              <li key={`${consumer.participantId ?? 'consumer'}-${String(index)}`} className={CARD}>
                <p className="font-medium">{consumerDisplayName(consumer)}</p>
                <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2">
                  {consumer.email ? <Fact label="Email">{consumer.email}</Fact> : null}
                  {phone ? <Fact label="Phone">{phone}</Fact> : null}
                  {joinedAt !== undefined ? (
                    <Fact label="Joined at">
                      <DateTime ms={joinedAt} zone={zone} />
                    </Fact>
                  ) : null}
                  {consumer.participantId ? (
                    <Fact label="Consumer ID">
                      <span className="font-mono text-xs break-all">{consumer.participantId}</span>
                    </Fact>
                  ) : null}
                </dl>
              </li>
            )
          })}
        </ul>
      )}
    </PanelSection>
  )
}
