import { Button } from '@/app/components/ui/button'

const number = new Intl.NumberFormat('en')

/** Where in the matching entries this page is, and Previous / Next. */
export function AuditPager({
  count,
  offset,
  limit,
  onPage,
}: {
  count: number
  offset: number
  limit: number
  onPage: (offset: number) => void
}) {
  const first = count === 0 ? 0 : Math.min(count, offset + 1)
  const last = Math.min(count, offset + limit)
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>
        {count === 0
          ? 'No entries on this page'
          : `${number.format(first)}–${number.format(last)} of ${number.format(count)}`}
      </p>
      <div className="flex gap-2">
        <Button disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
          <span aria-hidden="true">‹</span> Previous
        </Button>
        <Button disabled={offset + limit >= count} onClick={() => onPage(offset + limit)}>
          Next <span aria-hidden="true">›</span>
        </Button>
      </div>
    </nav>
  )
}
