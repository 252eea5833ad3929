import { expect, test } from 'vitest'
import { EMPTY_SEARCH } from '@/app/features/search/search-params'
import { narrowSearch } from '@/app/features/search/search-insights'

/** Issue 15: a chart's mark links only to a list that counts what the mark counted. */

const COUNTED = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 2) - 1 }

test('a value with half of a character in it has no link (the address would change it)', () => {
  const half = 'Web \uD83D'
  const whole = 'Web \uD83D\uDE00'
  for (const slice of [
    { channel: half },
    { closeReason: 'AGENT\uDE00' },
    { agent: half },
    { skill: half },
    { transferPath: { from: '1', to: half } },
    { sde: { field: 'customerInfo.customerType', value: half } },
  ]) {
    expect(narrowSearch(EMPTY_SEARCH, slice, COUNTED), JSON.stringify(slice)).toBeUndefined()
  }
  expect(narrowSearch(EMPTY_SEARCH, { agent: whole }, COUNTED)?.agent).toEqual([whole])
  expect(
    narrowSearch(
      EMPTY_SEARCH,
      { sde: { field: 'customerInfo.customerType', value: whole } },
      COUNTED,
    )?.sdeValue,
  ).toBe(whole)
})
