import { http, HttpResponse } from 'msw'
import { z } from 'zod'
import { server } from '../msw-server'

/**
 * The network edge of the search page for integration tests: `/api/config`, `/api/facets` and
 * the LivePerson-compatible `conversations/search`, answered by MSW. Every search request is
 * recorded (query parameters and JSON body) so tests can assert what the page asked for.
 */

export const ACCOUNT = 'acc-1'
/** 2026-03-10 12:03:00 UTC: the tests' "now" (relative windows end at 12:10, rounded up). */
export const NOW = Date.UTC(2026, 2, 10, 12, 3, 0)
export const DAY = 24 * 60 * 60 * 1000

export type RawRecord = Record<string, unknown>

const lpTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '+0000')

export interface RecordOptions {
  id: string
  start?: number
  status?: 'OPEN' | 'CLOSE'
  closeReason?: string
  consumer?: { firstName?: string; lastName?: string }
  agents?: { id: string; name: string }[]
  skill?: string
  source?: string
  device?: string
  durationMs?: number
  mcs?: number
  csat?: number
  summary?: string
  isPartial?: boolean
}

/** A wire-format record (as LivePerson sends it), with the sections the list asks for. */
export function buildRecord(options: RecordOptions): RawRecord {
  const start = options.start ?? NOW - DAY
  const status = options.status ?? 'CLOSE'
  const duration = options.durationMs ?? 600_000
  const agents = options.agents ?? [{ id: 'agent-1', name: 'Alice Agent' }]
  return {
    info: {
      conversationId: options.id,
      brandId: ACCOUNT,
      status,
      closeReason: status === 'CLOSE' ? (options.closeReason ?? 'AGENT') : undefined,
      startTime: lpTime(start),
      startTimeL: start,
      endTime: status === 'CLOSE' ? lpTime(start + duration) : 'undefined',
      endTimeL: status === 'CLOSE' ? start + duration : -1,
      duration,
      source: options.source ?? 'SHARK',
      device: options.device ?? 'DESKTOP',
      latestSkillId: 12,
      latestSkillName: options.skill ?? 'Billing',
      latestAgentGroupId: 3,
      latestAgentGroupName: 'Tier 1',
      mcs: options.mcs ?? 80,
      alertedMCS: 1,
      csatRate: options.csat,
      isPartial: options.isPartial ?? false,
    },
    agentParticipants: agents.map((agent, index) => ({
      agentId: agent.id,
      agentFullName: agent.name,
      agentLoginName: `${agent.id}@example.com`,
      time: lpTime(start + index * 1000),
      timeL: start + index * 1000,
      role: 'ASSIGNED_AGENT',
      userTypeName: 'Human',
    })),
    consumerParticipants: [
      {
        participantId: `consumer-${options.id}`,
        firstName: options.consumer?.firstName ?? 'Carol',
        lastName: options.consumer?.lastName ?? 'Consumer',
      },
    ],
    ...(options.summary === undefined
      ? {}
      : { summary: { text: options.summary, lastUpdatedTime: start + duration } }),
  }
}

/** `count` records `conv-001`… starting one hour apart, newest first. */
export function manyRecords(count: number, offset = 0): RawRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const n = offset + index + 1
    return buildRecord({
      id: `conv-${String(n).padStart(3, '0')}`,
      start: NOW - n * 60 * 60 * 1000,
      consumer: { firstName: 'Consumer', lastName: String(n) },
    })
  })
}

export interface SearchCall {
  offset: number
  limit: number
  sort: string | null
  source: string | null
  body: Record<string, unknown>
}

/** A conversation's review summary as `POST /api/reviews/summary` answers (issue 13). */
export interface SummaryOptions {
  status: 'none' | 'draft' | 'reviewed'
  scores?: (number | null)[]
  drafts?: number
  openDisputes?: number
}

export function buildSummary(options: SummaryOptions) {
  const scores = options.scores ?? []
  return {
    status: options.status,
    scores,
    reviews: scores.length,
    drafts: options.drafts ?? (options.status === 'draft' ? 1 : 0),
    openDisputes: options.openDisputes ?? 0,
  }
}

export interface ReviewApi {
  /** How each conversation stands; a conversation not listed is not reviewed. */
  summaries?: Record<string, SummaryOptions>
  /** Answer the summary request with this status and message instead. */
  summaryError?: { status: number; message: string }
  reviewers?: { email: string; name: string }[]
  scorecards?: { id: number; name: string; archived?: boolean }[]
}

export interface SearchApiOptions {
  /** Records the by-ID endpoint (the detail page, hover prefetch) knows. */
  details?: RawRecord[]
  mode?: 'archive' | 'proxy'
  /** Every matching record; each request gets its page (offset/limit) of them. */
  records?: RawRecord[]
  /** `_metadata.count` (default: the number of records). */
  count?: number
  partialResult?: boolean
  facets?: unknown
  reviews?: ReviewApi
}

const bodySchema = z.record(z.string(), z.unknown())
const byIdSchema = z.object({ conversationId: z.string() })
const summaryBodySchema = z.object({ conversationIds: z.array(z.string()) })
const idOf = (record: RawRecord) =>
  z.object({ info: z.object({ conversationId: z.string() }) }).parse(record).info.conversationId

/** Installs the handlers; returns the list of search requests made so far. */
export function useSearchApi(
  options: SearchApiOptions = {},
): SearchCall[] & { byId: string[]; summaries: string[][] } {
  const calls: SearchCall[] & { byId: string[]; summaries: string[][] } = Object.assign([], {
    byId: [],
    summaries: [],
  })
  const reviews = options.reviews ?? {}
  const records = options.records ?? []
  server.use(
    http.get('*/api/config', () =>
      HttpResponse.json({ accountId: ACCOUNT, mode: options.mode ?? 'archive' }),
    ),
    http.get('*/api/facets', () =>
      HttpResponse.json(
        options.facets ?? {
          agents: [
            { id: 'agent-1', name: 'Alice Agent', login: 'alice@example.com', count: 10 },
            { id: 'agent-2', name: 'Bob Builder', login: 'bob@example.com', count: 4 },
          ],
          skills: [
            { id: '12', name: 'Billing', count: 9 },
            { id: '13', name: 'Returns', count: 2 },
          ],
          agentGroups: [{ id: '3', name: 'Tier 1', count: 9 }],
          channels: [{ id: 'SHARK', count: 9 }],
          devices: [{ id: 'DESKTOP', count: 9 }],
        },
      ),
    ),
    // Issue 13: the Review column's summaries (one request per page) and the filters' choices.
    http.post('*/api/reviews/summary', async ({ request }) => {
      const body = summaryBodySchema.parse(await request.json())
      calls.summaries.push(body.conversationIds)
      if (reviews.summaryError) {
        return HttpResponse.json(
          { error: { status: reviews.summaryError.status, message: reviews.summaryError.message } },
          { status: reviews.summaryError.status },
        )
      }
      return HttpResponse.json({
        summaries: Object.fromEntries(
          body.conversationIds.map((id) => [
            id,
            buildSummary(reviews.summaries?.[id] ?? { status: 'none' }),
          ]),
        ),
      })
    }),
    http.get('*/api/reviews/people', () =>
      HttpResponse.json({ reviewers: reviews.reviewers ?? [], agents: [] }),
    ),
    http.get('*/api/scorecards', () =>
      HttpResponse.json({
        scorecards: (reviews.scorecards ?? []).map((card) => ({
          id: card.id,
          uid: `uid-${String(card.id)}`,
          name: card.name,
          version: 1,
          archived: card.archived ?? false,
          criteria: 8,
          reviews: 0,
          updatedAt: NOW,
        })),
      }),
    ),
    http.post(
      `*/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`,
      async ({ request }) => {
        const body = byIdSchema.parse(await request.json())
        calls.byId.push(body.conversationId)
        const known = (options.details ?? []).filter(
          (record) => idOf(record) === body.conversationId,
        )
        return HttpResponse.json({
          _metadata: { count: known.length },
          conversationHistoryRecords: known,
        })
      },
    ),
    http.post(
      `*/messaging_history/api/account/${ACCOUNT}/conversations/search`,
      async ({ request }) => {
        const url = new URL(request.url)
        const call: SearchCall = {
          offset: Number(url.searchParams.get('offset')),
          limit: Number(url.searchParams.get('limit')),
          sort: url.searchParams.get('sort'),
          source: url.searchParams.get('source'),
          body: bodySchema.parse(await request.json()),
        }
        calls.push(call)
        return HttpResponse.json({
          _metadata: {
            count: options.count ?? records.length,
            self: { rel: 'self', href: request.url },
            shardsStatusResult: { partialResult: options.partialResult ?? false },
          },
          conversationHistoryRecords: records.slice(call.offset, call.offset + call.limit),
        })
      },
    ),
  )
  return calls
}

/** The last search request, failing the test if there was none. */
export function lastCall(calls: readonly SearchCall[]): SearchCall {
  const call = calls.at(-1)
  if (!call) throw new Error('no search request was made')
  return call
}

/**
 * The parameters in the address bar, each as a list of strings, read with the router's own
 * parser (so the test holds whichever query-string format the router writes).
 */
export function urlParams(router: {
  options: { parseSearch: (searchStr: string) => Record<string, unknown> }
  state: { location: { searchStr: string } }
}): Record<string, string[]> {
  const raw = router.options.parseSearch(router.state.location.searchStr)
  const out: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(raw)) {
    const items: unknown[] = Array.isArray(value) ? value : [value]
    out[key] = items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
  }
  return out
}
