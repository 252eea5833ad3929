import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { z } from 'zod'
import {
  optBoolean,
  optEndTime,
  optNumber,
  optString,
  optStringArray,
  renameKeys,
} from '@/domain/schema/coerce'

/** The message a user would see for a rejected value. */
function problem(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value)
  return result.success ? undefined : result.error.issues[0]?.message
}

describe('optNumber', () => {
  test('reads numbers and numeric strings, sentinels are absent', () => {
    expect(optNumber.parse('42')).toBe(42)
    expect(optNumber.parse(' -400.99 ')).toBe(-400.99)
    expect(optNumber.parse('34.0')).toBe(34)
    expect(optNumber.parse(7)).toBe(7)
    for (const sentinel of ['undefined', 'null', '', null, undefined]) {
      expect(optNumber.parse(sentinel)).toBeUndefined()
    }
  })

  test('rejects non-numbers with a clear message', () => {
    expect(problem(optNumber, '12abc')).toBe('expected a number, got "12abc"')
    expect(problem(optNumber, '0x10')).toMatch(/expected a number/)
    expect(problem(optNumber, {})).toBe('expected a number, got an object')
    expect(problem(optNumber, Number.NaN)).toMatch(/expected a number/)
  })

  test('any finite number survives a round trip through its string form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(optNumber.parse(String(n))).toBe(n === 0 ? 0 : n)
      }),
    )
  })
})

test('optEndTime: -1 (number or string) means "not ended"', () => {
  expect(optEndTime.parse(-1)).toBeUndefined()
  expect(optEndTime.parse('-1')).toBeUndefined()
  expect(optEndTime.parse('1472481024565')).toBe(1472481024565)
  expect(problem(optEndTime, 'soon')).toBe('expected an epoch time, got "soon"')
})

test('optString: numbers become strings, sentinels absent, objects rejected', () => {
  expect(optString.parse(3677470410)).toBe('3677470410')
  expect(optString.parse('null')).toBeUndefined()
  expect(optString.parse('Unassigned')).toBe('Unassigned')
  expect(problem(optString, { a: 1 })).toBe('expected a string, got an object')
})

test('optBoolean and optStringArray', () => {
  expect(optBoolean.parse('true')).toBe(true)
  expect(optBoolean.parse(false)).toBe(false)
  expect(problem(optBoolean, 'maybe')).toBe('expected a boolean, got "maybe"')
  expect(optStringArray.parse(['A', null, 2])).toEqual(['A', '2'])
  expect(optStringArray.parse('one')).toEqual(['one'])
})

test('renameKeys copies (never mutates) and the canonical key wins', () => {
  const input = { csatRate: 4, csat: 5 }
  expect(renameKeys(input, { csatRate: 'csat' })).toEqual({ csat: 5 })
  expect(input).toEqual({ csatRate: 4, csat: 5 })
  expect(renameKeys({ csatRate: 4, csat: 'null' }, { csatRate: 'csat' })).toEqual({ csat: 4 })
})
