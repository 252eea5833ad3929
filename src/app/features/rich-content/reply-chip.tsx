import type { ScStyle } from '@/domain/schema/structured-content'
import type { ScAriaProps } from './a11y-props'
import { useIsChosen } from './choice-context'
import { ChosenBadge } from './chosen-badge'
import { cn } from '@/app/lib/cn'
import { darkModeGuard, scBorderStyle, scStyle } from './sc-style'

const CHIP =
  'inline-flex max-w-full cursor-default items-center rounded-full border border-[#0363ad] bg-white px-3 py-1 text-[13px] leading-tight break-words text-[#0363ad] dark:border-sky-400 dark:bg-slate-900 dark:text-sky-300'
const TRUNCATE_AFTER = 22
const CHOSEN =
  'ring-2 ring-emerald-600 ring-offset-1 dark:ring-emerald-400 dark:ring-offset-slate-900'

interface ReplyChipProps {
  title: string
  /** Texts that, sent by the consumer next, mean this reply was chosen. */
  candidates: readonly string[]
  tooltip?: string | undefined
  style?: ScStyle | undefined
  aria?: ScAriaProps
  describedBy?: string | undefined
  /**
   * Quick-reply clients cut long titles (about 22 characters) with an ellipsis. The cut is visual
   * only: the full title stays the text, the accessible name and the tooltip.
   */
  truncate?: boolean
}

/** A quick-reply pill, inert (`aria-disabled`), marked when it was the consumer's choice. */
export function ReplyChip({
  title,
  candidates,
  tooltip,
  style,
  aria = {},
  describedBy,
  truncate = false,
}: ReplyChipProps) {
  const chosen = useIsChosen(candidates)
  const long = truncate && title.length > TRUNCATE_AFTER
  const name = aria['aria-label'] ?? title
  const { inner, outer } = scStyle(style)
  const guard = darkModeGuard(style, 'link')
  return (
    <button
      type="button"
      {...aria}
      aria-disabled="true"
      aria-label={chosen ? `${name}, chosen` : aria['aria-label']}
      aria-describedby={describedBy}
      title={tooltip ?? (long ? title : undefined)}
      className={cn(CHIP, guard.surface, guard.ink, chosen && CHOSEN)}
      style={{ ...outer, ...scBorderStyle(style), ...inner }}
    >
      <span className={truncate ? 'max-w-[22ch] truncate' : undefined}>{title}</span>
      {chosen ? <ChosenBadge /> : null}
    </button>
  )
}
