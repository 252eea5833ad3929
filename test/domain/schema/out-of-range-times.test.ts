import fc from 'fast-check'
import { expect, test } from 'vitest'
import { MAX_EPOCH_MS } from '@/domain/schema/coerce'
import { parseConversationRecord } from '@/domain/schema/record'
import { buildTimeline } from '@/domain/timeline/build'
import { seedRecord, valueAt } from './seed'

// Every epoch-ms time of a record, at a path of the seed example (which has one of each).
const START_TIMES = [
  'info.startTimeL',
  'messageRecords[0].timeL',
  'messageRecords[3].timeL',
  'agentParticipants[0].timeL',
  'consumerParticipant[0].timeL',
  'transfers[0].timeL',
  'interactions[0].interactionTimeL',
  'messageScore[0].timeL',
  'messageStatuses[0].timeL',
  'coBrowseSessions.coBrowseSessionsList[0].startTimeL',
]
const END_TIMES = ['info.endTimeL', 'coBrowseSessions.coBrowseSessionsList[0].endTimeL']

/** As a number or as the numeric string the wire also sends. */
const asWire = (n: number) => fc.constantFrom<number | string>(n, String(n))
/** Numbers after the last instant a `Date` can hold. */
const afterDate = fc
  .oneof(
    fc.double({ min: MAX_EPOCH_MS + 1, max: Number.MAX_VALUE, noNaN: true }),
    fc.constantFrom(MAX_EPOCH_MS + 1, 1e16, 1e300),
  )
  .chain(asWire)
/** Numbers before the first instant a `Date` can hold. */
const beforeDate = fc
  .oneof(
    fc.double({ min: -Number.MAX_VALUE, max: -MAX_EPOCH_MS - 1, noNaN: true }),
    fc.constant(-MAX_EPOCH_MS - 1),
  )
  .chain(asWire)
/** A start time before 1970 is out of range too (an end time of -1 means "not ended"). */
const negative = fc.integer({ min: -MAX_EPOCH_MS, max: -1 })

function parse(raw: unknown) {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(result.reason)
  return result
}

const counts = (record: ReturnType<typeof parse>['record']) => ({
  messages: record.messageRecords?.length,
  transfers: record.transfers?.length,
  agents: record.agentParticipants?.length,
  consumers: record.consumerParticipants?.length,
  statuses: record.messageStatuses?.length,
  scores: record.messageScores?.length,
  interactions: record.interactions?.length,
  coBrowse: record.coBrowseSessions?.coBrowseSessionsList?.length,
})

const intact = counts(parse(seedRecord()).record)

function checkOutOfRange(path: string, value: number | string) {
  const { record, warnings } = parse(seedRecord({ [path]: value }))
  const field = path.slice(path.lastIndexOf('.') + 1)
  // The field is absent, with a warning that names it and says it was dropped…
  expect(warnings, path).toContainEqual({
    section: expect.stringMatching(new RegExp(`\\.${field}$`)) as string,
    message: expect.stringMatching(/^expected .*, got .* \(field dropped\)$/) as string,
  })
  // …and nothing else of the record is lost: every item of every section is still there.
  expect(counts(record), path).toEqual(intact)
  // The page's timeline builds, and every instant in it is one a Date can show.
  for (const item of buildTimeline(record)) {
    const at = 'time' in item ? item.time : undefined
    if (typeof at === 'number') expect(() => new Date(at).toISOString(), path).not.toThrow()
  }
}

test('a time no Date can hold is absent with a warning on its section; nothing else is lost', () => {
  for (const path of [...START_TIMES, ...END_TIMES]) {
    expect(typeof valueAt(seedRecord(), path), path).toBe('number')
  }
  fc.assert(
    fc.property(fc.constantFrom(...START_TIMES), fc.oneof(afterDate, beforeDate), checkOutOfRange),
    { numRuns: 300 },
  )
  fc.assert(fc.property(fc.constantFrom(...END_TIMES), afterDate, checkOutOfRange), {
    numRuns: 100,
  })
})

test('a negative start time is out of range too; a negative end time still means "not ended"', () => {
  fc.assert(fc.property(fc.constantFrom(...START_TIMES), negative, checkOutOfRange), {
    numRuns: 150,
  })
  const { record, warnings } = parse(seedRecord({ 'info.endTimeL': -1 }))
  expect(record.info).not.toHaveProperty('endTimeL')
  expect(warnings).toEqual([])
})

test('the last instant a Date holds is kept', () => {
  const { record, warnings } = parse(seedRecord({ 'info.startTimeL': MAX_EPOCH_MS }))
  expect(record.info.startTimeL).toBe(MAX_EPOCH_MS)
  expect(warnings).toEqual([])
})
