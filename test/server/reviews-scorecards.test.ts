/**
 * Scorecards (issue 13): the default one a new install starts with, admins create, edit,
 * archive and export them; editing one that has reviews makes a new version, and each review
 * keeps the version it was made with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  scorecardListSchema,
  scorecardSchema,
  type ScorecardDefinitionInput,
} from '@/domain/schema/reviews'
import { pick, startTestApi, type TestApi } from './api-harness'
import { ADMIN, BOB, BOB_USER, PRIYA, RECORDS, reviewClient } from './reviews-harness'
import { sessionClient } from './session-client'

let api: TestApi
let admin: ReturnType<typeof reviewClient>
let priya: ReturnType<typeof reviewClient>
let bob: ReturnType<typeof reviewClient>

beforeAll(async () => {
  api = await startTestApi({ records: RECORDS, workspace: { users: [ADMIN, PRIYA, BOB_USER] } })
  const signIn = async (user: { email: string; password: string }) => {
    const session = sessionClient(api.url)
    expect((await session.signIn(user.email, user.password)).status).toBe(200)
    return reviewClient(session)
  }
  admin = await signIn(ADMIN)
  priya = await signIn(PRIYA)
  bob = await signIn(BOB_USER)
})
afterAll(async () => {
  await api.stop()
})

const SMALL: ScorecardDefinitionInput = {
  name: 'Chat basics',
  sections: [
    {
      id: 'all',
      name: 'All',
      criteria: [
        { id: 'polite', name: 'Polite', scale: { kind: 'yes-no' } },
        {
          id: 'speed',
          name: 'Speed',
          scale: {
            kind: 'custom',
            points: [
              { key: 'fast', label: 'Fast', points: 2 },
              { key: 'slow', label: 'Slow', points: 0 },
            ],
          },
          weight: 2,
        },
      ],
    },
  ],
}

describe('scorecards', () => {
  it('a new workspace has the default scorecard, which every reader can list', async () => {
    const list = scorecardListSchema.parse((await bob.call('/api/scorecards')).json)
    expect(list.scorecards).toEqual([
      expect.objectContaining({
        name: 'LivePerson messaging',
        version: 1,
        criteria: 8,
        reviews: 0,
      }),
    ])
  })

  it('only admins create, edit and archive them', async () => {
    const res = await priya.call('/api/scorecards', { json: SMALL })
    expect(res.status).toBe(403)
    const edit = await priya.call('/api/scorecards/1', {
      method: 'PATCH',
      json: { archived: true },
    })
    expect(edit.status).toBe(403)
  })

  it('validates a definition and names the field', async () => {
    const twice = structuredClone(SMALL)
    const criteria = twice.sections[0]?.criteria
    if (criteria?.[1]) criteria[1].id = 'polite'
    const res = await admin.call('/api/scorecards', { json: twice })
    expect(res.status).toBe(400)
    expect(pick(res.json, 'error', 'field')).toBe('sections[0].criteria[1].id')
    const extra = await admin.call('/api/scorecards', { json: { ...SMALL, colour: 'red' } })
    expect(pick(extra.json, 'error', 'field')).toBe('colour')
  })

  it('editing a scorecard without reviews replaces its version; with reviews makes a new one', async () => {
    const created = await admin.call('/api/scorecards', { json: SMALL })
    expect(created.status, created.text).toBe(201)
    const card = scorecardSchema.parse(created.json)
    expect(card).toMatchObject({ version: 1, latestVersion: 1, archived: false })

    const renamed = { ...SMALL, name: 'Chat basics (draft 2)' }
    const inPlace = scorecardSchema.parse(
      (
        await admin.call(`/api/scorecards/${String(card.id)}`, {
          method: 'PUT',
          json: { version: 1, definition: renamed },
        })
      ).json,
    )
    expect(inPlace).toMatchObject({ version: 1, definition: { name: 'Chat basics (draft 2)' } })

    const review = await priya.create('c-three-legs', BOB.id, card.id)
    expect(review.scorecard).toEqual({ id: card.id, version: 1, name: 'Chat basics (draft 2)' })
    const scored = await priya.save(review, { answers: { polite: 'yes', speed: 'slow' } })
    expect(pick(scored.json, 'score', 'percent')).toBe(33.3)

    const v2Definition = structuredClone(SMALL)
    v2Definition.name = 'Chat basics v2'
    v2Definition.sections[0]?.criteria.push({
      id: 'closing',
      name: 'Closing',
      scale: { kind: 'one-to-five' },
    })
    const edited = await admin.call(`/api/scorecards/${String(card.id)}`, {
      method: 'PUT',
      json: { version: 1, definition: v2Definition },
    })
    expect(edited.status, edited.text).toBe(200)
    expect(scorecardSchema.parse(edited.json)).toMatchObject({ version: 2, latestVersion: 2 })

    // The review keeps version 1 (and its score); version 1 is still there to read.
    const kept = await priya.review(`/api/reviews/${review.id}`)
    expect(kept.scorecard).toEqual({ id: card.id, version: 1, name: 'Chat basics (draft 2)' })
    expect(kept.score.percent).toBe(33.3)
    const v1 = scorecardSchema.parse(
      (await priya.call(`/api/scorecards/${String(card.id)}?version=1`)).json,
    )
    expect(v1).toMatchObject({ version: 1, latestVersion: 2 })
    expect(v1.definition.sections[0]?.criteria).toHaveLength(2)
    // The new criterion is not part of the old version's review.
    const closing = await priya.save(kept, { answers: { ...kept.answers, closing: '5' } })
    expect(closing.status).toBe(400)
    expect(pick(closing.json, 'error', 'field')).toBe('answers.closing')

    // An editor who started from version 1 is told it moved on.
    const stale = await admin.call(`/api/scorecards/${String(card.id)}`, {
      method: 'PUT',
      json: { version: 1, definition: SMALL },
    })
    expect(stale.status).toBe(409)
    expect(pick(stale.json, 'error', 'field')).toBe('version')

    // A new review uses the newest version.
    const newer = await priya.create('c-second', BOB.id, card.id)
    expect(newer.scorecard.version).toBe(2)

    const list = scorecardListSchema.parse((await priya.call('/api/scorecards')).json)
    expect(list.scorecards.find((c) => c.id === card.id)).toMatchObject({
      name: 'Chat basics v2',
      version: 2,
      criteria: 3,
      reviews: 2,
    })
    expect((await priya.call(`/api/scorecards/${String(card.id)}?version=9`)).status).toBe(404)
  })

  it('archived scorecards take no new reviews; export is the definition as a file', async () => {
    const created = scorecardSchema.parse(
      (await admin.call('/api/scorecards', { json: { ...SMALL, name: 'Old card' } })).json,
    )
    const archived = await admin.call(`/api/scorecards/${String(created.id)}`, {
      method: 'PATCH',
      json: { archived: true },
    })
    expect(pick(archived.json, 'archived')).toBe(true)
    const review = await priya.call('/api/reviews', {
      json: { conversationId: 'c-three-legs', leg: { agentId: BOB.id }, scorecardId: created.id },
    })
    expect(review.status).toBe(400)
    expect(pick(review.json, 'error', 'field')).toBe('scorecardId')

    const exported = await priya.call(`/api/scorecards/${String(created.id)}/export`)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toContain(
      'attachment; filename="Old card.scorecard.json"',
    )
    expect(exported.json).toEqual(created.definition)
    // What was exported imports as a new scorecard.
    const imported = await admin.call('/api/scorecards', { json: exported.json })
    expect(imported.status).toBe(201)
    expect(pick(imported.json, 'definition')).toEqual(created.definition)

    const audit = await admin.call('/api/audit?action=scorecard-changed&limit=100')
    expect((pick(audit.json, 'count') as number) >= 4).toBe(true)
  })
})
