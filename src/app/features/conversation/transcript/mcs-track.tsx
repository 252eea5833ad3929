import { memo, useId, useMemo, useRef, useState, type Ref } from 'react'
import { SENTIMENT_DOT, SENTIMENT_STROKE, type Sentiment } from './styles'
import { cn } from '@/app/lib/cn'

export interface McsPoint {
  /** Index of the message in the timeline. */
  itemIndex: number
  mcs: number
  sentiment: Sentiment
  /** "MCS 20, negative: Anna Smith at 14:03:09: I waited an hour". */
  label: string
}

const BAND = { top: 8, bottom: 92 }

/**
 * Above this many points, the dots are drawn (one SVG path per sentiment) and one button stands
 * for the point under the pointer or the keyboard: a 3,000-message conversation's track was 1,500
 * buttons, a megabyte of HTML for the page rendered on the server and as many to hydrate.
 */
const DENSE = 120
const DOT = 'h-2.5 w-2.5 rounded-full ring-1 ring-white group-hover:scale-150 dark:ring-slate-900'

function y(mcs: number): number {
  const clamped = Math.min(100, Math.max(0, mcs))
  return BAND.bottom - (clamped / 100) * (BAND.bottom - BAND.top)
}

function x(i: number, n: number): number {
  return n === 1 ? 50 : 1 + (i / (n - 1)) * 98
}

/** The point nearest to `fraction` of the track's width (0 to 1). */
function nearest(fraction: number, n: number): number {
  if (n <= 1) return 0
  const i = Math.round(((fraction * 100 - 1) / 98) * (n - 1))
  return Math.min(n - 1, Math.max(0, i))
}

/**
 * The MCS of each scored message, in conversation order: a sparkline with a button per point
 * (one tab stop; arrows, Home and End move between points; Enter or a click jumps there). A
 * dense track has one button, at the point under the pointer or chosen with the keys.
 */
export const McsTrack = memo(function McsTrack({
  points,
  onJump,
}: {
  points: readonly McsPoint[]
  onJump: (itemIndex: number) => void
}) {
  const labelId = useId()
  const [focus, setFocus] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const denseButton = useRef<HTMLButtonElement>(null)
  if (points.length === 0) return null
  const current = Math.min(focus, points.length - 1)
  const dense = points.length > DENSE
  const line = points.map((p, i) => `${String(x(i, points.length))},${String(y(p.mcs))}`).join(' ')

  const move = (next: number) => {
    const target = Math.min(points.length - 1, Math.max(0, next))
    setFocus(target)
    // A dense track's one button moves to the point; it keeps the focus it has.
    ;(dense ? denseButton.current : buttons.current[target])?.focus()
  }

  return (
    <div>
      <p id={labelId} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Sentiment (MCS) per message
      </p>
      <div
        role="toolbar"
        aria-labelledby={labelId}
        aria-orientation="horizontal"
        className="relative mt-1 h-14 rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
        onKeyDown={(event) => {
          const keys: Record<string, number> = {
            ArrowRight: current + 1,
            ArrowDown: current + 1,
            ArrowLeft: current - 1,
            ArrowUp: current - 1,
            Home: 0,
            End: points.length - 1,
          }
          const next = keys[event.key]
          if (next === undefined) return
          event.preventDefault()
          move(next)
        }}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-0 h-full w-full"
        >
          <line
            x1="0"
            x2="100"
            y1={y(66.5)}
            y2={y(66.5)}
            className="stroke-emerald-200 dark:stroke-emerald-900"
            strokeWidth="1"
            vectorEffect="non-scaling-stroke"
            strokeDasharray="3 3"
          />
          <line
            x1="0"
            x2="100"
            y1={y(33.5)}
            y2={y(33.5)}
            className="stroke-red-200 dark:stroke-red-900"
            strokeWidth="1"
            vectorEffect="non-scaling-stroke"
            strokeDasharray="3 3"
          />
          <polyline
            points={line}
            fill="none"
            className="stroke-slate-400 dark:stroke-slate-500"
            strokeWidth="1.5"
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        {dense ? (
          <DensePoints
            points={points}
            current={current}
            onHover={setFocus}
            onJump={(i) => {
              const point = points[i]
              if (!point) return
              setFocus(i)
              onJump(point.itemIndex)
            }}
            buttonRef={denseButton}
          />
        ) : (
          points.map((p, i) => (
            <button
              key={p.itemIndex}
              ref={(node) => {
                buttons.current[i] = node
              }}
              type="button"
              tabIndex={i === current ? 0 : -1}
              aria-label={p.label}
              title={p.label}
              onClick={() => {
                setFocus(i)
                onJump(p.itemIndex)
              }}
              className="group absolute flex h-4 w-4 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400"
              style={{ left: `${String(x(i, points.length))}%`, top: `${String(y(p.mcs))}%` }}
            >
              <span aria-hidden="true" className={cn(DOT, SENTIMENT_DOT[p.sentiment])} />
            </button>
          ))
        )}
      </div>
    </div>
  )
})

/** A dense track: the dots as SVG paths, one button at the current (or hovered) point. */
function DensePoints({
  points,
  current,
  onHover,
  onJump,
  buttonRef,
}: {
  points: readonly McsPoint[]
  current: number
  onHover: (index: number) => void
  onJump: (index: number) => void
  buttonRef: Ref<HTMLButtonElement>
}) {
  const n = points.length
  // One path per sentiment: a zero-length segment with a round cap is a dot.
  const dots = useMemo(() => {
    const paths: Record<Sentiment, string> = { negative: '', neutral: '', positive: '' }
    points.forEach((p, i) => {
      paths[p.sentiment] += `M${x(i, n).toFixed(2)} ${y(p.mcs).toFixed(2)}h0`
    })
    return paths
  }, [points, n])
  const point = points[current]
  const at = (event: { clientX: number; currentTarget: HTMLElement }) => {
    const box = event.currentTarget.getBoundingClientRect()
    return nearest(box.width > 0 ? (event.clientX - box.left) / box.width : 0, n)
  }
  return (
    <>
      <svg
        aria-hidden="true"
        viewBox="0 0 100 100"
        preserveAspectRatio="none"
        className="pointer-events-none absolute inset-0 h-full w-full"
      >
        {(['neutral', 'positive', 'negative'] as const).map((sentiment) =>
          dots[sentiment] ? (
            <path
              key={sentiment}
              d={dots[sentiment]}
              className={SENTIMENT_STROKE[sentiment]}
              strokeWidth="6"
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
            />
          ) : null,
        )}
      </svg>
      {/* The pointer picks the nearest point; the keyboard uses the button below. */}
      <div
        aria-hidden="true"
        className="absolute inset-0 cursor-pointer"
        onPointerMove={(event) => onHover(at(event))}
        onClick={(event) => onJump(at(event))}
      />
      {point ? (
        <button
          ref={buttonRef}
          type="button"
          tabIndex={0}
          aria-label={point.label}
          title={point.label}
          onClick={() => onJump(current)}
          className="absolute flex h-4 w-4 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400"
          style={{ left: `${String(x(current, n))}%`, top: `${String(y(point.mcs))}%` }}
        >
          <span
            aria-hidden="true"
            className={cn(
              'h-2.5 w-2.5 rounded-full ring-2 ring-white',
              SENTIMENT_DOT[point.sentiment],
            )}
          />
        </button>
      ) : null}
    </>
  )
}
