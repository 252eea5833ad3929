import { formatDateTime, type TimeZone } from '@/app/lib/time'
import {
  criteriaOf,
  type Change,
  type HistoryAction,
  type HistoryEntry,
  type ScorecardDefinition,
} from '@/domain/schema/reviews'
import { ScoreText } from './review-badges'
import { answerLabel } from './scale-choice'

const ACTIONS: Readonly<Record<HistoryAction, string>> = {
  created: 'Started',
  submitted: 'Submitted',
  edited: 'Edited',
  acknowledged: 'Acknowledged',
  disputed: 'Disputed',
  'dispute-accepted': 'Accepted a dispute',
  'dispute-rejected': 'Rejected a dispute',
  imported: 'Imported',
}

/** One change in words: "Greeting: 3 of 5 → 4 of 5", "Note on Greeting", "Evidence", "Comment". */
function changeText(change: Change, definition: ScorecardDefinition): string {
  const [kind, id] = change.field.split('.', 2)
  const criterion = id === undefined ? undefined : criteriaOf(definition).find((c) => c.id === id)
  const name = criterion?.name ?? id ?? ''
  if (kind === 'answers' && criterion) {
    const value = (v: unknown) => answerLabel(criterion, typeof v === 'string' ? v : undefined)
    return `${name}: ${value(change.from)} → ${value(change.to)}`
  }
  if (kind === 'notes') return `Note on ${name}`
  if (kind === 'evidence') return 'Evidence'
  if (kind === 'comment') return 'Comment'
  if (kind === 'state') return 'State'
  return change.field
}

/** Every change of the review (who, when, what, the score after it), newest first, collapsed. */
export function ReviewHistory({
  history,
  definition,
  zone,
}: {
  history: readonly HistoryEntry[]
  definition: ScorecardDefinition
  zone: TimeZone
}) {
  if (history.length === 0) return null
  return (
    <details className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-blue-600">
        {`History (${String(history.length)})`}
      </summary>
      <ol className="mt-2 flex flex-col gap-2">
        {[...history].reverse().map((entry, i) => (
          <li key={i} className="border-l-2 border-slate-300 pl-2 dark:border-slate-600">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{ACTIONS[entry.action]}</span>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {`${entry.by.name}, ${formatDateTime(entry.at, zone)}`}
              </span>
              {entry.score !== undefined ? (
                <span className="text-xs">
                  <span className="text-slate-600 dark:text-slate-400">Score </span>
                  <ScoreText percent={entry.score} criticalFailed={false} />
                </span>
              ) : null}
            </p>
            {entry.changes.length > 0 ? (
              <ul className="mt-0.5 list-disc pl-4 text-xs text-slate-700 dark:text-slate-300">
                {entry.changes.map((change, j) => (
                  <li key={j}>{changeText(change, definition)}</li>
                ))}
              </ul>
            ) : null}
            {entry.note ? (
              <p className="mt-0.5 text-xs whitespace-pre-line text-slate-700 dark:text-slate-300">
                {entry.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  )
}
