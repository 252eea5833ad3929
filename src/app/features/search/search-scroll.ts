import { z } from 'zod'

/**
 * Where the results were scrolled to when a conversation was opened, so that coming back to the
 * same search by a link ("Back to results" on the detail page) lands at the same row. Browser
 * back / forward are restored by the router itself.
 */
const KEY = 'cv.searchScroll'
const savedSchema = z.object({ search: z.string(), y: z.number() })

export function rememberScroll(search: string): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ search, y: window.scrollY }))
  } catch {
    // No storage: coming back starts at the top.
  }
}

/** The saved position for this search string, if any. */
export function savedScroll(search: string): number | undefined {
  try {
    const text = window.sessionStorage.getItem(KEY)
    if (!text) return undefined
    const saved = savedSchema.safeParse(JSON.parse(text))
    return saved.success && saved.data.search === search ? saved.data.y : undefined
  } catch {
    return undefined
  }
}

/** Once restored, a position is forgotten: a later visit to the same search starts at the top. */
export function forgetScroll(): void {
  try {
    window.sessionStorage.removeItem(KEY)
  } catch {
    // Nothing to forget.
  }
}
