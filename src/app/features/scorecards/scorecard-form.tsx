import { useMutation } from '@tanstack/react-query'
import { useId, useRef, useState, type FormEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import {
  describeField,
  fieldErrors,
  type FieldErrors,
} from '@/app/features/scorecards/definition-issues'
import { DraftField } from '@/app/features/scorecards/draft-field'
import { ScoreRulePreview } from '@/app/features/scorecards/score-rule-preview'
import {
  definitionOf,
  move,
  newSection,
  type DraftSection,
  type ScorecardDraft,
} from '@/app/features/scorecards/scorecard-draft'
import { SectionFields } from '@/app/features/scorecards/section-fields'
import { errorMessage } from '@/app/lib/error-message'
import { HttpError } from '@/app/lib/http'
import { createScorecard, updateScorecard } from '@/app/lib/review-api'
import {
  scorecardDefinitionSchema,
  type Scorecard,
  type ScorecardDefinition,
} from '@/domain/schema/reviews'

const NO_ERRORS: FieldErrors = new Map()

const count = (n: number) => `${String(n)} ${n === 1 ? 'review' : 'reviews'}`

/** What Save will do: replace the version edited, or (reviews use it) make the next one. */
function VersionNote({
  version,
  reviews,
}: {
  version: number
  reviews: { all: number; latest: number }
}) {
  if (reviews.latest > 0) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        {`${count(reviews.latest)} ${reviews.latest === 1 ? 'uses' : 'use'} this version, so saving makes a new one: this scorecard will become version ${String(version + 1)}; existing reviews keep version ${String(version)}.`}
      </p>
    )
  }
  const older = reviews.all - reviews.latest
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      {`No review uses version ${String(version)} yet: saving changes it in place.${older > 0 ? ` The ${count(older)} of older versions keep theirs.` : ''}`}
    </p>
  )
}

/** What a refused save says: a stale version in words, a field the server named by its name. */
function saveFailure(error: unknown): string {
  if (error instanceof HttpError && error.status === 409) {
    return 'Someone saved this scorecard since you opened it. Close the editor and open it again to see their version (your changes here are not saved).'
  }
  const message = errorMessage(error)
  if (error instanceof HttpError && error.field) {
    return `${describeField(error.field.replace(/^definition\./, ''))}: ${message}`
  }
  return `Saving failed: ${message}`
}

/**
 * The scorecard editor: name, description, sections and their criteria, checked against
 * `scorecardDefinitionSchema` on Save (each field shows its message, and a summary lists them).
 * Saving one that reviews use makes a new version; the form says so before.
 */
export function ScorecardForm({
  scorecard,
  reviews,
  initial,
  onSaved,
  onClose,
}: {
  /** The version being edited; absent for a new scorecard. */
  scorecard: Scorecard | undefined
  /** How many reviews use it: any version, and the one edited (the newest). */
  reviews: { all: number; latest: number }
  initial: ScorecardDraft
  onSaved: (saved: Scorecard) => void
  onClose: () => void
}) {
  const id = useId()
  const summaryRef = useRef<HTMLDivElement>(null)
  const [draft, setDraft] = useState(initial)
  const [tried, setTried] = useState(false)
  const definition = definitionOf(draft)
  const parsed = scorecardDefinitionSchema.safeParse(definition)
  const errors = tried && !parsed.success ? fieldErrors(parsed.error) : NO_ERRORS
  const save = useMutation({
    mutationFn: (valid: ScorecardDefinition) =>
      scorecard ? updateScorecard(scorecard.id, scorecard.version, valid) : createScorecard(valid),
    onSuccess: onSaved,
  })
  const setSections = (sections: DraftSection[]) => setDraft({ ...draft, sections })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setTried(true)
    if (!parsed.success) {
      // After React shows the summary.
      window.setTimeout(() => summaryRef.current?.focus(), 0)
      return
    }
    save.mutate(parsed.data)
  }
  const title = scorecard ? `Edit “${scorecard.definition.name}”` : 'New scorecard'
  const listError = errors.get('sections')
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form aria-labelledby={`${id}-title`} noValidate onSubmit={onSubmit} className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id={`${id}-title`} className="text-xl font-semibold">
            {title}
            {scorecard ? (
              <span className="ml-2 text-base font-normal text-slate-600 dark:text-slate-400">
                {`version ${String(scorecard.version)}`}
              </span>
            ) : null}
          </h2>
        </div>
        {errors.size > 0 ? (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 outline-none focus-visible:outline-2 focus-visible:outline-red-600 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            <p className="font-medium">
              {errors.size === 1
                ? 'One thing to fix before saving:'
                : `${String(errors.size)} things to fix before saving:`}
            </p>
            <ul className="mt-1 list-disc pl-5">
              {[...errors].map(([path, message]) => (
                <li key={path}>{`${describeField(path)}: ${message}`}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <DraftField
          id={`${id}-name`}
          label="Scorecard name"
          value={draft.name}
          error={errors.get('name')}
          onValue={(name) => setDraft({ ...draft, name })}
          className="max-w-xl"
        />
        <DraftField
          id={`${id}-description`}
          label="Description"
          rows={2}
          value={draft.description}
          error={errors.get('description')}
          onValue={(description) => setDraft({ ...draft, description })}
        />
        <div className="space-y-4">
          {draft.sections.map((section, s) => (
            <SectionFields
              key={section.rowKey}
              section={section}
              index={s}
              count={draft.sections.length}
              errors={errors}
              onChange={(next) =>
                setSections(draft.sections.map((old, i) => (i === s ? next : old)))
              }
              onMove={(by) => setSections(move(draft.sections, s, by))}
              onRemove={() => setSections(draft.sections.filter((_, i) => i !== s))}
            />
          ))}
        </div>
        {listError ? <p className="text-sm text-red-700 dark:text-red-400">{listError}</p> : null}
        <Button onClick={() => setSections([...draft.sections, newSection()])}>
          Add a section
        </Button>
        <div className="sticky bottom-0 z-10 space-y-2 border-t border-slate-200 bg-white px-3 py-3 shadow-[0_-4px_8px_-6px_rgb(0_0_0/0.2)] dark:border-slate-800 dark:bg-slate-950">
          {scorecard ? <VersionNote version={scorecard.version} reviews={reviews} /> : null}
          {save.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {saveFailure(save.error)}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : scorecard ? 'Save scorecard' : 'Create scorecard'}
            </Button>
            <Button onClick={onClose}>{scorecard ? 'Close without saving' : 'Cancel'}</Button>
          </div>
        </div>
      </form>
      <aside className="lg:sticky lg:top-4">
        <ScoreRulePreview definition={definition} />
      </aside>
    </div>
  )
}
