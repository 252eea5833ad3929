import { Chip } from '@/app/features/conversation/chip'
import { DateTime } from '@/app/components/date-time'
import { Fact } from '@/app/features/conversation/fact'
import { codeToWords, yesNo } from '@/app/lib/vocabulary/labels'
import { agentNames } from '@/app/features/conversation/record-people'
import { PanelSection } from '@/app/features/conversation/panel-section'
import { formatDuration, type TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'

/** Co-browse sessions: start, end, duration, type, interactive, capabilities, end reason, agent. */
export function CoBrowsePanel({ record, zone }: { record: ConversationRecord; zone: TimeZone }) {
  const sessions = record.coBrowseSessions?.coBrowseSessionsList ?? []
  const names = agentNames(record)
  return (
    <PanelSection
      id="co-browse"
      title="Co-browse sessions"
      empty={sessions.length === 0 ? 'No co-browse sessions' : undefined}
    >
      <ol className="space-y-2" aria-label="Co-browse sessions">
        {sessions.map((session, index) => {
          const duration =
            session.duration ??
            (session.startTimeL !== undefined && session.endTimeL !== undefined
              ? session.endTimeL - session.startTimeL
              : undefined)
          return (
            <li
              key={session.sessionId ?? String(index)}
              className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
            >
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
                <Fact label="Start">
                  {session.startTimeL !== undefined ? (
                    <DateTime ms={session.startTimeL} zone={zone} />
                  ) : (
                    '—'
                  )}
                </Fact>
                <Fact label="End">
                  {session.endTimeL !== undefined ? (
                    <DateTime ms={session.endTimeL} zone={zone} />
                  ) : (
                    'Not ended'
                  )}
                </Fact>
                <Fact label="Duration">
                  {duration !== undefined ? formatDuration(duration) : '—'}
                </Fact>
                <Fact label="Type">{session.type ?? '—'}</Fact>
                <Fact label="Interactive">
                  {session.interactive !== undefined ? yesNo(session.interactive) : '—'}
                </Fact>
                <Fact label="End reason">
                  {session.endReason ? codeToWords(session.endReason) : '—'}
                </Fact>
                <Fact label="Agent">
                  {session.agentId
                    ? (names.get(session.agentId) ?? `Agent ${session.agentId}`)
                    : '—'}
                </Fact>
              </dl>
              {session.capabilities && session.capabilities.length > 0 ? (
                <div className="mt-2">
                  <p className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
                    Capabilities
                  </p>
                  <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Capabilities">
                    {session.capabilities.map((capability) => (
                      <li key={capability}>
                        <Chip>{codeToWords(capability)}</Chip>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          )
        })}
      </ol>
    </PanelSection>
  )
}
