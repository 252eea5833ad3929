import { z } from 'zod'

/**
 * Shared tolerant primitives for the Messaging Interactions wire format.
 *
 * "Tolerant in, clean out": numbers may arrive as numeric strings, absent values as the strings
 * `"undefined"` / `"null"`, as `null` or as `""`. Every primitive here folds those to one clean
 * value, and every object built with {@link cleanObject} drops keys whose value came out absent.
 */

const SENTINELS = new Set(['undefined', 'null', ''])

/** True for values that mean "no value" on the wire: `undefined`, `null`, `"undefined"`, `"null"`, `""`. */
export function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true
  return typeof value === 'string' && SENTINELS.has(value.trim())
}

/** A short printable form of a wire value, for warning messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value
    return JSON.stringify(cut)
  }
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  if (value === undefined) return 'undefined'
  return typeof value === 'object' ? 'an object' : typeof value
}

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/

/** Reads a finite number from a number or a numeric string; `undefined` when it is not one. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value)
  return undefined
}

/** A number, also from a numeric string. Sentinels become absent; anything else is an issue. */
export const optNumber = z
  .unknown()
  .transform((value, ctx): number | undefined => {
    if (isAbsent(value)) return undefined
    const n = toNumber(value)
    if (n !== undefined) return n
    ctx.addIssue({ code: 'custom', message: `expected a number, got ${describeValue(value)}` })
    return z.NEVER
  })
  .optional()

/** An end time in epoch ms: like {@link optNumber}, and `-1` (or any negative) means "not ended". */
export const optEndTime = z
  .unknown()
  .transform((value, ctx): number | undefined => {
    if (isAbsent(value)) return undefined
    const n = toNumber(value)
    if (n !== undefined) return n < 0 ? undefined : n
    ctx.addIssue({ code: 'custom', message: `expected an epoch time, got ${describeValue(value)}` })
    return z.NEVER
  })
  .optional()

/**
 * A string value such as an ID, a name or an enum. Numbers and booleans become strings (agent
 * IDs arrive as both); sentinels become absent.
 */
export const optString = z
  .unknown()
  .transform((value, ctx): string | undefined => {
    if (isAbsent(value)) return undefined
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    ctx.addIssue({ code: 'custom', message: `expected a string, got ${describeValue(value)}` })
    return z.NEVER
  })
  .optional()

/**
 * Free text written by a person (message text, summary): kept exactly, even `""` or `"null"`,
 * because a consumer may well type "null". Only a real `null` becomes absent.
 */
export const optText = z
  .unknown()
  .transform((value, ctx): string | undefined => {
    if (value === undefined || value === null) return undefined
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    ctx.addIssue({ code: 'custom', message: `expected text, got ${describeValue(value)}` })
    return z.NEVER
  })
  .optional()

/** A boolean, also from `"true"` / `"false"`. Sentinels become absent. */
export const optBoolean = z
  .unknown()
  .transform((value, ctx): boolean | undefined => {
    if (isAbsent(value)) return undefined
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 'TRUE' || value === 'True') return true
    if (value === 'false' || value === 'FALSE' || value === 'False') return false
    ctx.addIssue({ code: 'custom', message: `expected a boolean, got ${describeValue(value)}` })
    return z.NEVER
  })
  .optional()

/** A list of strings; a single string becomes a one-item list, absent items are dropped. */
export const optStringArray = z
  .unknown()
  .transform((value, ctx): string[] | undefined => {
    if (isAbsent(value)) return undefined
    const items: unknown[] = Array.isArray(value) ? value : [value]
    const out: string[] = []
    for (const item of items) {
      if (isAbsent(item)) continue
      if (typeof item === 'string') out.push(item)
      else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item))
      else {
        ctx.addIssue({ code: 'custom', message: `expected strings, got ${describeValue(item)}` })
        return z.NEVER
      }
    }
    return out
  })
  .optional()

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export { isPlainObject }

/** Copies `value` with drifted key names folded to canonical ones (the canonical key wins). */
export function renameKeys(value: unknown, renames: Readonly<Record<string, string>>): unknown {
  if (!isPlainObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const from in renames) {
    if (!(from in value)) continue
    const to = renames[from]
    if (to === undefined) continue
    copy ??= { ...value }
    const drifted = copy[from]
    delete copy[from]
    if (isAbsent(copy[to]) && !isAbsent(drifted)) copy[to] = drifted
  }
  return copy ?? value
}

function dropUndefined<T extends object>(value: T): T {
  for (const key in value) {
    if (value[key] === undefined) delete value[key]
  }
  return value
}

/**
 * A loose object (unknown keys kept for the raw view) whose absent values are removed rather
 * than kept as `undefined`, with optional key renames applied first.
 */
export function cleanObject<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  renames?: Readonly<Record<string, string>>,
): z.ZodType<z.output<z.ZodObject<Shape, z.core.$loose>>, unknown> {
  const object = z.looseObject(shape).transform(dropUndefined)
  return renames ? z.preprocess((v) => renameKeys(v, renames), object) : object
}

/** An array whose absent (`null`) items are skipped. */
export function cleanArray<Item extends z.ZodType>(item: Item) {
  return z.preprocess(
    (value) => (Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined) : value),
    z.array(item),
  )
}

/** Parses a JSON string; `{ ok: false, message }` when it is not valid JSON. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** One line per issue (at most three), `path: message`. */
export function formatIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')
    return path ? `${path.replace(/\.\[/g, '[')}: ${issue.message}` : issue.message
  })
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : ''
  return lines.join('; ') + more
}
