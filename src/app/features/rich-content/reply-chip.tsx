import type { ScStyle } from '@/domain/schema/structured-content'
import type { ScAriaProps } from './a11y-props'
import { useIsChosen } from './choice-context'
import { ChosenBadge } from './chosen-badge'
import { cx } from './class-names'
import { scBorderStyle, scStyle } from './sc-style'

const CHIP =
  'inline-flex max-w-full cursor-default items-center rounded-full border border-[#0363ad] bg-white px-3 py-1 text-[13px] leading-tight break-words text-[#0363ad] dark:border-sky-400 dark:bg-slate-900 dark:text-sky-300'
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
  /** Quick-reply clients show this many characters, then an ellipsis (the full title stays in the name). */
  maxChars?: number
}

/** A quick-reply pill, inert (`aria-disabled`), marked when it was the consumer's choice. */
export function ReplyChip({
  title,
  candidates,
  tooltip,
  style,
  aria = {},
  describedBy,
  maxChars,
}: ReplyChipProps) {
  const chosen = useIsChosen(candidates)
  const truncated = maxChars !== undefined && title.length > maxChars
  const shown = truncated ? `${title.slice(0, maxChars)}…` : title
  const name = aria['aria-label'] ?? title
  const { inner, outer } = scStyle(style)
  return (
    <button
      type="button"
      {...aria}
      aria-disabled="true"
      aria-label={chosen ? `${name} (chosen)` : truncated ? name : aria['aria-label']}
      aria-describedby={describedBy}
      title={tooltip ?? (truncated ? title : undefined)}
      className={cx(CHIP, chosen && CHOSEN)}
      style={{ ...outer, ...scBorderStyle(style), ...inner }}
    >
      {shown}
      {chosen ? <ChosenBadge /> : null}
    </button>
  )
}
