import type { ReviewsSearch } from '@/app/features/reviews/reviews-search'
import { reviewListParams } from '@/app/lib/review-api'
import { reviewListQuerySchema, type ReviewListQuery } from '@/domain/schema/reviews'

/** Reviews per page unless the URL asks for another `limit`. */
export const REVIEWS_PAGE_SIZE = 50

const fields = reviewListQuerySchema.shape

/** A URL value as the schema should see it: blank counts as absent (not as the number 0). */
const text = (value: string | undefined) => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/**
 * The URL's filters, sort and page as the API reads them, each through the API's own schema: a
 * value it refuses (an unknown state, a score over 100, a `limit` over its maximum) counts as
 * absent, so the page shows what the server is asked for.
 */
export function reviewsQuery(search: ReviewsSearch): ReviewListQuery {
  return {
    state: fields.state.safeParse(text(search.state)).data,
    reviewer: fields.reviewer.safeParse(text(search.reviewer)).data,
    agent: fields.agent.safeParse(text(search.agent)).data,
    scorecard: fields.scorecard.safeParse(text(search.scorecard)).data,
    minScore: fields.minScore.safeParse(text(search.minScore)).data,
    maxScore: fields.maxScore.safeParse(text(search.maxScore)).data,
    disputed: fields.disputed.safeParse(text(search.disputed)).data,
    from: fields.from.safeParse(text(search.from)).data,
    to: fields.to.safeParse(text(search.to)).data,
    sort: fields.sort.safeParse(text(search.sort)).data ?? 'updated',
    order: fields.order.safeParse(text(search.order)).data ?? 'desc',
    offset: fields.offset.safeParse(text(search.offset)).data ?? 0,
    limit:
      fields.limit.safeParse(text(search.limit) ?? REVIEWS_PAGE_SIZE).data ?? REVIEWS_PAGE_SIZE,
  }
}

const FILTERS = [
  'state',
  'reviewer',
  'agent',
  'scorecard',
  'minScore',
  'maxScore',
  'disputed',
  'conversationId',
  'from',
  'to',
] as const satisfies readonly (keyof ReviewListQuery)[]

/** Whether any filter narrows the list (sort and page aside). */
export function isFiltered(query: ReviewListQuery): boolean {
  return FILTERS.some((key) => {
    const value = query[key]
    return Array.isArray(value) ? value.length > 0 : value !== undefined
  })
}

/**
 * `GET /api/reviews.csv` or `.json`: every review the filters match, in the page's order (the
 * page itself, `offset` and `limit`, is not part of an export).
 */
export function reviewsExportHref(format: 'csv' | 'json', query: ReviewListQuery): string {
  const params = reviewListParams({ ...query, offset: undefined, limit: undefined }).toString()
  return params ? `/api/reviews.${format}?${params}` : `/api/reviews.${format}`
}
