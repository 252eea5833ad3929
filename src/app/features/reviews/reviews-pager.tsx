import { Button } from '@/app/components/ui/button'

const number = new Intl.NumberFormat('en')

/** Where in the matching reviews this page is, and Previous / Next. */
export function ReviewsPager({
  total,
  offset,
  limit,
  onPage,
}: {
  total: number
  offset: number
  limit: number
  onPage: (offset: number) => void
}) {
  const first = total === 0 ? 0 : Math.min(total, offset + 1)
  const last = Math.min(total, offset + limit)
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>
        {total === 0 || first > last
          ? 'No reviews on this page'
          : `${number.format(first)}–${number.format(last)} of ${number.format(total)}`}
      </p>
      <div className="flex gap-2">
        <Button disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
          <span aria-hidden="true">‹</span> Previous
        </Button>
        <Button disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
          Next <span aria-hidden="true">›</span>
        </Button>
      </div>
    </nav>
  )
}
