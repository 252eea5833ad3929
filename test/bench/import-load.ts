import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { importJobSchema, isFinished } from '@/domain/schema/import-job'
import { writeNdjsonUpTo } from './ndjson'
import { percentile } from './report'

/**
 * Issue 11, finding 1: how the server answers while it receives and imports a large upload.
 * Two clients keep asking, one after the other as a user's page does, `/api/config` and a search
 * of the last 30 days; every latency is kept, from the upload's first byte to the import's end.
 */
export interface ImportLoadResult {
  fileBytes: number
  conversations: number
  uploadMs: number
  importMs: number
  outcome: string
  config: Latencies
  search: Latencies
  /** The server process's resident memory at its highest during the upload and import. */
  peakRssBytes: number
  /** The server process's resident memory just before the upload began. */
  startRssBytes: number
  /** The import child's (Linux: read from /proc; 0 elsewhere). */
  peakChildRssBytes: number
}

/** Resident memory of this process's child processes, in bytes (Linux only). */
function childrenRss(): number {
  let total = 0
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const status = readFileSync(`/proc/${entry}/status`, 'utf8')
        if (/^PPid:\s+(\d+)$/m.exec(status)?.[1] !== String(process.pid)) continue
        total += Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return 0
  }
  return total
}

export interface Latencies {
  count: number
  p50: number
  p99: number
  max: number
  errors: number
}

function latencies(times: number[], errors: number): Latencies {
  return {
    count: times.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: percentile(times, 100),
    errors,
  }
}

export async function benchImportUnderLoad(options: {
  url: string
  file: string
  targetBytes: number
  records: Iterable<unknown>
  searchBody: unknown
}): Promise<ImportLoadResult> {
  const conversations = writeNdjsonUpTo(options.file, options.records, options.targetBytes)
  const fileBytes = statSync(options.file).size

  let running = true
  const startRssBytes = process.memoryUsage().rss
  let peakRssBytes = startRssBytes
  let peakChildRssBytes = 0
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss)
    peakChildRssBytes = Math.max(peakChildRssBytes, childrenRss())
  }, 250)
  const probe = async (request: () => Promise<Response>) => {
    const times: number[] = []
    let errors = 0
    while (running) {
      const started = performance.now()
      try {
        const res = await request()
        await res.arrayBuffer()
        if (!res.ok) errors++
      } catch {
        errors++
      }
      times.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return { times, errors }
  }
  const searchUrl = `${options.url}/messaging_history/api/account/demo/conversations/search?offset=0&limit=50`
  const probes = Promise.all([
    probe(() => fetch(`${options.url}/api/config`)),
    probe(() =>
      fetch(searchUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.searchBody),
      }),
    ),
  ])

  let uploaded: Uploaded
  try {
    uploaded = await uploadAndWait(options.url, options.file)
  } finally {
    running = false
    clearInterval(sampler)
  }
  const { uploadMs, importMs, outcome } = uploaded
  const [config, search] = await probes
  return {
    fileBytes,
    conversations,
    uploadMs,
    importMs,
    outcome,
    config: latencies(config.times, config.errors),
    search: latencies(search.times, search.errors),
    peakRssBytes,
    startRssBytes,
    peakChildRssBytes,
  }
}

export interface Uploaded {
  uploadMs: number
  importMs: number
  outcome: string
}

/**
 * POSTs `file` on a connection of its own (`agent: false`): a pooled keep-alive connection the
 * server closes just as the upload begins (the bench's own event loop is blocked for seconds
 * writing the next file, so both sides' idle timers fire late and together) fails the upload
 * with "other side closed", and a streamed body cannot be retried. A browser retries a request
 * whose reused connection closes before any answer; this client does the same by never reusing.
 */
function postFile(url: string, file: string): Promise<{ status: number; body: string }> {
  const target = new URL(`${url}/api/import?filename=load.ndjson`)
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-ndjson',
          'content-length': String(statSync(file).size),
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          })
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    pipeline(createReadStream(file), request).catch(reject)
  })
}

/** Streams `file` to `POST /api/import` and follows the job until it ends. */
export async function uploadAndWait(url: string, file: string): Promise<Uploaded> {
  const started = performance.now()
  const upload = await postFile(url, file).catch((error: unknown) => {
    const reason =
      error instanceof Error
        ? `${error.name}${'code' in error ? ` ${String(error.code)}` : ''}: ${error.message}`
        : String(error)
    throw new Error(
      `upload failed after ${String(Math.round(performance.now() - started))} ms: ${reason}`,
    )
  })
  const uploadMs = performance.now() - started
  const accepted = importJobSchema.safeParse(JSON.parse(upload.body))
  if (upload.status !== 202 || !accepted.success) {
    throw new Error(`upload refused: ${String(upload.status)} ${upload.body.slice(0, 300)}`)
  }
  for (;;) {
    const job = importJobSchema.parse(
      await (await fetch(`${url}/api/imports/${accepted.data.id}`)).json(),
    )
    if (isFinished(job)) {
      if (job.status !== 'done') throw new Error(`import failed: ${job.message}`)
      return { uploadMs, importMs: performance.now() - started - uploadMs, outcome: job.message }
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
