import { z } from 'zod'
import { conversationRequest } from '@/app/lib/conversation-request'
import { requestJson } from '@/app/lib/http'

const rawResponseSchema = z.object({ conversationHistoryRecords: z.array(z.unknown()).catch([]) })
const idOnlySchema = z.object({ info: z.object({ conversationId: z.string() }) })

/**
 * The record exactly as the by-ID endpoint sends it (every section), for the JSON export: the
 * raw wire JSON, not the cleaned record the page shows.
 */
export async function fetchRawConversation(
  accountId: string,
  conversationId: string,
): Promise<unknown> {
  const { url, json } = conversationRequest(accountId, conversationId)
  const response = await requestJson(url, rawResponseSchema, { json })
  const record = response.conversationHistoryRecords.find((item) => {
    const parsed = idOnlySchema.safeParse(item)
    return parsed.success && parsed.data.info.conversationId === conversationId
  })
  if (record === undefined) throw new Error('The server no longer has this conversation')
  return record
}
