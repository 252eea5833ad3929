import fc from 'fast-check'
import { expect, test } from 'vitest'
import { browserZone, formatDateTime, formatDuration, UTC, zonedTime } from '@/app/lib/time'

test('times show in UTC when the UTC clock is chosen', () => {
  expect(formatDateTime(Date.UTC(2016, 7, 29, 14, 30, 24), UTC)).toBe('2016-08-29 14:30:24')
})

test('times show in a named zone, whatever zone the machine is in (a page rendered on the server)', () => {
  const at = Date.UTC(2026, 6, 14, 21, 37, 5)
  expect(formatDateTime(at, 'Europe/Berlin')).toBe('2026-07-14 23:37:05')
  expect(formatDateTime(at, 'Asia/Kolkata')).toBe('2026-07-15 03:07:05')
  expect(formatDateTime(at, 'America/New_York')).toBe('2026-07-14 17:37:05')
})

test('a wall-clock time in a zone is the instant that zone shows it at', () => {
  expect(zonedTime(UTC, 2026, 3, 1, 8)).toBe(Date.UTC(2026, 2, 1, 8))
  expect(zonedTime('Europe/Berlin', 2026, 1, 15, 12)).toBe(Date.UTC(2026, 0, 15, 11))
  expect(zonedTime('Europe/Berlin', 2026, 7, 15, 12)).toBe(Date.UTC(2026, 6, 15, 10))
  expect(zonedTime('Asia/Kolkata', 2026, 7, 15, 0, 0)).toBe(Date.UTC(2026, 6, 14, 18, 30))
  expect(zonedTime('Pacific/Chatham', 2026, 7, 15, 12, 45)).toBe(Date.UTC(2026, 6, 15, 0, 0))
  // Day 32 is the next month's first, as with Date.UTC.
  expect(zonedTime('Europe/Berlin', 2026, 1, 32)).toBe(zonedTime('Europe/Berlin', 2026, 2, 1))
  // 02:30 on the night Berlin's clocks go from 02:00 to 03:00 does not exist: read as 03:30.
  expect(formatDateTime(zonedTime('Europe/Berlin', 2026, 3, 29, 2, 30), 'Europe/Berlin')).toBe(
    '2026-03-29 03:30:00',
  )
})

test('any wall-clock time reads back as itself in the zone (outside a summer-time gap)', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', UTC]
  fc.assert(
    fc.property(
      fc.constantFrom(...zones),
      fc.date({
        min: new Date(Date.UTC(1990, 0, 1)),
        max: new Date(Date.UTC(2090, 0, 1)),
        noInvalidDate: true,
      }),
      (zone, date) => {
        const shown = formatDateTime(date.getTime(), zone)
        const [y, mo, d, h, mi, s] = shown.split(/[- :]/).map(Number)
        const back = zonedTime(zone, y ?? 0, mo ?? 0, d ?? 0, h ?? 0, mi ?? 0, s ?? 0)
        // Shown to the second; an ambiguous hour (clocks going back) may read as its twin.
        expect(formatDateTime(back, zone)).toBe(shown)
      },
    ),
    { numRuns: 400 },
  )
})

test('in the machine’s own zone it agrees with the Date constructor', () => {
  const zone = browserZone()
  expect(zonedTime(zone, 2026, 11, 27, 14, 3, 9, 120)).toBe(
    new Date(2026, 10, 27, 14, 3, 9, 120).getTime(),
  )
})

test('durations read as a person would say them', () => {
  expect(formatDuration(42_000)).toBe('42 s')
  expect(formatDuration(185_000)).toBe('3 min 05 s')
  expect(formatDuration(3_720_000)).toBe('1 h 02 min')
  expect(formatDuration(-1)).toBe('—')
})
