import { Button } from '@/app/components/ui/button'

/** Move up, Move down and Remove for one item of a list; `what` names it for screen readers. */
export function ItemActions({
  what,
  index,
  count,
  onMove,
  onRemove,
  canRemove = true,
}: {
  what: string
  index: number
  count: number
  onMove: (by: -1 | 1) => void
  onRemove: () => void
  canRemove?: boolean
}) {
  return (
    <div className="flex shrink-0 items-center gap-1">
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Move ${what} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Move ${what} down`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Remove ${what}`}
        disabled={!canRemove}
        onClick={onRemove}
        className="text-red-700 dark:text-red-400"
      >
        Remove
      </Button>
    </div>
  )
}
