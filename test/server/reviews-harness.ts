/**
 * What the review tests share: conversations with several legs (a bot, then agent A, then agent
 * B), the accounts that review and are reviewed, and a client that speaks the review API with
 * answers parsed by the contract's own schemas.
 */
import { expect } from 'vitest'
import type { NewUser } from '@/domain/schema/auth'
import {
  conflictSchema,
  conversationReviewsSchema,
  reviewSchema,
  type Review,
} from '@/domain/schema/reviews'
import { buildRecord } from './record-factory'
import type { SessionClient } from './session-client'

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0)
const MINUTE = 60_000

export const BOT = { id: 'a-bot', name: 'Helper Bot', bot: true, groupId: 300, groupName: 'Bots' }
export const ALICE = { id: 'a-alice', name: 'Alice Agent', groupId: 100, groupName: 'Tier 1' }
export const BOB = { id: 'a-bob', name: 'Bob Agent', groupId: 200, groupName: 'Tier 2' }
export const CAROL = { id: 'a-carol', name: 'Carol Agent', groupId: 400, groupName: 'Tier 3' }

/** Bot → Alice → Bob (groups 300, 100, 200); skill 10. */
export const TRANSFERRED = buildRecord({
  id: 'c-three-legs',
  start: T0,
  end: T0 + 20 * MINUTE,
  latestSkill: { id: 10, name: 'Billing' },
  earlierSkills: [{ id: 20, name: 'Sales' }],
  agents: [BOT, ALICE, BOB],
  messages: [
    { text: 'Hi, my invoice is wrong' },
    { text: 'Let me get you to a person' },
    { text: 'It says 40 instead of 30' },
    { text: 'I will correct it now' },
  ],
})
/** Carol alone (group 400, skill 30): outside the supervisor's groups and skills. */
export const ELSEWHERE = buildRecord({
  id: 'c-elsewhere',
  start: T0 + 60 * MINUTE,
  end: T0 + 70 * MINUTE,
  latestSkill: { id: 30, name: 'Support' },
  agents: [CAROL],
  messages: [{ text: 'Where is my parcel?' }, { text: 'On its way' }],
})
/** Alice and Bob again, to have more than one conversation for lists. */
export const SECOND = buildRecord({
  id: 'c-second',
  start: T0 + 2 * 60 * MINUTE,
  end: T0 + 2 * 60 * MINUTE + 5 * MINUTE,
  latestSkill: { id: 10, name: 'Billing' },
  agents: [ALICE, BOB],
  messages: [{ text: 'A refund please' }, { text: 'Done' }],
})
export const RECORDS = [TRANSFERRED, ELSEWHERE, SECOND]

export const messageId = (conversationId: string, seq: number) =>
  `ms::conv:${conversationId}::msg:${String(seq)}`

const user = (
  email: string,
  name: string,
  role: NewUser['role'],
  extra: Partial<NewUser> = {},
): NewUser => ({
  email,
  name,
  role,
  password: `${role} password 123`,
  agentGroups: [],
  skills: [],
  ...extra,
})

export const ADMIN = user('ada@example.com', 'Ada Admin', 'admin')
export const PRIYA = user('priya@example.com', 'Priya Shah', 'reviewer')
export const RAJ = user('raj@example.com', 'Raj Reviewer', 'reviewer')
/** Supervises Tier 1 (group 100) only. */
export const SUE = user('sue@example.com', 'Sue Supervisor', 'supervisor', { agentGroups: ['100'] })
export const BOB_USER = user('bob@example.com', 'Bob Agent', 'agent', { agentId: BOB.id })
export const ALICE_USER = user('alice@example.com', 'Alice Agent', 'agent', { agentId: ALICE.id })
export const USERS = [ADMIN, PRIYA, RAJ, SUE, BOB_USER, ALICE_USER]

export interface Answer {
  status: number
  json: unknown
  headers: Headers
  text: string
}

/** The review API through a session client (or with no session in local mode). */
export function reviewClient(client: SessionClient) {
  const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await client.request(path, init)
    const text = await res.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: res.status, json, headers: res.headers, text } satisfies Answer
  }
  const review = async (
    path: string,
    init: RequestInit & { json?: unknown } = {},
    status = 200,
  ): Promise<Review> => {
    const answer = await call(path, init)
    expect(answer.status, answer.text).toBe(status)
    return reviewSchema.parse(answer.json)
  }
  return {
    call,
    review,
    create: (conversationId: string, agentId: string, scorecardId: number, status = 201) =>
      review(
        '/api/reviews',
        { json: { conversationId, leg: { agentId, role: 'agent' }, scorecardId } },
        status,
      ),
    save: (
      current: Review,
      change: Partial<Pick<Review, 'answers' | 'notes' | 'evidence' | 'comment'>>,
    ) =>
      call(`/api/reviews/${current.id}`, {
        method: 'PUT',
        json: {
          revision: current.revision,
          answers: change.answers ?? current.answers,
          notes: change.notes ?? current.notes,
          evidence: change.evidence ?? current.evidence,
          comment: change.comment ?? current.comment,
        },
      }),
    submit: (current: Review) =>
      review(`/api/reviews/${current.id}/submit`, { json: { revision: current.revision } }),
    forConversation: async (conversationId: string) => {
      const answer = await call(`/api/conversations/${conversationId}/reviews`)
      expect(answer.status, answer.text).toBe(200)
      return conversationReviewsSchema.parse(answer.json)
    },
  }
}

export const parseConflict = (json: unknown) => conflictSchema.parse(json)

/** The default scorecard's ID (the only one a new workspace has). */
export async function defaultScorecardId(client: SessionClient): Promise<number> {
  const res = await client.request('/api/scorecards')
  const list = (await res.json()) as { scorecards: { id: number }[] }
  const first = list.scorecards[0]
  if (!first) throw new Error('no scorecard')
  return first.id
}

/** Answers that score 100% on the default scorecard. */
export const PERFECT = {
  greeting: '5',
  verification: 'yes',
  discovery: '5',
  accuracy: '5',
  resolution: 'resolved',
  empathy: '5',
  compliance: 'yes',
  closing: '5',
}
