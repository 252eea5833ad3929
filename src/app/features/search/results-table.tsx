import { useEffect, useRef, type ReactNode } from 'react'
import {
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table'
import { Table, TableCell } from '@/app/components/ui/table'
import { ColumnPicker } from '@/app/features/search/column-picker'
import type { ConversationRow } from '@/app/features/search/conversation-row'
import { ResultsPager } from '@/app/features/search/results-pager'
import { resultsColumns } from '@/app/features/search/results-columns'
import { SortHeader } from '@/app/components/ui/sort-header'
import { resultsFeatures } from '@/app/features/search/table-features'
import type { SortValue } from '@/app/features/search/search-params'
import { useInBrowser } from '@/app/lib/in-browser'

function sortingOf(sort: SortValue): SortingState {
  const [id, order] = sort.split(':')
  return [{ id: id ?? 'start', desc: order !== 'asc' }]
}

function sortOf(sorting: SortingState): SortValue {
  const first = sorting[0]
  const field = first?.id === 'end' ? 'end' : 'start'
  return first?.desc === false ? `${field}:asc` : `${field}:desc`
}

const SORT_WORDS: Readonly<Record<SortValue, string>> = {
  'start:desc': 'start time, newest first',
  'start:asc': 'start time, oldest first',
  'end:desc': 'end time, latest first',
  'end:asc': 'end time, earliest first',
}

const INTENT_DELAY_MS = 120

const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

/**
 * Rows the server renders (issue 14): the first screen's, so the first paint has less to lay
 * out; the rest of the page follows as soon as the browser has the page.
 */
const FIRST_SCREEN_ROWS = 25
const firstScreen = <T,>(rows: T[], inBrowser: boolean): T[] =>
  inBrowser ? rows : rows.slice(0, FIRST_SCREEN_ROWS)

/**
 * The results: a real table whose rows are links. Sorting (Start, End) and paging are the
 * server's; the table holds their state from the URL and reports changes. `j`/`k` move the focus
 * from row to row, Enter opens the focused one; hovering or focusing a row calls `onRowIntent`.
 */
export function ResultsTable({
  rows,
  count,
  sort,
  page,
  pageSize,
  columnVisibility,
  busy,
  caption,
  onSortChange,
  onPaginationChange,
  onColumnVisibilityChange,
  onRowIntent,
  onOpenRow,
  toolbar,
}: {
  rows: ConversationRow[]
  count: number
  sort: SortValue
  page: number
  pageSize: number
  columnVisibility: ColumnVisibilityState
  busy: boolean
  caption: string
  onSortChange: (sort: SortValue) => void
  onPaginationChange: (pagination: PaginationState) => void
  onColumnVisibilityChange: (visibility: ColumnVisibilityState) => void
  onRowIntent: (conversationId: string) => void
  /** A row's link was followed (click or Enter). */
  onOpenRow: () => void
  /** The page's own actions (export, import), shown beside the column picker. */
  toolbar: ReactNode
}) {
  const inBrowser = useInBrowser()
  const tableRef = useRef<HTMLTableElement>(null)
  // A row counts as "about to be opened" once the pointer or focus rests on it for a moment, so
  // sweeping the mouse across the table does not load every conversation.
  const intentTimer = useRef<number | undefined>(undefined)
  const startIntent = (conversationId: string) => {
    window.clearTimeout(intentTimer.current)
    intentTimer.current = window.setTimeout(() => onRowIntent(conversationId), INTENT_DELAY_MS)
  }
  const cancelIntent = () => window.clearTimeout(intentTimer.current)
  useEffect(() => () => window.clearTimeout(intentTimer.current), [])
  const sorting = sortingOf(sort)
  const pagination: PaginationState = { pageIndex: page - 1, pageSize }
  const table = useTable({
    features: resultsFeatures,
    columns: resultsColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, pagination, columnVisibility },
    manualSorting: true,
    manualPagination: true,
    rowCount: count,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortChange(sortOf(functionalUpdate(updater, sorting))),
    onPaginationChange: (updater: Updater<PaginationState>) =>
      onPaginationChange(functionalUpdate(updater, pagination)),
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) =>
      onColumnVisibilityChange(functionalUpdate(updater, columnVisibility)),
  })

  // j / k anywhere on the page (outside text fields) move the focus between rows.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'j' && event.key !== 'k') return
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return
      const links = Array.from(
        tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody a[data-row-link]') ?? [],
      )
      if (links.length === 0) return
      const current = links.findIndex((link) => link === document.activeElement)
      const next =
        current === -1
          ? event.key === 'j'
            ? 0
            : links.length - 1
          : Math.min(links.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)))
      event.preventDefault()
      const link = links[next]
      link?.focus()
      link?.closest('tr')?.scrollIntoView({ block: 'nearest' })
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <>
      <div className="mb-2 flex flex-wrap items-center justify-end gap-2">
        {toolbar}
        <ColumnPicker table={table} />
      </div>
      <Table
        ref={tableRef}
        framed
        caption={`${caption}, sorted by ${SORT_WORDS[sort]}`}
        aria-busy={busy}
        aria-describedby="results-keyboard-hint"
        className="text-sm"
      >
        <thead className="bg-slate-100 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortHeader
                  key={header.id}
                  label={header.column.columnDef.meta?.label ?? header.id}
                  numeric={header.column.columnDef.meta?.numeric === true}
                  canSort={header.column.getCanSort()}
                  sorted={header.column.getIsSorted()}
                  onSort={() => header.column.toggleSorting()}
                />
              ))}
            </tr>
          ))}
        </thead>
        <tbody
          className={busy ? 'opacity-60 transition-opacity' : 'transition-opacity'}
          onClickCapture={(event) => {
            if (event.target instanceof Element && event.target.closest('a')) onOpenRow()
          }}
        >
          {firstScreen(table.getRowModel().rows, inBrowser).map((row) => (
            <tr
              key={row.id}
              onMouseEnter={() => startIntent(row.id)}
              onMouseLeave={cancelIntent}
              onFocus={() => startIntent(row.id)}
              onBlur={cancelIntent}
              className="relative border-t border-slate-200 odd:bg-white even:bg-slate-50 focus-within:bg-blue-50 focus-within:outline-2 focus-within:-outline-offset-2 focus-within:outline-blue-600 hover:bg-blue-50 dark:border-slate-800 dark:odd:bg-slate-900 dark:even:bg-slate-900/60 dark:focus-within:bg-blue-950 dark:focus-within:outline-blue-400 dark:hover:bg-blue-950/60"
            >
              {row.getVisibleCells().map((cell) => (
                <TableCell
                  key={cell.id}
                  numeric={cell.column.columnDef.meta?.numeric === true}
                  nowrap={cell.column.columnDef.meta?.wrap !== true}
                >
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      <p id="results-keyboard-hint" className="sr-only">
        Press j or k to move between rows and Enter to open one.
      </p>
      <ResultsPager table={table} count={count} />
    </>
  )
}

export type ResultsTableInstance = ReturnType<
  typeof useTable<typeof resultsFeatures, ConversationRow>
>
