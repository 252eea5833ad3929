import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import { parseSearchResponse, SearchResponseError } from '@/domain/schema/response'
import { SEED_ID, seedRecord, seedResponse } from './seed'

describe('parseSearchResponse', () => {
  test('the seed response: metadata, one record, no warnings, nothing rejected', () => {
    const result = parseSearchResponse(seedResponse(), parseConversationRecord)
    expect(result.metadata).toEqual({
      count: 1,
      self: {
        rel: 'self',
        href: 'https://localhost:8082/messaging_history/api/account/qa51680169/conversations/search?limit=50&offset=0',
      },
      shardsStatusResult: { partialResult: false },
    })
    expect(result.records.map((r) => r.info.conversationId)).toEqual([SEED_ID])
    expect(result.warnings.size).toBe(0)
    expect(result.rejected).toEqual([])
    expect(result.envelopeWarnings).toEqual([])
  })

  test('bad records are rejected by index with a reason; good ones are kept', () => {
    const noId = seedRecord({ 'info.conversationId': undefined })
    const withWarning = seedRecord({ 'info.conversationId': 'second', transfers: 'oops' })
    const result = parseSearchResponse(
      {
        _metadata: {
          count: '250',
          next: { rel: 'next', href: '/x?offset=50' },
          shardsStatusResult: { partialResult: 'true', failureShards: '1', totalShards: '8' },
        },
        conversationHistoryRecords: [seedRecord(), noId, 42, withWarning],
      },
      parseConversationRecord,
    )
    expect(result.records.map((r) => r.info.conversationId)).toEqual([SEED_ID, 'second'])
    expect(result.rejected).toEqual([
      { index: 1, reason: 'record has no info.conversationId' },
      { index: 2, reason: 'record is not an object (got 42)' },
    ])
    expect([...result.warnings.keys()]).toEqual(['second'])
    expect(result.warnings.get('second')?.[0]?.section).toBe('transfers')
    expect(result.metadata).toMatchObject({
      count: 250,
      next: { rel: 'next', href: '/x?offset=50' },
      shardsStatusResult: { partialResult: true, failureShards: 1, totalShards: 8 },
    })
  })

  test('`metadata` (documentation table name) is read as `_metadata`', () => {
    const result = parseSearchResponse(
      {
        metadata: { count: 7 },
        conversationHistoryRecords: [seedRecord()],
      },
      parseConversationRecord,
    )
    expect(result.metadata.count).toBe(7)
  })

  test('count defaults to the number of records when the envelope has no metadata', () => {
    const result = parseSearchResponse(
      { conversationHistoryRecords: [seedRecord()] },
      parseConversationRecord,
    )
    expect(result.metadata).toEqual({ count: 1 })
  })

  test('a bad _metadata is reported and ignored, records still parse', () => {
    const result = parseSearchResponse(
      {
        _metadata: { count: 'many' },
        conversationHistoryRecords: [seedRecord()],
      },
      parseConversationRecord,
    )
    expect(result.metadata).toEqual({ count: 1 })
    expect(result.envelopeWarnings).toEqual([
      { section: '_metadata', message: 'expected a number, got "many" (metadata ignored)' },
    ])
    expect(result.records).toHaveLength(1)
  })

  test('a bare array of records and a single record are accepted', () => {
    expect(parseSearchResponse([seedRecord()], parseConversationRecord).records).toHaveLength(1)
    expect(parseSearchResponse(seedRecord(), parseConversationRecord).records).toHaveLength(1)
  })

  test('something that is not a response throws a clear error', () => {
    expect(() => parseSearchResponse('nope', parseConversationRecord)).toThrow(SearchResponseError)
    expect(() => parseSearchResponse('nope', parseConversationRecord)).toThrow(
      /expected a search response object/,
    )
    expect(() =>
      parseSearchResponse({ conversationHistoryRecords: {} }, parseConversationRecord),
    ).toThrow('conversationHistoryRecords must be an array, got an object')
  })
})

describe('the documentation example as published', () => {
  test('is not valid JSON (missing comma and trailing comma in the lead event)', () => {
    const text = readFileSync(
      new URL('../../fixtures/seed-example-malformed.json', import.meta.url),
      'utf8',
    )
    expect(text.startsWith('{\n"_metadata"')).toBe(true)
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError)
    // fixing exactly those two errors makes it parse, and it is the seed fixture
    const fixed = text.replace(
      '"serverTimeStamp": "1528628536882"\n"originalTimeStamp": "1528636540046",\n}',
      '"serverTimeStamp": "1528628536882",\n"originalTimeStamp": "1528636540046"\n}',
    )
    expect(JSON.parse(fixed)).toEqual(seedResponse())
  })
})
