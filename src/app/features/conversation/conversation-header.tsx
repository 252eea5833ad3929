import { useMemo, type ReactNode } from 'react'
import { CampaignDetails } from '@/app/features/conversation/campaign-details'
import { Chip } from '@/app/features/conversation/chip'
import { ConsumerConversations } from '@/app/features/conversation/consumer-conversations'
import { CopyButton } from '@/app/features/conversation/copy-button'
import { DateTime } from '@/app/components/date-time'
import { Fact } from '@/app/features/conversation/fact'
import { alertedMcsLabel, codeToWords, statusLabel } from '@/app/lib/vocabulary/labels'
import { consumerId } from '@/app/features/conversation/record-people'
import { surveyScores } from '@/app/features/conversation/survey-scores'
import { formatDuration, type TimeZone } from '@/app/lib/time'
import { conversationMetrics } from '@/domain/metrics'
import type { ConversationRecord } from '@/domain/schema/record'
import { StatusBadge } from '@/app/components/status-badge'

function joined(...parts: (string | number | undefined)[]): string | undefined {
  const text = parts
    .filter((part) => part !== undefined && part !== '')
    .map(String)
    .join(' ')
  return text || undefined
}

/** A fact shown only when there is something to say. */
function Maybe({ label, value }: { label: string; value: ReactNode }) {
  if (value === undefined || value === null || value === '') return null
  return <Fact label={label}>{value}</Fact>
}

/** The conversation at a glance: identity, status, times, channel, people, scores, metrics. */
export function ConversationHeader({
  record,
  zone,
}: {
  record: ConversationRecord
  zone: TimeZone
}) {
  const { info, monitoring } = record
  // Walks every message: computed once per record, not on every find keystroke or tab change.
  const metrics = useMemo(() => conversationMetrics(record), [record])
  const scores = useMemo(() => surveyScores(record), [record])
  const consumer = consumerId(record)

  const closeReason =
    info.status === 'CLOSE' || info.closeReason
      ? joined(
          info.closeReason ? `by ${info.closeReason.toLowerCase()}` : undefined,
          info.closeReasonDescription ? `(${codeToWords(info.closeReasonDescription)})` : undefined,
        )
      : undefined
  const endMs = info.endTimeL ?? info.conversationEndTimeL
  const latestAgent =
    info.latestAgentFullName ?? info.latestAgentNickname ?? info.latestAgentLoginName
  const latestAgentLogin =
    info.latestAgentLoginName && info.latestAgentLoginName !== latestAgent
      ? info.latestAgentLoginName
      : undefined
  const firstIntent = info.firstIntentLabel ?? info.firstIntentName
  const uniqueIntents = (record.uniqueIntents ?? [])
    .map((intent) => intent.intentLabel ?? intent.intentName)
    .filter((name): name is string => Boolean(name))

  return (
    <section aria-labelledby="conversation-heading" className="mb-6">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 id="conversation-heading" className="text-2xl font-semibold">
          Conversation{' '}
          <span className="font-mono text-lg font-normal break-all">{info.conversationId}</span>
        </h1>
        <CopyButton text={info.conversationId} label="Copy conversation ID" />
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        <StatusBadge status={info.status} size="md" className="mr-2" />
        {closeReason ? (
          <span>
            {statusLabel('CLOSE')} {closeReason}.{' '}
          </span>
        ) : null}
        Times in {zone}.
      </p>

      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
        <Maybe
          label="Started"
          value={
            info.startTimeL !== undefined ? (
              <DateTime ms={info.startTimeL} zone={zone} />
            ) : undefined
          }
        />
        <Fact label="Ended">
          {endMs !== undefined ? <DateTime ms={endMs} zone={zone} /> : 'Not ended'}
        </Fact>
        <Maybe
          label="Duration"
          value={info.duration !== undefined ? formatDuration(info.duration) : undefined}
        />
        <Maybe label="Channel" value={info.source} />
        <Maybe
          label="Device"
          value={joined(
            info.device ?? monitoring?.device,
            info.deviceModel ? `(${info.deviceModel})` : undefined,
          )}
        />
        <Maybe
          label="Browser"
          value={info.browser ? joined(info.browser, info.browserVersion) : monitoring?.browser}
        />
        <Maybe
          label="Operating system"
          value={
            info.operatingSystem
              ? joined(info.operatingSystem, info.operatingSystemVersion)
              : monitoring?.operatingSystem
          }
        />
        <Maybe
          label="Latest agent"
          value={
            latestAgent
              ? joined(latestAgent, latestAgentLogin ? `(${latestAgentLogin})` : undefined)
              : undefined
          }
        />
        <Maybe label="Skill" value={info.latestSkillName} />
        <Maybe label="Group" value={info.latestAgentGroupName} />
        <Maybe
          label="MCS"
          value={info.mcs !== undefined ? `${String(info.mcs)} / 100` : undefined}
        />
        <Maybe
          label="Alerted MCS"
          value={info.alertedMCS !== undefined ? alertedMcsLabel(info.alertedMCS) : undefined}
        />
        <Maybe label="CSAT" value={scores.csat !== undefined ? `${scores.csat} / 5` : undefined} />
        <Maybe label="NPS" value={scores.nps !== undefined ? `${scores.nps} / 10` : undefined} />
        <Maybe label="FCR" value={scores.fcr} />
        <Maybe label="First intent" value={firstIntent} />
        <Fact label="Transfers">{metrics.transferCount}</Fact>
        <Fact label="Agents">{metrics.agentCount}</Fact>
        <Fact label="First agent response">
          {metrics.firstAgentResponseMs !== undefined
            ? formatDuration(metrics.firstAgentResponseMs)
            : '—'}
        </Fact>
        <Fact label="Average agent response">
          {metrics.averageAgentResponseMs !== undefined
            ? formatDuration(metrics.averageAgentResponseMs)
            : '—'}
        </Fact>
      </dl>

      {uniqueIntents.length > 0 ? (
        <div className="mt-3">
          <h2 className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
            Intents
          </h2>
          <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Unique intents">
            {uniqueIntents.map((name) => (
              <li key={name}>
                <Chip>{name}</Chip>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <CampaignDetails campaign={record.campaign} />
      {consumer ? (
        <ConsumerConversations
          consumerId={consumer}
          currentConversationId={info.conversationId}
          zone={zone}
        />
      ) : null}
    </section>
  )
}
