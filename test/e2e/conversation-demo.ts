import { z } from 'zod'

/**
 * Finds demo conversations with given traits through the running server's search API, so browser
 * tests and the bench do not depend on generated IDs.
 */

const messageSchema = z.looseObject({
  messageId: z.string(),
  type: z.string().optional(),
  messageData: z.unknown().optional(),
})

const recordSchema = z.looseObject({
  info: z.looseObject({ conversationId: z.string() }),
  messageRecords: z.array(messageSchema).optional(),
  transfers: z.array(z.unknown()).optional(),
  coBrowseSessions: z
    .looseObject({ coBrowseSessionsList: z.array(z.unknown()).optional() })
    .optional(),
  sdes: z.looseObject({ events: z.array(z.unknown()).optional() }).optional(),
  unAuthSdes: z.looseObject({ events: z.array(z.unknown()).optional() }).optional(),
  conversationSurveys: z.array(z.unknown()).optional(),
})

const responseSchema = z.object({ conversationHistoryRecords: z.array(recordSchema) })

export type DemoRecord = z.infer<typeof recordSchema>

export interface DemoConversations {
  accountId: string
  records: DemoRecord[]
  /** The one with the most messages. */
  longest: DemoRecord
  /** The one with `<script>alert(1)</script>` in a message. */
  hostile: DemoRecord
  /** The one with the most of everything (transfers, co-browse, attributes, rich content). */
  richest: DemoRecord
  /** Every record with structured content, with its count. */
  withRichContent: DemoRecord[]
}

export function messageText(message: z.infer<typeof messageSchema>): string {
  return JSON.stringify(message.messageData ?? {})
}

export function richCount(record: DemoRecord): number {
  return (record.messageRecords ?? []).filter((m) => m.type === 'RICH_CONTENT').length
}

function richness(record: DemoRecord): number {
  return (
    (record.transfers?.length ?? 0) * 3 +
    (record.coBrowseSessions?.coBrowseSessionsList?.length ?? 0) * 3 +
    (record.sdes?.events?.length ?? 0) +
    (record.unAuthSdes?.events?.length ?? 0) +
    richCount(record) * 2 +
    (record.conversationSurveys?.length ?? 0) * 2 -
    ((record.messageRecords?.length ?? 0) > 200 ? 1000 : 0)
  )
}

export async function findDemoConversations(baseUrl: string): Promise<DemoConversations> {
  const config = z
    .object({ accountId: z.string() })
    .parse(await (await fetch(`${baseUrl}/api/config`)).json())
  const now = Date.now()
  const res = await fetch(
    `${baseUrl}/messaging_history/api/account/${config.accountId}/conversations/search?offset=0&limit=100&v=2&source=e2e`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        start: { from: now - 90 * 86_400_000, to: now + 86_400_000 },
        contentToRetrieve: [
          'messageRecords',
          'transfers',
          'coBrowseSessions',
          'sdes',
          'unAuthSdes',
          'conversationSurveys',
        ],
      }),
    },
  )
  if (!res.ok) throw new Error(`search failed: ${String(res.status)} ${await res.text()}`)
  const { conversationHistoryRecords: records } = responseSchema.parse(await res.json())
  const by = (score: (r: DemoRecord) => number) =>
    records.reduce((best, r) => (score(r) > score(best) ? r : best))
  if (records.length === 0) throw new Error('the demo archive has no conversations')
  const hostile = records.find((r) =>
    (r.messageRecords ?? []).some((m) => messageText(m).includes('<script>alert(1)</script>')),
  )
  if (!hostile) throw new Error('no hostile demo conversation')
  return {
    accountId: config.accountId,
    records,
    longest: by((r) => r.messageRecords?.length ?? 0),
    hostile,
    richest: by(richness),
    withRichContent: records.filter((r) => richCount(r) > 0),
  }
}
