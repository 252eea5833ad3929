import { getRouteApi } from '@tanstack/react-router'
import { useId, useMemo } from 'react'
import { Button } from '@/app/components/ui/button'
import type { TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'
import { ReviewList } from './review-list'
import { ReviewView } from './review-view'
import { StartReview } from './start-review'
import { transcriptFacts } from './transcript-facts'
import type { ReviewMarks } from './transcript-marks'

export type { ReviewMarks } from './transcript-marks'

export interface ReviewPanelProps {
  record: ConversationRecord
  zone: TimeZone
  /** Messages selected in the transcript (IDs). */
  selected: ReadonlySet<string>
  onSelectedChange: (selected: ReadonlySet<string>) => void
  onMarksChange: (marks: ReviewMarks) => void
}

const route = getRouteApi('/conversations/$conversationId')

/**
 * The Review panel (issue 13) beside the transcript: this conversation's reviews, starting one,
 * and one review (scoring, evidence, disputes, history). `?review=` says which: `list`, `new` or a
 * review ID; the page loads this module only when the panel opens.
 */
export function ReviewPanel(props: ReviewPanelProps) {
  const { record, zone, onMarksChange } = props
  const headingId = useId()
  const param = route.useSearch({ select: (search) => search.review }) ?? 'list'
  const navigate = route.useNavigate()
  const conversationId = record.info.conversationId
  // Walks the whole transcript: once per record, never per keystroke.
  const facts = useMemo(() => transcriptFacts(record), [record])
  const show = (review: string | undefined) =>
    void navigate({ search: (prev) => ({ ...prev, review }), resetScroll: false })

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 id={headingId} className="text-lg font-semibold">
          Review
        </h2>
        <div className="flex items-center gap-1">
          {param !== 'list' ? (
            <Button size="sm" variant="ghost" onClick={() => show('list')}>
              All reviews
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={() => show(undefined)}>
            Close review panel
          </Button>
        </div>
      </div>
      <div className="p-3">
        {param === 'list' ? (
          <ReviewList
            conversationId={conversationId}
            zone={zone}
            onMarksChange={onMarksChange}
            onStart={() => show('new')}
          />
        ) : param === 'new' ? (
          <StartReview
            conversationId={conversationId}
            facts={facts}
            zone={zone}
            onMarksChange={onMarksChange}
            onCancel={() => show('list')}
          />
        ) : (
          <ReviewView
            key={param}
            reviewId={param}
            facts={facts}
            zone={zone}
            selected={props.selected}
            onSelectedChange={props.onSelectedChange}
            onMarksChange={onMarksChange}
          />
        )}
      </div>
    </section>
  )
}
