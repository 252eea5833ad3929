import type { z } from 'zod'

/**
 * A fast path for the record schemas: each zod schema is compiled once into plain closures that
 * produce the same output as `schema.safeParse(value).data` for any value that parses without a
 * single issue, and give up ({@link FAIL}) at the first issue. The caller then runs zod itself,
 * which finds the issue again and words the warning, so output and warnings are the same as with
 * zod alone; only clean input (nearly every record) gets faster.
 *
 * Only the constructs the record schemas are built from are compiled (`object` with unknown or
 * no catchall, `array`, `optional`, `pipe`, `transform` with a one-argument function, `string`,
 * `number`, `boolean`, `unknown`), each with no checks; for a schema with anything else
 * {@link fastParser} returns undefined and zod is used. The rules follow zod 4's own parse
 * (`node_modules/zod/v4/core/schemas.js`); test/domain/schema/fast-parse.test.ts holds the two to
 * the same answers on every demo record, the seed and thousands of mutated records.
 */
export const FAIL: unique symbol = Symbol('fast-parse failed')

export type FastParser = (value: unknown) => unknown

class Unsupported extends Error {}

interface ZodInternals {
  def: Record<string, unknown> & { type: string; checks?: unknown[] }
  traits: Set<string>
  optin?: 'optional' | 'defaulted'
  optout?: 'optional'
}

function internals(schema: unknown): ZodInternals {
  const zod: unknown =
    typeof schema === 'object' && schema !== null ? Reflect.get(schema, '_zod') : undefined
  if (typeof zod !== 'object' || zod === null) throw new Unsupported('not a zod schema')
  const def: unknown = Reflect.get(zod, 'def')
  if (typeof def !== 'object' || def === null || typeof Reflect.get(def, 'type') !== 'string') {
    throw new Unsupported('schema without a def')
  }
  // zod's own internal fields, read as zod reads them (the casts describe zod 4's layout)
  return zod as ZodInternals
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const compiled = new WeakMap<object, FastParser | null>()

/** The compiled fast path of `schema`, or undefined when it uses a construct not compiled here. */
export function fastParser(schema: z.ZodType): FastParser | undefined {
  const known = compiled.get(schema)
  if (known !== undefined) return known ?? undefined
  let parser: FastParser | null
  try {
    parser = compile(schema)
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error
    parser = null
  }
  compiled.set(schema, parser)
  return parser ?? undefined
}

/**
 * `schema.safeParse(value)`, taking the fast path when it can: `{ success: true, data }` exactly
 * as zod would answer, or zod's own answer whenever the value has an issue.
 */
export function parseFast<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const parser = fastParser(schema)
  if (parser) {
    const out = parser(value)
    // The compiled closures mirror this very schema, so their output has its output type.
    if (out !== FAIL) return { success: true, data: out as z.output<S> }
  }
  return schema.safeParse(value)
}

function compile(schema: unknown): FastParser {
  const zod = internals(schema)
  const def = zod.def
  if (def.checks !== undefined && def.checks.length > 0) throw new Unsupported('checks')
  if (def.coerce === true) throw new Unsupported('coerce')
  switch (def.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? value : FAIL)
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : FAIL)
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : FAIL)
    case 'unknown':
      return (value) => value
    case 'optional': {
      if (!zod.traits.has('$ZodOptional') || zod.traits.has('$ZodExactOptional')) {
        throw new Unsupported('exact optional')
      }
      const innerSchema = def.innerType
      if (internals(innerSchema).optin === 'defaulted') throw new Unsupported('defaulted')
      const inner = compile(innerSchema)
      return (value) => (value === undefined ? undefined : inner(value))
    }
    case 'transform': {
      const transform = def.transform
      // A two-argument transform may report issues through its context: left to zod.
      if (typeof transform !== 'function' || transform.length > 1) {
        throw new Unsupported('transform context')
      }
      // zod calls it with the value (and a context this one does not declare)
      const fn = transform as (value: unknown) => unknown
      return (value) => {
        const out: unknown = fn(value)
        if (out instanceof Promise) throw new Unsupported('async transform')
        return out
      }
    }
    case 'pipe': {
      const first = compile(def.in)
      const second = compile(def.out)
      return (value) => {
        const left = first(value)
        return left === FAIL ? FAIL : second(left)
      }
    }
    case 'array': {
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
      return compileObject(def)
    default:
      throw new Unsupported(def.type)
  }
}

interface Field {
  key: string
  parse: FastParser
  optin: ZodInternals['optin']
  optout: ZodInternals['optout']
}

function compileObject(def: ZodInternals['def']): FastParser {
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
  const fields: Field[] = Object.keys(shape).map((key) => {
    const field = internals(shape[key])
    return { key, parse: compile(shape[key]), optin: field.optin, optout: field.optout }
  })
  const keySet = new Set(Object.keys(shape))

  return (value) => {
    if (!isObject(value)) return FAIL
    const out: Record<string, unknown> = {}
    for (const { key, parse, optin, optout } of fields) {
      if (key === '__proto__') continue
      const present = key in value
      if (!present && optout === 'optional' && optin === 'optional') continue
      const result = parse(value[key])
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
