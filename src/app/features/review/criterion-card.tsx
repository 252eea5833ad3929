import { memo, useId, useState } from 'react'
import { Badge } from '@/app/components/ui/badge'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'
import type { TimeZone } from '@/app/lib/time'
import type { Criterion, Dispute, Evidence } from '@/domain/schema/reviews'
import { DisputeBlock, type DisputeActions } from './dispute-block'
import { EvidenceList } from './evidence-list'
import { answerLabel, ScaleChoice } from './scale-choice'

const attachWhat = (count: number) =>
  count === 1 ? 'the selected message' : `${String(count)} selected messages`

const weightFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })

export interface CriterionCardProps extends DisputeActions {
  criterion: Criterion
  answer: string | undefined
  note: string | undefined
  evidence: readonly Evidence[] | undefined
  disputes: readonly Dispute[] | undefined
  editable: boolean
  conversationId: string
  zone: TimeZone
  /** Messages selected in the transcript (offered for attaching here). */
  selectedCount: number
  onAnswer: (criterionId: string, answer: string | undefined) => void
  onNote: (criterionId: string, note: string) => void
  onRemoveEvidence: (evidenceId: string) => void
  onAttach: (criterionId: string) => void
}

/**
 * One criterion: name, weight, critical, guidance (expandable), its answer (a radio group while
 * editing), a note, its evidence and disputes. Memoised: typing in one criterion's note does not
 * re-render the others.
 */
export const CriterionCard = memo(function CriterionCard({
  criterion,
  answer,
  note,
  evidence,
  disputes,
  editable,
  conversationId,
  zone,
  selectedCount,
  onAnswer,
  onNote,
  onRemoveEvidence,
  onAttach,
  onDispute,
  onDecide,
}: CriterionCardProps) {
  const nameId = useId()
  const noteId = useId()
  const [noteOpen, setNoteOpen] = useState(false)
  const unscored = answer === undefined
  return (
    <li
      aria-labelledby={nameId}
      className="rounded-md border border-slate-200 p-2.5 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
        <h4 id={nameId} className="text-sm font-semibold">
          {criterion.name}
        </h4>
        <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
          {criterion.critical ? (
            <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900 dark:bg-red-950 dark:text-red-200">
              Critical
            </span>
          ) : null}
          <span>{`Weight ${weightFormat.format(criterion.weight)}`}</span>
        </span>
      </div>
      {criterion.guidance ? (
        <details className="mt-1 text-xs text-slate-700 dark:text-slate-300">
          <summary className="cursor-pointer text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-400 dark:hover:text-slate-100">
            Guidance
          </summary>
          <p className="mt-1 whitespace-pre-line">{criterion.guidance}</p>
        </details>
      ) : null}

      <div className="mt-2">
        {editable ? (
          <div className="flex flex-wrap items-center gap-2">
            <ScaleChoice
              criterion={criterion}
              name={`answer-${criterion.id}-${nameId}`}
              labelledBy={nameId}
              answer={answer}
              onAnswer={(value) => onAnswer(criterion.id, value)}
            />
            {!unscored ? (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Clear the answer to ${criterion.name}`}
                onClick={() => onAnswer(criterion.id, undefined)}
              >
                Clear
              </Button>
            ) : (
              <Badge tone="outline">Unscored</Badge>
            )}
          </div>
        ) : (
          <p className="text-sm">
            <span className="text-slate-600 dark:text-slate-400">Answer: </span>
            <span className="font-medium">{answerLabel(criterion, answer)}</span>
          </p>
        )}
      </div>

      {editable ? (
        note !== undefined || noteOpen ? (
          <div className="mt-2">
            <label
              htmlFor={noteId}
              className="text-xs font-medium text-slate-700 dark:text-slate-300"
            >
              {`Note on ${criterion.name}`}
            </label>
            <textarea
              id={noteId}
              rows={2}
              value={note ?? ''}
              onChange={(event) => {
                setNoteOpen(true)
                onNote(criterion.id, event.target.value)
              }}
              className={cn('mt-0.5', INPUT_CLASSES)}
            />
          </div>
        ) : null
      ) : note ? (
        <p className="mt-1 text-sm whitespace-pre-line text-slate-800 dark:text-slate-200">
          <span className="text-slate-600 dark:text-slate-400">Note: </span>
          {note}
        </p>
      ) : null}

      {editable ? (
        <div className="mt-1.5 flex flex-wrap gap-1">
          {note === undefined && !noteOpen ? (
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Add a note on ${criterion.name}`}
              onClick={() => setNoteOpen(true)}
            >
              Add a note
            </Button>
          ) : null}
          {selectedCount > 0 ? (
            <Button
              size="sm"
              aria-label={`Attach ${attachWhat(selectedCount)} to ${criterion.name}`}
              onClick={() => onAttach(criterion.id)}
            >
              {`Attach ${attachWhat(selectedCount)}`}
            </Button>
          ) : null}
        </div>
      ) : null}

      {evidence && evidence.length > 0 ? (
        <div className="mt-2">
          <EvidenceList
            evidence={evidence}
            conversationId={conversationId}
            zone={zone}
            label={`Evidence for ${criterion.name}`}
            onRemove={editable ? onRemoveEvidence : undefined}
          />
        </div>
      ) : null}

      {(disputes && disputes.length > 0) || onDispute ? (
        <div className="mt-2">
          <DisputeBlock
            criterion={criterion}
            disputes={disputes ?? []}
            answer={answer}
            zone={zone}
            onDispute={onDispute}
            onDecide={onDecide}
          />
        </div>
      ) : null}
    </li>
  )
})
