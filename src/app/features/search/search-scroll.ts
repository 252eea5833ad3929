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

/** The saved position for this search string, once (it is forgotten when read). */
export function takeScroll(search: string): number | undefined {
  try {
    const text = window.sessionStorage.getItem(KEY)
    if (!text) return undefined
    const saved = savedSchema.safeParse(JSON.parse(text))
    if (!saved.success || saved.data.search !== search) return undefined
    window.sessionStorage.removeItem(KEY)
    return saved.data.y
  } catch {
    return undefined
  }
}
