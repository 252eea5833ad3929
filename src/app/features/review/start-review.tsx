import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { cn } from '@/app/lib/cn'
import { errorMessage } from '@/app/lib/error-message'
import { createReview, reviewQueries } from '@/app/lib/review-api'
import { formatDateTime, formatTime, type TimeZone } from '@/app/lib/time'
import { PanelMessage } from './panel-message'
import { defaultLeg, type LegChoice, type TranscriptFacts } from './transcript-facts'
import { useTranscriptMarks, type ReviewMarks } from './transcript-marks'

const route = getRouteApi('/conversations/$conversationId')

function spanText(span: LegChoice['spans'][number], zone: TimeZone): string {
  const from = formatDateTime(span.from, zone)
  if (span.to === undefined) return `${from} – now`
  const sameDay = formatDateTime(span.to, zone).slice(0, 10) === from.slice(0, 10)
  return `${from} – ${sameDay ? formatTime(span.to, zone) : formatDateTime(span.to, zone)}`
}

/** Starting a review: which scorecard, and whom it is for (one leg of the conversation). */
export function StartReview({
  conversationId,
  facts,
  zone,
  onMarksChange,
  onCancel,
}: {
  conversationId: string
  facts: TranscriptFacts
  zone: TimeZone
  onMarksChange: (marks: ReviewMarks) => void
  onCancel: () => void
}) {
  const queryClient = useQueryClient()
  const navigate = route.useNavigate()
  const headingId = useId()
  const legHeadingId = useId()
  const scorecardId = useId()
  const scorecards = useQuery({
    ...reviewQueries.scorecards(),
    select: (data) => data.scorecards.filter((card) => !card.archived),
  })
  const [agentId, setAgentId] = useState(() => defaultLeg(facts.legs)?.leg.agentId)
  const [pickedCard, setPickedCard] = useState<number | undefined>(undefined)
  const card = pickedCard ?? scorecards.data?.[0]?.id
  const choice = facts.legs.find((l) => l.leg.agentId === agentId)
  // The transcript marks the leg being picked, so the reviewer sees whose part it is.
  useTranscriptMarks(onMarksChange, choice?.leg.agentId, false)

  const start = useMutation({
    mutationFn: (body: Parameters<typeof createReview>[0]) => createReview(body),
    onSuccess: (review) => {
      queryClient.setQueryData(reviewQueries.review(review.id).queryKey, review)
      void queryClient.invalidateQueries({
        queryKey: reviewQueries.forConversation(conversationId).queryKey,
      })
      void navigate({
        search: (prev) => ({ ...prev, review: review.id }),
        replace: true,
        resetScroll: false,
      })
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!choice || card === undefined) return
    start.mutate({ conversationId, leg: choice.leg, scorecardId: card })
  }

  if (facts.legs.length === 0) {
    return (
      <PanelMessage>
        Nobody owned this conversation (no agent or bot leg), so there is no one to review.
      </PanelMessage>
    )
  }
  return (
    <form onSubmit={submit} aria-labelledby={headingId} className="flex flex-col gap-4">
      <h3 id={headingId} className="text-base font-semibold">
        Start a review
      </h3>
      <div>
        <label htmlFor={scorecardId} className={LABEL_CLASSES}>
          Scorecard
        </label>
        {scorecards.isPending ? (
          <PanelMessage>Loading scorecards…</PanelMessage>
        ) : scorecards.error ? (
          <PanelMessage
            error
          >{`The scorecards could not be loaded: ${errorMessage(scorecards.error)}`}</PanelMessage>
        ) : scorecards.data.length === 0 ? (
          <PanelMessage>There is no scorecard to review with: an admin creates one.</PanelMessage>
        ) : (
          <select
            id={scorecardId}
            value={card}
            onChange={(event) => setPickedCard(Number(event.target.value))}
            className={cn('mt-1', INPUT_CLASSES)}
          >
            {scorecards.data.map((s) => (
              <option key={s.id} value={s.id}>
                {`${s.name} (${String(s.criteria)} criteria)`}
              </option>
            ))}
          </select>
        )}
      </div>
      <fieldset>
        <legend id={legHeadingId} className={LABEL_CLASSES}>
          Whom the review is for
        </legend>
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
          Each leg is reviewed on its own; the transcript marks the messages of the leg you pick.
        </p>
        <div className="mt-2 flex flex-col gap-2">
          {facts.legs.map((l) => (
            <label
              key={l.leg.agentId}
              className="flex cursor-pointer gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-checked:border-blue-600 has-checked:bg-blue-50 has-focus-visible:outline-2 has-focus-visible:outline-blue-600 dark:border-slate-700 dark:has-checked:border-blue-400 dark:has-checked:bg-blue-950"
            >
              <input
                type="radio"
                name={legHeadingId}
                value={l.leg.agentId}
                checked={l.leg.agentId === agentId}
                onChange={() => setAgentId(l.leg.agentId)}
                className="mt-1 accent-blue-700"
              />
              <span>
                <span className="font-medium">{l.name}</span>
                <span className="text-slate-600 dark:text-slate-400">
                  {` · ${l.human ? 'agent' : 'bot'} · ${l.messages === 1 ? '1 message' : `${String(l.messages)} messages`}`}
                </span>
                {l.spans.map((span, i) => (
                  <span key={i} className="block text-xs text-slate-600 dark:text-slate-400">
                    {spanText(span, zone)}
                  </span>
                ))}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {start.error ? (
        <PanelMessage
          error
        >{`The review could not be started: ${errorMessage(start.error)}`}</PanelMessage>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          variant="primary"
          disabled={!choice || card === undefined || start.isPending}
        >
          {start.isPending ? 'Starting…' : 'Start the review'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  )
}
