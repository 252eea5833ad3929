import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { SdeValues } from '@/domain/schema/sde-insights'
import type { SearchFilters } from '@/domain/schema/search-request'
import type { InsightPart } from '@/server/archive/insight-queries'
import type { InsightRows } from '@/server/archive/insights'
import type { ReadScope } from '@/server/archive/read-scope'

/**
 * Issue 15: worker threads that count insights on their own read connections to the archive
 * (SQLite in WAL mode lets readers run side by side), so that:
 *
 * - counting a month of conversations (a few hundred milliseconds of SQL) holds up no other
 *   request: the thread that answers requests only hands the work over and assembles the rows;
 * - the parts of one request run at once, one per core (insight-queries.ts has the parts).
 *
 * Tasks wait in one queue and go to the first idle worker. A worker that stops (an error, an
 * exit) is replaced at the next task; its task is rejected, and the caller counts on its own
 * connection instead. A worker that could not open the archive stays, and fails each task with
 * the reason (replacing it would pay its start again for every request, to the same end).
 */
export type InsightsTask =
  | {
      id: number
      kind: 'rows'
      filters: SearchFilters
      zone: string
      scope: ReadScope
      parts: readonly InsightPart[]
    }
  | { id: number; kind: 'sde'; filters: SearchFilters; field: string; scope: ReadScope }

/** A task as the caller gives it (the pool numbers it). */
type NewTask = InsightsTask extends infer T
  ? T extends InsightsTask
    ? Omit<T, 'id'>
    : never
  : never

export interface InsightsPool {
  /** The rows of `parts` of a search's insights, counted in a worker. */
  rows(
    filters: SearchFilters,
    zone: string,
    scope: ReadScope,
    parts: readonly InsightPart[],
  ): Promise<InsightRows>
  /** An SDE field's values among a search's conversations, counted in a worker. */
  sdeValues(filters: SearchFilters, field: string, scope: ReadScope): Promise<SdeValues>
  /** How many workers are running (they start with the first task). */
  running(): number
  /** Starts every worker now, before the first task. */
  start(): void
  close(): Promise<void>
}

const WORKER_URL = new URL('./insights-worker.ts', import.meta.url).href

/** One worker per core, at most 4 (each holds a connection and its page cache). */
export const defaultInsightWorkers = () => Math.max(1, Math.min(availableParallelism(), 4))

interface Waiter {
  task: InsightsTask
  resolve: (result: unknown) => void
  reject: (error: Error) => void
}

/** A pool of `size` workers on the archive at `archivePath`. */
export function createInsightsPool(
  archivePath: string,
  size = defaultInsightWorkers(),
): InsightsPool {
  // The workers load TypeScript through tsx, like the process that starts them.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}) })`
  const queue: Waiter[] = []
  const idle: Worker[] = []
  const busy = new Map<Worker, Waiter>()
  let workers = 0
  let closed = false
  let nextId = 0

  const retire = (worker: Worker, error: Error) => {
    const waiter = busy.get(worker)
    busy.delete(worker)
    const at = idle.indexOf(worker)
    if (at >= 0) idle.splice(at, 1)
    workers--
    waiter?.reject(error)
    void worker.terminate()
    dispatch()
  }

  const start = () => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { archivePath } })
    workers++
    // The server's listening socket keeps the process alive; a pool never does on its own.
    worker.unref()
    worker.on('message', (message: unknown) => {
      const waiter = busy.get(worker)
      if (!waiter || typeof message !== 'object' || message === null) return
      if (Reflect.get(message, 'id') !== waiter.task.id) return
      busy.delete(worker)
      idle.push(worker)
      const error: unknown = Reflect.get(message, 'error')
      if (typeof error === 'string') waiter.reject(new Error(error))
      else waiter.resolve(Reflect.get(message, 'result'))
      dispatch()
    })
    worker.on('error', (error) => {
      retire(worker, error)
    })
    worker.on('exit', (code) => {
      if (busy.has(worker) || idle.includes(worker)) {
        retire(worker, new Error(`an insights worker stopped (exit code ${String(code)})`))
      }
    })
    idle.push(worker)
  }

  function dispatch() {
    while (queue.length > 0 && !closed) {
      if (idle.length === 0 && workers < size) {
        try {
          start()
        } catch (error) {
          // No thread to be had: every waiting task is told, and counted by its caller.
          const reason = error instanceof Error ? error : new Error(String(error))
          for (const waiter of queue.splice(0)) waiter.reject(reason)
          return
        }
      }
      const worker = idle.shift()
      const waiter = worker ? queue.shift() : undefined
      if (!worker || !waiter) return
      busy.set(worker, waiter)
      try {
        worker.postMessage(waiter.task)
      } catch (error) {
        // A task that cannot be copied to the thread: rejected, and the worker is free again.
        busy.delete(worker)
        idle.push(worker)
        waiter.reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
  }

  const run = (task: NewTask) =>
    new Promise<unknown>((resolve, reject) => {
      if (closed) {
        reject(new Error('The insights pool is closed'))
        return
      }
      queue.push({ task: { ...task, id: nextId++ }, resolve, reject })
      dispatch()
    })

  return {
    async rows(filters, zone, scope, parts) {
      const result = await run({ kind: 'rows', filters, zone, scope, parts })
      if (typeof result !== 'object' || result === null) {
        throw new Error('an insights worker answered with something unexpected')
      }
      return result
    },
    async sdeValues(filters, field, scope) {
      const result = await run({ kind: 'sde', filters, field, scope })
      if (typeof result !== 'object' || result === null) {
        throw new Error('an insights worker answered with something unexpected')
      }
      return result as SdeValues
    },
    running: () => workers,
    start() {
      while (!closed && workers < size) start()
    },
    async close() {
      closed = true
      for (const waiter of queue.splice(0)) waiter.reject(new Error('The insights pool is closed'))
      for (const waiter of busy.values()) waiter.reject(new Error('The insights pool is closed'))
      const all = [...idle, ...busy.keys()]
      idle.length = 0
      busy.clear()
      workers = 0
      await Promise.all(all.map((worker) => worker.terminate()))
    },
  }
}
