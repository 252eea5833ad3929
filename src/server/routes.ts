import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import {
  byIdBodySchema,
  consumerBodySchema,
  describeIssue,
  queryParamsObject,
  searchBodySchema,
  searchQuerySchema,
  type SearchQuery,
} from '@/domain/schema/search-request'
import type { Archive, Facets } from '@/server/archive/archive'
import { describeImport, importText } from '@/server/archive/import'
import { wantedSections } from '@/server/archive/record-output'
import {
  API_BODY_LIMIT,
  HttpError,
  IMPORT_BODY_LIMIT,
  originProblem,
  parseJsonBody,
  readBody,
  requireContentType,
  sendError,
  sendJson,
  sendJsonText,
} from '@/server/http-utils'
import type { Upstream } from '@/server/upstream/proxy'

export type NextFunction = (error?: unknown) => void
export type ApiHandler = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void

export interface ApiOptions {
  accountId: string
  /** Archive mode: answer from this archive. */
  archive?: Archive
  /** Proxy mode: forward to LivePerson. */
  upstream?: Upstream
  /** When true, only loopback Host headers are accepted (DNS-rebinding guard). */
  loopbackOnly?: boolean
  log?: (line: string) => void
}

const ACCOUNT_ROUTE =
  /^\/messaging_history\/api\/account\/([^/]+)\/conversations\/(search|conversation\/search|consumer\/search)\/?$/
const DOMAIN_ROUTE = /^\/api\/account\/([^/]+)\/service\/msgHist\/baseURI\.json$/

const EMPTY_FACETS: Facets = { agents: [], skills: [], agentGroups: [], channels: [], devices: [] }

function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const { field, message } = describeIssue(result.error, prefix)
  throw new HttpError(400, message, { field })
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HttpError(400, 'accountId: not a valid path segment', { field: 'accountId' })
  }
}

/** `{rel, href}` for the same route with another offset. */
function link(base: URL, rel: string, offset: number, limit: number) {
  const url = new URL(base.href)
  url.searchParams.set('offset', String(offset))
  url.searchParams.set('limit', String(limit))
  return { rel, href: url.href }
}

function metadata(base: URL, query: SearchQuery, count: number) {
  const meta: Record<string, unknown> = {
    count,
    self: link(base, 'self', query.offset, query.limit),
  }
  if (query.offset + query.limit < count) {
    meta.next = link(base, 'next', query.offset + query.limit, query.limit)
  }
  if (query.offset > 0) {
    meta.prev = link(base, 'prev', Math.max(0, query.offset - query.limit), query.limit)
  }
  if (count > 0) {
    const lastOffset = Math.floor((count - 1) / query.limit) * query.limit
    meta.last = link(base, 'last', lastOffset, query.limit)
  }
  meta.shardsStatusResult = { partialResult: false }
  return meta
}

/**
 * The response envelope as JSON text: the records are already JSON (assembled from the stored
 * sections), so they are spliced in rather than parsed and serialised again.
 */
function historyResponse(metadata: Record<string, unknown>, records: readonly string[]): string {
  return `{"_metadata":${JSON.stringify(metadata)},"conversationHistoryRecords":[${records.join(',')}]}`
}

/**
 * The API as one Connect-style handler: the LivePerson-compatible Messaging Interactions routes
 * plus `/api/config`, `/api/facets`, `/api/import`. Requests it does not own go to `next()`;
 * unknown routes under `/api/` and `/messaging_history/` answer 404 JSON.
 */
export function createApiHandler(options: ApiOptions): ApiHandler {
  const { accountId, archive, upstream } = options
  const log = options.log ?? ((line: string) => console.error(line))
  const mode = upstream ? 'proxy' : 'archive'

  function requireAccount(segment: string): void {
    const asked = decodeSegment(segment)
    if (asked !== accountId) {
      throw new HttpError(
        404,
        `unknown account "${asked}": this server shows account ${accountId}`,
        {
          field: 'accountId',
        },
      )
    }
  }

  function requireArchive(): Archive {
    if (!archive) throw new HttpError(503, 'The archive is not open')
    return archive
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    requireContentType(req, ['application/json'])
    return parseJsonBody(await readBody(req, API_BODY_LIMIT))
  }

  async function conversations(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: string,
  ): Promise<void> {
    const query = parseWith(searchQuerySchema, queryParamsObject(url.searchParams))
    const body = await readJson(req)
    const page = {
      offset: query.offset,
      limit: query.limit,
      sortField: query.sortField,
      sortOrder: query.sortOrder,
    }
    // Proxy mode validates the same way, then forwards the body exactly as the client sent it.
    const forward = async () => {
      if (!upstream) return false
      const answer = await upstream.forward({ path: url.pathname, query: url.searchParams, body })
      sendJson(res, answer.status, answer.body, answer.headers)
      return true
    }

    if (route === 'search') {
      const filters = parseWith(searchBodySchema, body)
      if (await forward()) return
      const sections = wantedSections(filters.contentToRetrieve, query.v)
      const result = requireArchive().search(filters, page, sections)
      sendJsonText(res, 200, historyResponse(metadata(url, query, result.count), result.records))
      return
    }
    if (route === 'conversation/search') {
      const request = parseWith(byIdBodySchema, body)
      if (await forward()) return
      const sections = wantedSections(request.contentToRetrieve, query.v)
      const records = requireArchive().byIds(request.conversationIds, sections)
      const meta = {
        count: records.length,
        self: { rel: 'self', href: url.href },
        shardsStatusResult: { partialResult: false },
      }
      sendJsonText(res, 200, historyResponse(meta, records))
      return
    }
    const request = parseWith(consumerBodySchema, body)
    if (await forward()) return
    const sections = wantedSections(request.contentToRetrieve, query.v)
    const result = requireArchive().byConsumer(request.consumer, request.status, page, sections)
    sendJsonText(res, 200, historyResponse(metadata(url, query, result.count), result.records))
  }

  async function importUpload(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (upstream) {
      throw new HttpError(
        403,
        'Import is not available in proxy mode: the data lives at LivePerson',
      )
    }
    requireContentType(req, ['application/json', 'application/x-ndjson', 'application/jsonl'])
    const store = requireArchive()
    const requested = url.searchParams.get('filename') ?? 'upload'
    const fileName = requested.split(/[\\/]/).pop()?.slice(0, 200) || 'upload'
    const buffer = await readBody(req, IMPORT_BODY_LIMIT)
    const outcome = importText(store, buffer.toString('utf8'), fileName)
    if (!outcome.ok) {
      const count = outcome.errors.length
      throw new HttpError(
        400,
        count === 1
          ? `${fileName} was not imported: ${outcome.errors[0] ?? ''}`
          : `${fileName} was not imported: ${String(count)} problems`,
        { field: 'body', details: outcome.errors },
      )
    }
    log(`${fileName}: ${describeImport(outcome)}`)
    sendJson(res, 200, {
      imported: outcome.imported,
      inserted: outcome.inserted,
      updated: outcome.updated,
      message: describeImport(outcome),
      warnings: outcome.warnings.slice(0, 50),
    })
  }

  function domainLookup(res: ServerResponse, url: URL, segment: string) {
    requireAccount(segment)
    if (upstream) throw new HttpError(404, 'The Domain API stub is only served in archive mode')
    sendJson(res, 200, {
      baseURIs: [{ service: 'msgHist', account: accountId, baseURI: url.host }],
    })
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, next: NextFunction) {
    const path = url.pathname
    const method = req.method ?? 'GET'
    const owned =
      path.startsWith('/api/') || path === '/api' || path.startsWith('/messaging_history/')
    if (!owned) {
      next()
      return
    }
    const problem = originProblem(req, options.loopbackOnly ?? false)
    if (problem) throw new HttpError(403, problem)

    const allow = (methods: string) => {
      if (!methods.split(', ').includes(method)) {
        throw new HttpError(405, `${method} is not allowed here (use ${methods})`, {
          headers: { allow: methods },
        })
      }
    }

    const conversationsMatch = ACCOUNT_ROUTE.exec(path)
    if (conversationsMatch) {
      allow('POST')
      requireAccount(conversationsMatch[1] ?? '')
      await conversations(req, res, url, conversationsMatch[2] ?? 'search')
      return
    }
    switch (path) {
      case '/api/config':
        allow('GET, HEAD')
        sendJson(res, 200, { accountId, mode })
        return
      case '/api/facets':
        allow('GET, HEAD')
        sendJson(res, 200, archive && !upstream ? archive.facets() : EMPTY_FACETS)
        return
      case '/api/import':
        allow('POST')
        await importUpload(req, res, url)
        return
    }
    const domainMatch = DOMAIN_ROUTE.exec(path)
    if (domainMatch) {
      allow('GET')
      domainLookup(res, url, domainMatch[1] ?? '')
      return
    }
    throw new HttpError(404, `No API route ${method} ${path}`)
  }

  return (req, res, next) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
    } catch {
      url = new URL(req.url ?? '/', 'http://localhost')
    }
    route(req, res, url, next).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (error instanceof HttpError) {
        sendError(res, error)
        if (error.status === 413) req.resume()
        return
      }
      log(
        `API error on ${req.method ?? ''} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      sendError(res, new HttpError(500, 'Internal error: the request could not be answered'))
    })
  }
}
