// The one copy of the documentation example is the demo generator's.
import seedExample from '@/server/demo/seed-example.json' with { type: 'json' }

export const SEED_ID = 'e5c58e49-e4a5-40a8-8a18-d6580d1d5630'

type Container = Record<string, unknown> | unknown[]

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

/** A fresh copy of the seed response (the fixed documentation example), safe to change. */
export function seedResponse(): Record<string, unknown> {
  const value: unknown = structuredClone(seedExample)
  if (!isContainer(value) || Array.isArray(value)) throw new Error('seed is not an object')
  return value
}

function steps(path: string): (string | number)[] {
  return path
    .split(/\.|(?=\[)/)
    .map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part))
}

function child(container: Container, key: string | number): unknown {
  return Array.isArray(container) ? container[Number(key)] : container[String(key)]
}

/** Reads a value at a path such as `transfers[0].timeL` (throws if the path does not exist). */
export function valueAt(root: unknown, path: string): unknown {
  return walk(root, steps(path), path)
}

function walk(root: unknown, keys: (string | number)[], path: string): unknown {
  let node = root
  for (const key of keys) {
    if (!isContainer(node)) throw new Error(`seed has nothing at ${path}`)
    node = child(node, key)
  }
  return node
}

/**
 * The seed's one record with changes applied, e.g.
 * `seedRecord({ 'info.mcs': 'high', 'transfers[0].timeL': 'yesterday', 'info.csatRate': undefined })`.
 * `undefined` deletes the key. Parents must exist (a typo fails the test instead of passing).
 */
export function seedRecord(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const record = valueAt(seedResponse(), 'conversationHistoryRecords[0]')
  if (!isContainer(record) || Array.isArray(record)) throw new Error('seed has no record')
  for (const [path, value] of Object.entries(changes)) {
    const keys = steps(path)
    const last = keys.pop()
    const parent = walk(record, keys, path)
    if (!isContainer(parent) || last === undefined) throw new Error(`seed has nothing at ${path}`)
    if (Array.isArray(parent)) {
      if (value === undefined) parent.splice(Number(last), 1)
      else parent[Number(last)] = value
    } else if (value === undefined) delete parent[String(last)]
    else parent[String(last)] = value
  }
  return record
}
