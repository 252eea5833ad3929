import { useEffect } from 'react'

/** The performance mark the benchmark and the browser tests wait for (issue 14). */
export const INTERACTIVE_MARK = 'cv:interactive'

/**
 * Marks, once per page load, when the page's main component has rendered in the browser and its
 * effects have run: it answers the keyboard and the mouse from here on (a page the server
 * rendered is hydrated by then; its parts hydrate in turn, the page's own part last).
 */
export function useInteractiveMark(): void {
  useEffect(() => {
    if (performance.getEntriesByName(INTERACTIVE_MARK).length === 0) {
      performance.mark(INTERACTIVE_MARK)
    }
  }, [])
}
