import { parentPort } from 'node:worker_threads'
import { decodeBatch, prepareLines, type LineBatch } from '@/server/archive/prepare-lines'

/**
 * Worker thread of the import pool: parses and validates batches of NDJSON lines and posts the
 * results back. Messages come only from the pool in this process (import-pool.ts).
 */
interface Batch {
  id: number
  fileName: string
  batch: LineBatch
}

function isBatch(value: unknown): value is Batch {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'id') === 'number' &&
    typeof Reflect.get(value, 'fileName') === 'string' &&
    typeof Reflect.get(value, 'batch') === 'object'
  )
}

parentPort?.on('message', (message: unknown) => {
  if (!isBatch(message)) return
  const items = decodeBatch(message.batch)
  parentPort?.postMessage({ id: message.id, results: prepareLines(items, message.fileName) })
})
