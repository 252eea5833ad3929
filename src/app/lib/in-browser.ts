import { useSyncExternalStore } from 'react'

const noChange = () => () => undefined

/**
 * False on the server and in the browser's first render of a page the server rendered (issue 14),
 * true from there on: for what only a browser can make (DOMPurify needs a DOM), rendered first as
 * the server did and then, at once, as the browser does.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  )
}
