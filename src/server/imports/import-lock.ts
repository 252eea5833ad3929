import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { z } from 'zod'

/**
 * One import at a time per archive, across processes: the server's web imports and
 * `npm run import` both take `<archive>.import.lock` (created exclusively, holding who took it).
 * A lock whose process is gone is stale and taken over.
 */
export interface ImportLockHolder {
  pid: number
  source: 'web' | 'cli'
  fileName: string
  startedAt: string
}

export interface ImportLock {
  readonly holder: ImportLockHolder
  release(): void
}

const holderSchema = z.object({
  pid: z.number().int().positive(),
  source: z.enum(['web', 'cli']),
  fileName: z.string(),
  startedAt: z.string(),
})

export const lockPathOf = (archivePath: string) => `${archivePath}.import.lock`

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && Reflect.get(error, 'code') === 'EPERM'
  }
}

/** Who holds the lock, or undefined when nobody (a stale or unreadable lock counts as nobody). */
export function readImportLock(archivePath: string): ImportLockHolder | undefined {
  let text: string
  try {
    text = readFileSync(lockPathOf(archivePath), 'utf8')
  } catch {
    return undefined
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = holderSchema.safeParse(json)
  if (!parsed.success || !alive(parsed.data.pid)) return undefined
  return parsed.data
}

/** `another import is running (started 14:03 by the CLI: march.ndjson)`. */
export function describeHolder(holder: ImportLockHolder): string {
  const started = new Date(holder.startedAt)
  const time = Number.isNaN(started.getTime())
    ? holder.startedAt
    : `${String(started.getHours()).padStart(2, '0')}:${String(started.getMinutes()).padStart(2, '0')}`
  const who = holder.source === 'cli' ? 'the CLI' : 'an upload'
  return `another import is running (started ${time} by ${who}: ${holder.fileName})`
}

/**
 * Takes the lock for `archivePath`, or returns who holds it. Removes a stale lock (its process
 * has ended) and tries once more.
 */
export function acquireImportLock(
  archivePath: string,
  who: Omit<ImportLockHolder, 'pid' | 'startedAt'>,
): ImportLock | { heldBy: ImportLockHolder } {
  const path = lockPathOf(archivePath)
  const holder: ImportLockHolder = { pid: process.pid, startedAt: new Date().toISOString(), ...who }
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx')
    } catch (error) {
      if (!(error instanceof Error) || Reflect.get(error, 'code') !== 'EEXIST') throw error
      const current = readImportLock(archivePath)
      if (current) return { heldBy: current }
      // Stale (its process ended) or half-written by a process that died: take it over.
      rmSync(path, { force: true })
      continue
    }
    try {
      writeSync(fd, JSON.stringify(holder))
    } finally {
      closeSync(fd)
    }
    let released = false
    return {
      holder,
      release() {
        if (released) return
        released = true
        // Only our own lock: never one a later import took after ours was judged stale.
        if (readImportLock(archivePath)?.pid === process.pid) rmSync(path, { force: true })
      },
    }
  }
  const current = readImportLock(archivePath)
  if (current) return { heldBy: current }
  throw new Error(`could not take the import lock ${path}`)
}
