import { parentPort } from 'node:worker_threads'
import { prepareLines, type LineItem } from '@/server/archive/prepare-lines'

/**
 * Worker thread of the import pool: parses and validates batches of NDJSON lines and posts the
 * results back. Messages come only from the pool in this process (import-pool.ts).
 */
interface Batch {
  id: number
  fileName: string
  items: LineItem[]
}

function isBatch(value: unknown): value is Batch {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'id') === 'number' &&
    typeof Reflect.get(value, 'fileName') === 'string' &&
    Array.isArray(Reflect.get(value, 'items'))
  )
}

parentPort?.on('message', (message: unknown) => {
  if (!isBatch(message)) return
  parentPort?.postMessage({
    id: message.id,
    results: prepareLines(message.items, message.fileName),
  })
})
