import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { requestJson } from '@/app/lib/http'
import {
  conversationReviewsSchema,
  reviewListSchema,
  reviewPeopleSchema,
  reviewSchema,
  reviewSummariesSchema,
  scorecardListSchema,
  scorecardSchema,
  type ReviewContent,
  type ReviewListQuery,
  type ScorecardDefinitionInput,
} from '@/domain/schema/reviews'

/**
 * The review API (issue 13) as the app calls it: `/api/scorecards` and `/api/reviews`. Used by the
 * Review panel, the Reviews and Scorecards pages and the search page's review column; all of them
 * lazy, so this module is not part of the search page's first script.
 */

const REVIEWS = ['reviews'] as const

/** The query string of a review list (what the Reviews page and its exports ask for). */
export function reviewListParams(query: Partial<ReviewListQuery>): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','))
    } else params.set(key, String(value))
  }
  return params
}

export const reviewQueries = {
  scorecards: () =>
    queryOptions({
      queryKey: ['scorecards'],
      queryFn: ({ signal }) => requestJson('/api/scorecards', scorecardListSchema, { signal }),
      staleTime: 60_000,
    }),
  /** One scorecard at one version (its newest when `version` is absent). */
  scorecard: (id: number, version?: number) =>
    queryOptions({
      queryKey: ['scorecards', id, version ?? 'latest'],
      queryFn: ({ signal }) =>
        requestJson(
          `/api/scorecards/${String(id)}${version === undefined ? '' : `?version=${String(version)}`}`,
          scorecardSchema,
          { signal },
        ),
      // A version never changes; the newest may.
      staleTime: version === undefined ? 60_000 : Infinity,
    }),
  forConversation: (conversationId: string) =>
    queryOptions({
      queryKey: [...REVIEWS, 'conversation', conversationId],
      queryFn: ({ signal }) =>
        requestJson(
          `/api/conversations/${encodeURIComponent(conversationId)}/reviews`,
          conversationReviewsSchema,
          { signal },
        ),
    }),
  review: (id: string) =>
    queryOptions({
      queryKey: [...REVIEWS, 'one', id],
      queryFn: ({ signal }) => requestJson(`/api/reviews/${id}`, reviewSchema, { signal }),
    }),
  list: (query: Partial<ReviewListQuery>) =>
    queryOptions({
      queryKey: [...REVIEWS, 'list', query],
      queryFn: ({ signal }) =>
        requestJson(`/api/reviews?${reviewListParams(query).toString()}`, reviewListSchema, {
          signal,
        }),
      placeholderData: (previous) => previous,
    }),
  people: () =>
    queryOptions({
      queryKey: [...REVIEWS, 'people'],
      queryFn: ({ signal }) => requestJson('/api/reviews/people', reviewPeopleSchema, { signal }),
      staleTime: 60_000,
    }),
  /** How each conversation of a results page stands (the search page's review column). */
  summaries: (conversationIds: readonly string[]) =>
    queryOptions({
      queryKey: [...REVIEWS, 'summaries', [...conversationIds]],
      queryFn: ({ signal }) =>
        requestJson('/api/reviews/summary', reviewSummariesSchema, {
          json: { conversationIds },
          signal,
        }),
      enabled: conversationIds.length > 0,
      staleTime: 30_000,
    }),
}

/** After any review changes: every review list, summary and conversation's reviews is stale. */
export const invalidateReviews = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: REVIEWS })

export const createReview = (body: {
  conversationId: string
  leg: { agentId: string; agentName?: string; role: 'agent' | 'bot' }
  scorecardId: number
}) => requestJson('/api/reviews', reviewSchema, { json: body })

/** `keepalive`: the page is going away (the Review panel's last autosave on unload). */
export const saveReview = (
  id: string,
  revision: number,
  content: ReviewContent,
  init: { keepalive?: boolean } = {},
) =>
  requestJson(`/api/reviews/${id}`, reviewSchema, {
    ...init,
    method: 'PUT',
    // Only the fields a save takes (the server refuses unknown ones), whatever `content` holds.
    json: {
      revision,
      answers: content.answers,
      notes: content.notes,
      evidence: content.evidence,
      comment: content.comment,
    },
  })

export const submitReview = (id: string, revision: number) =>
  requestJson(`/api/reviews/${id}/submit`, reviewSchema, { json: { revision } })

export const acknowledgeReview = (id: string, revision: number) =>
  requestJson(`/api/reviews/${id}/acknowledge`, reviewSchema, { json: { revision } })

export const disputeCriterion = (
  id: string,
  body: { revision: number; criterionId: string; reason: string },
) => requestJson(`/api/reviews/${id}/disputes`, reviewSchema, { json: body })

export const decideDispute = (
  id: string,
  disputeId: string,
  body: { revision: number; decision: 'accept' | 'reject'; note: string; answer?: string },
) => requestJson(`/api/reviews/${id}/disputes/${disputeId}`, reviewSchema, { json: body })

export const discardReview = (id: string) =>
  requestJson(`/api/reviews/${id}`, z.unknown(), { method: 'DELETE' })

export const createScorecard = (definition: ScorecardDefinitionInput) =>
  requestJson('/api/scorecards', scorecardSchema, { json: definition })

export const updateScorecard = (
  id: number,
  version: number,
  definition: ScorecardDefinitionInput,
) =>
  requestJson(`/api/scorecards/${String(id)}`, scorecardSchema, {
    method: 'PUT',
    json: { version, definition },
  })

export const archiveScorecard = (id: number, archived: boolean) =>
  requestJson(`/api/scorecards/${String(id)}`, scorecardSchema, {
    method: 'PATCH',
    json: { archived },
  })
