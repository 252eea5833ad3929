import { expect, test } from 'vitest'
import { csvField, toCsv } from '@/domain/csv'
import { conversationSearchSchema } from '@/app/features/search/search-params'
import { parseSearch, stringifySearch } from '@/app/features/search/search-serialization'

test('lists are repeated parameters and values stay the text they are', () => {
  const text = stringifySearch({
    status: ['OPEN', 'CLOSE'],
    q: '"late delivery"',
    agent: ['42'],
    page: 2,
    range: undefined,
  })
  expect(text).toBe('?status=OPEN&status=CLOSE&q=%22late+delivery%22&agent=42&page=2')
  expect(parseSearch(text)).toEqual({
    status: ['OPEN', 'CLOSE'],
    q: '"late delivery"',
    agent: '42',
    page: '2',
  })
  expect(stringifySearch({})).toBe('')
})

test('a hand-typed query string keeps its quotes and means the same search', () => {
  const search = conversationSearchSchema.parse(
    parseSearch('?q="late delivery"&status=OPEN&agent=007&page=3&sde=customerInfo:A:B'),
  )
  expect(search).toMatchObject({
    q: '"late delivery"',
    status: ['OPEN'],
    agent: ['007'],
    page: 3,
    sde: 'customerInfo:A:B',
  })
})

test('CSV fields follow RFC 4180 and cannot start a spreadsheet formula', () => {
  expect(csvField('plain')).toBe('plain')
  expect(csvField('a,b')).toBe('"a,b"')
  expect(csvField('say "hi"')).toBe('"say ""hi"""')
  expect(csvField('two\nlines')).toBe('"two\nlines"')
  expect(csvField('=1+1')).toBe("'=1+1")
  expect(csvField('+49 30 1234')).toBe("'+49 30 1234")
  expect(csvField('-x')).toBe("'-x")
  expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
  expect(csvField('\tcmd')).toBe("'\tcmd")
  expect(csvField('\rcmd')).toBe('"\'\rcmd"')
  expect(csvField(-1)).toBe('-1')
  expect(csvField(undefined)).toBe('')
  expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n')
})
