import { useQuery } from '@tanstack/react-query'
import { PagePending } from '@/app/components/page-pending'
import { Button } from '@/app/components/ui/button'
import { draftOf, emptyDraft } from '@/app/features/scorecards/scorecard-draft'
import { ScorecardForm } from '@/app/features/scorecards/scorecard-form'
import { errorMessage } from '@/app/lib/error-message'
import { reviewQueries } from '@/app/lib/review-api'
import type { Scorecard } from '@/domain/schema/reviews'

/** The editor for a saved scorecard (its newest version), once it is read. */
function SavedScorecardEditor({
  id,
  reviews,
  onSaved,
  onClose,
}: {
  id: number
  reviews: { all: number; latest: number }
  onSaved: (saved: Scorecard) => void
  onClose: () => void
}) {
  const card = useQuery(reviewQueries.scorecard(id))
  if (card.isPending) return <PagePending>Loading the scorecard…</PagePending>
  if (card.isError) {
    return (
      <div role="alert" className="space-y-2 text-red-700 dark:text-red-400">
        <p>{`The scorecard could not be loaded: ${errorMessage(card.error)}`}</p>
        <Button onClick={onClose}>Close</Button>
      </div>
    )
  }
  return (
    <ScorecardForm
      // A new version starts a new form; a save in place keeps what is on screen.
      key={`${String(card.data.id)} ${String(card.data.version)}`}
      scorecard={card.data}
      reviews={reviews}
      initial={draftOf(card.data.definition)}
      onSaved={onSaved}
      onClose={onClose}
    />
  )
}

/** The editor of `edit` (a scorecard ID, or `new`). */
export function ScorecardEditor({
  edit,
  reviews,
  onSaved,
  onClose,
}: {
  edit: number | 'new'
  reviews: { all: number; latest: number }
  onSaved: (saved: Scorecard) => void
  onClose: () => void
}) {
  if (edit === 'new') {
    return (
      <ScorecardForm
        scorecard={undefined}
        reviews={{ all: 0, latest: 0 }}
        initial={emptyDraft()}
        onSaved={onSaved}
        onClose={onClose}
      />
    )
  }
  return <SavedScorecardEditor id={edit} reviews={reviews} onSaved={onSaved} onClose={onClose} />
}
