import { useMemo, useSyncExternalStore } from 'react'
import { z } from 'zod'

/**
 * `sessionStorage['cv.lastSearch']`: the page of results the search page last showed, so the
 * detail page can offer "Back to results" and the previous / next conversation of that page.
 * The search page writes it; the detail page reads it, tolerantly (another tab or an older
 * version may have left something else there).
 */
export const LAST_SEARCH_KEY = 'cv.lastSearch'

export const lastSearchSchema = z.object({
  /** The `/conversations` search string, e.g. `?status=CLOSE&page=2` (may be empty). */
  search: z.string().catch(''),
  /** The conversation IDs of the page that was shown, in order. */
  ids: z.array(z.string()).catch([]),
  page: z.number().int().positive().optional().catch(undefined),
  pageSize: z.number().int().positive().optional().catch(undefined),
  count: z.number().int().nonnegative().optional().catch(undefined),
})

export type LastSearch = z.infer<typeof lastSearchSchema>

/** Remembers the page of results just shown; storage that cannot be written is no error. */
export function writeLastSearch(value: LastSearch): void {
  try {
    window.sessionStorage.setItem(LAST_SEARCH_KEY, JSON.stringify(value))
  } catch {
    // Storage unavailable (private mode, quota): the detail page simply offers no previous/next.
  }
}

/** The stored last search as written (a stable value for `useSyncExternalStore`). */
function readLastSearchText(): string | null {
  try {
    return window.sessionStorage.getItem(LAST_SEARCH_KEY)
  } catch {
    return null
  }
}

const noChange = () => () => undefined

/**
 * The last search, for the detail page: none on the server, which cannot know it, and so none
 * in the first render of a page it rendered (issue 14); this tab's from there on.
 */
export function useLastSearch(): LastSearch | undefined {
  const text = useSyncExternalStore(noChange, readLastSearchText, () => null)
  return useMemo(() => parseLastSearch(text), [text])
}

function parseLastSearch(text: string | null): LastSearch | undefined {
  if (!text) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = lastSearchSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/** Where a neighbour button leads: another conversation, another page of results, or nowhere. */
export type Neighbour =
  | { kind: 'conversation'; conversationId: string }
  | { kind: 'results'; search: string }
  | { kind: 'none' }

export interface ResultPosition {
  /** 1-based position in the whole result set when known, else on the page. */
  position: number
  /** The result count when known, else the page's length. */
  total: number
  previous: Neighbour
  next: Neighbour
  /** The search string for "Back to results". */
  backSearch: string
}

function normaliseSearch(search: string): string {
  if (search === '' || search === '?') return ''
  return search.startsWith('?') ? search : `?${search}`
}

function withPage(search: string, page: number): string {
  const params = new URLSearchParams(search)
  params.set('page', String(page))
  return `?${params.toString()}`
}

/**
 * Where `conversationId` sits in the last search and who its neighbours are. Within the page
 * the neighbours are the adjacent IDs; at a page edge they lead to the adjacent results page
 * (when there is one); undefined when the conversation is not on that page.
 */
export function resultPosition(
  last: LastSearch,
  conversationId: string,
): ResultPosition | undefined {
  const index = last.ids.indexOf(conversationId)
  if (index < 0) return undefined
  const search = normaliseSearch(last.search)
  const page = last.page ?? 1
  const pageSize = last.pageSize ?? last.ids.length
  const offset = (page - 1) * pageSize
  const total = last.count ?? last.ids.length
  const hasMorePages = last.count !== undefined && offset + last.ids.length < last.count

  const before = last.ids[index - 1]
  const after = last.ids[index + 1]
  const previous: Neighbour =
    before !== undefined
      ? { kind: 'conversation', conversationId: before }
      : page > 1
        ? { kind: 'results', search: withPage(search, page - 1) }
        : { kind: 'none' }
  const next: Neighbour =
    after !== undefined
      ? { kind: 'conversation', conversationId: after }
      : hasMorePages
        ? { kind: 'results', search: withPage(search, page + 1) }
        : { kind: 'none' }
  return {
    position: last.count !== undefined ? offset + index + 1 : index + 1,
    total,
    previous,
    next,
    backSearch: search,
  }
}
