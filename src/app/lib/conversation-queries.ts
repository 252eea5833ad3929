import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { accountPath, conversationRequest } from '@/app/lib/conversation-request'
import { requestJson } from '@/app/lib/http'
import { parseSearchResponse } from '@/domain/schema/response'
import type { SearchResponseParseResult } from '@/domain/schema/response'
import { parseListRecord } from '@/domain/schema/record-list'
import type { RecordParseResult } from '@/domain/schema/record-parse'
import type { SearchBodyInput } from '@/domain/schema/search-request'

/**
 * The envelope is parsed tolerantly; an answer that is not a response at all fails the parse.
 * `parseRecord`: the list's parser (its sections only, in the first script) or the full one.
 */
const searchResponseSchema = (parseRecord: (raw: unknown) => RecordParseResult) =>
  z.unknown().transform((raw, ctx): SearchResponseParseResult => {
    try {
      return parseSearchResponse(raw, parseRecord)
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message:
          error instanceof Error
            ? error.message
            : 'The answer is not a conversation search response',
      })
      return z.NEVER
    }
  })
const listResponseSchema = searchResponseSchema(parseListRecord)

/** The parser of every section (with its schemas: a chunk of its own), for a whole record. */
const fullResponseSchema = () =>
  import('@/domain/schema/record').then(({ parseConversationRecord }) =>
    searchResponseSchema(parseConversationRecord),
  )

/** One page of a conversation search, as the results table asks for it. */
export interface ConversationListRequest {
  accountId: string
  body: SearchBodyInput
  offset: number
  limit: number
  sort: 'start:desc' | 'start:asc' | 'end:desc' | 'end:asc'
}

/** `POST …/conversation/search`: one page of conversations matching a search body. */
export function searchConversations(
  request: ConversationListRequest,
  signal?: AbortSignal,
): Promise<SearchResponseParseResult> {
  const query = new URLSearchParams({
    offset: String(request.offset),
    limit: String(request.limit),
    sort: request.sort,
    v: '2',
    source: 'ConvViewer',
  })
  return requestJson(`${accountPath(request.accountId, 'search')}?${query}`, listResponseSchema, {
    json: request.body,
    signal,
  })
}

/** One conversation with every section, for the detail page. */
export async function getConversation(
  accountId: string,
  conversationId: string,
  signal?: AbortSignal,
): Promise<SearchResponseParseResult> {
  // The domain parser's compiled fast path (several times faster on a long transcript) loads
  // while the answer is on its way; the search page does without it.
  const fastPath = import('@/domain/schema/record-fast-path').then(
    ({ enableRecordFastPath }) => enableRecordFastPath(),
    () => undefined,
  )
  const schema = fullResponseSchema()
  const { url, json } = conversationRequest(accountId, conversationId)
  const raw = await requestJson(url, z.unknown(), { json, signal })
  await fastPath
  return (await schema).parse(raw)
}

/** A consumer's other conversations (summaries), for the detail page's history. */
export async function getConsumerConversations(
  accountId: string,
  consumer: string,
  signal?: AbortSignal,
): Promise<SearchResponseParseResult> {
  return requestJson(
    `${accountPath(accountId, 'consumer/search')}?v=2&source=ConvViewer`,
    await fullResponseSchema(),
    {
      json: { consumer, status: ['OPEN', 'CLOSE'], contentToRetrieve: ['summary'] },
      signal,
    },
  )
}

/**
 * Conversations, in the three ways the app reads them; keys go from generic to specific, so
 * `conversationQueries.all()` invalidates every one of them (after an import, for example).
 */
export const conversationQueries = {
  all: () => ['conversations'] as const,
  list: (request: ConversationListRequest) =>
    queryOptions({
      queryKey: [...conversationQueries.all(), 'list', request],
      queryFn: ({ signal }) => searchConversations(request, signal),
    }),
  detail: (accountId: string, conversationId: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(), 'detail', accountId, conversationId],
      queryFn: ({ signal }) => getConversation(accountId, conversationId, signal),
      staleTime: 5 * 60_000,
    }),
  consumer: (accountId: string, consumer: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(), 'consumer', accountId, consumer],
      queryFn: ({ signal }) => getConsumerConversations(accountId, consumer, signal),
    }),
}
