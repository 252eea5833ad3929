import { http, HttpResponse } from 'msw'
import { server } from '../msw-server'
import { z } from 'zod'
import seedResponse from '@/server/demo/seed-example.json' with { type: 'json' }

/** Fixtures and MSW handlers for the detail page tests: records travel in their wire shape. */

// The page is a lazily loaded route chunk; load it once up front so the first render of each
// file does not race the default findBy timeout while Vite transforms it.
await import('@/app/features/conversation/conversation-page')

export const ACCOUNT = 'acc-1'
export const SEED_ID = 'e5c58e49-e4a5-40a8-8a18-d6580d1d5630'
export const T0 = Date.UTC(2026, 10, 27, 14, 0, 0)

export type RawRecord = Record<string, unknown>

/** The documentation example (syntax fixed): a wire record with every section. */
export function seed(): RawRecord {
  const copy: unknown = JSON.parse(JSON.stringify(seedResponse))
  const record = seedSchema.parse(copy).conversationHistoryRecords[0]
  if (!record) throw new Error('seed-example.json has no record')
  return record
}

const seedSchema = z.object({
  conversationHistoryRecords: z.array(z.record(z.string(), z.unknown())),
})

const lpTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '+0000')

export interface SimpleMessage {
  from: 'consumer' | 'agent'
  /** Seconds after T0. */
  at: number
  text: string
  audience?: 'ALL' | 'AGENTS_AND_MANAGERS'
}

/** A small, fully controlled wire record: one consumer, one agent, the given messages. */
export function simpleRecord(
  id: string,
  messages: SimpleMessage[],
  extra: RawRecord = {},
): RawRecord {
  const info: RawRecord = {
    conversationId: id,
    brandId: ACCOUNT,
    status: 'CLOSE',
    closeReason: 'CONSUMER',
    closeReasonDescription: 'MANUAL_CLOSE',
    startTime: lpTime(T0),
    startTimeL: T0,
    endTime: lpTime(T0 + 600_000),
    endTimeL: T0 + 600_000,
    duration: 600_000,
    source: 'SHARK',
    device: 'DESKTOP',
    browser: 'Chrome',
    browserVersion: '130',
    operatingSystem: 'MAC_OSX',
    latestAgentId: 'agent-1',
    latestAgentFullName: 'Alice Agent',
    latestAgentLoginName: 'alice@example.com',
    latestSkillId: 12,
    latestSkillName: 'Billing',
    latestAgentGroupId: 3,
    latestAgentGroupName: 'Tier 1',
    mcs: 80,
    alertedMCS: 0,
    ...(typeof extra.info === 'object' && extra.info !== null ? extra.info : {}),
  }
  const rest = { ...extra }
  delete rest.info
  return {
    info,
    messageRecords: messages.map((message, seq) => ({
      type: 'TEXT_PLAIN',
      messageData: { msg: { text: message.text } },
      messageId: `ms::conv:${id}::msg:${String(seq)}`,
      seq,
      dialogId: id,
      participantId: message.from === 'consumer' ? 'consumer-1' : 'agent-1',
      sentBy: message.from === 'consumer' ? 'Consumer' : 'Agent',
      audience: message.audience ?? 'ALL',
      time: lpTime(T0 + message.at * 1000),
      timeL: T0 + message.at * 1000,
    })),
    agentParticipants: [
      {
        agentId: 'agent-1',
        agentFullName: 'Alice Agent',
        agentLoginName: 'alice@example.com',
        userType: '1',
        userTypeName: 'Human',
        role: 'ASSIGNED_AGENT',
        permission: 'ASSIGNED_AGENT',
        agentGroupId: 3,
        agentGroupName: 'Tier 1',
        time: lpTime(T0 + 1000),
        timeL: T0 + 1000,
      },
    ],
    consumerParticipants: [
      {
        participantId: 'consumer-1',
        firstName: 'Carol',
        lastName: 'Consumer',
        email: 'carol@example.com',
        phone: '+1 555 0100',
        joinTimeL: T0,
        timeL: T0,
      },
    ],
    ...rest,
  }
}

/** `/api/config` answers with the test account. */
export function mockConfig() {
  server.use(
    http.get('*/api/config', () => HttpResponse.json({ accountId: ACCOUNT, mode: 'archive' })),
  )
}

export interface DetailCalls {
  count: number
  bodies: unknown[]
}

/**
 * The by-ID endpoint answers with the records whose ID was asked for (zero records = unknown ID),
 * exactly as the server would. Returns a call log.
 */
export function mockDetail(records: RawRecord[]): DetailCalls {
  mockConfig()
  const calls: DetailCalls = { count: 0, bodies: [] }
  server.use(
    http.post(
      `*/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`,
      async ({ request }) => {
        const body: unknown = await request.json()
        calls.count += 1
        calls.bodies.push(body)
        const wanted =
          typeof body === 'object' && body !== null && 'conversationId' in body
            ? body.conversationId
            : undefined
        const found = records.filter((record) => {
          const info = record.info
          return typeof info === 'object' && info !== null && 'conversationId' in info
            ? info.conversationId === wanted
            : false
        })
        return HttpResponse.json({
          _metadata: { count: found.length },
          conversationHistoryRecords: found,
        })
      },
    ),
  )
  return calls
}

/** Times in UTC, so the tests read fixed clock times. */
export function useUtc() {
  window.localStorage.setItem('cv.timeZone', 'utc')
}

/** The search page's requests (when a test navigates back to it): no results, no facets. */
export function mockSearchPage() {
  server.use(
    http.get('*/api/facets', () => HttpResponse.json({})),
    http.post(`*/messaging_history/api/account/${ACCOUNT}/conversations/search`, () =>
      HttpResponse.json({ _metadata: { count: 0 }, conversationHistoryRecords: [] }),
    ),
  )
}
