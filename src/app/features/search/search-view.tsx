import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useLocation, useRouter } from '@tanstack/react-router'
import { Suspense, useEffect, useMemo } from 'react'
import type { AppConfig } from '@/app/lib/config-queries'
import { conversationQueries } from '@/app/lib/conversation-queries'
import { HttpError } from '@/app/lib/http'
import { usePreference, useTimeZone, writePreference } from '@/app/lib/preferences'
import { describeFilters } from '@/app/features/search/active-filters'
import { ExportCsvButton } from '@/app/features/search/export-csv-button'
import { filterFieldOf } from '@/app/features/search/filter-draft'
import { LazyImportButton } from '@/app/features/search/lazy-import-button'
import { LazyInsights } from '@/app/features/search/lazy-insights'
import { LazySdeValueChip } from '@/app/features/search/lazy-sde-value-chip'
import { ViewTabs } from '@/app/features/search/view-tabs'
import { LazyReviewSummaryNotice } from '@/app/features/search/lazy-review'
import { writeLastSearch } from '@/app/lib/last-search'
import { buildListRequest } from '@/app/features/search/list-request'
import { PageHeading } from '@/app/features/search/page-heading'
import {
  COLUMNS_KEY,
  parseColumnVisibility,
  serializeColumnVisibility,
  toResultsPage,
} from '@/app/features/search/results-page'
import { SearchFilters } from '@/app/features/search/search-filters'
import {
  compactSearch,
  clearedSearch,
  toPageSize,
  type ConversationSearch,
} from '@/app/features/search/search-params'
import { facetQueries } from '@/app/lib/facet-queries'
import { useInteractiveMark } from '@/app/lib/interactive-mark'
import { SearchResults } from '@/app/features/search/search-results'
import { forgetScroll, rememberScroll, savedScroll } from '@/app/features/search/search-scroll'
import { useSearchNow } from '@/app/features/search/search-window'

const routeApi = getRouteApi('/conversations')

/** The search page once the app config is known: the URL drives everything below. */
export function SearchView({ config }: { config: AppConfig }) {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  // This page's own search string; while leaving for another page the location already names the
  // next page (and this one is still on screen for a moment): nothing is recorded then.
  const searchStr = useLocation({
    select: (location) => (location.pathname === '/conversations' ? location.searchStr : undefined),
  })
  const queryClient = useQueryClient()
  const [zone] = useTimeZone()
  const now = useSearchNow()
  useInteractiveMark()
  const built = buildListRequest(search, config.accountId, zone, now)
  const facets = useQuery(facetQueries.known())
  const insightsOpen = search.view === 'insights'
  const list = useQuery({
    ...conversationQueries.list(built.request),
    enabled: built.ok && !insightsOpen,
    placeholderData: keepPreviousData,
    select: toResultsPage,
  })
  const rawColumns = usePreference(COLUMNS_KEY)
  const columnVisibility = useMemo(() => parseColumnVisibility(rawColumns), [rawColumns])

  // On the Insights tab the list is not asked for, and its last count must not stand for this search.
  const page = built.ok && !insightsOpen ? list.data : undefined
  const current = page !== undefined && !list.isPlaceholderData

  // Tell the detail page which page of which search it was opened from (previous / next).
  useEffect(() => {
    if (!current || searchStr === undefined) return
    writeLastSearch({
      search: searchStr,
      ids: page.rows.map((row) => row.id),
      page: search.page,
      pageSize: search.pageSize,
      count: page.count,
    })
  }, [current, page, searchStr, search.page, search.pageSize])

  // Coming back to these results by a link: scroll to where the user was, once the rows are on
  // screen and after the router's own scroll handling for the navigation (it resets to the top).
  const router = useRouter()
  useEffect(() => {
    if (!current || searchStr === undefined) return
    const y = savedScroll(searchStr)
    if (y === undefined) return
    // Forgotten only once actually restored (StrictMode runs this effect twice in development).
    const restore = () => {
      window.scrollTo(0, y)
      forgetScroll()
    }
    const frame = requestAnimationFrame(restore)
    const unsubscribe = router.subscribe('onRendered', (event) => {
      const to = event.toLocation
      if (to.pathname === '/conversations' && to.searchStr === searchStr) {
        requestAnimationFrame(restore)
      }
    })
    const stop = window.setTimeout(unsubscribe, 1000)
    return () => {
      cancelAnimationFrame(frame)
      window.clearTimeout(stop)
      unsubscribe()
    }
  }, [current, searchStr, router])

  const go = (next: ConversationSearch) => void navigate({ search: compactSearch(next) })

  const clear = () => go(clearedSearch(search))

  const rejected =
    built.ok && list.error instanceof HttpError && list.error.status === 400
      ? list.error
      : undefined
  const filterProblem = rejected
    ? { field: filterFieldOf(rejected.field), message: rejected.message }
    : built.ok
      ? undefined
      : { field: built.field, message: built.message }

  const nameOf = (kind: 'agent' | 'skill' | 'group', id: string) => {
    const items =
      kind === 'agent'
        ? facets.data?.agents
        : kind === 'skill'
          ? facets.data?.skills
          : facets.data?.agentGroups
    return items?.find((item) => item.id === id)?.name ?? id
  }

  return (
    <section aria-labelledby="conversations-heading" className="space-y-4">
      <PageHeading
        count={page?.count}
        actions={
          config.mode === 'archive' ? (
            <Suspense fallback={null}>
              <LazyImportButton />
            </Suspense>
          ) : null
        }
      />
      <SearchFilters
        search={search}
        zone={zone}
        now={now}
        currentWindow={built.ok ? built.window : undefined}
        facets={facets.data}
        serverError={filterProblem}
        onSearch={go}
      />
      {search.sdeField ? (
        <Suspense fallback={null}>
          <LazySdeValueChip search={search} onSearch={go} />
        </Suspense>
      ) : null}
      <ViewTabs view={search.view} />
      {insightsOpen ? (
        built.ok ? (
          <Suspense
            fallback={
              <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
                Loading the charts…
              </p>
            }
          >
            <LazyInsights
              search={search}
              window={built.window}
              body={built.request.body}
              zone={zone}
              mode={config.mode}
              onSearch={go}
            />
          </Suspense>
        ) : (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {built.message}
          </p>
        )
      ) : (
        <SearchResults
          problem={built.ok ? undefined : built.message}
          error={
            list.error
              ? { message: list.error.message, rejected: rejected !== undefined }
              : undefined
          }
          onRetry={() => void list.refetch()}
          page={page}
          busy={list.isPlaceholderData}
          activeFilters={describeFilters(search, nameOf)}
          onClear={clear}
          table={{
            sort: search.sort,
            page: search.page,
            pageSize: search.pageSize,
            columnVisibility,
            onSortChange: (sort) => go({ ...search, sort, page: 1 }),
            onPaginationChange: ({ pageIndex, pageSize }) =>
              go({ ...search, page: pageIndex + 1, pageSize: toPageSize(pageSize) }),
            onColumnVisibilityChange: (visibility) =>
              writePreference(COLUMNS_KEY, serializeColumnVisibility(visibility)),
            onOpenRow: () => {
              if (searchStr !== undefined) rememberScroll(searchStr)
            },
            onRowIntent: (conversationId) =>
              void queryClient.prefetchQuery(
                conversationQueries.detail(config.accountId, conversationId),
              ),
            toolbar: (
              <>
                {list.isPlaceholderData ? (
                  <p role="status" className="mr-auto text-sm text-slate-600 dark:text-slate-400">
                    Loading…
                  </p>
                ) : null}
                {page && page.rows.length > 0 && columnVisibility.review !== false ? (
                  <LazyReviewSummaryNotice ids={page.rows.map((row) => row.id)} />
                ) : null}
                {page ? (
                  <ExportCsvButton request={built.request} count={page.count} zone={zone} />
                ) : null}
              </>
            ),
          }}
        />
      )}
    </section>
  )
}
