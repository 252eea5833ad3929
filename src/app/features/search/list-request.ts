import type { ConversationListRequest } from '@/app/lib/conversation-queries'
import type { TimeZone } from '@/app/lib/time'
import type {
  ContentToRetrieve,
  SearchBodyInput,
  SearchReviewFilter,
} from '@/domain/schema/search-request'
import {
  parseFailedKey,
  parseSde,
  type ConversationSearch,
} from '@/app/features/search/search-params'
import { resolveWindow, type WindowField } from '@/app/features/search/search-window'

/**
 * Only the sections the results table and the CSV export read (`info` always comes back), so a
 * page of 100 stays light: no messages, no SDEs, no surveys.
 */
export const LIST_SECTIONS: readonly ContentToRetrieve[] = [
  'agentParticipants',
  'consumerParticipants',
  'summary',
]

export interface ListRequestProblem {
  field: WindowField | 'mcs' | 'csat' | 'duration' | 'score' | 'transfers'
  message: string
}

export type ListRequestResult =
  | { ok: true; request: ConversationListRequest; window: { from: number; to: number } }
  | ({ ok: false; request: ConversationListRequest } & ListRequestProblem)

function range(
  min: number | undefined,
  max: number | undefined,
  scale = 1,
): { from?: number; to?: number } | undefined {
  if (min === undefined && max === undefined) return undefined
  return {
    ...(min === undefined ? {} : { from: min * scale }),
    ...(max === undefined ? {} : { to: max * scale }),
  }
}

const listOrUndefined = <T>(list: readonly T[]): T[] | undefined =>
  list.length > 0 ? [...list] : undefined

/** The review part of the search (issue 13), or undefined when no review filter is set. */
export function reviewFilter(search: ConversationSearch): SearchReviewFilter | undefined {
  const filter: SearchReviewFilter = {
    status: listOrUndefined(search.review),
    minScore: search.scoreMin,
    maxScore: search.scoreMax,
    reviewer: listOrUndefined(search.reviewer),
    scorecard: search.scorecard.length > 0 ? search.scorecard.map(Number) : undefined,
    disputed: search.disputed,
    agent: listOrUndefined(search.reviewedAgent),
    failedCriterion: listOrUndefined(
      search.failed.map((key) => {
        const { scorecard, criterion } = parseFailedKey(key)
        return { scorecard: Number(scorecard), criterion }
      }),
    ),
  }
  return Object.values(filter).some((value) => value !== undefined) ? filter : undefined
}

/** The `conversations/search` body for the filters in the URL (sort and page are query params). */
export function buildSearchBody(
  search: ConversationSearch,
  window: { from: number; to: number },
): SearchBodyInput {
  const sde = parseSde(search.sde)
  // Absent filters stay undefined: JSON (the request body and the query key) leaves them out.
  return {
    start: { from: window.from, to: window.to },
    status: listOrUndefined(search.status),
    keyword: search.q,
    summary: search.summary,
    agentIds: listOrUndefined(search.agent),
    skillIds: listOrUndefined(search.skill),
    agentGroupIds: listOrUndefined(search.group),
    source: listOrUndefined(search.channel),
    device: listOrUndefined(search.device),
    mcs: range(search.mcsMin, search.mcsMax),
    csat: range(search.csatMin, search.csatMax),
    duration: range(search.durMin, search.durMax, 60),
    alertedMcsValues: listOrUndefined(search.alertedMcs),
    messageContentTypes: listOrUndefined(search.content),
    latestConversationQueueState: search.queue,
    sdeSearch: sde ? { [sde.type]: sde.value } : undefined,
    review: reviewFilter(search),
    closeReasons: listOrUndefined(search.closed),
    transferCount: range(search.transfersMin, search.transfersMax),
    transferPath:
      search.transferFrom && search.transferTo
        ? { from: search.transferFrom, to: search.transferTo }
        : undefined,
    // Issue 15: a value, or a range (the server refuses both at once).
    sdeValue: search.sdeField
      ? { field: search.sdeField, value: search.sdeValue, from: search.sdeFrom, to: search.sdeTo }
      : undefined,
    contentToRetrieve: [...LIST_SECTIONS],
  }
}

/**
 * Builds the list request for the search in the URL, or says which filter is invalid: an
 * over-long window or an inverted range never reaches the server.
 */
export function buildListRequest(
  search: ConversationSearch,
  accountId: string,
  zone: TimeZone,
  now: number,
): ListRequestResult {
  const window = resolveWindow(search, zone, now)
  const request = (filters: ConversationSearch, span: { from: number; to: number }) => ({
    accountId,
    body: buildSearchBody(filters, span),
    offset: (filters.page - 1) * filters.pageSize,
    limit: filters.pageSize,
    sort: filters.sort,
  })
  if (!window.ok) {
    // What would be searched once the window is fixed: the default window. Never sent as is.
    const fallback = resolveWindow({ from: undefined, to: undefined, range: undefined }, zone, now)
    return {
      ...window,
      request: request(search, fallback.ok ? fallback : { from: now, to: now }),
    }
  }
  for (const [field, min, max, label] of [
    ['mcs', search.mcsMin, search.mcsMax, 'MCS'],
    ['csat', search.csatMin, search.csatMax, 'CSAT'],
    ['duration', search.durMin, search.durMax, 'Duration'],
    ['score', search.scoreMin, search.scoreMax, 'Review score'],
    ['transfers', search.transfersMin, search.transfersMax, 'Transfers'],
  ] as const) {
    if (min !== undefined && max !== undefined && min > max) {
      return {
        ok: false,
        field,
        message: `${label}: the minimum must not be above the maximum.`,
        request: request(search, window),
      }
    }
  }
  return {
    ok: true,
    request: request(search, window),
    window: { from: window.from, to: window.to },
  }
}
