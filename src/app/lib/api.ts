import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { requestJson } from '@/app/lib/http'
import { parseSearchResponse } from '@/domain/schema/response'
import type { SearchResponseParseResult } from '@/domain/schema/response'
import {
  CONTENT_TO_RETRIEVE_VALUES,
  type ContentToRetrieve,
  type SearchBodyInput,
} from '@/domain/schema/search-request'

/** `GET /api/config`: which account the app shows, and whether it reads the archive or LivePerson. */
export const appConfigSchema = z.object({
  accountId: z.string(),
  mode: z.enum(['archive', 'proxy']),
})
export type AppConfig = z.infer<typeof appConfigSchema>

/** The envelope is parsed tolerantly; an answer that is not a response at all fails the parse. */
const searchResponseSchema = z.unknown().transform((raw, ctx): SearchResponseParseResult => {
  try {
    return parseSearchResponse(raw)
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message:
        error instanceof Error ? error.message : 'The answer is not a conversation search response',
    })
    return z.NEVER
  }
})

function accountPath(accountId: string, rest: string): string {
  return `/messaging_history/api/account/${encodeURIComponent(accountId)}/conversations/${rest}`
}

export interface ConversationListRequest {
  accountId: string
  body: SearchBodyInput
  offset: number
  limit: number
  sort: 'start:desc' | 'start:asc' | 'end:desc' | 'end:asc'
}

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
  return requestJson(`${accountPath(request.accountId, 'search')}?${query}`, searchResponseSchema, {
    json: request.body,
    signal,
  })
}

/** Every section the API can return: the detail page shows all of them. */
export const ALL_SECTIONS: readonly ContentToRetrieve[] = CONTENT_TO_RETRIEVE_VALUES

export function getConversation(
  accountId: string,
  conversationId: string,
  signal?: AbortSignal,
): Promise<SearchResponseParseResult> {
  return requestJson(
    `${accountPath(accountId, 'conversation/search')}?v=2&source=ConvViewer`,
    searchResponseSchema,
    { json: { conversationId, contentToRetrieve: ALL_SECTIONS }, signal },
  )
}

export function getConsumerConversations(
  accountId: string,
  consumer: string,
  signal?: AbortSignal,
): Promise<SearchResponseParseResult> {
  return requestJson(
    `${accountPath(accountId, 'consumer/search')}?v=2&source=ConvViewer`,
    searchResponseSchema,
    {
      json: { consumer, status: ['OPEN', 'CLOSE'], contentToRetrieve: ['summary'] },
      signal,
    },
  )
}

/** One query-options factory for everything the app reads; keys go from generic to specific. */
export const appQueries = {
  config: () =>
    queryOptions({
      queryKey: ['config'],
      queryFn: ({ signal }) => requestJson('/api/config', appConfigSchema, { signal }),
      staleTime: Infinity,
    }),
  conversations: () => ['conversations'] as const,
  list: (request: ConversationListRequest) =>
    queryOptions({
      queryKey: ['conversations', 'list', request],
      queryFn: ({ signal }) => searchConversations(request, signal),
    }),
  detail: (accountId: string, conversationId: string) =>
    queryOptions({
      queryKey: ['conversations', 'detail', accountId, conversationId],
      queryFn: ({ signal }) => getConversation(accountId, conversationId, signal),
      staleTime: 5 * 60_000,
    }),
  consumer: (accountId: string, consumer: string) =>
    queryOptions({
      queryKey: ['conversations', 'consumer', accountId, consumer],
      queryFn: ({ signal }) => getConsumerConversations(accountId, consumer, signal),
    }),
}
