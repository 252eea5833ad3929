/** Paths into a raw record (`messageRecords[3].messageData.msg.text`), for the fuzz tests. */

export type Container = Record<string, unknown> | unknown[]

export const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null

/** Every path in `value`, parents before their children. */
export function pathsOf(value: unknown, prefix = ''): string[] {
  if (!isContainer(value)) return []
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [`${prefix}[${String(i)}]`, v])
    : Object.entries(value).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v])
  return entries.flatMap(([path, child]) => [path, ...pathsOf(child, path)])
}

/** Sets `value` at `path` if its parent still exists (an earlier change may have replaced it). */
export function setAt(root: Container, path: string, value: unknown): void {
  const keys = path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? p.slice(1, -1) : p))
  const last = keys.pop()
  let node: unknown = root
  for (const key of keys) {
    if (!isContainer(node)) return
    node = Array.isArray(node) ? node[Number(key)] : node[key]
  }
  if (!isContainer(node) || last === undefined) return
  if (Array.isArray(node)) node[Number(last)] = value
  else node[last] = value
}
