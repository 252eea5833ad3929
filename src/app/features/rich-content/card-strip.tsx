import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { ScAriaProps } from './a11y-props'
import { ChosenBadge } from './chosen-badge'

export interface StripCard {
  content: ReactNode
  chosen?: boolean
}

interface CardStripProps {
  label: string
  cards: readonly StripCard[]
  /** json-pollock's `padding`: the space between cards, in px. */
  gap: number
  tooltip?: string | undefined
  aria?: ScAriaProps
  intro?: ReactNode
}

const ARROW =
  'flex size-7 items-center justify-center rounded-full border border-[#d4d4d5] bg-white text-[#0363ad] hover:bg-[#f0f0f0] focus-visible:outline-2 focus-visible:outline-[#0363ad] dark:border-slate-600 dark:bg-slate-800 dark:text-sky-300 dark:hover:bg-slate-700'
const CARD = 'w-[180px] shrink-0 snap-start'
const CARD_CHOSEN =
  'w-[180px] shrink-0 snap-start ring-2 ring-emerald-600 ring-offset-1 dark:ring-emerald-400 dark:ring-offset-slate-900'

/**
 * A horizontal strip of 180px cards with Previous/Next arrows (they wrap around, as in
 * json-pollock; placed under the strip so they never cover a card), ArrowLeft/ArrowRight while
 * focused, and a polite live region ("Card 2 of 5").
 */
export function CardStrip({ label, cards, gap, tooltip, aria = {}, intro }: CardStripProps) {
  const [index, setIndex] = useState(0)
  const cardRefs = useRef<(HTMLDivElement | null)[]>([])
  const count = cards.length

  function go(next: number) {
    if (count === 0) return
    const i = ((next % count) + count) % count
    setIndex(i)
    cardRefs.current[i]?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' })
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'ArrowRight') {
      event.preventDefault()
      go(index + 1)
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault()
      go(index - 1)
    }
  }

  return (
    <section
      aria-roledescription="carousel"
      aria-label={label}
      {...aria}
      title={tooltip}
      tabIndex={aria.tabIndex ?? 0}
      onKeyDown={onKeyDown}
      className="w-full max-w-full rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#0363ad]"
    >
      {intro}
      <div className="flex snap-x overflow-x-auto px-0.5 py-1" style={{ gap: `${String(gap)}px` }}>
        {cards.map((card, i) => (
          <div
            key={i}
            ref={(el) => {
              cardRefs.current[i] = el
            }}
            role="group"
            aria-roledescription="card"
            aria-label={`Card ${String(i + 1)} of ${String(count)}${card.chosen ? ', chosen' : ''}`}
            className={card.chosen ? CARD_CHOSEN : CARD}
          >
            {card.chosen ? (
              <div className="bg-emerald-50 px-1.5 py-0.5 dark:bg-emerald-950">
                <ChosenBadge />
              </div>
            ) : null}
            {card.content}
          </div>
        ))}
      </div>
      <div className="mt-0.5 flex items-center justify-center gap-2">
        {count > 1 ? (
          <button
            type="button"
            aria-label="Previous card"
            onClick={() => {
              go(index - 1)
            }}
            className={ARROW}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 9 14"
              className="size-3 fill-current ltr:rotate-180"
            >
              <path d="M0 0 L2 0 L9 7 L2 14 L0 14 L0 13 L6 7 L0 1" />
            </svg>
          </button>
        ) : null}
        <p
          aria-live="polite"
          aria-atomic="true"
          className="min-w-20 text-center text-[11px] text-slate-600 dark:text-slate-300"
        >
          Card {index + 1} of {count}
        </p>
        {count > 1 ? (
          <button
            type="button"
            aria-label="Next card"
            onClick={() => {
              go(index + 1)
            }}
            className={ARROW}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 9 14"
              className="size-3 fill-current rtl:rotate-180"
            >
              <path d="M0 0 L2 0 L9 7 L2 14 L0 14 L0 13 L6 7 L0 1" />
            </svg>
          </button>
        ) : null}
      </div>
    </section>
  )
}
