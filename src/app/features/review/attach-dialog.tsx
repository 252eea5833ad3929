import { useId, useState, type FormEvent, type RefObject } from 'react'
import { Button } from '@/app/components/ui/button'
import { Dialog } from '@/app/components/ui/dialog'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'
import type { Section } from '@/domain/schema/reviews'

/**
 * Attaching the selected messages: to a criterion (`criterionId` given, or picked here) with a
 * comment, or, without a criterion, as a comment on the messages.
 */
export function AttachDialog({
  mode,
  sections,
  criterionId,
  count,
  onAttach,
  onClose,
  returnFocusTo,
}: {
  mode: 'criterion' | 'comment'
  sections: readonly Section[]
  criterionId: string | undefined
  count: number
  onAttach: (criterionId: string | null, comment: string) => void
  onClose: () => void
  returnFocusTo?: RefObject<HTMLElement | null>
}) {
  const headingId = useId()
  const criterionField = useId()
  const commentField = useId()
  const [picked, setPicked] = useState(criterionId ?? sections[0]?.criteria[0]?.id ?? '')
  const [comment, setComment] = useState('')
  const messages = count === 1 ? 'the selected message' : `${String(count)} selected messages`
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (mode === 'comment' && !comment.trim()) return
    onAttach(mode === 'criterion' ? picked : null, comment.trim())
  }
  return (
    <Dialog
      labelledBy={headingId}
      onClose={onClose}
      returnFocusTo={returnFocusTo}
      className="max-w-md"
    >
      <form onSubmit={submit} className="flex flex-col gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {mode === 'criterion' ? `Attach ${messages} to a criterion` : `Comment on ${messages}`}
        </h2>
        {mode === 'criterion' ? (
          <div>
            <label htmlFor={criterionField} className={LABEL_CLASSES}>
              Criterion
            </label>
            <select
              id={criterionField}
              value={picked}
              onChange={(event) => setPicked(event.target.value)}
              className={cn('mt-1', INPUT_CLASSES)}
            >
              {sections.map((section) => (
                <optgroup key={section.id} label={section.name}>
                  {section.criteria.map((criterion) => (
                    <option key={criterion.id} value={criterion.id}>
                      {criterion.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor={commentField} className={LABEL_CLASSES}>
            {mode === 'criterion' ? 'Comment (optional)' : 'Comment'}
          </label>
          <textarea
            id={commentField}
            rows={3}
            required={mode === 'comment'}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            className={cn('mt-1', INPUT_CLASSES)}
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={mode === 'comment' && !comment.trim()}>
            {mode === 'criterion' ? 'Attach' : 'Add comment'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
