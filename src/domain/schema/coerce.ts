import { z } from 'zod'

/**
 * Shared tolerant primitives for the Messaging Interactions wire format.
 *
 * "Tolerant in, clean out": numbers may arrive as numeric strings, absent values as the strings
 * `"undefined"` / `"null"`, as `null` or as `""`. Every primitive here folds those to one clean
 * value, and every object built with {@link cleanObject} drops keys whose value came out absent.
 */

/** True for values that mean "no value" on the wire: `undefined`, `null`, `"undefined"`, `"null"`, `""`. */
export function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true
  // Hot path (called for every field): no allocation unless the string could be a padded sentinel.
  if (typeof value !== 'string' || value.length > 16) return false
  const text = value.trim()
  return text === '' || text === 'undefined' || text === 'null'
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

// One way to match each string (`\d+\.?\d*` could split a run of digits n ways, and a long
// digit string that is not a number then took quadratic time: 100 kB of digits, a minute).
const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/

/** Reads a finite number from a number or a numeric string; `undefined` when it is not one. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value)
  return undefined
}

/** Returned by a coercer to say "this key is absent". */
const ABSENT: unique symbol = Symbol('absent')
type Coercer = (value: unknown) => unknown

/**
 * Every tolerant primitive is a plain coercion function plus a plain zod validator. Standalone,
 * the primitive is `z.preprocess(coerce, validator)`. Inside {@link cleanObject} the coercion
 * runs in one pass over the object and only the (fast, JIT-compiled) validator runs per field:
 * a zod transform per field costs about 1 µs, which made a record of a few hundred fields slow.
 */
const PRIMITIVES = new WeakMap<object, { coerce: Coercer; validator: z.ZodType }>()

function primitive<V extends z.ZodType>(coerce: Coercer, validator: V) {
  const optional = validator.optional()
  const schema = z
    .preprocess((value) => {
      const out = coerce(value)
      return out === ABSENT ? undefined : out
    }, optional)
    .optional()
  PRIMITIVES.set(schema, { coerce, validator: optional })
  return schema
}

function failed(expected: string) {
  return {
    error: (issue: { input?: unknown }) =>
      `expected ${expected}, got ${describeValue(issue.input)}`,
  }
}

function coerceNumber(value: unknown): unknown {
  if (isAbsent(value)) return ABSENT
  return toNumber(value) ?? value
}

function coerceEndTime(value: unknown): unknown {
  if (isAbsent(value)) return ABSENT
  const n = toNumber(value)
  if (n === undefined) return value
  return n < 0 ? ABSENT : n
}

function coerceString(value: unknown): unknown {
  if (isAbsent(value)) return ABSENT
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value
}

function coerceText(value: unknown): unknown {
  if (value === undefined || value === null) return ABSENT
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value
}

function coerceBoolean(value: unknown): unknown {
  if (isAbsent(value)) return ABSENT
  if (value === 'true' || value === 'TRUE' || value === 'True') return true
  if (value === 'false' || value === 'FALSE' || value === 'False') return false
  return value
}

function coerceStringArray(value: unknown): unknown {
  if (isAbsent(value)) return ABSENT
  const items: unknown[] = Array.isArray(value) ? value : [value]
  const out: unknown[] = []
  for (const item of items) {
    if (isAbsent(item)) continue
    out.push(typeof item === 'number' || typeof item === 'boolean' ? String(item) : item)
  }
  return out
}

/** A number, also from a numeric string. Sentinels become absent; anything else is an issue. */
export const optNumber = primitive(coerceNumber, z.number(failed('a number')))

/** The latest instant a JavaScript `Date` holds, in ms from the epoch (either way). */
export const MAX_EPOCH_MS = 8.64e15

function outOfRange(input: unknown): string {
  return `expected an epoch time in ms from 0 to ${String(MAX_EPOCH_MS)}, got ${describeValue(input)}`
}

/** An epoch time in ms, as a number or a numeric string, within what `Date` holds. */
function epochTime(expected: string) {
  return z
    .number(failed(expected))
    .min(0, { error: (issue) => outOfRange(issue.input) })
    .max(MAX_EPOCH_MS, { error: (issue) => outOfRange(issue.input) })
}

/**
 * A time in epoch ms (`startTimeL`, a message's `timeL`): like {@link optNumber}, and only from 0
 * to {@link MAX_EPOCH_MS}. A number outside that range (no `Date` can show it) is an issue the
 * parser turns into an absent field with a warning, keeping the rest of the item.
 */
export const optTime = primitive(coerceNumber, epochTime('a number'))

/** An end time in epoch ms: like {@link optTime}, and `-1` (or any negative) means "not ended". */
export const optEndTime = primitive(coerceEndTime, epochTime('an epoch time'))

/**
 * A string value such as an ID, a name or an enum. Numbers and booleans become strings (agent
 * IDs arrive as both); sentinels become absent.
 */
export const optString = primitive(coerceString, z.string(failed('a string')))

/**
 * Free text written by a person (message text, summary): kept exactly, even `""` or `"null"`,
 * because a consumer may well type "null". Only a real `null` becomes absent.
 */
export const optText = primitive(coerceText, z.string(failed('text')))

/** A boolean, also from `"true"` / `"false"`. Sentinels become absent. */
export const optBoolean = primitive(coerceBoolean, z.boolean(failed('a boolean')))

/** A list of strings; a single string becomes a one-item list, absent items are dropped. */
export const optStringArray = primitive(
  coerceStringArray,
  z.array(z.string(failed('strings')), failed('a list of strings')),
)

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

/**
 * A loose object (unknown keys kept for the raw view) built from the tolerant primitives and
 * nested schemas. Drifted key names are renamed first; absent values (sentinels, `null`) are
 * removed rather than kept as `undefined`; numeric strings become numbers where the field is
 * numeric. Then each field is validated.
 */
export function cleanObject<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  renames?: Readonly<Record<string, string>>,
  /** A reshaping step run first (e.g. a bare string → `{ text }`), in the same pass. */
  before?: (value: unknown) => unknown,
): z.ZodType<z.output<z.ZodObject<Shape, z.core.$loose>>, unknown> {
  // key → its coercer (a primitive's) or `null` (a nested schema: only sentinels are removed)
  const coercers = new Map<string, Coercer | null>()
  // Same keys and output types as `shape`: each primitive is swapped for its own validator.
  const validators: Shape = { ...shape }
  for (const key of Object.keys(shape)) {
    const schema: unknown = shape[key]
    const entry = typeof schema === 'object' && schema !== null ? PRIMITIVES.get(schema) : undefined
    coercers.set(key, entry ? entry.coerce : null)
    if (entry) Object.assign(validators, { [key]: entry.validator })
  }
  const coerceAll = (input: unknown): unknown => {
    const shaped = before ? before(input) : input
    const value = renames ? renameKeys(shaped, renames) : shaped
    if (!isPlainObject(value)) return value
    // Copy only when something changes (the input is never modified): most fields already have
    // the right type, and zod builds its own output object anyway.
    let out: Record<string, unknown> | undefined
    for (const key in value) {
      const coerce = coercers.get(key)
      if (coerce === undefined) continue
      const raw = value[key]
      const next = coerce ? coerce(raw) : isAbsent(raw) ? ABSENT : raw
      if (next === raw) continue
      out ??= { ...value }
      if (next === ABSENT) delete out[key]
      else out[key] = next
    }
    return out ?? value
  }
  return z.preprocess(coerceAll, z.looseObject(validators))
}

/** An array whose absent (`null`) items are skipped. */
export function cleanArray<Item extends z.ZodType>(item: Item) {
  return z.preprocess(
    (value) =>
      Array.isArray(value) && value.some((v) => v === null || v === undefined)
        ? value.filter((v) => v !== null && v !== undefined)
        : value,
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
