import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useCallback, useId, useMemo, useRef, useState, type FocusEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import { Dialog } from '@/app/components/ui/dialog'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'
import { errorMessage } from '@/app/lib/error-message'
import {
  acknowledgeReview,
  decideDispute,
  discardReview,
  disputeCriterion,
  reviewQueries,
  submitReview,
} from '@/app/lib/review-api'
import { formatDateTime, type TimeZone } from '@/app/lib/time'
import {
  computeScore,
  type Dispute,
  type Evidence,
  type Review,
  type Scorecard,
} from '@/domain/schema/reviews'
import { AttachDialog } from './attach-dialog'
import { ConflictAlert } from './conflict-alert'
import { CriterionCard } from './criterion-card'
import { EvidenceList } from './evidence-list'
import { PanelMessage } from './panel-message'
import { ReviewStateBadge } from './review-badges'
import { ReviewHistory } from './review-history'
import { SaveStatusLine } from './save-status'
import { ScoreRule, ScoreSummary } from './score-summary'
import { legName, quotesOf, type TranscriptFacts } from './transcript-facts'
import { useTranscriptMarks, type ReviewMarks } from './transcript-marks'
import { useReviewDraft } from './use-review-draft'

const route = getRouteApi('/conversations/$conversationId')

function byCriterion<T extends { criterionId: string | null }>(items: readonly T[]) {
  const map = new Map<string | null, T[]>()
  for (const item of items) map.set(item.criterionId, [...(map.get(item.criterionId) ?? []), item])
  return map
}

const newEvidenceId = () => crypto.randomUUID()

type AttachTarget = { mode: 'criterion'; criterionId: string | undefined } | { mode: 'comment' }

/**
 * One review: whom it is for, the live score, every criterion of its scorecard version, the
 * evidence, the overall comment, submitting, disputes and the history. The reviewer's writing is
 * saved by {@link useReviewDraft}; the transcript's leg marks and selection are the page's.
 */
export function ReviewForm({
  review,
  scorecard,
  facts,
  zone,
  selected,
  onSelectedChange,
  onMarksChange,
}: {
  review: Review
  scorecard: Scorecard
  facts: TranscriptFacts
  zone: TimeZone
  selected: ReadonlySet<string>
  onSelectedChange: (selected: ReadonlySet<string>) => void
  onMarksChange: (marks: ReviewMarks) => void
}) {
  const queryClient = useQueryClient()
  const navigate = route.useNavigate()
  const definition = scorecard.definition
  const [editingSubmitted, setEditingSubmitted] = useState(false)
  const editable = review.can.edit && (review.state === 'draft' || editingSubmitted)
  const auto = review.can.edit && review.state === 'draft'
  const draft = useReviewDraft(review, auto)
  const { content, edit, run } = draft
  useTranscriptMarks(onMarksChange, review.leg.agentId, editable)

  const score = useMemo(
    () => computeScore(definition, content.answers),
    [definition, content.answers],
  )
  const evidenceBy = useMemo(() => byCriterion<Evidence>(content.evidence), [content.evidence])
  const disputesBy = useMemo(() => byCriterion<Dispute>(review.disputes), [review.disputes])
  const commentId = useId()
  const submitHeadingId = useId()
  const discardHeadingId = useId()
  const submitButtonRef = useRef<HTMLButtonElement>(null)
  const attachReturnRef = useRef<HTMLElement | null>(null)
  const [confirmSubmit, setConfirmSubmit] = useState(false)
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const [attach, setAttach] = useState<AttachTarget | undefined>(undefined)
  const selectedCount = editable ? selected.size : 0

  const onAnswer = useCallback(
    (criterionId: string, answer: string | undefined) =>
      edit((current) => {
        const answers = { ...current.answers }
        if (answer === undefined) delete answers[criterionId]
        else answers[criterionId] = answer
        return { ...current, answers }
      }),
    [edit],
  )
  const onNote = useCallback(
    (criterionId: string, note: string) =>
      edit((current) => {
        const notes = { ...current.notes }
        if (note === '') delete notes[criterionId]
        else notes[criterionId] = note
        return { ...current, notes }
      }),
    [edit],
  )
  const onRemoveEvidence = useCallback(
    (evidenceId: string) =>
      edit((current) => ({
        ...current,
        evidence: current.evidence.filter((piece) => piece.id !== evidenceId),
      })),
    [edit],
  )
  const onAttach = useCallback((criterionId: string) => {
    attachReturnRef.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null
    setAttach({ mode: 'criterion', criterionId })
  }, [])
  const attachSelected = (criterionId: string | null, comment: string) => {
    const quotes = quotesOf(facts, selected)
    setAttach(undefined)
    if (quotes.length === 0) return
    edit((current) => ({
      ...current,
      evidence: [...current.evidence, { id: newEvidenceId(), criterionId, quotes, comment }],
    }))
    onSelectedChange(new Set())
  }

  const onDispute = useCallback(
    (criterionId: string, reason: string) =>
      run((revision) => disputeCriterion(review.id, { revision, criterionId, reason })),
    [run, review.id],
  )
  const onDecide = useCallback(
    (
      disputeId: string,
      decision: { decision: 'accept' | 'reject'; note: string; answer?: string },
    ) => run((revision) => decideDispute(review.id, disputeId, { revision, ...decision })),
    [run, review.id],
  )

  const submit = useMutation({
    mutationFn: () => run((revision) => submitReview(review.id, revision)),
    onSettled: () => setConfirmSubmit(false),
  })
  const acknowledge = useMutation({
    mutationFn: () => run((revision) => acknowledgeReview(review.id, revision)),
  })
  const discard = useMutation({
    mutationFn: () => discardReview(review.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: reviewQueries.review(review.id).queryKey })
      void queryClient.invalidateQueries({
        queryKey: reviewQueries.forConversation(review.conversationId).queryKey,
      })
      void navigate({ search: (prev) => ({ ...prev, review: 'list' }), resetScroll: false })
    },
    onSettled: () => setConfirmDiscard(false),
  })
  const finishEditing = useMutation({
    mutationFn: async () => {
      if (!(await draft.flush())) throw new Error('The changes could not be saved.')
    },
    onSuccess: () => setEditingSubmitted(false),
  })

  // Leaving the panel (into the transcript, say) saves the draft at once.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!auto) return
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))
      return
    void draft.flush()
  }

  const actionError = submit.error ?? acknowledge.error ?? discard.error ?? finishEditing.error
  const comments = evidenceBy.get(null) ?? []
  const canDispute = review.can.dispute ? onDispute : undefined
  const canResolve = review.can.resolve ? onDecide : undefined
  return (
    <div className="flex flex-col gap-4" onBlur={onBlur}>
      <div className="flex flex-col gap-1 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-base font-semibold">{legName(review.leg)}</span>
          <span className="text-slate-600 dark:text-slate-400">
            {review.leg.role === 'bot' ? 'bot' : 'agent'}
          </span>
          <ReviewStateBadge review={review} />
        </p>
        <p className="text-xs text-slate-700 dark:text-slate-300">
          {`${scorecard.definition.name} (version ${String(scorecard.version)}${
            scorecard.latestVersion !== scorecard.version
              ? `; the newest is ${String(scorecard.latestVersion)}`
              : ''
          }) · by ${review.author.name}`}
          {review.submittedAt !== null
            ? ` · submitted ${formatDateTime(review.submittedAt, zone)}`
            : ''}
        </p>
        {review.acknowledged ? (
          <p className="text-xs text-emerald-800 dark:text-emerald-300">
            {`Acknowledged by ${review.acknowledged.by.name}, ${formatDateTime(review.acknowledged.at, zone)}`}
          </p>
        ) : null}
        {review.inArchive === false ? (
          <p className="text-xs text-amber-800 dark:text-amber-300">
            This conversation is no longer in the archive; the review keeps its quotes.
          </p>
        ) : null}
      </div>

      <div className="sticky top-0 z-10 -mx-3 flex flex-col gap-2 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-950">
        {draft.conflict ? (
          <ConflictAlert conflict={draft.conflict} zone={zone} onReload={draft.reload} />
        ) : null}
        <ScoreSummary score={score} />
        {editable || draft.dirty ? (
          <SaveStatusLine status={draft.status} zone={zone} onRetry={() => void draft.flush()} />
        ) : null}
        {editable ? (
          selected.size > 0 ? (
            <div className="flex flex-wrap items-center gap-2 rounded-md bg-blue-50 px-2 py-1.5 text-sm dark:bg-blue-950">
              <span className="font-medium">
                {selected.size === 1
                  ? '1 message selected'
                  : `${String(selected.size)} messages selected`}
              </span>
              <Button
                size="sm"
                variant="primary"
                onClick={(event) => {
                  attachReturnRef.current = event.currentTarget
                  setAttach({ mode: 'criterion', criterionId: undefined })
                }}
              >
                Attach to criterion…
              </Button>
              <Button
                size="sm"
                onClick={(event) => {
                  attachReturnRef.current = event.currentTarget
                  setAttach({ mode: 'comment' })
                }}
              >
                Comment on messages
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onSelectedChange(new Set())}>
                Clear selection
              </Button>
            </div>
          ) : (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Select messages in the transcript (their checkboxes) to attach them as evidence.
            </p>
          )
        ) : null}
      </div>
      <ScoreRule />

      {definition.sections.map((section) => (
        <section key={section.id} aria-label={section.name} className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
            {section.name}
          </h3>
          <ul className="flex flex-col gap-2">
            {section.criteria.map((criterion) => (
              <CriterionCard
                key={criterion.id}
                criterion={criterion}
                answer={content.answers[criterion.id]}
                note={content.notes[criterion.id]}
                evidence={evidenceBy.get(criterion.id)}
                disputes={disputesBy.get(criterion.id)}
                editable={editable}
                conversationId={review.conversationId}
                zone={zone}
                selectedCount={selectedCount}
                onAnswer={onAnswer}
                onNote={onNote}
                onRemoveEvidence={onRemoveEvidence}
                onAttach={onAttach}
                onDispute={canDispute}
                onDecide={canResolve}
              />
            ))}
          </ul>
        </section>
      ))}

      {comments.length > 0 ? (
        <section aria-label="Comments on messages" className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
            Comments on messages
          </h3>
          <EvidenceList
            evidence={comments}
            conversationId={review.conversationId}
            zone={zone}
            label="Comments on messages"
            onRemove={editable ? onRemoveEvidence : undefined}
          />
        </section>
      ) : null}

      {editable ? (
        <div>
          <label htmlFor={commentId} className={LABEL_CLASSES}>
            Overall comment
          </label>
          <textarea
            id={commentId}
            rows={3}
            value={content.comment}
            onChange={(event) => {
              const comment = event.target.value
              edit((current) => ({ ...current, comment }))
            }}
            className={cn('mt-1', INPUT_CLASSES)}
          />
        </div>
      ) : content.comment ? (
        <div className="text-sm">
          <h3 className="font-semibold">Overall comment</h3>
          <p className="mt-1 whitespace-pre-line">{content.comment}</p>
        </div>
      ) : null}

      {actionError ? <PanelMessage error>{errorMessage(actionError)}</PanelMessage> : null}

      <div className="flex flex-wrap gap-2">
        {review.can.edit && review.state === 'draft' ? (
          <Button
            ref={submitButtonRef}
            variant="primary"
            disabled={submit.isPending || draft.conflict !== undefined}
            onClick={() => (score.unscored > 0 ? setConfirmSubmit(true) : submit.mutate())}
          >
            {submit.isPending ? 'Submitting…' : 'Submit review'}
          </Button>
        ) : null}
        {review.can.edit && review.state === 'submitted' ? (
          editingSubmitted ? (
            <>
              <Button
                variant="primary"
                disabled={!draft.dirty || draft.conflict !== undefined}
                onClick={() => void draft.flush()}
              >
                Save changes
              </Button>
              <Button disabled={finishEditing.isPending} onClick={() => finishEditing.mutate()}>
                Done editing
              </Button>
            </>
          ) : (
            <Button onClick={() => setEditingSubmitted(true)}>Edit review</Button>
          )
        ) : null}
        {review.can.acknowledge && !review.acknowledged ? (
          <Button
            variant="primary"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            Acknowledge
          </Button>
        ) : null}
        {review.can.discard && review.state === 'draft' ? (
          <Button variant="ghost" onClick={() => setConfirmDiscard(true)}>
            Discard draft
          </Button>
        ) : null}
      </div>

      <ReviewHistory history={review.history} definition={definition} zone={zone} />

      {attach ? (
        <AttachDialog
          mode={attach.mode}
          sections={definition.sections}
          criterionId={attach.mode === 'criterion' ? attach.criterionId : undefined}
          count={selected.size}
          onAttach={attachSelected}
          onClose={() => setAttach(undefined)}
          returnFocusTo={attachReturnRef}
        />
      ) : null}

      {confirmSubmit ? (
        <Dialog
          labelledBy={submitHeadingId}
          onClose={() => setConfirmSubmit(false)}
          returnFocusTo={submitButtonRef}
        >
          <h2 id={submitHeadingId} className="text-base font-semibold">
            {`${score.unscored === 1 ? '1 criterion' : `${String(score.unscored)} criteria`} unscored: submit anyway?`}
          </h2>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            Unscored criteria do not count towards the score.
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => setConfirmSubmit(false)}>Keep scoring</Button>
            <Button variant="primary" disabled={submit.isPending} onClick={() => submit.mutate()}>
              Submit anyway
            </Button>
          </div>
        </Dialog>
      ) : null}

      {confirmDiscard ? (
        <Dialog labelledBy={discardHeadingId} onClose={() => setConfirmDiscard(false)}>
          <h2 id={discardHeadingId} className="text-base font-semibold">
            Discard this draft?
          </h2>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            The draft and its evidence are deleted.
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => setConfirmDiscard(false)}>Keep it</Button>
            <Button variant="primary" disabled={discard.isPending} onClick={() => discard.mutate()}>
              Discard
            </Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  )
}
