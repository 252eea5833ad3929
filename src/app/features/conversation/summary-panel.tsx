import { DateTime } from '@/app/components/date-time'
import { LongText } from '@/app/features/conversation/long-text'
import { PanelSection } from '@/app/features/conversation/panel-section'
import type { TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'

/** The agent's summary (as text) and when it was last updated. */
export function SummaryPanel({ record, zone }: { record: ConversationRecord; zone: TimeZone }) {
  const summary = record.summary
  const text = summary?.text
  return (
    <PanelSection
      id="summary"
      title="Summary"
      empty={text === undefined || text.trim() === '' ? 'No summary' : undefined}
    >
      <p className="text-sm text-slate-900 dark:text-slate-100">
        <LongText text={text ?? ''} label="the summary" />
      </p>
      {summary?.lastUpdatedTime !== undefined ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Last updated <DateTime ms={summary.lastUpdatedTime} zone={zone} />
        </p>
      ) : null}
    </PanelSection>
  )
}
