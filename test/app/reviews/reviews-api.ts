import { http, HttpResponse } from 'msw'
import { DEFAULT_SCORECARD } from '@/domain/default-scorecard'
import {
  criteriaOf,
  reviewPeopleSchema,
  reviewRowSchema,
  scorecardDefinitionSchema,
  scorecardListSchema,
  scorecardSchema,
  type ReviewRow,
  type Scorecard,
  type ScorecardDefinitionInput,
  type ScorecardList,
} from '@/domain/schema/reviews'
import { recordRequests, type Recorded } from '../auth/auth-api'
import { server } from '../msw-server'

/**
 * The network edge of the Reviews and Scorecards pages for app tests: factories that build valid
 * records (parsed by the API's own schemas) and MSW handlers that record what the page sent.
 */

export const REVIEWED = Date.UTC(2026, 2, 9, 10, 42, 0)

let next = 1
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** `PUT` requests to `path`, recorded as `recordRequests` records the other methods. */
export function recordPuts(
  path: string,
  answer: (request: Recorded) => Response | Promise<Response>,
): Recorded[] {
  const calls: Recorded[] = []
  server.use(
    http.put(path, async ({ request }) => {
      const url = new URL(request.url)
      const text = await request.text()
      const call: Recorded = {
        method: request.method,
        path: url.pathname,
        search: url.searchParams,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      }
      calls.push(call)
      return answer(call)
    }),
  )
  return calls
}

/** A valid row of `GET /api/reviews` (a submitted review of Alice's leg unless told otherwise). */
export function buildReviewRow(overrides: Partial<ReviewRow> = {}): ReviewRow {
  const n = next++
  return reviewRowSchema.parse({
    id: uuid(n),
    conversationId: `conv-${String(n)}`,
    leg: { agentId: 'agent-1', agentName: 'Alice Agent', role: 'agent' },
    scorecard: { id: 1, version: 1, name: 'LivePerson messaging' },
    author: { email: 'rita@example.com', name: 'Rita Reviewer' },
    state: 'submitted',
    percent: 87.5,
    criticalFailed: false,
    openDisputes: 0,
    acknowledged: false,
    createdAt: REVIEWED - 3_600_000,
    updatedAt: REVIEWED,
    submittedAt: REVIEWED,
    inArchive: true,
    ...overrides,
  })
}

/** `GET /api/reviews` answers these rows (the page the request asks for) and `total`. */
export function serveReviews(rows: ReviewRow[], total = rows.length): Recorded[] {
  return recordRequests('get', '*/api/reviews', (request) => {
    const offset = Number(request.search.get('offset') ?? 0)
    const limit = Number(request.search.get('limit') ?? 50)
    return HttpResponse.json({ reviews: rows.slice(offset, offset + limit), total })
  })
}

/** `GET /api/reviews/people`: the filter's reviewers and agents. */
export function servePeople(): void {
  const people = reviewPeopleSchema.parse({
    reviewers: [
      { email: 'rita@example.com', name: 'Rita Reviewer' },
      { email: 'sam@example.com', name: 'Sam Supervisor' },
    ],
    agents: [
      { agentId: 'agent-1', agentName: 'Alice Agent' },
      { agentId: 'agent-2', agentName: 'Bob Agent' },
    ],
  })
  recordRequests('get', '*/api/reviews/people', () => HttpResponse.json(people))
}

/** A valid scorecard (the default one at version 1 unless told otherwise). */
export function buildScorecard(
  overrides: Partial<Omit<Scorecard, 'definition'>> & {
    definition?: ScorecardDefinitionInput
  } = {},
): Scorecard {
  const version = overrides.version ?? 1
  return scorecardSchema.parse({
    id: 1,
    uid: 'card-uid-1',
    version,
    latestVersion: version,
    archived: false,
    createdAt: REVIEWED - 86_400_000,
    createdBy: 'ada@example.com',
    definition: DEFAULT_SCORECARD,
    ...overrides,
  })
}

/** The list entry of a scorecard, with how many reviews use it. */
export function listEntry(
  card: Scorecard,
  reviews = 0,
  latestReviews = reviews,
): ScorecardList['scorecards'][number] {
  return {
    id: card.id,
    uid: card.uid,
    name: card.definition.name,
    version: card.version,
    archived: card.archived,
    criteria: criteriaOf(card.definition).length,
    reviews,
    latestReviews,
    updatedAt: card.createdAt,
  }
}

/** `GET /api/scorecards` (and each `GET /api/scorecards/:id`) answer these. */
export function serveScorecards(
  cards: { card: Scorecard; reviews?: number; latestReviews?: number }[],
): Recorded[] {
  const list = scorecardListSchema.parse({
    scorecards: cards.map(({ card, reviews, latestReviews }) =>
      listEntry(card, reviews, latestReviews),
    ),
  })
  recordRequests('get', '*/api/scorecards/:id', (request) => {
    const card = cards.find(({ card }) => request.path.endsWith(`/${String(card.id)}`))?.card
    return card
      ? HttpResponse.json(card)
      : HttpResponse.json({ error: { status: 404, message: 'No such scorecard' } }, { status: 404 })
  })
  return recordRequests('get', '*/api/scorecards', () => HttpResponse.json(list))
}

/** A definition, checked by the schema (so a test's "good" file is good). */
export const definition = (input: ScorecardDefinitionInput) =>
  scorecardDefinitionSchema.parse(input)
