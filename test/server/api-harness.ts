/**
 * Starts the real API handler on 127.0.0.1 (port 0) over a temp SQLite archive, for server tests
 * that talk HTTP exactly as the SPA and LivePerson clients do.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppOptions } from '@/server/app'
import { openArchive, type Archive } from '@/server/archive/archive'
import { importText } from '@/server/archive/import'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { createImportJobs, type ImportJobsOptions } from '@/server/imports/import-jobs'
import type { Upstream } from '@/server/upstream/proxy'
import type { NewUser } from '@/domain/schema/auth'
import { createOidcSignIn, type OidcSettings } from '@/server/auth/oidc'
import type { ThrottleLimits } from '@/server/auth/sign-in-throttle'
import type { SessionTimes } from '@/server/workspace/session-store'
import { openWorkspace, type Workspace } from '@/server/workspace/workspace'
import { importAndWait, type ImportAnswer } from './import-client'

export const ACCOUNT = 'demo'

export interface TestApi {
  url: string
  archive: Archive
  archivePath: string
  /** Lines the server logged (pino JSON, one per line). */
  logs: string[]
  /** The Fastify app, for tests that need its server. */
  app: FastifyInstance
  /** The workspace database, when sign-in is on. */
  workspace: Workspace | undefined
  /** POSTs JSON (or a raw string) and returns status, headers and parsed JSON body. */
  post(
    path: string,
    body: unknown,
    init?: { headers?: Record<string, string>; raw?: boolean },
  ): Promise<ApiAnswer>
  get(path: string, headers?: Record<string, string>): Promise<ApiAnswer>
  /** Uploads a file to `POST /api/import` and waits for the import to finish. */
  importFile(
    body: unknown,
    options?: { fileName?: string; contentType?: string; raw?: boolean },
  ): Promise<ImportAnswer>
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
    /** Secrets the logs must never show. */
    secrets?: string[]
    /** Overrides of the app's limits (rate limit, connections, timeouts). */
    app?: Partial<
      Pick<
        AppOptions,
        'rateLimitPerMinute' | 'maxConnections' | 'headersTimeoutMs' | 'bodyDeadlineMs' | 'images'
      >
    >
    imports?: Partial<Pick<ImportJobsOptions, 'uploadLimit' | 'idleTimeoutMs'>>
    /** Sign-in on: a workspace in the temp folder with these accounts (and SSO, throttle, clock). */
    workspace?: {
      users?: NewUser[]
      oidc?: OidcSettings
      throttle?: ThrottleLimits
      sessionTimes?: Partial<SessionTimes>
      now?: () => number
    }
    trustProxy?: AppOptions['trustProxy']
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
  const logger = createLogger({
    destination: { write: (line) => logs.push(...line.split('\n').filter(Boolean)) },
    redact: redactor(options.secrets ?? []),
  })
  let workspace: Workspace | undefined
  if (options.workspace) {
    const settings = options.workspace
    workspace = openWorkspace(join(dir, 'workspace.db'), {
      sessionTimes: settings.sessionTimes,
      now: settings.now,
    })
    for (const user of settings.users ?? []) await workspace.users.add(user)
    // As `npm start` does: the search's review filter reads the workspace's reviews.
    archive.attachWorkspace(workspace.path)
  }
  const app = await buildApp({
    auth: workspace
      ? {
          workspace,
          oidc: options.workspace?.oidc ? createOidcSignIn(options.workspace.oidc) : undefined,
          throttle: options.workspace?.throttle,
          now: options.workspace?.now,
        }
      : undefined,
    trustProxy: options.trustProxy,
    accountId,
    archive: options.upstream ? undefined : archive,
    upstream: options.upstream,
    imports: options.upstream
      ? undefined
      : createImportJobs({
          archivePath,
          tempDir: dir,
          ...options.imports,
          log: (fields, message) => {
            logger.info(fields, message)
          },
        }),
    loopbackOnly: options.loopbackOnly ?? true,
    logger,
    // Off unless a test is about it: property tests send thousands of requests a minute.
    rateLimitPerMinute: 0,
    ...options.app,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
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
    app,
    workspace,
    post,
    importFile: (body, init = {}) =>
      importAndWait(url, init.raw && typeof body === 'string' ? body : JSON.stringify(body), init),
    get: async (path, headers) => answer(await fetch(url + path, { headers })),
    search: (body, query = {}) =>
      post(
        `/messaging_history/api/account/${accountId}/conversations/search?${new URLSearchParams(query).toString()}`,
        body,
      ),
    stop: async () => {
      app.server.closeAllConnections()
      await app.close()
      archive.close()
      workspace?.close()
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
