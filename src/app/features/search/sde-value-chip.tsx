import { Button } from '@/app/components/ui/button'
import { describeSdeValue } from '@/app/features/search/active-filters'
import type { ConversationSearch } from '@/app/features/search/search-params'

/** Issue 15: the engagement-attribute value a chart's link filtered by (it has no form field). */
export function SdeValueChip({
  search,
  onSearch,
}: {
  search: ConversationSearch
  onSearch: (next: ConversationSearch) => void
}) {
  const text = describeSdeValue(search)
  if (!text) return null
  const remove = {
    sdeField: undefined,
    sdeValue: undefined,
    sdeFrom: undefined,
    sdeTo: undefined,
    page: 1,
  }
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="rounded-full bg-slate-100 px-2.5 py-0.5 break-all dark:bg-slate-800">
        <span className="font-medium">Engagement attribute value:</span> {text}
      </span>
      <Button size="sm" onClick={() => onSearch({ ...search, ...remove })}>
        Remove this filter
      </Button>
    </p>
  )
}
