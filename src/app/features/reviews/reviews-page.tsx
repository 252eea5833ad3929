import { useQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { AdminPageError } from '@/app/components/admin-page-error'
import { PagePending } from '@/app/components/page-pending'
import { DownloadLink } from '@/app/features/reviews/download-link'
import { ReviewsFilters, type Choice } from '@/app/features/reviews/reviews-filters'
import { ReviewsPager } from '@/app/features/reviews/reviews-pager'
import { isFiltered, reviewsExportHref, reviewsQuery } from '@/app/features/reviews/reviews-query'
import { ReviewsTable } from '@/app/features/reviews/reviews-table'
import { useTimeZone } from '@/app/lib/preferences'
import { reviewQueries } from '@/app/lib/review-api'
import { useInteractiveMark } from '@/app/lib/interactive-mark'

const route = getRouteApi('/reviews')

const number = new Intl.NumberFormat('en')

/**
 * `/reviews`: the QA reviews this reader may see (the server decides: an agent gets the submitted
 * reviews of their own legs), filtered, sorted and paged through the URL, each a link to the
 * conversation with the review open; CSV and JSON exports of what the filters match.
 */
export function ReviewsPage() {
  useInteractiveMark()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const [zone] = useTimeZone()
  const query = reviewsQuery(search)
  const list = useQuery(reviewQueries.list(query))
  // Filter choices; the filters work without them (the URL's values stay selectable).
  const people = useQuery(reviewQueries.people())
  const scorecards = useQuery(reviewQueries.scorecards())
  if (list.isError) {
    return (
      <AdminPageError
        title="Reviews"
        forbidden="You may not read reviews."
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    )
  }
  const data = list.data
  if (!data) return <PagePending>Loading the reviews…</PagePending>
  const reviewers: Choice[] = (people.data?.reviewers ?? []).map((person) => ({
    value: person.email,
    label: person.name || person.email,
  }))
  const agents: Choice[] = (people.data?.agents ?? []).map((agent) => ({
    value: agent.agentId,
    label: agent.agentName ? `${agent.agentName} (${agent.agentId})` : agent.agentId,
  }))
  const cards: Choice[] = (scorecards.data?.scorecards ?? []).map((card) => ({
    value: String(card.id),
    label: card.archived ? `${card.name} (archived)` : card.name,
  }))
  const filtered = isFiltered(query)
  return (
    <div className="space-y-4" aria-busy={list.isPlaceholderData}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-2xl font-semibold">Reviews</h1>
          <p aria-live="polite" className="text-slate-600 dark:text-slate-400">
            {`${number.format(data.total)} ${data.total === 1 ? 'review' : 'reviews'}${filtered ? ' match' : ''}`}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <DownloadLink href={reviewsExportHref('csv', query)}>Download CSV</DownloadLink>
          <DownloadLink href={reviewsExportHref('json', query)}>Download JSON</DownloadLink>
        </div>
      </div>
      <ReviewsFilters
        key={`${zone} ${JSON.stringify(query)}`}
        query={query}
        zone={zone}
        reviewers={reviewers}
        agents={agents}
        scorecards={cards}
        onApply={(filters) =>
          void navigate({ search: (previous) => ({ ...previous, ...filters, offset: undefined }) })
        }
      />
      {filtered ? (
        <p className="text-sm">
          <Link
            to="/reviews"
            search={{ sort: search.sort, order: search.order, limit: search.limit }}
            className="text-blue-700 underline dark:text-blue-400"
          >
            Clear filters
          </Link>
        </p>
      ) : null}
      {data.reviews.length === 0 && data.total > 0 ? (
        <p className="py-6 text-slate-600 dark:text-slate-400">
          This page is past the last review.{' '}
          <Link
            to="/reviews"
            search={{ ...search, offset: undefined }}
            className="text-blue-700 underline dark:text-blue-400"
          >
            Go to the first page
          </Link>
        </p>
      ) : data.reviews.length === 0 ? (
        <p className="py-6 text-slate-600 dark:text-slate-400">
          {filtered
            ? 'No reviews match these filters.'
            : 'No reviews yet. Open a conversation and use its Review panel to start one.'}
        </p>
      ) : (
        <ReviewsTable
          reviews={data.reviews}
          sort={query}
          busy={list.isPlaceholderData}
          onSort={({ sort, order }) =>
            void navigate({
              search: (previous) => ({ ...previous, sort, order, offset: undefined }),
            })
          }
        />
      )}
      <ReviewsPager
        total={data.total}
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
