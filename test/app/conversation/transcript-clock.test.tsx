import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
  clockDate,
  clockDateTime,
  clockTime,
  dayNamer,
} from '@/app/features/conversation/transcript/clock'
import { browserZone, formatDate, formatDateTime, formatTime, UTC } from '@/app/lib/time'

// The transcript formats thousands of times, so it caches its formatter; it must still say
// exactly what the rest of the app says.
const instants = [
  0,
  Date.UTC(2016, 7, 29, 14, 30, 24, 565),
  Date.UTC(2024, 1, 29, 23, 59, 59, 999),
  Date.UTC(2026, 10, 27, 0, 0, 0),
  Date.UTC(2026, 2, 29, 1, 30, 0), // around a European DST change
]

test('a zone that changed its offset at a minute past midnight (St. John’s, 1995) is right on both sides', () => {
  // 00:01 NDT on 29 October 1995 became 23:01 NST on the 28th: 02:31 UTC, not a quarter hour.
  const change = Date.UTC(1995, 9, 29, 2, 31)
  for (const ms of [change - 60_000, change - 1, change, change + 60_000, change + 840_000]) {
    expect(clockDateTime(ms, 'America/St_Johns')).toBe(formatDateTime(ms, 'America/St_Johns'))
  }
  expect(clockDateTime(change, 'America/St_Johns')).toBe('1995-10-28 23:01:00')
})

test('the transcript clock matches the app’s time formatting in any zone', () => {
  for (const zone of [UTC, browserZone(), 'Europe/Berlin']) {
    for (const ms of instants) {
      expect(clockDateTime(ms, zone)).toBe(formatDateTime(ms, zone))
      expect(clockDate(ms, zone)).toBe(formatDate(ms, zone))
      expect(clockTime(ms, zone)).toBe(formatTime(ms, zone))
    }
  }
})

test('the transcript clock says what Intl says at any instant, in zones with odd offsets and summer time', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/St_Johns',
    UTC,
  ]
  fc.assert(
    fc.property(
      fc.constantFrom(...zones),
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2080, 0, 1) }),
      (zone, ms) => {
        expect(clockDateTime(ms, zone)).toBe(formatDateTime(ms, zone))
      },
    ),
    { numRuns: 2000 },
  )
})

test('day names change exactly at midnight', () => {
  const day = dayNamer(UTC)
  const midnight = Date.UTC(2026, 10, 27)
  expect(day(midnight - 1)).toBe('2026-11-26')
  expect(day(midnight)).toBe('2026-11-27')
  expect(day(midnight + 899_999)).toBe('2026-11-27')
  expect(day(midnight - 900_000)).toBe('2026-11-26')
})
