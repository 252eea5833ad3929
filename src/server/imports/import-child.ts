import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { importProgressSchema, type ImportProgress } from '@/domain/schema/import-job'

/**
 * Runs one uploaded file through `import-cli.ts --ipc` in a child process: the same importer as
 * `npm run import`, with its own memory and a lower priority, so that however large the file is,
 * the server's thread keeps answering and its memory stays what it was.
 */

const outcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    imported: z.number(),
    inserted: z.number(),
    updated: z.number(),
    warnings: z.array(z.string()),
    warningCount: z.number(),
  }),
  z.object({ ok: z.literal(false), errors: z.array(z.string()) }),
])

export const importChildMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: importProgressSchema }),
  z.object({ type: z.literal('done'), outcome: outcomeSchema }),
])

export type ImportChildMessage = z.infer<typeof importChildMessageSchema>
export type ImportChildOutcome = z.infer<typeof outcomeSchema>

export interface ImportChild {
  /** Settles with the importer's outcome (a crash or a kill is a failed outcome, not a throw). */
  readonly done: Promise<ImportChildOutcome>
  kill(): void
}

const CLI = fileURLToPath(new URL('../import-cli.ts', import.meta.url))
/**
 * `nice` lowers the priority of every thread of the child (the importer parses in worker
 * threads; `os.setPriority` inside it would reach only its main thread), so the server's own
 * thread wins the CPU while an import runs.
 */
const NICE = ['/usr/bin/nice', '/bin/nice'].find((path) => existsSync(path))
/** The child's heap: room for a whole-JSON export at the size limit, and a clean failure beyond. */
const CHILD_HEAP_MB = 3072

export function runImportChild(options: {
  archivePath: string
  file: string
  fileName: string
  onProgress: (progress: ImportProgress) => void
}): ImportChild {
  const node = [
    process.execPath,
    '--import',
    'tsx',
    `--max-old-space-size=${String(CHILD_HEAP_MB)}`,
    CLI,
    '--ipc',
    '--name',
    options.fileName,
    '--',
    options.file,
  ]
  const [command = process.execPath, ...args] = NICE ? [NICE, '-n', '10', ...node] : node
  const child = spawn(command, args, {
    env: { ...process.env, ARCHIVE_PATH: options.archivePath },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  })
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    // Kept only to explain a crash (the tail); it is the importer's own text, never a record's.
    stderr = (stderr + chunk).slice(-2000)
  })
  const done = new Promise<ImportChildOutcome>((resolve) => {
    let outcome: ImportChildOutcome | undefined
    child.on('message', (message: unknown) => {
      const parsed = importChildMessageSchema.safeParse(message)
      if (!parsed.success) return
      if (parsed.data.type === 'progress') options.onProgress(parsed.data.progress)
      else outcome = parsed.data.outcome
    })
    child.on('error', (error) => {
      resolve({
        ok: false,
        errors: [`${options.fileName}: the importer could not start: ${error.message}`],
      })
    })
    child.on('exit', (code, signal) => {
      if (outcome) {
        resolve(outcome)
        return
      }
      const outOfMemory = /heap out of memory|Allocation failed/i.test(stderr)
      const why = outOfMemory
        ? 'the file needs more memory than an import may take; export it as NDJSON (one record per line)'
        : signal
          ? `the importer was stopped (${signal})`
          : `the importer ended unexpectedly (exit code ${String(code)})`
      resolve({ ok: false, errors: [`${options.fileName}: not imported: ${why}`] })
    })
  })
  return {
    done,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    },
  }
}
