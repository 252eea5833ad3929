import { parentPort, workerData } from 'node:worker_threads'
import { openArchive, type Archive } from '@/server/archive/archive'
import type { InsightsTask } from '@/server/archive/insights-pool'

/**
 * Worker thread of the insights pool (insights-pool.ts): counts parts of a search's insights, or
 * an SDE field's values, on its own read connection to the archive, and posts the rows back.
 * Messages come only from the pool in this process.
 */
const path: unknown = Reflect.get(Object(workerData), 'archivePath')
/** The archive, or why it could not be opened (each task is told). */
const opened = ((): Archive | Error => {
  try {
    if (typeof path !== 'string') throw new Error('the insights worker needs the archive path')
    // Never 0 workers of its own: this connection counts, nothing else does.
    return openArchive(path, { insightWorkers: 0 })
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
})()

parentPort?.on('message', (task: InsightsTask) => {
  try {
    if (opened instanceof Error) throw opened
    const archive = opened
    const result =
      task.kind === 'rows'
        ? archive.insightRows(task.filters, task.zone, task.scope, task.parts)
        : archive.sdeValues(task.filters, task.field, task.scope)
    parentPort?.postMessage({ id: task.id, result })
  } catch (error) {
    parentPort?.postMessage({
      id: task.id,
      error: error instanceof Error ? error.message : String(error),
    })
  }
})
