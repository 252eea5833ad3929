import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '@/app/lib/error-message'
import { HttpError } from '@/app/lib/http'
import { reviewQueries, saveReview } from '@/app/lib/review-api'
import {
  conflictSchema,
  type Person,
  type Review,
  type ReviewContent,
} from '@/domain/schema/reviews'

/** How long the reviewer pauses before a draft is saved. */
export const AUTOSAVE_MS = 800

export type SaveStatus =
  | { kind: 'saved'; at: number }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }

/** A 409: someone else saved the review since this reader loaded it. */
export interface Conflict {
  message: string
  changedBy?: Person
  changedAt?: number
}

export const contentOf = (review: Review): ReviewContent => ({
  answers: review.answers,
  notes: review.notes,
  evidence: review.evidence,
  comment: review.comment,
})

const same = (a: ReviewContent, b: ReviewContent) => JSON.stringify(a) === JSON.stringify(b)

/** The conflict a failed request reports, if it is one. */
export function conflictOf(error: unknown): Conflict | undefined {
  if (!(error instanceof HttpError) || error.status !== 409) return undefined
  const parsed = conflictSchema.safeParse(error.body)
  if (!parsed.success) return { message: error.message }
  const { message, changedBy, changedAt } = parsed.data.error
  return { message, changedBy, changedAt }
}

/**
 * What the reviewer has written, kept here and saved to the server: on a pause of
 * {@link AUTOSAVE_MS} (drafts, `auto`), on `flush()` (blur, submit, "Save changes"), and
 * best-effort when the page goes away. Every save names the revision it started from; a 409
 * stops saving and keeps the local edits on screen until the reader reloads.
 */
export function useReviewDraft(review: Review, auto: boolean) {
  const queryClient = useQueryClient()
  const { id, conversationId } = review
  const [content, setContent] = useState(() => contentOf(review))
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: review.updatedAt })
  const [conflict, setConflict] = useState<Conflict | undefined>(undefined)
  const latest = useRef(content)
  const saved = useRef(content)
  const revision = useRef(review.revision)
  const conflicted = useRef(false)
  const inFlight = useRef<Promise<boolean> | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const autoRef = useRef(auto)
  useEffect(() => {
    autoRef.current = auto
  }, [auto])

  const publish = useCallback(
    (next: Review) => {
      queryClient.setQueryData(reviewQueries.review(id).queryKey, next)
      void queryClient.invalidateQueries({
        queryKey: reviewQueries.forConversation(conversationId).queryKey,
      })
    },
    [queryClient, id, conversationId],
  )

  const failed = useCallback((error: unknown) => {
    const found = conflictOf(error)
    if (found) {
      conflicted.current = true
      setConflict(found)
      setStatus({ kind: 'unsaved' })
    } else setStatus({ kind: 'error', message: errorMessage(error) })
  }, [])

  /** Saves what is not saved yet; false when it could not be (conflict, error). */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current)
    timer.current = undefined
    while (inFlight.current) await inFlight.current
    if (conflicted.current) return false
    const sending = latest.current
    if (same(sending, saved.current)) return true
    setStatus({ kind: 'saving' })
    const attempt = (async () => {
      try {
        const next = await saveReview(id, revision.current, sending)
        revision.current = next.revision
        saved.current = sending
        publish(next)
        setStatus(
          same(latest.current, sending)
            ? { kind: 'saved', at: next.updatedAt }
            : { kind: 'unsaved' },
        )
        return true
      } catch (error) {
        failed(error)
        return false
      }
    })()
    inFlight.current = attempt
    try {
      return await attempt
    } finally {
      inFlight.current = undefined
    }
  }, [id, publish, failed])

  /** Changes the local content; a draft is saved after a pause. */
  const edit = useCallback(
    (change: (current: ReviewContent) => ReviewContent) => {
      const next = change(latest.current)
      latest.current = next
      setContent(next)
      if (!conflicted.current) setStatus({ kind: 'unsaved' })
      if (autoRef.current && !conflicted.current) {
        clearTimeout(timer.current)
        timer.current = setTimeout(() => void flush(), AUTOSAVE_MS)
      }
    },
    [flush],
  )

  /** Takes the server's review as the truth (after reload, or an action that changed it). */
  const adopt = useCallback(
    (next: Review, force: boolean) => {
      revision.current = next.revision
      publish(next)
      if (force || same(latest.current, saved.current)) {
        const fresh = contentOf(next)
        latest.current = fresh
        saved.current = fresh
        setContent(fresh)
        setStatus({ kind: 'saved', at: next.updatedAt })
      }
    },
    [publish],
  )

  /** After a conflict: the server's version replaces the local edits. */
  const reload = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ ...reviewQueries.review(id), staleTime: 0 })
    clearTimeout(timer.current)
    conflicted.current = false
    setConflict(undefined)
    adopt(fresh, true)
  }, [queryClient, id, adopt])

  /** Saves first, then runs an action that takes the revision and answers with the review. */
  const run = useCallback(
    async (action: (revision: number) => Promise<Review>): Promise<Review> => {
      if (!(await flush())) {
        throw new Error(
          conflicted.current
            ? 'Reload the review first: someone else changed it.'
            : 'The review could not be saved.',
        )
      }
      try {
        const next = await action(revision.current)
        adopt(next, false)
        return next
      } catch (error) {
        const found = conflictOf(error)
        if (found) {
          conflicted.current = true
          setConflict(found)
        }
        throw error
      }
    },
    [flush, adopt],
  )

  // Leaving: save what is left. The page going away gets one best-effort request that outlives it.
  useEffect(() => {
    const onHide = () => {
      if (!autoRef.current || conflicted.current || inFlight.current) return
      const sending = latest.current
      if (same(sending, saved.current)) return
      clearTimeout(timer.current)
      saveReview(id, revision.current, sending, { keepalive: true }).catch(() => undefined)
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' && autoRef.current) void flush()
    }
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onVisibility)
      void flush()
    }
  }, [id, flush])

  const dirty = status.kind !== 'saved'
  return { content, status, conflict, dirty, edit, flush, reload, run }
}
