import type { Archive } from '@/server/archive/archive'
import { prepareEntries } from '@/server/archive/import'
import { generateDemoConversationsLazy } from '@/server/demo/generate'

const BATCH = 1000

/**
 * Fills an empty archive with `count` deterministic demo conversations, in batches (one
 * transaction each) so progress can be reported. Returns how many were stored.
 */
export function seedDemoConversations(
  archive: Archive,
  count: number,
  log: (line: string) => void,
  options: { now?: number } = {},
): number {
  if (count <= 0) return 0
  const started = Date.now()
  log(`Seeding the archive with ${String(count)} demo conversations…`)
  let stored = 0
  let batch: unknown[] = []
  let nextReport = Math.max(BATCH * 10, Math.ceil(count / 10))
  const flush = () => {
    if (batch.length === 0) return
    const prepared = prepareEntries({ ok: true, shape: 'array', records: batch }, 'demo data')
    if (!prepared.ok) throw new Error(`Demo data is invalid: ${prepared.errors.join('; ')}`)
    archive.upsert(prepared.entries)
    stored += prepared.entries.length
    batch = []
    if (stored >= nextReport && stored < count) {
      log(`  ${String(stored)} / ${String(count)}`)
      nextReport += Math.max(BATCH * 10, Math.ceil(count / 10))
    }
  }
  for (const record of generateDemoConversationsLazy({ count, now: options.now })) {
    batch.push(record)
    if (batch.length >= BATCH) flush()
  }
  flush()
  archive.optimize(true)
  const seconds = (Date.now() - started) / 1000
  log(`Seeded ${String(stored)} demo conversations in ${seconds.toFixed(1)} s.`)
  return stored
}
