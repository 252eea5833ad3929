import { parentPort } from 'node:worker_threads'
import { prepareBatch, type LineBatch } from '@/server/archive/prepare-lines'

/**
 * Worker thread of the import pool: parses and validates batches of NDJSON lines and posts the
 * results back, with the batch's bytes (transferred both ways, never copied). Messages come only
 * from the pool in this process (import-pool.ts).
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
  const results = prepareBatch(message.batch, message.fileName)
  const bytes = message.batch.bytes
  // Hand the buffer back (the pool sent one it owned whole; anything else is copied back).
  const transfer = bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []
  parentPort?.postMessage({ id: message.id, results, bytes }, transfer)
})
