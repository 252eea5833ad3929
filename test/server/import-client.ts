/**
 * Uploads an export to a running server the way the SPA does (`POST /api/import`, then polling
 * `GET /api/imports/:id`) and returns how the import ended. For tests and the benchmark.
 */
import { importJobSchema, isFinished, type ImportJob } from '@/domain/schema/import-job'

export interface ImportAnswer {
  /** The status of the upload's own answer: 202 when accepted, else the refusal's. */
  status: number
  /** The upload's answer (the job, or the error JSON). */
  accepted: unknown
  /** The job once it has finished; undefined when the upload was refused. */
  job: ImportJob | undefined
}

export async function importAndWait(
  baseUrl: string,
  body: string | Buffer,
  options: { fileName?: string; contentType?: string; timeoutMs?: number } = {},
): Promise<ImportAnswer> {
  const fileName = options.fileName ?? 'upload.json'
  const res = await fetch(`${baseUrl}/api/import?filename=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'application/json' },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  })
  const text = await res.text()
  const accepted: unknown = text ? JSON.parse(text) : undefined
  if (res.status !== 202) return { status: res.status, accepted, job: undefined }
  const location = res.headers.get('location')
  if (!location) throw new Error('202 without a location header')
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  for (;;) {
    const poll = await fetch(baseUrl + location)
    const body: unknown = await poll.json()
    if (!poll.ok) throw new Error(`GET ${location}: ${String(poll.status)} ${JSON.stringify(body)}`)
    // The same schema the SPA reads it with: a test fails if the server's answer drifts from it.
    const view = importJobSchema.parse(body)
    if (isFinished(view)) return { status: res.status, accepted, job: view }
    if (Date.now() > deadline) throw new Error(`import still ${String(view.status)} after timeout`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
