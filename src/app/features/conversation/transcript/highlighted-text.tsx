import type { ReactNode } from 'react'
import { matchRanges } from './find-matches'
import { ACTIVE_MARK_CLASSES, MARK_CLASSES } from './mark-classes'

interface HighlightedTextProps {
  text: string
  /** The find matcher (absent: no find). */
  re: RegExp | undefined
  /** The item-wide number of this text's first match (its earlier parts' matches). */
  offset?: number
  /** The item-wide number of the current match, when it is in this item. */
  active?: number | undefined
}

/** Text with every find match in a `<mark>`; the current match stands out. Text stays text. */
export function HighlightedText({ text, re, offset = 0, active }: HighlightedTextProps) {
  const ranges = matchRanges(text, re)
  if (ranges.length === 0) return <>{text}</>
  const out: ReactNode[] = []
  let at = 0
  ranges.forEach(([start, end], i) => {
    if (start > at) out.push(text.slice(at, start))
    const current = offset + i === active
    out.push(
      <mark
        key={start}
        className={current ? ACTIVE_MARK_CLASSES : MARK_CLASSES}
        aria-current={current ? 'true' : undefined}
      >
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  })
  if (at < text.length) out.push(text.slice(at))
  return <>{out}</>
}
