import { useQuery } from '@tanstack/react-query'
import { reviewQueries } from '@/app/lib/review-api'

/** Scorecard IDs as their names (an unknown ID as "#3"), e.g. in the empty state's filters. */
export function ScorecardNames({ ids }: { ids: readonly string[] }) {
  const list = useQuery(reviewQueries.scorecards())
  const nameOf = (id: string) =>
    list.data?.scorecards.find((card) => String(card.id) === id)?.name ?? `#${id}`
  return <>{ids.map(nameOf).join(', ')}</>
}
