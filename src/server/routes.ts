import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  byIdBodySchema,
  consumerBodySchema,
  ARCHIVE_ONLY_FILTERS,
  searchBodySchema,
  searchQuerySchema,
  type SearchQuery,
  type SearchReviewFilter,
} from '@/domain/schema/search-request'
import type { Archive, Facets } from '@/server/archive/archive'
import { insightsRequestSchema } from '@/domain/schema/insights'
import { sdeValuesRequestSchema } from '@/domain/schema/sde-insights'
import { wantedSections } from '@/server/archive/record-output'
import {
  ALL_REVIEWS,
  hasReviewConditions,
  type ReviewVisibility,
} from '@/server/archive/review-filter'
import { HttpError } from '@/server/http/http-error'
import { parseJsonBody } from '@/server/http/json-body'
import { jsonBodyGuard, refuseOtherMethods } from '@/server/http/route-helpers'
import type { ImportJobs } from '@/server/imports/import-jobs'
import { importRoutes } from '@/server/imports/import-routes'
import type { Upstream } from '@/server/upstream/proxy'
import { EMPTY_HISTORY, scopedAnswer, scopedSearchBody } from '@/server/upstream/proxy-scope'
import { createImageProxy, type ImageProxyOptions } from '@/server/images/image-proxy'
import { imageRoutes } from '@/server/images/image-routes'
import { reviewRoutes } from '@/server/reviews/review-routes'
import type { Workspace } from '@/server/workspace/workspace'

export interface ApiOptions {
  accountId: string
  /** Archive mode: answer from this archive. */
  archive?: Archive
  /** Proxy mode: forward to LivePerson. */
  upstream?: Upstream
  /** Archive mode: uploads, run one at a time in a child process. */
  imports?: ImportJobs
  /** A JSON body must have arrived within this many ms of the request (default 10 s). */
  bodyDeadlineMs?: number
  /** `GET /api/image`: remote transcript images fetched for the reader (public hosts only). */
  images?: ImageProxyOptions
  /** QA reviews (issue 13) live here; without it the review routes answer 503. */
  workspace?: Workspace
}

/** A JSON request body may be this large. */
export const API_BODY_LIMIT = 1024 * 1024
const EMPTY_FACETS: Facets = { agents: [], skills: [], agentGroups: [], channels: [], devices: [] }

/** What the audit trail keeps of a search: its filters, not what it asked to be sent back. */
function searchFilters(body: Record<string, unknown>): Record<string, unknown> {
  const filters = { ...body }
  delete filters.contentToRetrieve
  return filters
}

/**
 * Which reviews a search's review filter sees (issue 13): an agent only the submitted reviews of
 * their own legs; everyone else every review of the conversations their scope lets them see.
 */
function reviewVisibility(request: FastifyRequest): ReviewVisibility {
  const viewer = request.viewer
  return viewer.role === 'agent' ? { all: false, agentId: viewer.user?.agentId } : ALL_REVIEWS
}

/** The page of results a search's query string asks for. */
const pageOf = ({ offset, limit, sortField, sortOrder }: SearchQuery) => ({
  offset,
  limit,
  sortField,
  sortOrder,
})

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
function historyResponse(meta: Record<string, unknown>, records: readonly string[]): string {
  return `{"_metadata":${JSON.stringify(meta)},"conversationHistoryRecords":[${records.join(',')}]}`
}

/** The URL the client asked for, as the links in `_metadata` repeat it. */
function requestUrl(request: FastifyRequest): URL {
  try {
    return new URL(request.url, `http://${request.headers.host ?? 'localhost'}`)
  } catch {
    return new URL(request.url, 'http://localhost')
  }
}

/**
 * The API as a Fastify plugin: the LivePerson-compatible Messaging Interactions routes plus
 * `/api/config`, `/api/facets`, the Domain API stub and the import routes. Every input is
 * validated by the zod schema of its boundary; every error is `{error: {status, message, field}}`.
 */
export async function apiRoutes(parent: FastifyInstance, options: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  const { accountId, archive, upstream } = options
  const mode = upstream ? 'proxy' : 'archive'
  const bodyGuard = jsonBodyGuard(options.bodyDeadlineMs ?? 10_000)

  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(typeof body === 'string' ? Buffer.from(body) : body))
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)), undefined)
      }
    },
  )
  // Proxy mode forwards the body exactly as the client sent it, not as validation rewrote it.
  const sentBodies = new WeakMap<FastifyRequest, unknown>()
  app.addHook('preValidation', (request, _reply, done) => {
    sentBodies.set(request, request.body)
    done()
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('cache-control', 'no-store')
    done(null, payload)
  })

  function requireAccount(asked: string): void {
    if (asked !== accountId) {
      throw new HttpError(
        404,
        `unknown account "${asked}": this server shows account ${accountId}`,
        { field: 'accountId' },
      )
    }
  }

  function requireArchive(): Archive {
    if (!archive) throw new HttpError(503, 'The archive is not open')
    return archive
  }

  /** A search's review filter (issue 13) needs the workspace, and a range that is one. */
  function checkReviewFilter(searched: Archive, review: SearchReviewFilter | undefined): void {
    if (!hasReviewConditions(review)) return
    if (!searched.reviewsAttached()) {
      throw new HttpError(
        400,
        'review filters need the workspace database, and this archive has none attached',
        { field: 'review' },
      )
    }
    if (
      review?.minScore !== undefined &&
      review.maxScore !== undefined &&
      review.minScore > review.maxScore
    ) {
      throw new HttpError(400, 'review.minScore: must not be greater than maxScore', {
        field: 'review.minScore',
      })
    }
  }

  function sendHistory(reply: FastifyReply, text: string) {
    return reply.type('application/json; charset=utf-8').send(text)
  }

  /**
   * Proxy mode: the validated request goes to LivePerson as it came, with the reader's scope
   * added to a search; the answer is checked against the scope again. True when it went.
   */
  async function forwarded(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'search' | 'other' = 'other',
  ): Promise<boolean> {
    if (!upstream) return false
    const url = requestUrl(request)
    const scope = request.viewer.scope
    let body = sentBodies.get(request)
    if (kind === 'search') {
      const scoped = scopedSearchBody(body, scope)
      if (scoped === undefined) {
        await reply.code(200).send(EMPTY_HISTORY)
        return true
      }
      body = scoped
    }
    const answer = await upstream.forward({ path: url.pathname, query: url.searchParams, body })
    const checked =
      answer.status === 200 ? scopedAnswer(answer.body, scope) : { body: answer.body, dropped: 0 }
    if (checked.dropped > 0) {
      request.log.warn(
        { dropped: checked.dropped },
        'records outside the reader scope removed from a LivePerson answer',
      )
    }
    await reply.code(answer.status).headers(answer.headers).send(checked.body)
    return true
  }

  const base = '/messaging_history/api/account/:accountId/conversations'
  const post = { preParsing: bodyGuard }

  app.post(
    `${base}/search`,
    { ...post, schema: { querystring: searchQuerySchema, body: searchBodySchema } },
    async (request, reply) => {
      requireAccount((request.params as { accountId: string }).accountId)
      const review = request.body.review
      if (upstream) {
        // Issue 13: our reviews are not LivePerson's to filter by, and never go upstream.
        if (hasReviewConditions(review)) {
          throw new HttpError(
            400,
            "review filters need the archive: LivePerson's search does not know our reviews",
            { field: 'review' },
          )
        }
        // Issue 15: nor how a conversation closed or was transferred (our columns).
        for (const field of ARCHIVE_ONLY_FILTERS) {
          if (request.body[field] !== undefined) {
            throw new HttpError(
              400,
              "this filter needs the archive: LivePerson's search does not filter by it",
              { field },
            )
          }
        }
        // An empty one of ours (`review: {}`, `closeReasons: []`) filters nothing: it is left out
        // of what LivePerson is sent.
        const ours = new Set<string>(['review', ...ARCHIVE_ONLY_FILTERS])
        const sent = sentBodies.get(request)
        if (
          typeof sent === 'object' &&
          sent !== null &&
          Object.keys(sent).some((key) => ours.has(key))
        ) {
          sentBodies.set(
            request,
            Object.fromEntries(Object.entries(sent).filter(([key]) => !ours.has(key))),
          )
        }
        request.audit({
          action: 'search',
          detail: { filters: searchFilters(request.body), offset: request.query.offset },
        })
        await forwarded(request, reply, 'search')
        return reply
      }
      const searched = requireArchive()
      checkReviewFilter(searched, review)
      const query = request.query
      const page = pageOf(query)
      const sections = wantedSections(request.body.contentToRetrieve, query.v)
      const result = searched.search(
        request.body,
        page,
        sections,
        request.viewer.scope,
        reviewVisibility(request),
      )
      request.audit({
        action: 'search',
        detail: { filters: searchFilters(request.body), offset: query.offset, count: result.count },
      })
      return sendHistory(
        reply,
        historyResponse(metadata(requestUrl(request), query, result.count), result.records),
      )
    },
  )
  /**
   * Issue 15: the archive an insights request counts in, its review filter checked; in proxy mode
   * a 409 saying why (`paging`: what counting would mean on LivePerson's API). `reviews`: the
   * request counts reviews, so it needs the workspace whatever its filter (503 without one).
   */
  const insightsArchive = (
    review: SearchReviewFilter | undefined,
    paging: string,
    reviews = false,
  ) => {
    if (upstream) {
      throw new HttpError(
        409,
        `Insights need the archive: this server reads LivePerson's API live (proxy mode), and ${paging}`,
      )
    }
    const searched = requireArchive()
    if (reviews && !searched.reviewsAttached()) {
      throw new HttpError(503, 'QA insights need the workspace database, and none is attached')
    }
    checkReviewFilter(searched, review)
    return searched
  }

  // Issue 15: what the conversations of a search look like, counted in the archive.
  app.post(
    '/api/insights',
    { ...post, schema: { body: insightsRequestSchema } },
    async (request) => {
      const { search, zone } = request.body
      const searched = insightsArchive(
        search.review,
        'counting a month of conversations would mean paging through all of them there',
      )
      // In worker threads: a month of conversations is counted while other requests are answered.
      const insights = await searched.countInsights(
        search,
        zone,
        request.viewer.scope,
        reviewVisibility(request),
      )
      request.audit({
        action: 'insights',
        detail: { filters: searchFilters(search), count: insights.total },
      })
      return insights
    },
  )
  refuseOtherMethods(app, '/api/insights', ['POST'])
  // Issue 15: the values of one engagement-attribute field among a search's conversations.
  app.post(
    '/api/insights/sde-values',
    { ...post, schema: { body: sdeValuesRequestSchema } },
    async (request) => {
      const { search, field } = request.body
      const searched = insightsArchive(
        search.review,
        'counting the values of an engagement attribute would mean paging through every conversation there',
      )
      const values = await searched.countSdeValues(
        search,
        field,
        request.viewer.scope,
        reviewVisibility(request),
      )
      request.audit({
        action: 'insights',
        detail: { filters: searchFilters(search), sdeField: field, count: values.total },
      })
      return values
    },
  )
  refuseOtherMethods(app, '/api/insights/sde-values', ['POST'])

  // Issue 15: the QA charts of a search (scores by reviewed agent over time, failing criteria).
  app.post(
    '/api/insights/reviews',
    { ...post, schema: { body: insightsRequestSchema } },
    (request) => {
      const { search, zone } = request.body
      const searched = insightsArchive(
        search.review,
        'counting the reviews of a month of conversations would mean paging through all of them there',
        true,
      )
      const insights = searched.reviewInsights(
        search,
        zone,
        request.viewer.scope,
        reviewVisibility(request),
      )
      request.audit({
        action: 'insights',
        detail: { filters: searchFilters(search), reviews: insights.reviews },
      })
      return insights
    },
  )
  refuseOtherMethods(app, '/api/insights/reviews', ['POST'])

  app.post(
    `${base}/conversation/search`,
    { ...post, schema: { querystring: searchQuerySchema, body: byIdBodySchema } },
    async (request, reply) => {
      requireAccount((request.params as { accountId: string }).accountId)
      if (upstream) {
        request.audit({
          action: 'conversation-opened',
          target: request.body.conversationIds.join(',').slice(0, 256),
        })
        await forwarded(request, reply)
        return reply
      }
      const sections = wantedSections(request.body.contentToRetrieve, request.query.v)
      const asked = request.body.conversationIds
      const records = requireArchive().byIds(asked, sections, request.viewer.scope)
      request.audit({
        action: 'conversation-opened',
        target: asked.length === 1 ? (asked[0] ?? null) : `${String(asked.length)} conversations`,
        detail:
          asked.length === 1
            ? { found: records.length }
            : { ids: asked.slice(0, 100), found: records.length },
      })
      const meta = {
        count: records.length,
        self: { rel: 'self', href: requestUrl(request).href },
        shardsStatusResult: { partialResult: false },
      }
      return sendHistory(reply, historyResponse(meta, records))
    },
  )
  app.post(
    `${base}/consumer/search`,
    { ...post, schema: { querystring: searchQuerySchema, body: consumerBodySchema } },
    async (request, reply) => {
      requireAccount((request.params as { accountId: string }).accountId)
      if (upstream) {
        request.audit({ action: 'consumer-search', target: request.body.consumer })
        await forwarded(request, reply)
        return reply
      }
      const query = request.query
      const page = pageOf(query)
      const sections = wantedSections(request.body.contentToRetrieve, query.v)
      const result = requireArchive().byConsumer(
        request.body.consumer,
        request.body.status,
        page,
        sections,
        request.viewer.scope,
      )
      request.audit({
        action: 'consumer-search',
        target: request.body.consumer,
        detail: { status: request.body.status, offset: query.offset, count: result.count },
      })
      return sendHistory(
        reply,
        historyResponse(metadata(requestUrl(request), query, result.count), result.records),
      )
    },
  )
  for (const route of ['search', 'conversation/search', 'consumer/search']) {
    refuseOtherMethods(app, `${base}/${route}`, ['POST'])
  }

  app.get('/api/config', () => ({ accountId, mode }))
  refuseOtherMethods(app, '/api/config', ['GET', 'HEAD'])
  app.get('/api/facets', (request) =>
    archive && !upstream ? archive.facets(request.viewer.scope) : EMPTY_FACETS,
  )
  refuseOtherMethods(app, '/api/facets', ['GET', 'HEAD'])

  const domainRoute = '/api/account/:accountId/service/msgHist/baseURI.json'
  app.get(domainRoute, { exposeHeadRoute: false }, (request) => {
    requireAccount((request.params as { accountId: string }).accountId)
    if (upstream) throw new HttpError(404, 'The Domain API stub is only served in archive mode')
    return { baseURIs: [{ service: 'msgHist', account: accountId, baseURI: request.host }] }
  })
  refuseOtherMethods(app, domainRoute, ['GET'])

  await app.register(importRoutes, { imports: options.imports, proxyMode: upstream !== undefined })
  await app.register(reviewRoutes, {
    workspace: options.workspace,
    accountId,
    archive,
    upstream,
    bodyDeadlineMs: options.bodyDeadlineMs,
  })

  const proxy = createImageProxy(options.images)
  app.addHook('onClose', () => {
    proxy.close()
    return Promise.resolve()
  })
  await app.register(imageRoutes, { proxy })
}
