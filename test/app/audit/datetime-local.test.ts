import { expect, test } from 'vitest'
import { fromDateTimeLocal, toDateTimeLocal } from '@/app/features/audit/datetime-local'
import { browserZone, UTC } from '@/app/lib/time'

test('a datetime-local value is read in the chosen clock', () => {
  expect(fromDateTimeLocal('2026-03-01T08:00', UTC)).toBe(Date.UTC(2026, 2, 1, 8, 0))
  expect(fromDateTimeLocal('2026-03-01T08:00', browserZone())).toBe(
    new Date(2026, 2, 1, 8, 0).getTime(),
  )
  expect(fromDateTimeLocal('2026-03-01T08:00:30', UTC)).toBe(Date.UTC(2026, 2, 1, 8, 0, 30))
})

test('an inclusive To takes the whole minute (or second) it names', () => {
  expect(fromDateTimeLocal('2026-03-01T08:00', UTC, true)).toBe(Date.UTC(2026, 2, 1, 8, 0, 59, 999))
  expect(fromDateTimeLocal('2026-03-01T08:00:30', UTC, true)).toBe(
    Date.UTC(2026, 2, 1, 8, 0, 30, 999),
  )
})

test('empty or malformed values are no time at all', () => {
  for (const value of ['', 'yesterday', '2026-03-01', '08:00']) {
    expect(fromDateTimeLocal(value, UTC)).toBeUndefined()
  }
})

test('an instant shown in the input reads back as the same minute, in either clock', () => {
  const at = Date.UTC(2026, 6, 14, 21, 37, 0)
  for (const zone of [UTC, browserZone(), 'Asia/Kolkata']) {
    expect(toDateTimeLocal(at, zone)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(fromDateTimeLocal(toDateTimeLocal(at, zone), zone)).toBe(at)
  }
  expect(toDateTimeLocal(at, UTC)).toBe('2026-07-14T21:37')
})
