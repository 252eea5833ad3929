import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNT, idsOf, pick, startTestApi, type TestApi } from './api-harness'
import { T0, WIDE } from './fixtures'
import { buildRecord } from './record-factory'

/**
 * Issue 11, finding 6, over HTTP: an import takes only conversation IDs the by-ID search can
 * open (at most 200 characters); a longer one is refused with its record, like any bad record.
 */

let api: TestApi

beforeAll(async () => {
  api = await startTestApi()
})
afterAll(async () => {
  await api.stop()
})

const BY_ID = `/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`

describe('conversation IDs at import', () => {
  it('an ID of 200 characters imports and opens', async () => {
    const id = 'a'.repeat(200)
    const imported = await api.importFile([buildRecord({ id, start: T0 })], {
      fileName: 'long.json',
    })
    expect(imported.job?.status, JSON.stringify(imported.job)).toBe('done')
    const opened = await api.post(BY_ID, { conversationId: id })
    expect(opened.status, opened.text).toBe(200)
    expect(idsOf(opened.json)).toEqual([id])
  })

  it('an ID of 201 characters is refused with its record; nothing from the file is written', async () => {
    const id = 'b'.repeat(201)
    const answer = await api.importFile(
      [buildRecord({ id: 'c-fine', start: T0 }), buildRecord({ id, start: T0 })],
      { fileName: 'longer.json' },
    )
    expect(answer.job?.status).toBe('failed')
    expect(answer.job?.problems).toEqual([
      'longer.json: record 2: info.conversationId is too long (201 characters; conversations are opened by IDs of at most 200)',
    ])
    // What it would have been: an ID the API refuses to open.
    expect(pick((await api.post(BY_ID, { conversationId: id })).json, 'error', 'field')).toBe(
      'conversationId',
    )
    const archived = idsOf((await api.search({ start: WIDE })).json)
    expect(archived).not.toContain('c-fine')
    expect(archived).not.toContain(id)
  })
})
