import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs'

/**
 * Writes records as NDJSON (one per line), stopping once the file holds `maxBytes` (all of them
 * when omitted); on disk before it returns, so nothing timed later competes with its write-back.
 * Returns how many records it wrote.
 */
export function writeNdjsonUpTo(path: string, records: Iterable<unknown>, maxBytes = Infinity) {
  const fd = openSync(path, 'w')
  let chunk: string[] = []
  let written = 0
  let bytes = 0
  const flush = () => {
    if (chunk.length === 0) return
    const text = `${chunk.join('\n')}\n`
    writeSync(fd, text)
    bytes += Buffer.byteLength(text)
    chunk = []
  }
  for (const record of records) {
    chunk.push(JSON.stringify(record))
    written++
    if (chunk.length >= 1000) flush()
    if (bytes >= maxBytes) break
  }
  flush()
  fsyncSync(fd)
  closeSync(fd)
  return written
}
