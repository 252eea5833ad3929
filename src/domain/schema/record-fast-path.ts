import { z } from 'zod'
import { FAIL, installFastParser, type FastParser } from '@/domain/schema/fast-path-switch'

/**
 * The record fast path: parses a record (and structured content) without zod's generic machinery
 * when the input is already clean. Each zod schema is compiled once
 * into plain closures that produce the same output as `schema.safeParse(value).data` for any value
 * that parses without a single issue, and give up ({@link FAIL}) at the first issue. The caller
 * then runs zod itself, which finds the issue again and words the warning, so output and warnings
 * are the same as with zod alone; only clean input (nearly every record) gets faster.
 *
 * A compiled node answers FAIL exactly when zod's node would end with at least one issue, so the
 * constructs that swallow issues (`catch`, an absent optional object key, `optional` over a
 * defaulted schema, a union trying its next option) can act on FAIL as zod acts on issues.
 *
 * Compiled constructs (zod 4.6.7, `node_modules/zod/v4/core/schemas.js` and `checks.js`):
 * `object` (strip or `unknown` catchall), `array`, `union` (also discriminated), `optional`,
 * `default`, `catch` with a constant value, `pipe` / `preprocess`, `transform` with a
 * one-parameter function, `string`, `number`, `boolean`, `unknown` / `any`, `enum`, `literal`, and
 * the checks `trim` / `toLowerCase` and other `overwrite`s, `regex`, `max` / `min` length,
 * `min` / `max` / `gt` / `lt` on numbers and `int` / number formats. For a schema with anything
 * else (and for recursive schemas) {@link fastParser} returns undefined and zod is used.
 *
 * One assumption zod does not make: a one-parameter transform is called with the value alone
 * (zod also passes its payload, which such a function cannot name) and is expected not to throw
 * for a value the fast path stops early on. test/domain/schema/record-fast-path.test.ts holds the two
 * parsers to the same answers on every demo record, the seed and many thousands of mutated values.
 */

class Unsupported extends Error {}

type Def = Record<string, unknown> & { type: string; checks?: unknown[] }

interface ZodInternals {
  def: Def
  traits: Set<string>
  optin?: 'optional' | 'defaulted'
  optout?: 'optional'
  propValues?: Record<string, Set<unknown>>
}

/** A check as zod stores it (`ch._zod`); a schema that is also a check has both layouts. */
interface CheckInternals {
  def: Record<string, unknown> & { check: string; when?: unknown }
  traits: Set<string>
}

/**
 * `value._zod` when it has zod 4's layout: a `def` whose `defKey` (`type` for a schema, `check`
 * for a check) is a string, and a `traits` set. Anything else is not compiled.
 */
function zodLayout(value: unknown, defKey: 'type' | 'check', what: string): object {
  const zod: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, '_zod') : undefined
  if (typeof zod !== 'object' || zod === null) throw new Unsupported(`not a zod ${what}`)
  const def: unknown = Reflect.get(zod, 'def')
  if (typeof def !== 'object' || def === null || typeof Reflect.get(def, defKey) !== 'string') {
    throw new Unsupported(`${what} without a def`)
  }
  if (!(Reflect.get(zod, 'traits') instanceof Set)) throw new Unsupported(`${what} without traits`)
  return zod
}

// zod's own internal fields, read as zod reads them (the casts describe zod 4's layout)
const internals = (schema: unknown) => zodLayout(schema, 'type', 'schema') as ZodInternals
const checkInternals = (check: unknown) => zodLayout(check, 'check', 'check') as CheckInternals

/** zod's `util.isObject`: what `object` and `discriminatedUnion` accept. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The `when` zod gives length checks by default (`_whenHasLength`, not exported: taken off a check). */
const LENGTH_WHEN: unknown = checkInternals(z.string().max(0)._zod.def.checks?.[0]).def.when

const compiled = new WeakMap<object, FastParser | null>()

/** The compiled fast path of `schema`, or undefined when it uses a construct not compiled here. */
export function fastParser(schema: z.ZodType): FastParser | undefined {
  const known = compiled.get(schema)
  if (known !== undefined) return known ?? undefined
  let parser: FastParser | null
  try {
    // zod's memoizer (cycle support) changes how a recursive schema parses: not mirrored here.
    if (z.core.isRecursiveSchema(schema)) throw new Unsupported('recursive schema')
    parser = compile(schema)
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error
    parser = null
  }
  compiled.set(schema, parser)
  return parser ?? undefined
}

/** A node of the schema: its own parse, then its checks in order (zod's `_zod.run`). */
function compile(schema: unknown): FastParser {
  const zod = internals(schema)
  if (zod.def.coerce === true) throw new Unsupported('coerce')
  const parse = compileNode(zod)
  // A schema that is also a check (z.int(), string formats) runs itself as its first check.
  const checks = zod.traits.has('$ZodCheck') ? [schema, ...(zod.def.checks ?? [])] : zod.def.checks
  if (checks === undefined || checks.length === 0) return parse
  const steps = checks.map(compileCheck)
  return (value) => {
    let out = parse(value)
    // With no issue so far nothing is aborted, so zod runs every check whose `when` allows it,
    // each on the value the previous one left.
    for (let i = 0; i < steps.length && out !== FAIL; i++) out = steps[i]!(out)
    return out
  }
}

function need(zod: ZodInternals, trait: string): void {
  if (!zod.traits.has(trait)) throw new Unsupported(`${zod.def.type} without ${trait}`)
}

function compileNode(zod: ZodInternals): FastParser {
  const def = zod.def
  switch (def.type) {
    case 'string':
      need(zod, '$ZodString')
      return (value) => (typeof value === 'string' ? value : FAIL)
    case 'number':
      need(zod, '$ZodNumber')
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : FAIL)
    case 'boolean':
      need(zod, '$ZodBoolean')
      return (value) => (typeof value === 'boolean' ? value : FAIL)
    case 'unknown':
    case 'any':
      return (value) => value
    case 'enum': {
      need(zod, '$ZodEnum')
      // the same set $ZodEnum builds
      const values = new Set<unknown>(
        z.core.util.getEnumValues(def.entries as z.core.util.EnumLike),
      )
      return (value) => (values.has(value) ? value : FAIL)
    }
    case 'literal': {
      need(zod, '$ZodLiteral')
      if (!Array.isArray(def.values)) throw new Unsupported('literal values')
      const values = new Set<unknown>(def.values)
      return (value) => (values.has(value) ? value : FAIL)
    }
    case 'optional':
      return compileOptional(zod)
    case 'default': {
      need(zod, '$ZodDefault')
      const inner = compile(def.innerType)
      // `defaultValue` is a getter (a fresh shallow clone, or the factory's result): read per use,
      // as zod does. The default is not validated.
      return (value) => {
        if (value === undefined) return def.defaultValue
        const out = inner(value)
        if (out === FAIL) return FAIL
        return out === undefined ? def.defaultValue : out
      }
    }
    case 'catch':
      return compileCatch(zod)
    case 'transform':
      return compileTransform(zod)
    case 'pipe': {
      need(zod, '$ZodPipe')
      if (zod.traits.has('$ZodCodec')) throw new Unsupported('codec')
      const first = compile(def.in)
      const second = compile(def.out)
      // Any issue of `in` stops the pipe (bar unrecognized keys, which a compiled object never
      // has: strict objects are not compiled).
      return (value) => {
        const left = first(value)
        return left === FAIL ? FAIL : second(left)
      }
    }
    case 'array': {
      need(zod, '$ZodArray')
      const element = compile(def.element)
      return (value) => {
        if (!Array.isArray(value)) return FAIL
        const out: unknown[] = new Array<unknown>(value.length)
        for (let i = 0; i < value.length; i++) {
          const item = element(value[i])
          if (item === FAIL) return FAIL
          out[i] = item
        }
        return out
      }
    }
    case 'object':
      need(zod, '$ZodObject')
      return compileObject(def)
    case 'union':
      return compileUnion(zod)
    default:
      throw new Unsupported(def.type)
  }
}

function compileOptional(zod: ZodInternals): FastParser {
  if (!zod.traits.has('$ZodOptional') || zod.traits.has('$ZodExactOptional')) {
    throw new Unsupported('exact optional')
  }
  const innerSchema = zod.def.innerType
  const inner = compile(innerSchema)
  if (internals(innerSchema).optin !== 'defaulted') {
    return (value) => (value === undefined ? undefined : inner(value))
  }
  // Over a defaulted schema `undefined` is handed to it, and if that fails the answer is
  // `undefined` with its issues dropped (`handleOptionalResult`).
  return (value) => {
    if (value !== undefined) return inner(value)
    const out = inner(undefined)
    return out === FAIL ? undefined : out
  }
}

function compileCatch(zod: ZodInternals): FastParser {
  need(zod, '$ZodCatch')
  const catchValue = zod.def.catchValue
  // `.catch(value)` wraps the value in a thunk tagged CONSTANT_CATCH that ignores its argument.
  // A callback reads the context zod builds from the inner issues (which the fast path does not
  // have), so it is left to zod.
  if (
    typeof catchValue !== 'function' ||
    Reflect.get(catchValue, z.core.util.CONSTANT_CATCH) !== true
  ) {
    throw new Unsupported('catch callback')
  }
  const constant = catchValue as () => unknown
  const inner = compile(zod.def.innerType)
  return (value) => {
    const out = inner(value)
    return out === FAIL ? constant() : out
  }
}

function compileTransform(zod: ZodInternals): FastParser {
  need(zod, '$ZodTransform')
  const fn = zod.def.transform
  // zod calls `def.transform(value, payload)`; only a function declaring exactly one parameter
  // cannot reach the payload (to add an issue), so only those are called here.
  if (typeof fn !== 'function' || fn.length !== 1) throw new Unsupported('transform context')
  const def = zod.def
  return (value) => {
    const out: unknown = Reflect.apply(fn, def, [value])
    // zod (synchronous) throws for an async transform
    if (out instanceof Promise) throw new z.core.$ZodAsyncError()
    return out
  }
}

function compileUnion(zod: ZodInternals): FastParser {
  const def = zod.def
  need(zod, '$ZodUnion')
  if (zod.traits.has('$ZodXor')) throw new Unsupported('exclusive union')
  if (!Array.isArray(def.options) || def.options.length === 0) throw new Unsupported('union')
  const options: unknown[] = def.options
  const parsers = options.map(compile)
  // The first option without an issue wins; zod runs them in order.
  const anyOf: FastParser =
    parsers.length === 1
      ? parsers[0]!
      : (value) => {
          for (const parse of parsers) {
            const out = parse(value)
            if (out !== FAIL) return out
          }
          return FAIL
        }
  if (!zod.traits.has('$ZodDiscriminatedUnion')) return anyOf

  // zod's `discriminatorMap`: each option claims the values its discriminator field accepts;
  // a value claimed twice is kept as `null` (only `undefined` may be, anything else throws).
  const key = def.discriminator
  if (typeof key !== 'string') throw new Unsupported('discriminator')
  const byValue = new Map<unknown, FastParser | null>()
  options.forEach((option, i) => {
    const values = internals(option).propValues?.[key]
    if (!values || values.size === 0) throw new Unsupported('discriminated option')
    for (const value of values) {
      if (!byValue.has(value)) byValue.set(value, parsers[i]!)
      else if (value === undefined) byValue.set(value, null)
      else throw new Unsupported('duplicate discriminator value')
    }
  })
  const fallback = def.unionFallback === true ? anyOf : undefined
  return (value) => {
    if (!isObject(value)) return FAIL
    const parse = byValue.get(value[key])
    if (parse) return parse(value)
    return fallback ? fallback(value) : FAIL
  }
}

interface Field {
  key: string
  parse: FastParser
  optin: ZodInternals['optin']
  optout: ZodInternals['optout']
}

function compileObject(def: Def): FastParser {
  const shape: unknown = def.shape
  if (!isObject(shape) || Object.getOwnPropertySymbols(shape).length > 0) {
    throw new Unsupported('object shape')
  }
  const catchall: unknown = def.catchall
  let loose = false
  if (catchall !== undefined) {
    const inner = internals(catchall)
    if (inner.def.type !== 'unknown' || (inner.def.checks?.length ?? 0) > 0) {
      throw new Unsupported(`catchall ${inner.def.type}`)
    }
    loose = true
  }
  // zod's JIT skips a `__proto__` key of the shape entirely
  const fields: Field[] = Object.keys(shape)
    .filter((key) => key !== '__proto__')
    .map((key) => {
      const field = internals(shape[key])
      return { key, parse: compile(shape[key]), optin: field.optin, optout: field.optout }
    })
  const keySet = new Set(Object.keys(shape))

  return (value) => {
    if (!isObject(value)) return FAIL
    const out: Record<string, unknown> = {}
    for (const { key, parse, optin, optout } of fields) {
      // zod runs every field, present or not, then applies `handlePropertyResult`
      const result = parse(value[key])
      const present = key in value
      if (!present && optout === 'optional' && optin === 'optional') continue
      if (result === FAIL) {
        if (optin !== undefined && optout === 'optional' && !present) continue
        return FAIL
      }
      if (!present && optin === undefined) return FAIL
      if (result === undefined) {
        if (present || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined
      } else out[key] = result
    }
    if (loose) {
      for (const key in value) {
        if (keySet.has(key) || key === '__proto__') continue
        out[key] = value[key]
      }
    }
    return out
  }
}

type Step = (value: unknown) => unknown

/** One check of `runChecks`, on a value with no issue yet: the next value, or FAIL. */
function compileCheck(check: unknown): Step {
  const { def, traits } = checkInternals(check)
  const is = (trait: string) => {
    if (!traits.has(trait)) throw new Unsupported(`${def.check} without ${trait}`)
  }
  // `when` decides whether a check runs; only the length checks' default is mirrored.
  const lengthWhen = def.when === LENGTH_WHEN
  if (def.when !== undefined && !lengthWhen) throw new Unsupported('check with when')
  switch (def.check) {
    case 'overwrite': {
      is('$ZodCheckOverwrite')
      const tx = def.tx
      if (typeof tx !== 'function') throw new Unsupported('overwrite')
      return (value) => Reflect.apply(tx, def, [value]) as unknown
    }
    case 'string_format': {
      // `.regex()`; named formats (email, url…) run their own code
      is('$ZodCheckRegex')
      const pattern = def.pattern
      if (!(pattern instanceof RegExp)) throw new Unsupported('regex')
      return (value) => {
        pattern.lastIndex = 0
        return pattern.test(value as string) ? value : FAIL
      }
    }
    case 'max_length': {
      is('$ZodCheckMaxLength')
      const max = def.maximum
      if (!lengthWhen || typeof max !== 'number') throw new Unsupported('max_length')
      return (value) => {
        if (!hasLength(value)) return value
        const units = value.length
        // strings count code points
        const length =
          typeof value === 'string' && units > max ? z.core.util.codePointLength(value) : units
        return length <= max ? value : FAIL
      }
    }
    case 'min_length': {
      is('$ZodCheckMinLength')
      const min = def.minimum
      if (!lengthWhen || typeof min !== 'number') throw new Unsupported('min_length')
      return (value) => {
        if (!hasLength(value)) return value
        const units = value.length
        const length =
          typeof value === 'string' && units >= min && units < min * 2
            ? z.core.util.codePointLength(value)
            : units
        return length >= min ? value : FAIL
      }
    }
    case 'greater_than': {
      is('$ZodCheckGreaterThan')
      const bound = def.value
      if (typeof bound !== 'number') throw new Unsupported('greater_than')
      return def.inclusive
        ? (value) => ((value as number) >= bound ? value : FAIL)
        : (value) => ((value as number) > bound ? value : FAIL)
    }
    case 'less_than': {
      is('$ZodCheckLessThan')
      const bound = def.value
      if (typeof bound !== 'number') throw new Unsupported('less_than')
      return def.inclusive
        ? (value) => ((value as number) <= bound ? value : FAIL)
        : (value) => ((value as number) < bound ? value : FAIL)
    }
    case 'number_format': {
      is('$ZodCheckNumberFormat')
      const format = def.format
      const ranges: Record<string, [number, number] | undefined> = z.core.util.NUMBER_FORMAT_RANGES
      const range = typeof format === 'string' ? ranges[format] : undefined
      if (typeof format !== 'string' || !range) throw new Unsupported('number format')
      const isInt = format.includes('int')
      const [minimum, maximum] = range
      return (value) => {
        const input = value as number
        if (isInt && !Number.isSafeInteger(input)) return FAIL
        return input < minimum || input > maximum ? FAIL : value
      }
    }
    default:
      throw new Unsupported(`check ${def.check}`)
  }
}

/** `_whenHasLength`: not nullish and has a `length`. */
function hasLength(value: unknown): value is { length: number } {
  return (
    value !== null && value !== undefined && (value as { length?: unknown }).length !== undefined
  )
}

/**
 * Turns the fast path on for `parseFast` and `tryParse` (fast-path-switch.ts), for the rest of
 * the process or page (calling it again changes nothing). The server's import code calls it
 * when it loads; the SPA when it loads a conversation's detail.
 */
export function enableRecordFastPath(): void {
  installFastParser(fastParser)
}
