import { useId, useState, type FormEvent } from 'react'
import { Badge } from '@/app/components/ui/badge'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'
import { errorMessage } from '@/app/lib/error-message'
import { formatDateTime, type TimeZone } from '@/app/lib/time'
import type { Criterion, Dispute } from '@/domain/schema/reviews'
import { answerChoices, answerLabel } from './scale-choice'

export interface DisputeActions {
  /** The leg's agent: dispute this criterion. */
  onDispute?: ((criterionId: string, reason: string) => Promise<unknown>) | undefined
  /** The author or an admin: accept (with the new answer) or reject (with a note). */
  onDecide?:
    | ((
        disputeId: string,
        decision: { decision: 'accept' | 'reject'; note: string; answer?: string },
      ) => Promise<unknown>)
    | undefined
}

const STATE_BADGES = {
  open: <Badge tone="warning">Dispute open</Badge>,
  accepted: <Badge tone="success">Dispute accepted</Badge>,
  rejected: <Badge tone="outline">Dispute rejected</Badge>,
} as const

/** A criterion's disputes (reason, state, resolution) and what the reader may do about them. */
export function DisputeBlock({
  criterion,
  disputes,
  answer,
  zone,
  onDispute,
  onDecide,
}: DisputeActions & {
  criterion: Criterion
  disputes: readonly Dispute[]
  answer: string | undefined
  zone: TimeZone
}) {
  const hasOpen = disputes.some((d) => d.state === 'open')
  return (
    <div className="flex flex-col gap-2">
      {disputes.map((dispute) => (
        <div
          key={dispute.id}
          className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <p className="flex flex-wrap items-center gap-2">
            {STATE_BADGES[dispute.state]}
            <span className="text-xs text-slate-700 dark:text-slate-300">
              {`${dispute.by.name}, ${formatDateTime(dispute.at, zone)}`}
            </span>
          </p>
          <p className="mt-1 whitespace-pre-line">{dispute.reason}</p>
          {dispute.resolution ? (
            <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
              {dispute.state === 'accepted' ? 'Accepted' : 'Rejected'}
              {` by ${dispute.resolution.by.name}, ${formatDateTime(dispute.resolution.at, zone)}`}
              {dispute.resolution.to !== undefined
                ? `: ${answerLabel(criterion, dispute.resolution.from)} → ${answerLabel(criterion, dispute.resolution.to)}`
                : ''}
              {dispute.resolution.note ? `. ${dispute.resolution.note}` : ''}
            </p>
          ) : null}
          {dispute.state === 'open' && onDecide ? (
            <DecideForm
              criterion={criterion}
              dispute={dispute}
              answer={answer}
              onDecide={onDecide}
            />
          ) : null}
        </div>
      ))}
      {onDispute && !hasOpen ? <DisputeForm criterion={criterion} onDispute={onDispute} /> : null}
    </div>
  )
}

function DisputeForm({
  criterion,
  onDispute,
}: {
  criterion: Criterion
  onDispute: NonNullable<DisputeActions['onDispute']>
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const id = useId()
  if (!open) {
    return (
      <div>
        <Button size="sm" aria-label={`Dispute ${criterion.name}`} onClick={() => setOpen(true)}>
          Dispute
        </Button>
      </div>
    )
  }
  const send = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await onDispute(criterion.id, reason)
      setOpen(false)
      setReason('')
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(event) => void send(event)} className="flex flex-col gap-2">
      <div>
        <label htmlFor={id} className={LABEL_CLASSES}>
          {`Why do you dispute "${criterion.name}"?`}
        </label>
        <textarea
          id={id}
          required
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className={cn('mt-1', INPUT_CLASSES)}
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={busy || !reason.trim()}>
          Send dispute
        </Button>
        <Button size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  )
}

function DecideForm({
  criterion,
  dispute,
  answer,
  onDecide,
}: {
  criterion: Criterion
  dispute: Dispute
  answer: string | undefined
  onDecide: NonNullable<DisputeActions['onDecide']>
}) {
  const [mode, setMode] = useState<'accept' | 'reject' | undefined>(undefined)
  const [note, setNote] = useState('')
  const [newAnswer, setNewAnswer] = useState(answer)
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const noteId = useId()
  const answerId = useId()
  if (mode === undefined) {
    return (
      <div className="mt-2 flex gap-2">
        <Button size="sm" onClick={() => setMode('accept')}>
          Accept…
        </Button>
        <Button size="sm" onClick={() => setMode('reject')}>
          Reject…
        </Button>
      </div>
    )
  }
  const send = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await onDecide(dispute.id, {
        decision: mode,
        note,
        ...(mode === 'accept' && newAnswer !== undefined ? { answer: newAnswer } : {}),
      })
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(event) => void send(event)} className="mt-2 flex flex-col gap-2">
      {mode === 'accept' ? (
        <div>
          <label htmlFor={answerId} className={LABEL_CLASSES}>
            New answer
          </label>
          <select
            id={answerId}
            value={newAnswer ?? ''}
            onChange={(event) => setNewAnswer(event.target.value || undefined)}
            className={cn('mt-1', INPUT_CLASSES)}
          >
            {answer === undefined ? <option value="">Not scored</option> : null}
            {answerChoices(criterion).map((choice) => (
              <option key={choice.key} value={choice.key}>
                {answerLabel(criterion, choice.key)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor={noteId} className={LABEL_CLASSES}>
          {mode === 'accept' ? 'Note (optional)' : 'Why you reject it'}
        </label>
        <textarea
          id={noteId}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          className={cn('mt-1', INPUT_CLASSES)}
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={busy}>
          {mode === 'accept' ? 'Accept the dispute' : 'Reject the dispute'}
        </Button>
        <Button size="sm" onClick={() => setMode(undefined)}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
