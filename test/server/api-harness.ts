/**
 * Starts the real API handler on 127.0.0.1 (port 0) over a temp SQLite archive, for server tests
 * that talk HTTP exactly as the SPA and LivePerson clients do.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive, type Archive } from '@/server/archive/archive'
import { importText } from '@/server/archive/import'
import { HttpError, sendError } from '@/server/http-utils'
import { createApiHandler } from '@/server/routes'
import type { Upstream } from '@/server/upstream/proxy'

export const ACCOUNT = 'demo'

export interface TestApi {
  url: string
  archive: Archive
  archivePath: string
  /** Lines the handler logged. */
  logs: string[]
  /** POSTs JSON (or a raw string) and returns status, headers and parsed JSON body. */
  post(
    path: string,
    body: unknown,
    init?: { headers?: Record<string, string>; raw?: boolean },
  ): Promise<ApiAnswer>
  get(path: string, headers?: Record<string, string>): Promise<ApiAnswer>
  /** POSTs to `conversations/search` of the account with query parameters. */
  search(body: unknown, query?: Record<string, string>): Promise<ApiAnswer>
  stop(): Promise<void>
}

export interface ApiAnswer {
  status: number
  headers: Headers
  json: unknown
  text: string
}

export async function startTestApi(
  options: {
    records?: unknown[]
    upstream?: Upstream
    accountId?: string
    loopbackOnly?: boolean
  } = {},
): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'cv-api-'))
  const archivePath = join(dir, 'archive.db')
  const archive = openArchive(archivePath)
  if (options.records) {
    const outcome = importText(archive, JSON.stringify(options.records), 'fixture.json')
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'))
  }
  const logs: string[] = []
  const accountId = options.accountId ?? ACCOUNT
  const api = createApiHandler({
    accountId,
    archive: options.upstream ? undefined : archive,
    upstream: options.upstream,
    loopbackOnly: options.loopbackOnly ?? true,
    log: (line) => logs.push(line),
  })
  const server: Server = createServer((req, res) => {
    api(req, res, () => {
      sendError(res, new HttpError(404, 'Not found'))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  const port = address.port
  const url = `http://127.0.0.1:${String(port)}`

  const answer = async (res: Response): Promise<ApiAnswer> => {
    const text = await res.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: res.status, headers: res.headers, json, text }
  }
  const post: TestApi['post'] = async (path, body, init = {}) =>
    answer(
      await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.raw && typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
  return {
    url,
    archive,
    archivePath,
    logs,
    post,
    get: async (path, headers) => answer(await fetch(url + path, { headers })),
    search: (body, query = {}) =>
      post(
        `/messaging_history/api/account/${accountId}/conversations/search?${new URLSearchParams(query).toString()}`,
        body,
      ),
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      archive.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The `conversationHistoryRecords[].info.conversationId` values of a search answer, in order. */
export function idsOf(json: unknown): string[] {
  const records = field(json, 'conversationHistoryRecords')
  if (!Array.isArray(records))
    throw new Error(`no conversationHistoryRecords in ${JSON.stringify(json)}`)
  return records.map((record) => {
    const id = field(field(record, 'info'), 'conversationId')
    if (typeof id !== 'string') throw new Error('record without conversationId')
    return id
  })
}

/** `value[key]` for unknown JSON, or undefined. */
export function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  const found: unknown = Reflect.get(value, key)
  return found
}

/** Follows a path of keys through unknown JSON. */
export function pick(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => field(node, key), value)
}
