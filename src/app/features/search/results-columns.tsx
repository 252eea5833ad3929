import { createColumnHelper } from '@tanstack/react-table'
import { formatDuration } from '@/app/lib/time'
import { channelLabel, closeReasonLabel, deviceLabel } from '@/app/lib/vocabulary/labels'
import type { ConversationRow } from '@/app/features/search/conversation-row'
import { RowLink } from '@/app/features/search/row-link'
import { StatusBadge } from '@/app/components/status-badge'
import type { resultsFeatures } from '@/app/features/search/table-features'
import { DateTime } from '@/app/components/date-time'
import { LazyReviewStatusCell } from '@/app/features/search/lazy-review'
import { CONVERSATION_FIELD_LABELS } from '@/app/lib/vocabulary/conversation-fields'

const helper = createColumnHelper<typeof resultsFeatures, ConversationRow>()

const dash = <span className="text-slate-500 dark:text-slate-400">—</span>

/** The results table's columns. Only Start and End sort, because only they sort on the server. */
export const resultsColumns = helper.columns([
  helper.accessor('startMs', {
    id: 'start',
    header: CONVERSATION_FIELD_LABELS.start,
    enableHiding: false,
    sortDescFirst: true,
    meta: { label: CONVERSATION_FIELD_LABELS.start },
    cell: ({ row }) => (
      <RowLink
        conversationId={row.original.id}
        startMs={row.original.startMs}
        consumer={row.original.consumer}
      />
    ),
  }),
  helper.accessor('endMs', {
    id: 'end',
    header: CONVERSATION_FIELD_LABELS.end,
    sortDescFirst: true,
    meta: { label: CONVERSATION_FIELD_LABELS.end },
    cell: ({ getValue }) => {
      const ms = getValue()
      return ms === undefined ? dash : <DateTime ms={ms} />
    },
  }),
  helper.accessor('status', {
    id: 'status',
    header: CONVERSATION_FIELD_LABELS.status,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.status },
    cell: ({ row }) => (
      <StatusBadge
        status={row.original.status}
        closeReason={
          row.original.closeReason ? closeReasonLabel(row.original.closeReason) : undefined
        }
      />
    ),
  }),
  helper.display({
    id: 'review',
    header: 'Review',
    enableSorting: false,
    meta: { label: 'Review' },
    // One summary request for the page: every cell names the page's rows (the same query).
    cell: ({ row, table }) => (
      <LazyReviewStatusCell
        conversationId={row.original.id}
        ids={table.options.data.map((item) => item.id)}
      />
    ),
  }),
  helper.accessor('consumer', {
    id: 'consumer',
    header: CONVERSATION_FIELD_LABELS.consumer,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.consumer },
  }),
  helper.accessor('agents', {
    id: 'agents',
    header: CONVERSATION_FIELD_LABELS.agent,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.agent, wrap: true },
    cell: ({ getValue }) => {
      const agents = getValue()
      return agents.length > 0 ? <span className="block min-w-40">{agents.join(', ')}</span> : dash
    },
  }),
  helper.accessor('skill', {
    id: 'skill',
    header: CONVERSATION_FIELD_LABELS.skill,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.skill },
    cell: ({ getValue }) => getValue() ?? dash,
  }),
  helper.accessor('channel', {
    id: 'channel',
    header: CONVERSATION_FIELD_LABELS.channel,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.channel },
    cell: ({ getValue }) => {
      const channel = getValue()
      return channel ? channelLabel(channel) : dash
    },
  }),
  helper.accessor('device', {
    id: 'device',
    header: CONVERSATION_FIELD_LABELS.device,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.device },
    cell: ({ getValue }) => {
      const device = getValue()
      return device ? deviceLabel(device) : dash
    },
  }),
  helper.accessor('durationMs', {
    id: 'duration',
    header: CONVERSATION_FIELD_LABELS.duration,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.duration, numeric: true },
    cell: ({ getValue }) => {
      const ms = getValue()
      return ms === undefined ? dash : formatDuration(ms)
    },
  }),
  helper.accessor('mcs', {
    id: 'mcs',
    header: CONVERSATION_FIELD_LABELS.mcs,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.mcs, numeric: true },
    cell: ({ getValue }) => getValue() ?? dash,
  }),
  helper.accessor('csat', {
    id: 'csat',
    header: CONVERSATION_FIELD_LABELS.csat,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.csat, numeric: true },
    cell: ({ getValue }) => getValue() ?? dash,
  }),
  helper.accessor('summary', {
    id: 'summary',
    header: CONVERSATION_FIELD_LABELS.summary,
    enableSorting: false,
    meta: { label: CONVERSATION_FIELD_LABELS.summary, wrap: true },
    cell: ({ getValue }) => {
      const summary = getValue()
      return summary ? (
        <span title={summary} className="line-clamp-2 min-w-64">
          {summary}
        </span>
      ) : (
        dash
      )
    },
  }),
])
