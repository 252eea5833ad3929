import { createColumnHelper } from '@tanstack/react-table'
import { Link } from '@tanstack/react-router'
import { DateTime } from '@/app/components/date-time'
import { ReviewScore } from '@/app/features/reviews/review-score'
import { ReviewState } from '@/app/features/reviews/review-state'
import type { reviewTableFeatures } from '@/app/features/reviews/review-table-features'
import type { ReviewRow } from '@/domain/schema/reviews'

const helper = createColumnHelper<typeof reviewTableFeatures, ReviewRow>()

const MUTED = 'text-xs text-slate-600 dark:text-slate-400'
const dash = <span className="text-slate-500 dark:text-slate-400">—</span>

/**
 * A long conversation ID (LivePerson's are UUIDs) as its first 8 characters and an ellipsis for
 * the eye; screen readers and the link's tooltip get the whole ID.
 */
function shortId(id: string) {
  if (id.length <= 13) return id
  return (
    <>
      <span aria-hidden="true">{`${id.slice(0, 8)}…`}</span>
      <span className="sr-only">{id}</span>
    </>
  )
}

/**
 * The Reviews table's columns. A sortable column's ID is the API's `sort` value. Names, emails
 * and IDs came from transcripts and accounts: shown as text.
 */
export const reviewColumns = helper.columns([
  helper.accessor('conversationId', {
    id: 'conversation',
    enableSorting: false,
    meta: { label: 'Conversation' },
    cell: ({ row: { original: review } }) => (
      <div>
        <Link
          to="/conversations/$conversationId"
          params={{ conversationId: review.conversationId }}
          search={{ review: review.id }}
          title={review.conversationId}
          className="font-mono text-xs whitespace-nowrap text-blue-800 underline underline-offset-2 dark:text-blue-300"
        >
          {shortId(review.conversationId)}
          <span className="sr-only">, review by {review.author.name}</span>
        </Link>
        {review.inArchive === false ? (
          <p className="mt-0.5 text-xs font-medium text-amber-800 dark:text-amber-300">
            not in the archive
          </p>
        ) : null}
      </div>
    ),
  }),
  helper.accessor((review) => review.leg.agentName ?? review.leg.agentId, {
    id: 'agent',
    sortDescFirst: false,
    meta: { label: 'Agent' },
    cell: ({ row: { original: review } }) => (
      <div>
        <p className="break-words">
          {review.leg.agentName ?? review.leg.agentId}
          {review.leg.role === 'bot' ? <span className={MUTED}> (bot)</span> : null}
        </p>
        {review.leg.agentName ? <p className={`${MUTED} font-mono`}>{review.leg.agentId}</p> : null}
      </div>
    ),
  }),
  helper.accessor((review) => review.author.name, {
    id: 'reviewer',
    sortDescFirst: false,
    meta: { label: 'Reviewer' },
    cell: ({ row: { original: review } }) => (
      <div>
        <p className="break-words">{review.author.name || review.author.email}</p>
        {review.author.name && review.author.email !== 'local' ? (
          <p className={`${MUTED} break-words`}>{review.author.email}</p>
        ) : null}
      </div>
    ),
  }),
  helper.accessor((review) => review.scorecard.name, {
    id: 'scorecard',
    sortDescFirst: false,
    meta: { label: 'Scorecard' },
    cell: ({ row: { original: review } }) => (
      <span className="break-words">
        {review.scorecard.name}{' '}
        <span
          className={`${MUTED} whitespace-nowrap`}
        >{`v.${String(review.scorecard.version)}`}</span>
      </span>
    ),
  }),
  helper.accessor('percent', {
    id: 'score',
    sortDescFirst: true,
    meta: { label: 'Score', numeric: true },
    cell: ({ row: { original: review } }) => (
      <ReviewScore score={review.percent} criticalFailed={review.criticalFailed} />
    ),
  }),
  helper.display({
    id: 'state',
    enableSorting: false,
    meta: { label: 'State' },
    cell: ({ row: { original: review } }) => <ReviewState review={review} />,
  }),
  helper.accessor('submittedAt', {
    id: 'submitted',
    sortDescFirst: true,
    meta: { label: 'Submitted' },
    cell: ({ getValue }) => {
      const ms = getValue()
      return ms === null ? dash : <DateTime ms={ms} />
    },
  }),
  helper.accessor('updatedAt', {
    id: 'updated',
    sortDescFirst: true,
    meta: { label: 'Updated' },
    cell: ({ getValue }) => <DateTime ms={getValue()} />,
  }),
])
