import { Link } from '@tanstack/react-router'
import { DateTime } from '@/app/components/date-time'
import { Badge } from '@/app/components/ui/badge'
import { Button } from '@/app/components/ui/button'
import { Table, TableCell, TableHeaderCell } from '@/app/components/ui/table'
import type { ScorecardList } from '@/domain/schema/reviews'

type Entry = ScorecardList['scorecards'][number]

const LINK_CLASSES =
  'rounded text-blue-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-300'

/** The scorecards at their newest versions: open one in the editor, export, archive or restore. */
export function ScorecardListTable({
  scorecards,
  editing,
  busyId,
  onArchive,
}: {
  scorecards: readonly Entry[]
  /** The ID open in the editor. */
  editing: number | undefined
  busyId: number | undefined
  onArchive: (scorecard: Entry) => void
}) {
  return (
    <Table caption="Scorecards" framed className="text-sm">
      <thead className="bg-slate-100 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
        <tr>
          <TableHeaderCell className="font-semibold">Name</TableHeaderCell>
          <TableHeaderCell numeric className="font-semibold">
            Version
          </TableHeaderCell>
          <TableHeaderCell numeric className="font-semibold">
            Criteria
          </TableHeaderCell>
          <TableHeaderCell numeric className="font-semibold">
            Reviews
          </TableHeaderCell>
          <TableHeaderCell className="font-semibold">Status</TableHeaderCell>
          <TableHeaderCell nowrap className="font-semibold">
            Changed
          </TableHeaderCell>
          <TableHeaderCell className="font-semibold">
            <span className="sr-only">Actions</span>
          </TableHeaderCell>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {scorecards.map((card) => (
          <tr
            key={card.id}
            aria-current={card.id === editing ? 'true' : undefined}
            className={
              card.id === editing
                ? 'bg-blue-50 dark:bg-blue-950/60'
                : 'odd:bg-white even:bg-slate-50 dark:odd:bg-slate-900 dark:even:bg-slate-900/60'
            }
          >
            <TableCell className="font-medium break-words">{card.name}</TableCell>
            <TableCell numeric>{card.version}</TableCell>
            <TableCell numeric>{card.criteria}</TableCell>
            <TableCell numeric>
              {card.reviews}
              {card.latestReviews !== undefined && card.latestReviews < card.reviews ? (
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {`${String(card.latestReviews)} on v.${String(card.version)}`}
                </span>
              ) : null}
            </TableCell>
            <TableCell>
              {card.archived ? <Badge>Archived</Badge> : <Badge tone="success">In use</Badge>}
            </TableCell>
            <TableCell nowrap className="tabular-nums">
              <DateTime ms={card.updatedAt} />
            </TableCell>
            <TableCell nowrap>
              <div className="flex items-center justify-end gap-3">
                <Link
                  to="/scorecards"
                  search={{ edit: String(card.id) }}
                  aria-label={`Edit ${card.name}`}
                  className={LINK_CLASSES}
                >
                  Edit
                </Link>
                <a
                  href={`/api/scorecards/${String(card.id)}/export`}
                  download
                  aria-label={`Export ${card.name} as JSON`}
                  className={LINK_CLASSES}
                >
                  Export
                </a>
                <Button
                  size="sm"
                  disabled={busyId === card.id}
                  aria-label={`${card.archived ? 'Restore' : 'Archive'} ${card.name}`}
                  onClick={() => onArchive(card)}
                >
                  {card.archived ? 'Restore' : 'Archive'}
                </Button>
              </div>
            </TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
