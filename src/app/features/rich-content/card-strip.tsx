import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
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

/** How long the strip must be still before the counter follows a scroll the user made. */
const SETTLE_MS = 150
/** How long after an arrow press its scroll counts as the arrow's, not the user's. */
const ARROW_SCROLL_MS = 1500

/** The card nearest the strip's start edge (left, or right in right-to-left text). */
function cardAtStart(strip: HTMLElement, cards: readonly (HTMLElement | null)[]): number {
  const box = strip.getBoundingClientRect()
  const rtl = getComputedStyle(strip).direction === 'rtl'
  let best = 0
  let bestDistance = Number.POSITIVE_INFINITY
  cards.forEach((card, i) => {
    if (!card) return
    const edge = card.getBoundingClientRect()
    const distance = Math.abs(rtl ? box.right - edge.right : edge.left - box.left)
    if (distance < bestDistance) {
      best = i
      bestDistance = distance
    }
  })
  return best
}

/**
 * A horizontal strip of 180px cards with Previous/Next arrows (they wrap around, as in
 * json-pollock; placed under the strip so they never cover a card), ArrowLeft/ArrowRight while
 * focused, and a polite live region ("Card 2 of 5") that also follows the user's own scrolling
 * (swipe, wheel, scroll bar) once the strip is still: it names the card at the start edge.
 */
export function CardStrip({ label, cards, gap, tooltip, aria = {}, intro }: CardStripProps) {
  const [index, setIndex] = useState(0)
  const cardRefs = useRef<(HTMLDivElement | null)[]>([])
  const stripRef = useRef<HTMLDivElement | null>(null)
  /** When an arrow was last pressed (its smooth scroll is not the user's). */
  const arrowAt = useRef<number | undefined>(undefined)
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const count = cards.length

  useEffect(
    () => () => {
      clearTimeout(settleTimer.current)
    },
    [],
  )

  function go(next: number) {
    if (count === 0) return
    const i = ((next % count) + count) % count
    setIndex(i)
    arrowAt.current = performance.now()
    cardRefs.current[i]?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' })
  }

  function onScroll() {
    clearTimeout(settleTimer.current)
    settleTimer.current = setTimeout(() => {
      const strip = stripRef.current
      if (!strip) return
      const pressed = arrowAt.current
      arrowAt.current = undefined
      // An arrow's own scroll keeps its card, even when the strip's end stops it short.
      if (pressed !== undefined && performance.now() - pressed < ARROW_SCROLL_MS) return
      setIndex(cardAtStart(strip, cardRefs.current))
    }, SETTLE_MS)
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
    // The carousel itself takes focus so its arrows work from the keyboard, as LivePerson's does.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
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
      <div
        ref={stripRef}
        onScroll={onScroll}
        className="flex snap-x overflow-x-auto px-0.5 py-1"
        style={{ gap: `${String(gap)}px` }}
      >
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
