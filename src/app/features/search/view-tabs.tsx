import { Link } from '@tanstack/react-router'
import { cn } from '@/app/lib/cn'
import type { ConversationSearch } from '@/app/features/search/search-params'

const TAB =
  'rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400'

/** Results or Insights of the same search: two links that keep every filter (issue 15). */
export function ViewTabs({ view }: { view: ConversationSearch['view'] }) {
  return (
    <nav aria-label="View" className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
      {(['results', 'insights'] as const).map((name) => (
        <Link
          key={name}
          from="/conversations"
          to="/conversations"
          search={(previous) => ({ ...previous, view: name, page: 1 })}
          aria-current={view === name ? 'page' : undefined}
          className={cn(
            TAB,
            view === name
              ? 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-200'
              : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
          )}
        >
          {name === 'results' ? 'Results' : 'Insights'}
        </Link>
      ))}
    </nav>
  )
}
