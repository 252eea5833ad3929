import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { importJobSchema, isFinished, type ImportJob } from '@/domain/schema/import-job'
import { conversationQueries } from '@/app/lib/conversation-queries'
import { facetQueries } from '@/app/lib/facet-queries'
import { requestJson, uploadJson } from '@/app/lib/http'

/** NDJSON files often have no MIME type; the server wants one it accepts. */
function contentTypeOf(file: File): string {
  return /\.(ndjson|jsonl)$/i.test(file.name) ? 'application/x-ndjson' : 'application/json'
}

const POLL_MS = 500

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; sent: number; total: number }
  | { kind: 'importing'; jobId: string }
  | { kind: 'refused'; message: string }

const bytes = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(n / 1024)).toLocaleString('en-US')} kB`

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const share = max > 0 ? Math.min(1, value / max) : 0
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(share * 100)}
      className="h-2 w-40 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div
        className="h-full bg-blue-600 dark:bg-blue-400"
        style={{ width: `${String(share * 100)}%` }}
      />
    </div>
  )
}

/** What a running or finished import says, in words. */
function jobText(job: ImportJob): string {
  if (job.status === 'done') {
    const warnings =
      job.warningCount > 0 ? ` ${count(job.warningCount, 'warning', 'warnings')}.` : ''
    return `Imported ${count(job.imported, 'conversation', 'conversations')} (${String(job.inserted)} new, ${String(job.updated)} updated).${warnings}`
  }
  if (job.status === 'failed') return job.message
  const progress = job.progress
  if (!progress) return `Importing ${job.fileName}…`
  const problems =
    progress.problemCount > 0 ? `, ${count(progress.problemCount, 'problem', 'problems')}` : ''
  return `Importing ${job.fileName}: ${count(progress.recordsRead, 'record', 'records')} read, ${progress.recordsWritten.toLocaleString('en-US')} written${problems}`
}

/**
 * "Import export file" (archive mode): uploads a LivePerson JSON or NDJSON export, with a
 * progress bar for the upload and then for the import, which the server runs in the background
 * (the app keeps answering meanwhile). Shows what was imported, or the exact problems
 * (file:line:column); a file with a problem is not imported at all.
 */
export function ImportButton() {
  const id = useId()
  const queryClient = useQueryClient()
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const jobId = stage.kind === 'importing' ? stage.jobId : undefined
  const job = useQuery({
    queryKey: ['imports', jobId],
    queryFn: () => requestJson(`/api/imports/${jobId ?? ''}`, importJobSchema),
    enabled: jobId !== undefined,
    refetchInterval: (query) => {
      const data = query.state.data
      return data && isFinished(data) ? false : POLL_MS
    },
    gcTime: 0,
  })
  const done = job.data?.status === 'done'
  useEffect(() => {
    if (!done) return
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: conversationQueries.all() }),
      queryClient.invalidateQueries({ queryKey: facetQueries.all() }),
    ])
  }, [done, queryClient])

  const busy =
    stage.kind === 'uploading' ||
    (stage.kind === 'importing' && !(job.data && isFinished(job.data)))

  async function start(file: File) {
    setStage({ kind: 'uploading', fileName: file.name, sent: 0, total: file.size })
    try {
      const accepted = await uploadJson(
        `/api/import?filename=${encodeURIComponent(file.name)}`,
        file,
        importJobSchema,
        {
          contentType: contentTypeOf(file),
          onProgress: (sent, total) => {
            setStage({ kind: 'uploading', fileName: file.name, sent, total })
          },
        },
      )
      queryClient.setQueryData(['imports', accepted.id], accepted)
      setStage({ kind: 'importing', jobId: accepted.id })
    } catch (error) {
      setStage({
        kind: 'refused',
        message: error instanceof Error ? error.message : 'The upload failed',
      })
    }
  }

  const current = job.data
  // One problem is already in the message; several are listed (the first few).
  const problems =
    current?.status === 'failed' && current.problems.length > 1 ? current.problems.slice(0, 5) : []
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {busy ? 'Importing…' : 'Import export file'}
        <input
          id={id}
          type="file"
          accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson"
          disabled={busy}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void start(file)
          }}
        />
      </label>
      {stage.kind === 'uploading' ? (
        <ProgressBar label={`Uploading ${stage.fileName}`} value={stage.sent} max={stage.total} />
      ) : null}
      {current && !isFinished(current) && current.progress ? (
        <ProgressBar
          label={`Importing ${current.fileName}`}
          value={current.progress.bytesRead}
          max={current.progress.bytesTotal}
        />
      ) : null}
      <div role="status" className="text-sm">
        {stage.kind === 'uploading' ? (
          <p>{`Uploading ${stage.fileName}: ${bytes(stage.sent)} of ${bytes(stage.total)}`}</p>
        ) : null}
        {stage.kind === 'refused' ? (
          <p className="text-red-800 dark:text-red-300">{stage.message}</p>
        ) : null}
        {stage.kind === 'importing' && job.isError ? (
          <p className="text-red-800 dark:text-red-300">{`The import's progress could not be read: ${job.error.message}`}</p>
        ) : null}
        {current ? (
          <div
            className={
              current.status === 'failed'
                ? 'text-red-800 dark:text-red-300'
                : current.status === 'done'
                  ? 'text-emerald-800 dark:text-emerald-300'
                  : undefined
            }
          >
            <p>{jobText(current)}</p>
            {problems.length > 0 ? (
              <ul className="list-disc pl-5 font-mono text-xs">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  )
}
