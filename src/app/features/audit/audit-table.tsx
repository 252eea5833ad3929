import { DateTime } from '@/app/components/date-time'
import { Table, TableCell, TableHeaderCell } from '@/app/components/ui/table'
import { detailText } from '@/app/features/audit/detail-text'
import type { TimeZone } from '@/app/lib/time'
import type { AuditEntry } from '@/domain/schema/auth'

const MUTED = 'text-slate-500 dark:text-slate-400'

/**
 * One line per audit entry: when, who, what, on what, the detail, and where from. Everything in
 * it came from requests (an email typed at sign-in, a browser's name): it is shown as text.
 */
export function AuditTable({ entries, zone }: { entries: readonly AuditEntry[]; zone: TimeZone }) {
  return (
    <Table caption="Audit entries" framed className="text-sm">
      <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <tr>
          <TableHeaderCell nowrap>Time</TableHeaderCell>
          <TableHeaderCell>Actor</TableHeaderCell>
          <TableHeaderCell>Action</TableHeaderCell>
          <TableHeaderCell>Target</TableHeaderCell>
          <TableHeaderCell>Detail</TableHeaderCell>
          <TableHeaderCell>Address</TableHeaderCell>
          <TableHeaderCell>Browser</TableHeaderCell>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {entries.map((entry) => (
          <tr key={entry.id}>
            <TableCell nowrap className="tabular-nums">
              <DateTime ms={entry.at} zone={zone} />
            </TableCell>
            <TableCell className="break-words">
              {entry.actor ?? <span className={MUTED}>server</span>}
            </TableCell>
            <TableCell nowrap>{entry.action}</TableCell>
            <TableCell className="break-all">{entry.target ?? ''}</TableCell>
            <TableCell className="max-w-md break-words whitespace-pre-wrap">
              {detailText(entry.detail)}
            </TableCell>
            <TableCell nowrap className="font-mono text-xs">
              {entry.ip ?? ''}
            </TableCell>
            <TableCell className="max-w-xs text-xs break-words">{entry.userAgent ?? ''}</TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
