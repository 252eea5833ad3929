import type { Ref } from 'react'
import { useId } from 'react'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'

interface FindBarProps {
  value: string
  onChange: (value: string) => void
  /** How many matches in the whole transcript. */
  total: number
  /** 0-based number of the current match. */
  current: number
  onNext: () => void
  onPrevious: () => void
  inputRef?: Ref<HTMLInputElement> | undefined
}

/** Find in transcript: the query, "3 of 12", previous and next (also Enter / Shift+Enter). */
export function FindBar({
  value,
  onChange,
  total,
  current,
  onNext,
  onPrevious,
  inputRef,
}: FindBarProps) {
  const id = useId()
  const blank = value.trim() === ''
  const status = blank
    ? ''
    : total === 0
      ? 'No matches'
      : `${String(current + 1)} of ${String(total)}`
  return (
    <form
      role="search"
      aria-label="Find in transcript"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault()
        onNext()
      }}
    >
      <div className="min-w-48 flex-1">
        <label
          htmlFor={id}
          className="block text-sm font-medium text-slate-700 dark:text-slate-300"
        >
          Find in transcript
        </label>
        <input
          ref={inputRef}
          id={id}
          type="search"
          value={value}
          autoComplete="off"
          aria-keyshortcuts="/"
          aria-describedby={`${id}-status`}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              if (event.shiftKey) onPrevious()
              else onNext()
            }
          }}
          className={cn('mt-1', INPUT_CLASSES)}
        />
      </div>
      <p
        id={`${id}-status`}
        role="status"
        className="min-w-24 pb-1.5 text-sm text-slate-700 tabular-nums dark:text-slate-300"
      >
        {status}
      </p>
      <div className="flex gap-1 pb-0.5">
        <Button size="sm" onClick={onPrevious} disabled={total === 0} aria-label="Previous match">
          Previous
        </Button>
        <Button size="sm" onClick={onNext} disabled={total === 0} aria-label="Next match">
          Next
        </Button>
      </div>
    </form>
  )
}
