import { Link } from '@tanstack/react-router'
import type { Neighbour, ResultPosition } from '@/app/lib/last-search'
import { ResultsLink } from '@/app/features/conversation/results-link'

const LINK =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800'
const DISABLED =
  'inline-flex cursor-not-allowed items-center gap-1 rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-500 dark:border-slate-700 dark:text-slate-400'

function NeighbourLink({
  neighbour,
  direction,
}: {
  neighbour: Neighbour
  direction: 'previous' | 'next'
}) {
  const label = direction === 'previous' ? 'Previous conversation' : 'Next conversation'
  const text = direction === 'previous' ? '← Previous' : 'Next →'
  const keyHint = direction === 'previous' ? 'p' : 'n'
  if (neighbour.kind === 'conversation') {
    return (
      <Link
        to="/conversations/$conversationId"
        params={{ conversationId: neighbour.conversationId }}
        className={LINK}
        aria-label={label}
        aria-keyshortcuts={keyHint}
      >
        {text}
      </Link>
    )
  }
  if (neighbour.kind === 'results') {
    return (
      <ResultsLink
        search={neighbour.search}
        className={LINK}
        ariaLabel={direction === 'previous' ? 'Previous page of results' : 'Next page of results'}
      >
        {direction === 'previous' ? '← Previous page' : 'Next page →'}
      </ResultsLink>
    )
  }
  return (
    <span className={DISABLED} aria-disabled="true">
      {text}
    </span>
  )
}

/** "Back to results", where this conversation sits in them, and its neighbours. */
export function ResultNavigation({
  hasLastSearch,
  backSearch,
  position,
}: {
  hasLastSearch: boolean
  backSearch: string
  position: ResultPosition | undefined
}) {
  return (
    <nav aria-label="Search results" className="flex flex-wrap items-center gap-2">
      {hasLastSearch ? (
        <ResultsLink
          search={backSearch}
          className="text-sm font-medium text-blue-700 underline hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          ← Back to results
        </ResultsLink>
      ) : (
        <Link
          to="/conversations"
          className="text-sm font-medium text-blue-700 underline hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          ← Conversation search
        </Link>
      )}
      {position ? (
        <>
          <span className="ml-2 text-sm text-slate-600 tabular-nums dark:text-slate-400">
            Result {position.position.toLocaleString('en-US')} of{' '}
            {position.total.toLocaleString('en-US')}
          </span>
          <NeighbourLink neighbour={position.previous} direction="previous" />
          <NeighbourLink neighbour={position.next} direction="next" />
        </>
      ) : null}
    </nav>
  )
}
