import { cleanup } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, vi } from 'vitest'
import { NOW } from './search-api'

/**
 * What the Insights tab's app tests share (issue 15): the clock and zone they run in, the two days
 * they chart, and the answers of the cards a test is not about.
 */

/** "Now" fixed, times in UTC; each test cleaned up after. */
export function withInsightsClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    window.localStorage.setItem('cv.timeZone', 'utc')
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
    vi.restoreAllMocks()
    window.localStorage.clear()
  })
}

export const MAR_1 = Date.UTC(2026, 2, 1)
export const MAR_2 = Date.UTC(2026, 2, 2)
export const MAR_3 = Date.UTC(2026, 2, 3)
/** 1 and 2 March as the search's window in the URL. */
export const WINDOW = `from=${new Date(MAR_1).toISOString()}&to=${new Date(MAR_3 - 1).toISOString()}`

/** The QA charts with no reviews to chart. */
export const NO_REVIEWS = {
  reviewed: 0,
  reviews: 0,
  scores: { unit: 'day', periods: [], agents: [], otherAgents: 0 },
  failing: { criteria: [], otherCriteria: 0 },
}

/** The engagement-attribute card with no values among 9 conversations. */
export const NO_SDE_VALUES = {
  field: 'customerInfo.customerType',
  kind: 'text',
  total: 9,
  none: 9,
  values: [],
  other: 0,
  buckets: [],
}

/** The QA charts' answer (search-review-insights.test.tsx): no reviews. */
export const noReviewsHandler = () =>
  http.post('*/api/insights/reviews', () => HttpResponse.json(NO_REVIEWS))
/** The engagement-attribute card's answer (search-sde-values.test.tsx): no values. */
export const noSdeValuesHandler = () =>
  http.post('*/api/insights/sde-values', () => HttpResponse.json(NO_SDE_VALUES))
