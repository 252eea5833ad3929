import { Fragment } from 'react'
import { Button } from '@/app/components/ui/button'
import type { ActiveFilter } from '@/app/features/search/active-filters'
import { LazyScorecardNames } from '@/app/features/search/lazy-review'

/** No match: which filters made the result empty, and a way out. */
export function EmptyResults({
  filters,
  onClear,
}: {
  filters: readonly ActiveFilter[]
  onClear: () => void
}) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
      <h2 className="text-lg font-semibold">No conversations match these filters</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        The search looked for conversations with:
      </p>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm">
        {filters.map((filter) => (
          <li
            key={filter.label}
            className="rounded-full bg-slate-100 px-2.5 py-0.5 dark:bg-slate-800"
          >
            <span className="font-medium">{filter.label}:</span>{' '}
            {filter.criteria ? (
              filter.criteria.map(({ scorecard, criterion }, i) => (
                <Fragment key={`${scorecard}:${criterion}`}>
                  {i > 0 ? ', ' : null}
                  {criterion} (<LazyScorecardNames ids={[scorecard]} />)
                </Fragment>
              ))
            ) : filter.scorecards ? (
              <LazyScorecardNames ids={filter.scorecards} />
            ) : (
              filter.value
            )}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        Try a longer time range or fewer filters.
      </p>
      {filters.length > 1 ? (
        <Button className="mt-3" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </div>
  )
}
