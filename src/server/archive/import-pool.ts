import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { LineBatch, LineResult } from '@/server/archive/prepare-lines'

/**
 * Worker threads that parse and validate NDJSON lines in parallel while the main thread writes
 * the archive, so a large import uses every core. Results come back in submission order.
 */
export interface ImportPool {
  /** Parses a batch in a worker (the bytes are copied: the caller keeps its batch). */
  prepare(batch: LineBatch, fileName: string): Promise<LineResult[]>
  close(): Promise<void>
}

const WORKER_URL = new URL('./import-worker.ts', import.meta.url).href

function isLineResults(value: unknown): value is LineResult[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        (Reflect.get(item, 'kind') === 'ok' || Reflect.get(item, 'kind') === 'error'),
    )
  )
}

/**
 * Starts `size` workers. Default: one per core except the one the main thread needs to write
 * the archive, at most 4 (on 2 cores, main + 1 worker measured faster than main + 2).
 */
export function createImportPool(
  size = Math.max(1, Math.min(availableParallelism() - 1, 4)),
): ImportPool {
  // The workers load TypeScript through tsx, like the process that starts them.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}) })`
  const pending = new Map<
    number,
    { resolve: (r: LineResult[]) => void; reject: (e: Error) => void }
  >()
  let nextId = 0
  let failure: Error | undefined
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(bootstrap, { eval: true })
    worker.on('message', (message: unknown) => {
      if (typeof message !== 'object' || message === null) return
      const id: unknown = Reflect.get(message, 'id')
      const results: unknown = Reflect.get(message, 'results')
      if (typeof id !== 'number') return
      const waiter = pending.get(id)
      if (!waiter) return
      pending.delete(id)
      if (isLineResults(results)) waiter.resolve(results)
      else waiter.reject(new Error('import worker answered with something unexpected'))
    })
    worker.on('error', (error) => {
      failure = error
      for (const waiter of pending.values()) waiter.reject(error)
      pending.clear()
    })
    return worker
  })

  return {
    prepare(batch, fileName) {
      if (failure) return Promise.reject(failure)
      const id = nextId++
      const worker = workers[id % workers.length]
      if (!worker) return Promise.reject(new Error('no import worker'))
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, fileName, batch })
      })
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
