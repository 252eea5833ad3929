import { useMemo } from 'react'
import { DateTime } from '@/app/components/date-time'
import { PanelSection } from '@/app/features/conversation/panel-section'
import { SdeFieldList } from '@/app/features/conversation/sde-value-view'
import type { TimeZone } from '@/app/lib/time'
import { sdeTypeLabel } from '@/app/lib/vocabulary/labels'
import { engagementAttributeGroups } from '@/domain/engagement-attributes'
import type { ConversationRecord } from '@/domain/schema/record'

/** Engagement attributes grouped by SDE type, newest first, with typed values. */
export function EngagementAttributesPanel({
  record,
  zone,
}: {
  record: ConversationRecord
  zone: TimeZone
}) {
  const groups = useMemo(() => engagementAttributeGroups(record), [record])
  return (
    <PanelSection
      id="attributes"
      title="Engagement attributes"
      empty={groups.length === 0 ? 'No engagement attributes' : undefined}
    >
      <div className="space-y-4">
        {groups.map((group) => (
          <section key={group.sdeType} aria-labelledby={`sde-${group.sdeType}`}>
            <h3
              id={`sde-${group.sdeType}`}
              className="text-sm font-semibold text-slate-700 dark:text-slate-300"
            >
              {sdeTypeLabel(group.sdeType)}
              {group.events.length > 1 ? (
                <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">
                  ({group.events.length}, newest first)
                </span>
              ) : null}
            </h3>
            <ol className="mt-1 space-y-2">
              {group.events.map((event) => (
                <li
                  key={event.id}
                  className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
                >
                  <p className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
                    <span
                      className={
                        event.isAuthenticated
                          ? 'rounded bg-green-100 px-1.5 py-0.5 font-medium text-green-900 dark:bg-green-900 dark:text-green-100'
                          : 'rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200'
                      }
                    >
                      {event.isAuthenticated ? 'Authenticated' : 'Unauthenticated'}
                    </span>
                    {event.time !== undefined ? (
                      <DateTime ms={event.time} zone={zone} />
                    ) : (
                      'No time'
                    )}
                  </p>
                  {event.fields.length > 0 ? (
                    <SdeFieldList fields={event.fields} />
                  ) : (
                    <p className="text-sm text-slate-600 dark:text-slate-400">No values</p>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </PanelSection>
  )
}
