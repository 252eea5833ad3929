import { useMutation } from '@tanstack/react-query'
import { useId, type ChangeEvent } from 'react'
import { fieldPath } from '@/app/features/scorecards/definition-issues'
import type { ImportRefusal } from '@/app/features/scorecards/import-refusal'
import { errorMessage } from '@/app/lib/error-message'
import { HttpError } from '@/app/lib/http'
import { createScorecard } from '@/app/lib/review-api'
import {
  scorecardDefinitionSchema,
  type Scorecard,
  type ScorecardDefinition,
} from '@/domain/schema/reviews'

const MAX_ISSUES = 20

/**
 * Import a scorecard from a `.json` file (what Export writes, or one written by hand): read and
 * checked here with `scorecardDefinitionSchema`, so a file it refuses names the field and
 * nothing is sent; a good one becomes a new scorecard (`POST /api/scorecards`).
 */
export function ScorecardImport({
  onImported,
  onRefused,
}: {
  onImported: (scorecard: Scorecard) => void
  /** Why the file picked was refused (shown by the page under its heading); undefined: not. */
  onRefused: (refusal: ImportRefusal | undefined) => void
}) {
  const id = useId()
  const create = useMutation({
    mutationFn: (definition: ScorecardDefinition) => createScorecard(definition),
    onSuccess: onImported,
    onError: (error) =>
      onRefused({
        message: `The import was refused: ${
          error instanceof HttpError && error.field
            ? `${error.field}: ${error.message}`
            : errorMessage(error)
        }`,
        fields: [],
      }),
  })
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    // The same file can be picked again after it is fixed.
    input.value = ''
    if (!file) return
    onRefused(undefined)
    create.reset()
    let json: unknown
    try {
      json = JSON.parse(await file.text())
    } catch (error) {
      onRefused({
        message: `${file.name} is not JSON (${errorMessage(error)}).`,
        fields: [],
      })
      return
    }
    const parsed = scorecardDefinitionSchema.safeParse(json)
    if (!parsed.success) {
      const fields = parsed.error.issues.map(
        (issue) => `${fieldPath(issue.path) || '(the file)'}: ${issue.message}`,
      )
      onRefused({
        message: `${file.name} is not a scorecard this app can import; nothing was saved.`,
        fields: fields.slice(0, MAX_ISSUES),
      })
      return
    }
    create.mutate(parsed.data)
  }
  return (
    <label
      htmlFor={`${id}-file`}
      className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      {create.isPending ? 'Importing…' : 'Import from JSON file'}
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        disabled={create.isPending}
        onChange={(event) => void onFile(event)}
      />
    </label>
  )
}
