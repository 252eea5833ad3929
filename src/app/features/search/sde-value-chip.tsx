import { Button } from '@/app/components/ui/button'
import type { ConversationSearch } from '@/app/features/search/search-params'

/** Issue 15's filter by an engagement attribute's value, in words (`purchase.total from 0, below 50`). */
const describeSdeValue = (search: ConversationSearch) =>
  search.sdeField &&
  `${search.sdeField} ${search.sdeValue !== undefined ? `"${search.sdeValue}"` : `from ${String(search.sdeFrom ?? '…')}, below ${String(search.sdeTo ?? '…')}`}`

/**
 * Issue 15: the engagement-attribute value a chart's link filtered by (it has no form field), and
 * a button that removes it. A chunk of its own (lazy-sde-value-chip.tsx): the search page's first
 * script does without it.
 */
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
