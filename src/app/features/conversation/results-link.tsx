import { useRouter } from '@tanstack/react-router'
import type { MouseEvent, ReactNode } from 'react'

/**
 * A link to `/conversations` with a search string kept as the search page wrote it (the detail
 * page does not re-type the search page's params); plain clicks navigate inside the app.
 */
export function ResultsLink({
  search,
  className,
  children,
  ariaLabel,
}: {
  search: string
  className: string
  children: ReactNode
  ariaLabel?: string
}) {
  const router = useRouter()
  const href = `/conversations${search}`
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    void router.navigate({ href })
  }
  return (
    <a href={href} onClick={onClick} className={className} aria-label={ariaLabel}>
      {children}
    </a>
  )
}
