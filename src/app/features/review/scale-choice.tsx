import { useRef, type KeyboardEvent } from 'react'
import {
  NOT_APPLICABLE,
  scalePoints,
  type Criterion,
  type ScalePoint,
} from '@/domain/schema/reviews'

/** The answers a criterion offers: its scale's points, best first, then N/A when allowed. */
export function answerChoices(criterion: Criterion): ScalePoint[] {
  const points = scalePoints(criterion.scale)
  return criterion.allowNa
    ? [...points, { key: NOT_APPLICABLE, label: 'N/A', points: 0, fail: false }]
    : points
}

/** What an answer reads as: the point's label, "N/A", or the key when the scorecard changed. */
export function answerLabel(criterion: Criterion, answer: string | undefined): string {
  if (answer === undefined) return 'Not scored'
  if (answer === NOT_APPLICABLE) return 'Not applicable'
  const point = scalePoints(criterion.scale).find((p) => p.key === answer)
  if (!point) return `${answer} (not on this scale)`
  return criterion.scale.kind === 'one-to-five' ? `${point.label} of 5` : point.label
}

/** The key a typed character picks: 1–5 on a 1-to-5 scale, y / n on yes-no, 1… on a custom one. */
function keyFor(criterion: Criterion, key: string): string | undefined {
  const scale = criterion.scale
  if (scale.kind === 'yes-no') {
    if (key === 'y' || key === 'Y') return 'yes'
    if (key === 'n' || key === 'N') return 'no'
    return undefined
  }
  if (scale.kind === 'one-to-five') return /^[1-5]$/.test(key) ? key : undefined
  if (!/^[1-9]$/.test(key)) return undefined
  return scale.points[Number(key) - 1]?.key
}

/**
 * A criterion's answer as a radio group (native radios: arrow keys move and choose, Tab leaves).
 * On a focused radio, 1–5 (or y / n) choose directly.
 */
export function ScaleChoice({
  criterion,
  name,
  labelledBy,
  answer,
  onAnswer,
}: {
  criterion: Criterion
  /** The radio group's name (unique on the page). */
  name: string
  labelledBy: string
  answer: string | undefined
  onAnswer: (answer: string) => void
}) {
  const ref = useRef<HTMLFieldSetElement>(null)
  const choices = answerChoices(criterion)
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const key = keyFor(criterion, event.key)
    if (key === undefined) return
    event.preventDefault()
    onAnswer(key)
    ref.current?.querySelector<HTMLInputElement>(`input[value="${key}"]`)?.focus()
  }
  return (
    <fieldset ref={ref} aria-labelledby={labelledBy} className="flex flex-wrap gap-1">
      {choices.map((choice) => (
        <label
          key={choice.key}
          className="relative inline-flex min-w-9 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 hover:bg-slate-100 has-checked:border-blue-700 has-checked:bg-blue-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:has-checked:border-blue-500 dark:has-checked:bg-blue-600"
        >
          <input
            type="radio"
            name={name}
            value={choice.key}
            checked={answer === choice.key}
            onChange={() => onAnswer(choice.key)}
            onKeyDown={onKeyDown}
            className="sr-only"
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  )
}
