import type { z } from 'zod'

/**
 * The switch between zod and the record fast path: the schemas parse through {@link parseFast}
 * and {@link tryParse}, which are `schema.safeParse(value)` until `enableRecordFastPath()`
 * (record-fast-path.ts) installs the compiler, and take its compiled parsers from then on. The
 * server's import code enables it; the SPA enables it when it loads a conversation's detail, so
 * the search page's first script does without the compiler.
 */

/** What a compiled parser answers at the first issue (the caller then asks zod). */
export const FAIL: unique symbol = Symbol('fast path failed')

export type FastParser = (value: unknown) => unknown

let compiler: ((schema: z.ZodType) => FastParser | undefined) | undefined
let enabled = true

/** Called by `enableRecordFastPath()` (record-fast-path.ts) with its compiler. */
export function installFastParser(compile: (schema: z.ZodType) => FastParser | undefined): void {
  compiler = compile
}

/**
 * Test hook: with `false`, {@link parseFast} skips the fast path and is plain `safeParse`, so a
 * test can compare whole parses with and without it. Not for production code.
 */
export function setFastParseEnabled(on: boolean): void {
  enabled = on
}

const parserOf = (schema: z.ZodType) => (enabled && compiler ? compiler(schema) : undefined)

/**
 * `schema.safeParse(value)`, taking the fast path when it can: `{ success: true, data }` exactly
 * as zod would answer, or zod's own answer whenever the value has an issue.
 */
export function parseFast<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const parser = parserOf(schema)
  if (parser) {
    const out = parser(value)
    // The compiled closures mirror this very schema, so their output has its output type.
    if (out !== FAIL) return { success: true, data: out as z.output<S> }
  }
  return schema.safeParse(value)
}

/**
 * Whether `value` parses, and its output, for callers that would throw zod's error away: the fast
 * path answers alone when the schema compiles (its FAIL is exactly zod's "has an issue", which
 * test/domain/schema/record-fast-path.test.ts holds it to), so a failure costs no second parse.
 */
export function tryParse<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { success: true; data: z.output<S> } | { success: false } {
  const parser = parserOf(schema)
  if (!parser) return schema.safeParse(value)
  const out = parser(value)
  return out === FAIL ? { success: false } : { success: true, data: out as z.output<S> }
}
