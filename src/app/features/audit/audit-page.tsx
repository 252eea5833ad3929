import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { AdminPageError } from '@/app/components/admin-page-error'
import { PagePending } from '@/app/components/page-pending'
import { AuditFilters } from '@/app/features/audit/audit-filters'
import { AuditPager } from '@/app/features/audit/audit-pager'
import { auditCsvHref, auditQueries, auditQuery } from '@/app/features/audit/audit-queries'
import { AuditTable } from '@/app/features/audit/audit-table'
import { useTimeZone } from '@/app/lib/preferences'
import { useInteractiveMark } from '@/app/lib/interactive-mark'

const route = getRouteApi('/audit')

const number = new Intl.NumberFormat('en')

/** `/audit` (admins): who did what and when, filtered and paged through the URL. */
export function AuditPage() {
  useInteractiveMark()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const [zone] = useTimeZone()
  const page = useQuery({
    ...auditQueries.page(search),
    // The page shown stays while the next one (other filters, Next) is on its way.
    placeholderData: keepPreviousData,
  })
  const query = auditQuery(search)
  if (page.isError) {
    return (
      <AdminPageError
        title="Audit trail"
        forbidden="Only admins can read the audit trail."
        error={page.error}
        onRetry={() => void page.refetch()}
      />
    )
  }
  const data = page.data
  if (!data) return <PagePending>Loading the audit trail…</PagePending>
  return (
    <div className="space-y-4" aria-busy={page.isPlaceholderData}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-2xl font-semibold">Audit trail</h1>
          <p aria-live="polite" className="text-slate-600 dark:text-slate-400">
            {`${number.format(data.count)} ${data.count === 1 ? 'entry' : 'entries'}`}
          </p>
        </div>
        <a
          href={auditCsvHref(query)}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-400"
        >
          Download CSV
        </a>
      </div>
      <AuditFilters
        key={`${zone} ${query.actor ?? ''} ${query.action ?? ''} ${String(query.from)} ${String(query.to)}`}
        query={query}
        zone={zone}
        onApply={(filters) =>
          void navigate({ search: (previous) => ({ ...previous, ...filters, offset: undefined }) })
        }
      />
      {query.actor || query.action || query.from !== undefined || query.to !== undefined ? (
        <p className="text-sm">
          <Link
            to="/audit"
            search={{ limit: search.limit }}
            className="text-blue-700 underline dark:text-blue-400"
          >
            Clear filters
          </Link>
        </p>
      ) : null}
      {data.entries.length === 0 ? (
        <p className="py-6 text-slate-600 dark:text-slate-400">No entries match these filters.</p>
      ) : (
        <AuditTable entries={data.entries} zone={zone} />
      )}
      <AuditPager
        count={data.count}
        offset={query.offset}
        limit={query.limit}
        onPage={(offset) =>
          void navigate({
            search: (previous) => ({ ...previous, offset: offset ? String(offset) : undefined }),
          })
        }
      />
    </div>
  )
}
