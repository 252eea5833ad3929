import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  conversationParamsSchema,
  disputeBodySchema,
  disputeDecisionBodySchema,
  disputeParamsSchema,
  newReviewBodySchema,
  reviewIdParamsSchema,
  reviewListQuerySchema,
  reviewSaveBodySchema,
  reviewSummaryBodySchema,
  revisionBodySchema,
  scorecardDefinitionSchema,
  scorecardIdParamsSchema,
  scorecardPatchBodySchema,
  scorecardUpdateBodySchema,
  scorecardVersionQuerySchema,
  type Leg,
  type Person,
  type Review,
} from '@/domain/schema/reviews'
import type { Archive } from '@/server/archive/archive'
import { EVERYTHING, type ReadScope } from '@/server/archive/read-scope'
import { adminOnly, type Viewer } from '@/server/auth/viewer'
import { HttpError } from '@/server/http/http-error'
import { jsonBodyGuard, refuseOtherMethods } from '@/server/http/route-helpers'
import {
  conversationFacts,
  FACT_SECTIONS,
  type ConversationFacts,
} from '@/server/reviews/conversation-facts'
import { reviewsCsvLines } from '@/server/reviews/review-csv'
import {
  ReviewConflict,
  reviewVisibility,
  type ReviewVisibility,
  type StoredReview,
} from '@/server/reviews/review-store'
import type { Upstream } from '@/server/upstream/proxy'
import { scopedAnswer } from '@/server/upstream/proxy-scope'
import type { Workspace } from '@/server/workspace/workspace'

export interface ReviewRouteOptions {
  /** Reviews live in the workspace database; without it every review route answers 503. */
  workspace: Workspace | undefined
  accountId: string
  /** Archive mode: conversations are read from here. */
  archive?: Archive
  /** Proxy mode: conversations are read from LivePerson. */
  upstream?: Upstream
  bodyDeadlineMs?: number
}

/** Who writes in local mode (no sign-in). */
export const LOCAL_REVIEWER: Person = { email: 'local', name: 'Local reviewer' }

const personOf = (viewer: Viewer): Person =>
  viewer.user
    ? { email: viewer.user.email, name: viewer.user.name || viewer.user.email }
    : LOCAL_REVIEWER

const visibilityOf = (viewer: Viewer): ReviewVisibility =>
  reviewVisibility(viewer.role, viewer.scope, viewer.user?.agentId)

/** What this reader may do with this review (the server decides; the app only shows it). */
export function permissions(viewer: Viewer, review: StoredReview): Review['can'] {
  const writer = viewer.role !== 'agent'
  const own =
    writer &&
    (viewer.role === 'admin' ||
      review.author.email.toLowerCase() === personOf(viewer).email.toLowerCase())
  const legAgent = viewer.user?.agentId !== undefined && viewer.user.agentId === review.leg.agentId
  const submitted = review.state === 'submitted'
  return {
    edit: own,
    acknowledge: legAgent && submitted && review.acknowledged === null,
    dispute: legAgent && submitted,
    resolve: own && review.disputes.some((d) => d.state === 'open'),
    discard: own && !submitted,
  }
}

const notFound = (id: string) => new HttpError(404, `No review ${id}`, { field: 'id' })
const noConversation = (id: string) =>
  new HttpError(404, `No conversation ${id}`, { field: 'conversationId' })

/** A filename of a scorecard's name: letters, digits, spaces, dots, dashes. */
const fileName = (name: string) =>
  name
    .replace(/[^A-Za-z0-9 ._-]+/g, '-')
    .trim()
    .slice(0, 80) || 'scorecard'

const strictQuery = reviewListQuerySchema.strict()
const infoIdSchema = z.object({ info: z.object({ conversationId: z.string() }) })

/**
 * `/api/scorecards` and `/api/reviews` (issue 13): scorecards (admins write them), reviews of
 * one leg of a conversation, their disputes, lists, summaries and exports. A review outside the
 * reader's visibility answers exactly as one that does not exist (404); one the reader sees but
 * may not change this way answers 403. Every write is in the audit trail (IDs and scores only).
 */
export function reviewRoutes(parent: FastifyInstance, options: ReviewRouteOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  const { workspace, archive, upstream, accountId } = options
  const post = { preParsing: jsonBodyGuard(options.bodyDeadlineMs ?? 10_000) }
  const admin = { onRequest: adminOnly }

  // A stale save's 409 says who changed the review and when (conflictSchema); anything else
  // goes to the app's error handler.
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ReviewConflict) {
      return reply.code(409).type('application/json; charset=utf-8').send(error.body())
    }
    throw error
  })

  function need(): Workspace {
    if (!workspace) throw new HttpError(503, 'Reviews need the workspace database')
    return workspace
  }

  /** The IDs of these conversations that the archive holds (any scope); undefined in proxy mode. */
  function inArchive(ids: readonly string[]): Set<string> | undefined {
    if (!archive || upstream) return undefined
    const found = new Set<string>()
    const unique = [...new Set(ids)]
    for (let i = 0; i < unique.length; i += 500) {
      for (const text of archive.byIds(unique.slice(i, i + 500), ['info'], EVERYTHING)) {
        const parsed = infoIdSchema.safeParse(JSON.parse(text))
        if (parsed.success) found.add(parsed.data.info.conversationId)
      }
    }
    return found
  }

  function shown(viewer: Viewer, review: StoredReview, present?: Set<string>): Review {
    return {
      ...review,
      inArchive: present ? present.has(review.conversationId) : null,
      can: permissions(viewer, review),
    }
  }

  /** One conversation as the reader may see it, from the archive or LivePerson; undefined if not. */
  async function readConversation(
    conversationId: string,
    scope: ReadScope,
  ): Promise<ConversationFacts | undefined> {
    if (upstream) {
      const answer = await upstream.forward({
        path: `/messaging_history/api/account/${accountId}/conversations/conversation/search`,
        query: new URLSearchParams({ v: '2' }),
        body: {
          conversationId,
          contentToRetrieve: FACT_SECTIONS.filter((section) => section !== 'info'),
        },
      })
      if (answer.status !== 200) {
        throw new HttpError(
          502,
          `LivePerson did not give the conversation (HTTP ${String(answer.status)})`,
        )
      }
      const checked = scopedAnswer(answer.body, scope).body
      const records: unknown =
        checked && typeof checked === 'object'
          ? Reflect.get(checked, 'conversationHistoryRecords')
          : undefined
      for (const record of Array.isArray(records) ? (records as unknown[]) : []) {
        const facts = conversationFacts(record)
        if (facts?.conversationId === conversationId) return facts
      }
      return undefined
    }
    if (!archive) throw new HttpError(503, 'The archive is not open')
    const [text] = archive.byIds([conversationId], FACT_SECTIONS, scope)
    return text === undefined ? undefined : conversationFacts(JSON.parse(text))
  }

  /** The review if the reader may see it, else the 404 of a review that does not exist. */
  function visible(request: FastifyRequest, id: string): StoredReview {
    const review = need().reviews.get(id, visibilityOf(request.viewer))
    if (!review) throw notFound(id)
    return review
  }

  const answer = (request: FastifyRequest, review: StoredReview) =>
    shown(request.viewer, review, inArchive([review.conversationId]))

  // -------------------------------------------------------------------------------------------
  // Scorecards
  // -------------------------------------------------------------------------------------------

  app.get('/api/scorecards', () => ({ scorecards: need().scorecards.list() }))
  app.post(
    '/api/scorecards',
    { ...admin, ...post, schema: { body: scorecardDefinitionSchema.strict() } },
    (request, reply) => {
      const card = need().scorecards.create(request.body, personOf(request.viewer).email)
      request.audit({
        action: 'scorecard-changed',
        target: String(card.id),
        detail: { created: true, version: card.version },
      })
      return reply.code(201).send(card)
    },
  )
  refuseOtherMethods(app, '/api/scorecards', ['GET', 'HEAD', 'POST'])

  app.get(
    '/api/scorecards/:id',
    {
      schema: {
        params: scorecardIdParamsSchema,
        querystring: scorecardVersionQuerySchema.strict(),
      },
    },
    (request) => {
      const { id } = request.params
      const card = need().scorecards.get(id, request.query.version)
      if (!card) {
        throw request.query.version === undefined
          ? new HttpError(404, `No scorecard ${String(id)}`, { field: 'id' })
          : new HttpError(
              404,
              `No version ${String(request.query.version)} of scorecard ${String(id)}`,
              {
                field: 'version',
              },
            )
      }
      return card
    },
  )
  app.put(
    '/api/scorecards/:id',
    {
      ...admin,
      ...post,
      schema: { params: scorecardIdParamsSchema, body: scorecardUpdateBodySchema.strict() },
    },
    (request) => {
      const { scorecard, newVersion } = need().scorecards.update(
        request.params.id,
        request.body.version,
        request.body.definition,
        personOf(request.viewer).email,
      )
      request.audit({
        action: 'scorecard-changed',
        target: String(scorecard.id),
        detail: { from: request.body.version, version: scorecard.version, newVersion },
      })
      return scorecard
    },
  )
  app.patch(
    '/api/scorecards/:id',
    {
      ...admin,
      ...post,
      schema: { params: scorecardIdParamsSchema, body: scorecardPatchBodySchema.strict() },
    },
    (request) => {
      const card = need().scorecards.setArchived(request.params.id, request.body.archived)
      request.audit({
        action: 'scorecard-changed',
        target: String(card.id),
        detail: { archived: card.archived },
      })
      return card
    },
  )
  refuseOtherMethods(app, '/api/scorecards/:id', ['GET', 'HEAD', 'PUT', 'PATCH'])

  app.get(
    '/api/scorecards/:id/export',
    {
      schema: {
        params: scorecardIdParamsSchema,
        querystring: scorecardVersionQuerySchema.strict(),
      },
    },
    (request, reply) => {
      const card = need().scorecards.get(request.params.id, request.query.version)
      if (!card)
        throw new HttpError(404, `No scorecard ${String(request.params.id)}`, { field: 'id' })
      const name = `${fileName(card.definition.name)}.scorecard.json`
      return reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(JSON.stringify(card.definition, null, 2))
    },
  )
  refuseOtherMethods(app, '/api/scorecards/:id/export', ['GET', 'HEAD'])

  // -------------------------------------------------------------------------------------------
  // Reviews of one conversation, and a new review
  // -------------------------------------------------------------------------------------------

  app.get(
    '/api/conversations/:conversationId/reviews',
    { schema: { params: conversationParamsSchema } },
    async (request) => {
      const { reviews } = need()
      const { conversationId } = request.params
      const viewer = request.viewer
      const visibility = visibilityOf(viewer)
      const list = reviews.forConversation(conversationId, visibility)
      const writer = viewer.role !== 'agent'
      if (archive && !upstream) {
        const inScope = archive.byIds([conversationId], ['info'], viewer.scope).length > 0
        const present = inScope || archive.byIds([conversationId], ['info'], EVERYTHING).length > 0
        // In the archive but outside the scope, or nowhere and no review to show: as missing.
        if ((present && !inScope) || (!present && list.length === 0)) {
          throw noConversation(conversationId)
        }
        const where = present ? new Set([conversationId]) : new Set<string>()
        return {
          conversationId,
          reviews: list.map((review) => shown(viewer, review, where)),
          canReview: writer && inScope,
        }
      }
      if (list.length === 0 && !(await readConversation(conversationId, viewer.scope))) {
        throw noConversation(conversationId)
      }
      return {
        conversationId,
        reviews: list.map((review) => shown(viewer, review)),
        canReview: writer,
      }
    },
  )
  refuseOtherMethods(app, '/api/conversations/:conversationId/reviews', ['GET', 'HEAD'])

  app.post(
    '/api/reviews',
    { ...post, schema: { body: newReviewBodySchema.strict() } },
    async (request, reply) => {
      const { reviews } = need()
      const viewer = request.viewer
      if (viewer.role === 'agent') throw new HttpError(403, 'Agents cannot write reviews')
      const { conversationId, leg, scorecardId } = request.body
      const facts = await readConversation(conversationId, viewer.scope)
      if (!facts) throw noConversation(conversationId)
      const participant = facts.participants.find((p) => p.agentId === leg.agentId)
      if (!participant) {
        throw new HttpError(
          400,
          `leg.agentId: ${leg.agentId} is not an agent or bot of this conversation`,
          { field: 'leg.agentId' },
        )
      }
      const role: Leg['role'] =
        participant.bot === true ? 'bot' : participant.bot === false ? 'agent' : leg.role
      const name = leg.agentName ?? participant.name
      const { review, created } = reviews.create({
        conversation: facts,
        leg: { agentId: leg.agentId, role, ...(name === undefined ? {} : { agentName: name }) },
        scorecardId,
        author: personOf(viewer),
      })
      if (created) {
        request.audit({
          action: 'review-created',
          target: review.id,
          detail: {
            conversationId,
            agentId: leg.agentId,
            scorecardId: review.scorecard.id,
            version: review.scorecard.version,
          },
        })
      }
      return reply.code(created ? 201 : 200).send(answer(request, review))
    },
  )

  // -------------------------------------------------------------------------------------------
  // Lists, people, summaries, exports (static paths before `/api/reviews/:id`)
  // -------------------------------------------------------------------------------------------

  app.get('/api/reviews', { schema: { querystring: strictQuery } }, (request) => {
    const { reviews, total } = need().reviews.list(request.query, visibilityOf(request.viewer))
    const present = inArchive(reviews.map((review) => review.conversationId))
    return {
      reviews: reviews.map((review) => ({
        ...review,
        inArchive: present ? present.has(review.conversationId) : null,
      })),
      total,
    }
  })
  refuseOtherMethods(app, '/api/reviews', ['GET', 'HEAD', 'POST'])

  app.get('/api/reviews/people', (request) => need().reviews.people(visibilityOf(request.viewer)))
  refuseOtherMethods(app, '/api/reviews/people', ['GET', 'HEAD'])

  app.post(
    '/api/reviews/summary',
    { ...post, schema: { body: reviewSummaryBodySchema.strict() } },
    (request) => ({
      summaries: need().reviews.summaries(
        request.body.conversationIds,
        visibilityOf(request.viewer),
      ),
    }),
  )
  refuseOtherMethods(app, '/api/reviews/summary', ['POST'])

  const exportOf = (request: FastifyRequest, query: z.output<typeof strictQuery>) =>
    need().reviews.allForExport(
      {
        state: query.state,
        reviewer: query.reviewer,
        agent: query.agent,
        scorecard: query.scorecard,
        minScore: query.minScore,
        maxScore: query.maxScore,
        disputed: query.disputed,
        conversationId: query.conversationId,
        from: query.from,
        to: query.to,
      },
      visibilityOf(request.viewer),
    )

  app.get('/api/reviews.csv', { schema: { querystring: strictQuery } }, (request, reply) => {
    const data = exportOf(request, request.query)
    request.audit({
      action: 'export',
      target: 'reviews.csv',
      detail: { format: 'csv', rows: data.reviews.length },
    })
    const origin = `${request.protocol}://${request.host}`
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="reviews.csv"')
      .send(Readable.from(reviewsCsvLines(data, origin)))
  })
  refuseOtherMethods(app, '/api/reviews.csv', ['GET', 'HEAD'])

  app.get('/api/reviews.json', { schema: { querystring: strictQuery } }, (request, reply) => {
    const data = exportOf(request, request.query)
    request.audit({
      action: 'export',
      target: 'reviews.json',
      detail: { format: 'json', rows: data.reviews.length },
    })
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="reviews.json"')
      .send(JSON.stringify(data))
  })
  refuseOtherMethods(app, '/api/reviews.json', ['GET', 'HEAD'])

  // -------------------------------------------------------------------------------------------
  // One review
  // -------------------------------------------------------------------------------------------

  app.get('/api/reviews/:id', { schema: { params: reviewIdParamsSchema } }, (request) =>
    answer(request, visible(request, request.params.id)),
  )

  app.put(
    '/api/reviews/:id',
    { ...post, schema: { params: reviewIdParamsSchema, body: reviewSaveBodySchema.strict() } },
    (request) => {
      const before = visible(request, request.params.id)
      if (!permissions(request.viewer, before).edit) {
        throw new HttpError(403, 'Only its author or an admin can change this review')
      }
      // The conversation's agents, groups and skills as the archive now has them (a re-import
      // may have added a transfer), so readers' scopes keep applying to the review.
      let facts: ConversationFacts | undefined
      if (archive && !upstream) {
        const [text] = archive.byIds([before.conversationId], FACT_SECTIONS, EVERYTHING)
        if (text !== undefined) facts = conversationFacts(JSON.parse(text))
      }
      const { body } = request
      const { review, changes } = need().reviews.save(
        before.id,
        body,
        personOf(request.viewer),
        facts,
      )
      if (changes && changes.length > 0) {
        request.audit({
          action: 'review-edited',
          target: review.id,
          detail: { fields: changes.map((change) => change.field), score: review.score.percent },
        })
      }
      return answer(request, review)
    },
  )

  app.delete('/api/reviews/:id', { schema: { params: reviewIdParamsSchema } }, (request, reply) => {
    const review = visible(request, request.params.id)
    const can = permissions(request.viewer, review)
    if (!can.edit) throw new HttpError(403, 'Only its author or an admin can discard this review')
    need().reviews.discard(review.id)
    request.audit({
      action: 'review-discarded',
      target: review.id,
      detail: { conversationId: review.conversationId },
    })
    return reply.code(204).send()
  })
  refuseOtherMethods(app, '/api/reviews/:id', ['GET', 'HEAD', 'PUT', 'DELETE'])

  app.post(
    '/api/reviews/:id/submit',
    { ...post, schema: { params: reviewIdParamsSchema, body: revisionBodySchema.strict() } },
    (request) => {
      const before = visible(request, request.params.id)
      if (!permissions(request.viewer, before).edit) {
        throw new HttpError(403, 'Only its author or an admin can submit this review')
      }
      const review = need().reviews.submit(
        before.id,
        request.body.revision,
        personOf(request.viewer),
      )
      request.audit({
        action: 'review-submitted',
        target: review.id,
        detail: { score: review.score.percent, criticalFailed: review.score.criticalFailed },
      })
      return answer(request, review)
    },
  )
  refuseOtherMethods(app, '/api/reviews/:id/submit', ['POST'])

  app.post(
    '/api/reviews/:id/acknowledge',
    { ...post, schema: { params: reviewIdParamsSchema, body: revisionBodySchema.strict() } },
    (request) => {
      const before = visible(request, request.params.id)
      const agentId = request.viewer.user?.agentId
      if (agentId === undefined || agentId !== before.leg.agentId) {
        throw new HttpError(403, 'Only the agent the review is for can acknowledge it')
      }
      const review = need().reviews.acknowledge(
        before.id,
        request.body.revision,
        personOf(request.viewer),
      )
      if (before.acknowledged === null) {
        request.audit({ action: 'review-acknowledged', target: review.id })
      }
      return answer(request, review)
    },
  )
  refuseOtherMethods(app, '/api/reviews/:id/acknowledge', ['POST'])

  app.post(
    '/api/reviews/:id/disputes',
    { ...post, schema: { params: reviewIdParamsSchema, body: disputeBodySchema.strict() } },
    (request) => {
      const before = visible(request, request.params.id)
      if (!permissions(request.viewer, before).dispute) {
        throw new HttpError(403, 'Only the agent the review is for can dispute it')
      }
      const { review, dispute } = need().reviews.dispute(
        before.id,
        request.body,
        personOf(request.viewer),
      )
      request.audit({
        action: 'review-disputed',
        target: review.id,
        detail: { disputeId: dispute.id, criterionId: dispute.criterionId },
      })
      return answer(request, review)
    },
  )
  refuseOtherMethods(app, '/api/reviews/:id/disputes', ['POST'])

  app.post(
    '/api/reviews/:id/disputes/:disputeId',
    {
      ...post,
      schema: { params: disputeParamsSchema, body: disputeDecisionBodySchema.strict() },
    },
    (request) => {
      const before = visible(request, request.params.id)
      const viewer = request.viewer
      const own =
        viewer.role !== 'agent' &&
        (viewer.role === 'admin' ||
          before.author.email.toLowerCase() === personOf(viewer).email.toLowerCase())
      if (!own) throw new HttpError(403, 'Only its author or an admin can decide a dispute')
      const { review, dispute } = need().reviews.resolve(
        before.id,
        request.params.disputeId,
        request.body,
        personOf(viewer),
      )
      request.audit({
        action: 'dispute-resolved',
        target: review.id,
        detail: {
          disputeId: dispute.id,
          criterionId: dispute.criterionId,
          decision: request.body.decision,
          score: review.score.percent,
        },
      })
      return answer(request, review)
    },
  )
  refuseOtherMethods(app, '/api/reviews/:id/disputes/:disputeId', ['POST'])
  return Promise.resolve()
}
