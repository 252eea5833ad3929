import { expect, test } from 'vitest'
import { formatDateTime, formatDuration } from '@/app/lib/time'

test('times show in UTC when the UTC clock is chosen', () => {
  expect(formatDateTime(Date.UTC(2016, 7, 29, 14, 30, 24), 'utc')).toBe('2016-08-29 14:30:24')
})

test('durations read as a person would say them', () => {
  expect(formatDuration(42_000)).toBe('42 s')
  expect(formatDuration(185_000)).toBe('3 min 05 s')
  expect(formatDuration(3_720_000)).toBe('1 h 02 min')
  expect(formatDuration(-1)).toBe('—')
})
