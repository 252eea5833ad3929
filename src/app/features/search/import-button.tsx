import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { z } from 'zod'
import { conversationQueries } from '@/app/lib/conversation-queries'
import { facetQueries } from '@/app/lib/facet-queries'
import { HttpError, requestJson } from '@/app/lib/http'
import { importResultSchema } from '@/app/features/search/import-result'

const errorDetailsSchema = z.object({
  error: z.object({ details: z.array(z.string()).catch([]) }),
})

/** NDJSON files often have no MIME type; the server wants one it accepts. */
function contentTypeOf(file: File): string {
  return /\.(ndjson|jsonl)$/i.test(file.name) ? 'application/x-ndjson' : 'application/json'
}

function importFile(file: File) {
  return requestJson(`/api/import?filename=${encodeURIComponent(file.name)}`, importResultSchema, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': contentTypeOf(file) },
  })
}

function detailsOf(error: unknown): string[] {
  if (!(error instanceof HttpError)) return []
  const parsed = errorDetailsSchema.safeParse(error.body)
  return parsed.success ? parsed.data.error.details : []
}

/**
 * "Import export file" (archive mode): uploads a LivePerson JSON or NDJSON export to the archive.
 * Shows what was imported, or the exact problem (file:line:column); a file with a problem is not
 * imported at all.
 */
export function ImportButton() {
  const id = useId()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: importFile,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationQueries.all() }),
        queryClient.invalidateQueries({ queryKey: facetQueries.all() }),
      ]),
  })
  // One problem is already in the message; several are listed (the first few).
  const allDetails = mutation.isError ? detailsOf(mutation.error) : []
  const details = allDetails.length > 1 ? allDetails.slice(0, 5) : []
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {mutation.isPending ? 'Importing…' : 'Import export file'}
        <input
          id={id}
          type="file"
          accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson"
          disabled={mutation.isPending}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) mutation.mutate(file)
          }}
        />
      </label>
      <div role="status" className="text-sm">
        {mutation.isSuccess ? (
          <p className="text-emerald-800 dark:text-emerald-300">
            {`Imported ${String(mutation.data.imported)} ${mutation.data.imported === 1 ? 'conversation' : 'conversations'} (${String(mutation.data.inserted)} new, ${String(mutation.data.updated)} updated).`}
          </p>
        ) : null}
        {mutation.isError ? (
          <div className="text-red-800 dark:text-red-300">
            <p>{mutation.error.message}</p>
            {details.length > 0 ? (
              <ul className="list-disc pl-5 font-mono text-xs">
                {details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  )
}
