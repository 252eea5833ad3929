import type { KeyboardEvent } from 'react'
import { CoBrowsePanel } from '@/app/features/conversation/co-browse-panel'
import { EngagementAttributesPanel } from '@/app/features/conversation/engagement-attributes-panel'
import { PANEL_IDS, PANEL_LABELS, type PanelId } from '@/app/features/conversation/panel-ids'
import { ParticipantsPanel } from '@/app/features/conversation/participants-panel'
import { SummaryPanel } from '@/app/features/conversation/summary-panel'
import { SurveysPanel } from '@/app/features/conversation/surveys-panel'
import { TransfersPanel } from '@/app/features/conversation/transfers-panel'
import type { TimeZone } from '@/app/lib/time'
import { engagementAttributeCount } from '@/domain/engagement-attributes'
import type { ConversationRecord } from '@/domain/schema/record'

function panelCount(record: ConversationRecord, id: PanelId): number | undefined {
  switch (id) {
    case 'participants':
      return (record.agentParticipants?.length ?? 0) + (record.consumerParticipants?.length ?? 0)
    case 'transfers':
      return record.transfers?.length ?? 0
    case 'co-browse':
      return record.coBrowseSessions?.coBrowseSessionsList.length ?? 0
    case 'surveys':
      return (
        (record.conversationSurveys?.length ?? 0) +
        (record.latestAgentSurvey ? 1 : 0) +
        (record.previouslySubmittedAgentSurveys?.length ?? 0)
      )
    case 'summary':
      return undefined
    case 'attributes':
      return engagementAttributeCount(record)
  }
}

function PanelBody({
  id,
  record,
  zone,
}: {
  id: PanelId
  record: ConversationRecord
  zone: TimeZone
}) {
  switch (id) {
    case 'participants':
      return <ParticipantsPanel record={record} zone={zone} />
    case 'transfers':
      return <TransfersPanel record={record} zone={zone} />
    case 'co-browse':
      return <CoBrowsePanel record={record} zone={zone} />
    case 'surveys':
      return <SurveysPanel record={record} zone={zone} />
    case 'summary':
      return <SummaryPanel record={record} zone={zone} />
    case 'attributes':
      return <EngagementAttributesPanel record={record} zone={zone} />
  }
}

/**
 * The side panels as tabs (WAI-ARIA tabs pattern: arrow keys, Home, End). The open tab is the
 * `tab` search param, so it survives reload and can be linked to.
 */
export function SidePanels({
  record,
  zone,
  tab,
  onTabChange,
}: {
  record: ConversationRecord
  zone: TimeZone
  tab: PanelId
  onTabChange: (tab: PanelId) => void
}) {
  const select = (id: PanelId) => {
    onTabChange(id)
    document.getElementById(`tab-${id}`)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = PANEL_IDS.indexOf(tab)
    const last = PANEL_IDS.length - 1
    const target =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined
    const next = target === undefined ? undefined : PANEL_IDS[target]
    if (next === undefined) return
    event.preventDefault()
    select(next)
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label="Conversation details"
        aria-orientation="horizontal"
        className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700"
      >
        {PANEL_IDS.map((id) => {
          const selected = id === tab
          const count = panelCount(record, id)
          return (
            <button
              key={id}
              id={`tab-${id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`panel-${id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => select(id)}
              onKeyDown={onKeyDown}
              className={
                selected
                  ? '-mb-px rounded-t-md border border-b-white border-slate-200 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:border-b-slate-900 dark:bg-slate-900 dark:text-white'
                  : 'rounded-t-md border border-transparent px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-800'
              }
            >
              {PANEL_LABELS[id]}
              {count !== undefined ? (
                <span className="ml-1 text-xs text-slate-600 tabular-nums dark:text-slate-400">
                  {count}
                </span>
              ) : null}
            </button>
          )
        })}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        tabIndex={0}
        className="pt-4 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <PanelBody id={tab} record={record} zone={zone} />
      </div>
    </div>
  )
}
