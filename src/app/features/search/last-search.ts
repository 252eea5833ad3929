import { z } from 'zod'

/**
 * `sessionStorage['cv.lastSearch']`: the page of results last shown, so the detail page can offer
 * previous/next and a way back to exactly these results. `search` is the `/conversations` search
 * string (with its leading `?`, or empty), `ids` the conversation IDs of the page in order.
 */
export const LAST_SEARCH_KEY = 'cv.lastSearch'

export const lastSearchSchema = z.object({
  search: z.string(),
  ids: z.array(z.string()),
  page: z.number(),
  pageSize: z.number(),
  count: z.number(),
})
export type LastSearch = z.infer<typeof lastSearchSchema>

export function writeLastSearch(value: LastSearch): void {
  try {
    window.sessionStorage.setItem(LAST_SEARCH_KEY, JSON.stringify(value))
  } catch {
    // Storage unavailable (private mode, quota): the detail page simply offers no previous/next.
  }
}
