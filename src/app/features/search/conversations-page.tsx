import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useLocation } from '@tanstack/react-router'
import { useEffect, useMemo } from 'react'
import type { ColumnVisibilityState } from '@tanstack/react-table'
import { z } from 'zod'
import { appQueries, type AppConfig } from '@/app/lib/api'
import { HttpError } from '@/app/lib/http'
import { usePreference, useTimeZone, writePreference } from '@/app/lib/preferences'
import type { SearchResponseParseResult } from '@/domain/schema/response'
import { describeFilters } from '@/app/features/search/active-filters'
import { ConversationIdJump } from '@/app/features/search/conversation-id-jump'
import { toConversationRow, type ConversationRow } from '@/app/features/search/conversation-row'
import { EmptyResults } from '@/app/features/search/empty-results'
import { ExportCsvButton } from '@/app/features/search/export-csv-button'
import { filterFieldOf } from '@/app/features/search/filter-draft'
import { ImportButton } from '@/app/features/search/import-button'
import { writeLastSearch } from '@/app/features/search/last-search'
import { buildListRequest } from '@/app/features/search/list-request'
import { PartialNotice } from '@/app/features/search/partial-notice'
import { ResultsError } from '@/app/features/search/results-error'
import { ResultsTable } from '@/app/features/search/results-table'
import { SearchFilters } from '@/app/features/search/search-filters'
import {
  compactSearch,
  EMPTY_SEARCH,
  type ConversationSearch,
} from '@/app/features/search/search-params'
import { searchQueries } from '@/app/features/search/search-queries'
import { currentTime } from '@/app/features/search/search-window'

const routeApi = getRouteApi('/conversations')

const COLUMNS_KEY = 'cv.search.columns'
const columnVisibilitySchema = z.record(z.string(), z.boolean())

function parseColumnVisibility(raw: string | null): ColumnVisibilityState {
  if (!raw) return {}
  try {
    const parsed = columnVisibilitySchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

interface ResultsPage {
  rows: ConversationRow[]
  count: number
  partialResult: boolean
  partialRecords: number
}

/** `select` for the list query: the table's rows, computed once per response. */
function toResultsPage(data: SearchResponseParseResult): ResultsPage {
  const rows = data.records.map(toConversationRow)
  return {
    rows,
    count: data.metadata.count,
    partialResult: data.metadata.shardsStatusResult?.partialResult === true,
    partialRecords: rows.filter((row) => row.isPartial).length,
  }
}

const number = new Intl.NumberFormat('en')

function PageHeading({ count }: { count: number | undefined }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex items-baseline gap-3">
        <h1 id="conversations-heading" className="text-2xl font-semibold">
          Conversations
        </h1>
        <p aria-live="polite" className="text-slate-600 dark:text-slate-400">
          {count === undefined
            ? ''
            : `${number.format(count)} ${count === 1 ? 'match' : 'matches'}`}
        </p>
      </div>
      <ConversationIdJump />
    </div>
  )
}

/** The supervisor's first screen: filters, results, export and import. */
export function ConversationsPage() {
  const config = useQuery(appQueries.config())
  if (config.isPending) {
    return (
      <section aria-labelledby="conversations-heading" className="space-y-4">
        <PageHeading count={undefined} />
        <p role="status">Loading…</p>
      </section>
    )
  }
  if (config.isError) {
    return (
      <section aria-labelledby="conversations-heading" className="space-y-4">
        <PageHeading count={undefined} />
        <ResultsError
          title="The app could not start"
          message={config.error.message}
          onRetry={() => void config.refetch()}
        />
      </section>
    )
  }
  return <SearchView config={config.data} />
}

function SearchView({ config }: { config: AppConfig }) {
  const search = routeApi.useSearch()
  const navigate = routeApi.useNavigate()
  const searchStr = useLocation({ select: (location) => location.searchStr })
  const queryClient = useQueryClient()
  const [zone] = useTimeZone()
  const now = currentTime()
  const built = buildListRequest(search, config.accountId, zone, now)
  const facets = useQuery(searchQueries.facets())
  const list = useQuery({
    ...appQueries.list(built.request),
    enabled: built.ok,
    placeholderData: keepPreviousData,
    select: toResultsPage,
  })
  const rawColumns = usePreference(COLUMNS_KEY)
  const columnVisibility = useMemo(() => parseColumnVisibility(rawColumns), [rawColumns])

  const page = built.ok ? list.data : undefined
  const current = page !== undefined && !list.isPlaceholderData

  // Tell the detail page which page of which search it was opened from (previous / next).
  useEffect(() => {
    if (!current) return
    writeLastSearch({
      search: searchStr,
      ids: page.rows.map((row) => row.id),
      page: search.page,
      pageSize: search.pageSize,
      count: page.count,
    })
  }, [current, page, searchStr, search.page, search.pageSize])

  const go = (next: ConversationSearch) => void navigate({ search: compactSearch(next) })
  const clear = () => go({ ...EMPTY_SEARCH, sort: search.sort, pageSize: search.pageSize })

  const rejected =
    list.error instanceof HttpError && list.error.status === 400 ? list.error : undefined
  const serverError =
    built.ok && rejected
      ? { field: filterFieldOf(rejected.field), message: rejected.message }
      : undefined
  const clientProblem = built.ok ? undefined : { field: built.field, message: built.message }
  const filterProblem = serverError ?? clientProblem

  const nameOf = (kind: 'agent' | 'skill' | 'group', id: string) => {
    const items =
      kind === 'agent'
        ? facets.data?.agents
        : kind === 'skill'
          ? facets.data?.skills
          : facets.data?.agentGroups
    return items?.find((item) => item.id === id)?.name ?? id
  }

  const results = (() => {
    if (!built.ok) {
      return (
        <ResultsError
          title="Nothing was searched"
          message={`Fix the filter first: ${built.message}`}
        />
      )
    }
    if (list.isError && !page) {
      return rejected ? (
        <ResultsError title="The search was not accepted" message={list.error.message} />
      ) : (
        <ResultsError
          title="Conversations could not be loaded"
          message={list.error.message}
          onRetry={() => void list.refetch()}
        />
      )
    }
    if (!page) {
      return (
        <p role="status" className="py-8 text-center text-slate-600 dark:text-slate-400">
          Loading conversations…
        </p>
      )
    }
    if (page.count === 0 && page.rows.length === 0) {
      return <EmptyResults filters={describeFilters(search, nameOf)} onClear={clear} />
    }
    return (
      <>
        <PartialNotice partialResult={page.partialResult} partialRecords={page.partialRecords} />
        <ResultsTable
          rows={page.rows}
          count={page.count}
          sort={search.sort}
          page={search.page}
          pageSize={search.pageSize}
          columnVisibility={columnVisibility}
          busy={list.isPlaceholderData}
          caption={`Conversations, ${number.format(page.count)} ${page.count === 1 ? 'match' : 'matches'}`}
          onSortChange={(sort) => go({ ...search, sort, page: 1 })}
          onPaginationChange={({ pageIndex, pageSize }) =>
            go({
              ...search,
              page: pageIndex + 1,
              pageSize: pageSize === 25 || pageSize === 100 ? pageSize : 50,
            })
          }
          onColumnVisibilityChange={(visibility) =>
            writePreference(
              COLUMNS_KEY,
              Object.values(visibility).some((visible) => !visible)
                ? JSON.stringify(visibility)
                : null,
            )
          }
          onRowIntent={(conversationId) =>
            void queryClient.prefetchQuery(appQueries.detail(config.accountId, conversationId))
          }
          toolbar={
            <>
              {list.isPlaceholderData ? (
                <p role="status" className="mr-auto text-sm text-slate-600 dark:text-slate-400">
                  Loading…
                </p>
              ) : null}
              {config.mode === 'archive' ? <ImportButton /> : null}
              <ExportCsvButton request={built.request} count={page.count} zone={zone} />
            </>
          }
        />
      </>
    )
  })()

  return (
    <section aria-labelledby="conversations-heading" className="space-y-4">
      <PageHeading count={built.ok ? page?.count : undefined} />
      <SearchFilters
        search={search}
        zone={zone}
        now={now}
        currentWindow={built.ok ? built.window : undefined}
        facets={facets.data}
        serverError={filterProblem}
        onSearch={go}
      />
      {results}
    </section>
  )
}
