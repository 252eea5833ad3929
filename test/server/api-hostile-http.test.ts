import { writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { acquireImportLock, lockPathOf } from '@/server/imports/import-lock'
import { ACCOUNT, idsOf, pick, startTestApi, type TestApi } from './api-harness'
import { FIXTURE_RECORDS, T0, WIDE } from './fixtures'
import { buildRecord } from './record-factory'

/**
 * Issue 11, findings 1, 7 and 8, and the request logs: what a hostile or careless client can do
 * to the server over real sockets, and what it gets instead of a frozen or failing server.
 */

let api: TestApi | undefined
afterEach(async () => {
  await api?.stop()
  api = undefined
})

const SEARCH = `/messaging_history/api/account/${ACCOUNT}/conversations/search`

/** Opens a raw TCP connection to the test server. */
function socketTo(url: string): Promise<Socket> {
  const { port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** Everything the server writes on `socket` until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
    socket.on('error', () => undefined)
    socket.once('close', () => resolve(text))
  })
}

const logLines = (logs: string[]) => logs.map((line) => JSON.parse(line) as Record<string, unknown>)

describe('one import at a time (finding 8)', () => {
  it('an upload while the CLI imports is refused with 409 naming it; nothing is written', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS })
    const cli = acquireImportLock(api.archivePath, { source: 'cli', fileName: 'big.ndjson' })
    if ('heldBy' in cli) throw new Error('the lock was taken')
    try {
      const answer = await api.importFile([buildRecord({ id: 'c-second', start: T0 })])
      expect(answer.status).toBe(409)
      expect(pick(answer.accepted, 'error', 'message')).toMatch(
        /^Not imported: another import is running \(started \d\d:\d\d by the CLI: big\.ndjson\)$/,
      )
    } finally {
      cli.release()
    }
    expect(idsOf((await api.search({ start: WIDE })).json)).not.toContain('c-second')
    // Once the CLI is done, the same upload goes through.
    const again = await api.importFile([buildRecord({ id: 'c-second', start: T0 })])
    expect(again.job?.status).toBe('done')
  })

  it('a second upload while one is being received names the first', async () => {
    api = await startTestApi()
    const socket = await socketTo(api.url)
    const closed = untilClosed(socket)
    // The first upload announces 10 MB and sends a little: it is still being received.
    socket.write(
      'POST /api/import?filename=first.ndjson HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/x-ndjson\r\nContent-Length: 10000000\r\n\r\n{"info":',
    )
    await expect
      .poll(async () => pick((await api?.get('/api/imports'))?.json, 'imports', '0', 'status'))
      .toBe('receiving')
    const second = await api.importFile([buildRecord({ id: 'c-x', start: T0 })], {
      fileName: 'second.json',
    })
    expect(second.status).toBe(409)
    expect(pick(second.accepted, 'error', 'message')).toMatch(
      /another import is running \(started \d\d:\d\d by an upload: first\.ndjson\)/,
    )
    socket.destroy()
    await closed
  })

  it('a lock left by an import whose process died is taken over', async () => {
    api = await startTestApi()
    writeFileSync(
      lockPathOf(api.archivePath),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        startedAt: '2026-01-01T00:00:00.000Z',
        source: 'cli',
        fileName: 'crashed.ndjson',
      }),
    )
    const answer = await api.importFile([buildRecord({ id: 'c-after-crash', start: T0 })])
    expect(answer.job?.status, JSON.stringify(answer)).toBe('done')
  })
})

describe('an upload cut off by the client (finding 1, logs)', () => {
  it('fails its job with the bytes received, logs it in one line, and leaves the archive as it was', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS })
    const socket = await socketTo(api.url)
    const closed = untilClosed(socket)
    socket.write(
      'POST /api/import?filename=cut.ndjson HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/x-ndjson\r\nContent-Length: 5000\r\n\r\n' +
        `${JSON.stringify(buildRecord({ id: 'c-cut', start: T0 }))}\n`,
    )
    const current = api
    await expect
      .poll(async () => pick((await current.get('/api/imports')).json, 'imports', '0', 'status'))
      .toBe('receiving')
    socket.destroy()
    await closed
    await expect
      .poll(async () => pick((await current.get('/api/imports')).json, 'imports', '0', 'status'))
      .toBe('failed')
    const job = pick((await api.get('/api/imports')).json, 'imports', '0')
    expect(pick(job, 'message')).toMatch(
      /^cut\.ndjson was not imported: the upload was cut off after \d+ bytes$/,
    )
    const aboutIt = logLines(api.logs).filter((line) => line.route === '/api/import')
    expect(aboutIt).toEqual([
      expect.objectContaining({
        method: 'POST',
        aborted: true,
        msg: 'request aborted by the client',
      }),
    ])
    expect(api.logs.join('\n')).not.toMatch(/\bat .*\(.*:\d+:\d+\)|"stack"|"err"/)
    expect(idsOf((await api.search({ start: WIDE })).json)).not.toContain('c-cut')
  })
})

describe('request logs', () => {
  it('one line per request: method, route, status, duration; no query, body or secret', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS, secrets: ['hunter2-bearer-token'] })
    await api.search({ start: WIDE, keyword: 'zanzibar-marmalade' }, { offset: '0', limit: '5' })
    await api.get('/api/facets?email=alice.private@example.com')
    await api.get('/api/no-such-route?token=hunter2-bearer-token')
    await api.post(SEARCH, { start: 'nope', keyword: 'zanzibar-marmalade' })
    const lines = logLines(api.logs).filter((line) => line.msg === 'request')
    expect(lines.map((line) => [line.method, line.route, line.status])).toEqual([
      ['POST', '/messaging_history/api/account/:accountId/conversations/search', 200],
      ['GET', '/api/facets', 200],
      ['GET', '/api/no-such-route', 404],
      ['POST', '/messaging_history/api/account/:accountId/conversations/search', 400],
    ])
    for (const line of lines) expect(typeof line.ms).toBe('number')
    const all = api.logs.join('\n')
    expect(all).not.toContain('zanzibar')
    expect(all).not.toContain('alice.private')
    expect(all).not.toContain('hunter2')
    expect(all).not.toContain('offset=')
  })
})

describe('slow clients and floods (finding 7)', () => {
  it('a body that trickles in is cut off with 408 after the body deadline', async () => {
    api = await startTestApi({ app: { bodyDeadlineMs: 500 } })
    const socket = await socketTo(api.url)
    const closed = untilClosed(socket)
    socket.write(
      `POST ${SEARCH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        'Content-Length: 100\r\n\r\n{"start":',
    )
    const text = await closed
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(text).toContain('"message":"body: not received within 0.5 s"')
    expect(text).toContain('"field":"body"')
  })

  it('headers that never finish are cut off after the headers timeout', async () => {
    api = await startTestApi({ app: { headersTimeoutMs: 500 } })
    const socket = await socketTo(api.url)
    const closed = untilClosed(socket)
    socket.write('GET /api/config HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
    const text = await closed
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('connections past the cap are refused; the server answers again once they close', async () => {
    api = await startTestApi({ app: { maxConnections: 2 } })
    const held = [await socketTo(api.url), await socketTo(api.url)]
    const extra = await socketTo(api.url)
    const answer = untilClosed(extra)
    extra.write('GET /api/config HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    expect(await answer).toBe('')
    for (const socket of held) socket.destroy()
    await expect.poll(async () => (await api?.get('/api/config'))?.status).toBe(200)
  })

  it('past the rate limit: 429 with Retry-After and the error JSON; other routes are not limited', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS, app: { rateLimitPerMinute: 3 } })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await api.get('/api/config')).status)
    expect(statuses).toEqual([200, 200, 200])
    const limited = await api.search({ start: WIDE })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.json).toEqual({
      error: {
        status: 429,
        message: expect.stringMatching(
          /^Too many requests: at most 3 a minute; try again in \d+ s$/,
        ) as string,
      },
    })
  })
})

describe('compression', () => {
  it('a search answer is sent with Brotli or gzip when the client takes it', async () => {
    api = await startTestApi({ records: FIXTURE_RECORDS })
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${api.url}${SEARCH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
        body: JSON.stringify({ start: WIDE }),
      })
      expect(res.headers.get('content-encoding')).toBe(encoding)
      expect(idsOf(await res.json())).toHaveLength(FIXTURE_RECORDS.length)
    }
  })
})
