import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { AdminPageError } from '@/app/components/admin-page-error'
import { PagePending } from '@/app/components/page-pending'
import { Button } from '@/app/components/ui/button'
import { ScoreRulePreview } from '@/app/features/scorecards/score-rule-preview'
import { ScorecardEditor } from '@/app/features/scorecards/scorecard-editor'
import { ImportRefusalAlert, type ImportRefusal } from '@/app/features/scorecards/import-refusal'
import { ScorecardImport } from '@/app/features/scorecards/scorecard-import'
import { ScorecardListTable } from '@/app/features/scorecards/scorecard-list'
import { errorMessage } from '@/app/lib/error-message'
import { HttpError } from '@/app/lib/http'
import { archiveScorecard, reviewQueries } from '@/app/lib/review-api'
import { sessionQueries } from '@/app/lib/session-queries'
import type { Scorecard, ScorecardList } from '@/domain/schema/reviews'
import { useInteractiveMark } from '@/app/lib/interactive-mark'

const route = getRouteApi('/scorecards')

const FORBIDDEN = 'Only admins can manage scorecards.'

/** `edit` from the URL: `new`, or a scorecard ID (anything else: no editor). */
function editTarget(edit: string | undefined): number | 'new' | undefined {
  if (edit === 'new') return 'new'
  const id = Number(edit)
  return Number.isSafeInteger(id) && id > 0 ? id : undefined
}

/**
 * `/scorecards` (admins; on a server without sign-in, its one user): the scorecards, the editor
 * of the one the URL names (`?edit=3`, `?edit=new`), JSON import and export, archive and
 * restore, and the score rule.
 */
export function ScorecardsPage() {
  useInteractiveMark()
  const session = useQuery(sessionQueries.info())
  const mayManage = session.data?.mode === 'local' || session.data?.user?.role === 'admin'
  const list = useQuery({ ...reviewQueries.scorecards(), enabled: mayManage })
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const queryClient = useQueryClient()
  const [notice, setNotice] = useState('')
  const [refusal, setRefusal] = useState<ImportRefusal | undefined>(undefined)
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['scorecards'] })
  const archive = useMutation({
    mutationFn: (card: ScorecardList['scorecards'][number]) =>
      archiveScorecard(card.id, !card.archived),
    onSuccess: async (card) => {
      setNotice(
        card.archived
          ? `${card.definition.name} is archived: new reviews cannot use it; its reviews keep it.`
          : `${card.definition.name} is in use again.`,
      )
      await refresh()
    },
  })
  const edit = editTarget(search.edit)
  const open = (target: number | 'new' | undefined) =>
    void navigate({ search: target === undefined ? {} : { edit: String(target) } })
  const onSaved = (previous: number | undefined) => async (saved: Scorecard) => {
    queryClient.setQueryData(reviewQueries.scorecard(saved.id).queryKey, saved)
    setNotice(
      previous === undefined
        ? `Created ${saved.definition.name}.`
        : saved.version > previous
          ? `Saved ${saved.definition.name} as version ${String(saved.version)}; existing reviews keep version ${String(previous)}.`
          : `Saved ${saved.definition.name}.`,
    )
    open(saved.id)
    await refresh()
  }

  if (session.isPending) return <PagePending>Loading the scorecards…</PagePending>
  if (session.isError || !mayManage) {
    return (
      <AdminPageError
        title="Scorecards"
        forbidden={FORBIDDEN}
        error={session.isError ? session.error : new HttpError(403, FORBIDDEN)}
        onRetry={() => void session.refetch()}
      />
    )
  }
  if (list.isError) {
    return (
      <AdminPageError
        title="Scorecards"
        forbidden={FORBIDDEN}
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    )
  }
  if (!list.data) return <PagePending>Loading the scorecards…</PagePending>
  const scorecards = list.data.scorecards
  const editing = typeof edit === 'number' ? scorecards.find((card) => card.id === edit) : undefined
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-2xl font-semibold">Scorecards</h1>
          <p className="text-slate-600 dark:text-slate-400">
            {`${String(scorecards.length)} ${scorecards.length === 1 ? 'scorecard' : 'scorecards'}`}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Button variant="primary" onClick={() => open('new')}>
            New scorecard
          </Button>
          <ScorecardImport
            onRefused={(refused) => {
              setNotice('')
              setRefusal(refused)
            }}
            onImported={(card) => {
              setNotice(`Imported ${card.definition.name} as a new scorecard.`)
              queryClient.setQueryData(reviewQueries.scorecard(card.id).queryKey, card)
              open(card.id)
              void refresh()
            }}
          />
        </div>
      </div>
      {refusal ? <ImportRefusalAlert refusal={refusal} /> : null}
      <p role="status" className="text-sm text-slate-700 empty:hidden dark:text-slate-300">
        {notice}
      </p>
      {archive.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {`${archive.variables.archived ? 'Restoring' : 'Archiving'} ${archive.variables.name} failed: ${errorMessage(archive.error)}`}
        </p>
      ) : null}
      {scorecards.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          No scorecards yet: create one or import one from a JSON file.
        </p>
      ) : (
        <ScorecardListTable
          scorecards={scorecards}
          editing={typeof edit === 'number' ? edit : undefined}
          busyId={archive.isPending ? archive.variables.id : undefined}
          onArchive={(card) => {
            setNotice('')
            archive.mutate(card)
          }}
        />
      )}
      {edit === undefined ? (
        <div className="max-w-2xl">
          <ScoreRulePreview definition={{ name: '', sections: [] }} />
        </div>
      ) : (
        <ScorecardEditor
          key={String(edit)}
          edit={edit}
          reviews={{
            all: editing?.reviews ?? 0,
            // A server that does not say counts every review as the newest version's.
            latest: editing?.latestReviews ?? editing?.reviews ?? 0,
          }}
          onSaved={(saved) =>
            void onSaved(edit === 'new' ? undefined : (editing?.version ?? saved.version))(saved)
          }
          onClose={() => open(undefined)}
        />
      )}
    </div>
  )
}
