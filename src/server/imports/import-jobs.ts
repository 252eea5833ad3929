import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ImportJob } from '@/domain/schema/import-job'
import { describeImport } from '@/server/archive/import'
import { HttpError, bodyTooLarge } from '@/server/http/http-error'
import { runImportChild, type ImportChild } from '@/server/imports/import-child'
import { acquireImportLock, describeHolder, type ImportLock } from '@/server/imports/import-lock'

/** What `GET /api/imports/:id` answers (the schema the SPA reads it with). */
export type ImportJobView = ImportJob

export interface ImportJobs {
  /**
   * Receives an upload into a temporary file, then imports it in a child process. Throws 409
   * (naming the running import) before reading anything when another import is running, 413
   * past the size limit; an upload that stalls or is cut off fails its job.
   */
  upload(
    fileName: string,
    body: Readable,
    declaredLength: number | undefined,
  ): Promise<ImportUpload>
  get(id: string): ImportJobView | undefined
  /** The most recent first. */
  list(): ImportJobView[]
  /** Stops a running import (its transaction rolls back) and waits for it. */
  close(): Promise<void>
}

export interface ImportUpload {
  readonly id: string
  view(): ImportJobView
  /** Settles when the import has finished, however it ended. */
  readonly finished: Promise<ImportJobView>
}

const KEPT_JOBS = 20
const GB = 1024 * 1024 * 1024

export interface ImportJobsOptions {
  archivePath: string
  /** Largest upload accepted (default 4 GiB: disk, not memory, is what an upload takes). */
  uploadLimit?: number
  /** An upload that sends nothing for this long fails (default 30 s). */
  idleTimeoutMs?: number
  /** Where uploads wait for the importer (default the system's temp folder). */
  tempDir?: string
  log: (fields: Record<string, unknown>, message: string) => void
  /** Called after an import that wrote to the archive. */
  onImported?: () => void
}

export function createImportJobs(options: ImportJobsOptions): ImportJobs {
  const jobs = new Map<string, ImportJobView>()
  const uploadLimit = options.uploadLimit ?? 4 * GB
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000
  let running: { child?: ImportChild; finished: Promise<unknown> } | undefined

  function keep(view: ImportJobView) {
    jobs.set(view.id, view)
    for (const id of jobs.keys()) {
      if (jobs.size <= KEPT_JOBS) break
      const old = jobs.get(id)
      if (old && (old.status === 'done' || old.status === 'failed')) jobs.delete(id)
    }
  }

  function finish(view: ImportJobView, status: 'done' | 'failed', message: string) {
    view.status = status
    view.message = message
    view.finishedAt = new Date().toISOString()
    options.log(
      {
        import: view.id,
        status,
        bytes: view.bytesReceived,
        imported: view.imported,
        problems: view.problems.length,
      },
      'import finished',
    )
  }

  /** Counts bytes and enforces the size limit and the idle timeout on the way to disk. */
  function meter(view: ImportJobView): Transform {
    const timer: { idle?: NodeJS.Timeout } = {}
    const meterStream: Transform = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        view.bytesReceived += chunk.length
        if (view.bytesReceived > uploadLimit) {
          callback(bodyTooLarge(uploadLimit))
          return
        }
        timer.idle?.refresh()
        callback(null, chunk)
      },
      flush(callback) {
        clearTimeout(timer.idle)
        callback()
      },
      destroy(error, callback) {
        clearTimeout(timer.idle)
        callback(error)
      },
    })
    timer.idle = setTimeout(() => {
      meterStream.destroy(
        new HttpError(
          408,
          `body: the upload sent nothing for ${String(idleTimeoutMs / 1000)} s and was stopped`,
          { field: 'body', headers: { connection: 'close' } },
        ),
      )
    }, idleTimeoutMs)
    return meterStream
  }

  /** Imports the received file; says how it ended (the job is marked so once the lock is free). */
  async function importInChild(
    view: ImportJobView,
    file: string,
  ): Promise<{ status: 'done' | 'failed'; message: string }> {
    view.status = 'importing'
    view.message = `Importing ${view.fileName}…`
    const child = runImportChild({
      archivePath: options.archivePath,
      file,
      fileName: view.fileName,
      onProgress: (progress) => {
        view.progress = progress
      },
    })
    if (running) running.child = child
    const outcome = await child.done
    if (outcome.ok) {
      view.imported = outcome.imported
      view.inserted = outcome.inserted
      view.updated = outcome.updated
      view.warnings = outcome.warnings
      view.warningCount = outcome.warningCount
      if (view.progress) {
        view.progress = {
          ...view.progress,
          bytesRead: view.progress.bytesTotal,
          recordsRead: outcome.imported,
          recordsWritten: outcome.imported,
        }
      }
      options.onImported?.()
      return { status: 'done', message: describeImport(outcome) }
    }
    view.problems = outcome.errors
    return {
      status: 'failed',
      message:
        outcome.errors.length === 1
          ? `${view.fileName} was not imported: ${outcome.errors[0] ?? ''}`
          : `${view.fileName} was not imported: ${String(outcome.errors.length)} problems`,
    }
  }

  return {
    async upload(fileName, body, declaredLength) {
      if (declaredLength !== undefined && declaredLength > uploadLimit) {
        throw bodyTooLarge(uploadLimit)
      }
      const lock = acquireImportLock(options.archivePath, { source: 'web', fileName })
      if ('heldBy' in lock) {
        throw new HttpError(409, `Not imported: ${describeHolder(lock.heldBy)}`, {
          headers: { connection: 'close' },
        })
      }
      const held: ImportLock = lock
      const view: ImportJobView = {
        id: randomUUID(),
        fileName,
        status: 'receiving',
        startedAt: held.holder.startedAt,
        finishedAt: null,
        bytesReceived: 0,
        bytesTotal: declaredLength ?? null,
        progress: null,
        imported: 0,
        inserted: 0,
        updated: 0,
        problems: [],
        warnings: [],
        warningCount: 0,
        message: `Receiving ${fileName}…`,
      }
      keep(view)
      let dir: string | undefined
      let settle: (value: ImportJobView) => void = () => undefined
      const finished = new Promise<ImportJobView>((resolve) => {
        settle = resolve
      })
      running = { finished }
      const cleanUp = async (end: () => void) => {
        if (dir) await rm(dir, { recursive: true, force: true })
        held.release()
        running = undefined
        end()
        settle(view)
      }
      try {
        dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'cv-upload-'))
        const file = join(dir, 'upload')
        await pipeline(body, meter(view), createWriteStream(file, { flags: 'wx' }))
        void importInChild(view, file)
          .catch((error: unknown) => {
            view.problems = [error instanceof Error ? error.message : String(error)]
            return {
              status: 'failed' as const,
              message: `${fileName} was not imported: the importer failed`,
            }
          })
          .then(async (ended) => {
            // Ended only once the lock is free: a client that sees "done" may import again.
            await cleanUp(() => {
              finish(view, ended.status, ended.message)
            })
          })
      } catch (error) {
        const cutOff = !(error instanceof HttpError)
        await cleanUp(() => {
          finish(
            view,
            'failed',
            cutOff
              ? `${fileName} was not imported: the upload was cut off after ${String(view.bytesReceived)} bytes`
              : `${fileName} was not imported: ${error.message}`,
          )
        })
        throw error
      }
      return { id: view.id, view: () => ({ ...view }), finished }
    },
    get: (id) => {
      const view = jobs.get(id)
      return view ? { ...view } : undefined
    },
    list: () => [...jobs.values()].reverse().map((view) => ({ ...view })),
    async close() {
      const current = running
      if (!current) return
      current.child?.kill()
      await current.finished
    },
  }
}
