/**
 * Reviews live in the workspace, not the archive (issue 13): deleting and rebuilding the archive
 * keeps them, a review of a conversation no longer in the archive still lists (and says so) and
 * readers' scopes still apply to it; in proxy mode a review is made and listed the same way,
 * the conversation read from LivePerson with the reader's scope.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, describe, expect, it } from 'vitest'
import { reviewListSchema, reviewSchema } from '@/domain/schema/reviews'
import { buildApp } from '@/server/app'
import { openArchive, type Archive } from '@/server/archive/archive'
import { importText } from '@/server/archive/import'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { openWorkspace, type Workspace } from '@/server/workspace/workspace'
import { pick } from './api-harness'
import { startProxiedApi } from './proxied-api'
import {
  BOB,
  CAROL,
  ELSEWHERE,
  PRIYA,
  RECORDS,
  SUE,
  TRANSFERRED,
  defaultScorecardId,
  reviewClient,
} from './reviews-harness'
import { sessionClient } from './session-client'

const dir = mkdtempSync(join(tmpdir(), 'cv-reviews-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** The server over this archive file and this workspace, as `npm start` makes it. */
async function serve(archive: Archive, workspace: Workspace) {
  const app: FastifyInstance = await buildApp({
    auth: { workspace },
    accountId: 'demo',
    archive,
    loopbackOnly: true,
    logger: createLogger({ destination: { write: () => undefined }, redact: redactor([]) }),
    rateLimitPerMinute: 0,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { app, url: `http://127.0.0.1:${String(address.port)}` }
}

const signedIn = async (url: string, user: { email: string; password: string }) => {
  const session = sessionClient(url)
  expect((await session.signIn(user.email, user.password)).status).toBe(200)
  return { session, client: reviewClient(session) }
}

describe('deleting and rebuilding the archive', () => {
  it('keeps every review; one of a conversation no longer there lists, and says so', async () => {
    const workspace = openWorkspace(join(dir, 'workspace.db'))
    await workspace.users.add(PRIYA)
    await workspace.users.add(SUE)
    const archivePath = join(dir, 'archive.db')
    let archive = openArchive(archivePath)
    expect(importText(archive, JSON.stringify(RECORDS), 'all.json').ok).toBe(true)
    let server = await serve(archive, workspace)

    const priya = await signedIn(server.url, PRIYA)
    const scorecardId = await defaultScorecardId(priya.session)
    const draft = await priya.client.create('c-three-legs', BOB.id, scorecardId)
    const review = await priya.client.submit(draft)
    expect(review.inArchive).toBe(true)

    // The archive goes, and comes back without that conversation.
    await server.app.close()
    archive.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(archivePath + suffix, { force: true })
    archive = openArchive(archivePath)
    expect(importText(archive, JSON.stringify([ELSEWHERE]), 'some.json').ok).toBe(true)
    server = await serve(archive, workspace)

    const again = await signedIn(server.url, PRIYA)
    const listed = await again.client.forConversation('c-three-legs')
    expect(listed.reviews.map((r) => r.id)).toEqual([review.id])
    expect(listed.reviews[0]?.inArchive).toBe(false)
    expect(listed.canReview).toBe(false)
    const one = reviewSchema.parse((await again.client.call(`/api/reviews/${review.id}`)).json)
    expect({ ...one, inArchive: true, can: review.can }).toEqual(review)
    const rows = reviewListSchema.parse((await again.client.call('/api/reviews')).json)
    expect(rows.reviews).toEqual([expect.objectContaining({ id: review.id, inArchive: false })])
    // No review of it to show, and not in the archive: as any unknown conversation.
    expect((await again.client.call('/api/conversations/c-nowhere/reviews')).status).toBe(404)

    // The supervisor's scope still applies, from what the review kept of the conversation.
    const sue = await signedIn(server.url, SUE)
    expect((await sue.client.forConversation('c-three-legs')).reviews).toHaveLength(1)
    const outOfScope = await sue.client.call('/api/conversations/c-elsewhere/reviews')
    expect(outOfScope.status).toBe(404)

    // Imported again, the conversation and its review meet again.
    expect(importText(archive, JSON.stringify([TRANSFERRED]), 'back.json').ok).toBe(true)
    const back = await again.client.forConversation('c-three-legs')
    expect(back.reviews[0]?.inArchive).toBe(true)
    expect(back.canReview).toBe(true)

    await server.app.close()
    archive.close()
    workspace.close()
  })

  it('without a workspace the review routes say so', async () => {
    const archive = openArchive(join(dir, 'bare.db'))
    const app = await buildApp({
      accountId: 'demo',
      archive,
      loopbackOnly: true,
      logger: createLogger({ destination: { write: () => undefined }, redact: redactor([]) }),
      rateLimitPerMinute: 0,
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const res = await fetch(`http://127.0.0.1:${String(address.port)}/api/scorecards`)
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      error: { status: 503, message: 'Reviews need the workspace database' },
    })
    await app.close()
    archive.close()
  })
})

describe('proxy mode', () => {
  it("reviews a conversation LivePerson holds, keyed by its ID, within the reader's scope", async () => {
    const { api, fake } = await startProxiedApi({
      accountId: '12345678',
      bearerToken: 'test-bearer-token-reviews',
      records: RECORDS,
      workspace: { users: [PRIYA, SUE] },
    })
    try {
      const priya = await signedIn(api.url, PRIYA)
      const scorecardId = await defaultScorecardId(priya.session)
      fake.requests.length = 0
      const review = await priya.client.create('c-three-legs', BOB.id, scorecardId)
      expect(review).toMatchObject({ conversationId: 'c-three-legs', inArchive: null })
      const asked = fake.requests.at(-1)
      expect(asked?.path).toBe(
        '/messaging_history/api/account/12345678/conversations/conversation/search',
      )
      expect(pick(JSON.parse(asked?.body ?? '{}'), 'conversationId')).toBe('c-three-legs')
      const notALeg = await priya.client.call('/api/reviews', {
        json: { conversationId: 'c-three-legs', leg: { agentId: CAROL.id }, scorecardId },
      })
      expect(pick(notALeg.json, 'error', 'field')).toBe('leg.agentId')
      const missing = await priya.client.call('/api/reviews', {
        json: { conversationId: 'c-nowhere', leg: { agentId: BOB.id }, scorecardId },
      })
      expect(missing.status).toBe(404)

      const listed = await priya.client.forConversation('c-three-legs')
      expect(listed.reviews.map((r) => r.id)).toEqual([review.id])
      expect(listed.canReview).toBe(true)
      const rows = reviewListSchema.parse((await priya.client.call('/api/reviews')).json)
      expect(rows.reviews).toEqual([expect.objectContaining({ id: review.id, inArchive: null })])

      // A supervisor of group 100: LivePerson's answer outside it is dropped, as for a search.
      const sue = await signedIn(api.url, SUE)
      expect((await sue.client.forConversation('c-three-legs')).reviews).toHaveLength(1)
      const outside = await sue.client.call('/api/reviews', {
        json: { conversationId: 'c-elsewhere', leg: { agentId: CAROL.id }, scorecardId },
      })
      expect(outside.status).toBe(404)
      expect((await sue.client.call('/api/conversations/c-elsewhere/reviews')).status).toBe(404)
    } finally {
      await api.stop()
      await fake.close()
    }
  })
})
