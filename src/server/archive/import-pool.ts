import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { LineBatch, LineResult } from '@/server/archive/prepare-lines'

/**
 * Worker threads that parse and validate NDJSON lines in parallel while the main thread writes
 * the archive, so a large import uses every core.
 */
export interface ImportPool {
  /**
   * Parses a batch in a worker. The batch's buffer is transferred to the worker (the caller's
   * view of it is detached) and comes back, with the results, as `bytes`.
   */
  prepare(batch: LineBatch, fileName: string): Promise<PreparedBatch>
  /** Batches handed to the workers and not answered yet. */
  inFlight(): number
  close(): Promise<void>
}

export interface PreparedBatch {
  results: LineResult[]
  bytes: Uint8Array
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
    { resolve: (r: PreparedBatch) => void; reject: (e: Error) => void }
  >()
  let nextId = 0
  let failure: Error | undefined
  const workers = Array.from({ length: size }, () => {
    // A larger young generation: each record's parse is short-lived garbage of ~100 KB, and
    // fewer, larger scavenges promote less of it.
    const worker = new Worker(bootstrap, {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    })
    worker.on('message', (message: unknown) => {
      if (typeof message !== 'object' || message === null) return
      const id: unknown = Reflect.get(message, 'id')
      const results: unknown = Reflect.get(message, 'results')
      const bytes: unknown = Reflect.get(message, 'bytes')
      if (typeof id !== 'number') return
      const waiter = pending.get(id)
      if (!waiter) return
      pending.delete(id)
      if (isLineResults(results) && bytes instanceof Uint8Array) waiter.resolve({ results, bytes })
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
    inFlight: () => pending.size,
    prepare(batch, fileName) {
      if (failure) return Promise.reject(failure)
      const id = nextId++
      const worker = workers[id % workers.length]
      if (!worker) return Promise.reject(new Error('no import worker'))
      // Only a buffer the batch has to itself can be handed over; any other is copied.
      const own = batch.owned ? batch.bytes : new Uint8Array(batch.bytes)
      if (!(own.buffer instanceof ArrayBuffer)) return Promise.reject(new Error('no buffer'))
      const transfer = own.buffer
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, fileName, batch: { ...batch, bytes: own } }, [transfer])
      })
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
