import { queryOptions } from '@tanstack/react-query'
import { insightsSchema, type InsightsRequest } from '@/domain/schema/insights'
import { requestJson } from '@/app/lib/http'
import { sdeValuesSchema, type SdeValuesRequest } from '@/domain/schema/sde-insights'
import { reviewInsightsSchema } from '@/domain/schema/review-insights'

/** `POST /api/insights` (issue 15): the insights of one search, in the reader's zone. */
export const insightsQueries = {
  all: () => ['insights'] as const,
  forSearch: (request: InsightsRequest) =>
    queryOptions({
      queryKey: [...insightsQueries.all(), request],
      queryFn: ({ signal }) =>
        requestJson('/api/insights', insightsSchema, { json: request, signal }),
    }),
  /** `POST /api/insights/sde-values`: one engagement attribute's values among the search's. */
  sdeValues: (request: SdeValuesRequest) =>
    queryOptions({
      queryKey: [...insightsQueries.all(), 'sde-values', request],
      queryFn: ({ signal }) =>
        requestJson('/api/insights/sde-values', sdeValuesSchema, { json: request, signal }),
    }),
  /** `POST /api/insights/reviews`: the QA charts of the same search. */
  reviewsForSearch: (request: InsightsRequest) =>
    queryOptions({
      queryKey: [...insightsQueries.all(), 'reviews', request],
      queryFn: ({ signal }) =>
        requestJson('/api/insights/reviews', reviewInsightsSchema, { json: request, signal }),
    }),
}
