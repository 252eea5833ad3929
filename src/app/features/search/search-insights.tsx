import { useRouter } from '@tanstack/react-router'
import { useCallback } from 'react'
import { InsightsView, type InsightSlice } from '@/app/features/insights/insights-view'
import {
  compactSearch,
  failedKey,
  type ConversationSearch,
} from '@/app/features/search/search-params'
import type { AppConfig } from '@/app/lib/config-queries'
import type { TimeZone } from '@/app/lib/time'
import { CONVERSATION_STATUSES, DEVICES } from '@/domain/schema/search-constants'
import type { SearchBodyInput } from '@/domain/schema/search-request'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * The search narrowed to one mark of a chart (issue 15): the window the chart counted, pinned
 * (so "the last 30 days" does not move under the link), and the mark's own filter, intersected
 * with the search's where both name a range. The list of the result is exactly the mark's
 * conversations. None when the mark cannot be written as a search: a status the search does not
 * know, a channel with spaces around it or longer than the search takes (the search trims and
 * limits it, so its list would be another one), ranges that do not meet, a second transfer pair
 * (the search holds one), an agent or skill other than the search's own, text with half of a
 * character in it.
 */
export function narrowSearch(
  search: ConversationSearch,
  slice: InsightSlice,
  counted: { from: number; to: number },
): ConversationSearch | undefined {
  // Text the URL cannot carry as it is (half of an emoji: the address writes U+FFFD instead), so
  // the list would search for another value.
  const texts = [
    slice.channel,
    slice.closeReason,
    slice.transferPath?.from,
    slice.transferPath?.to,
    slice.agent,
    slice.skill,
    slice.reviewedAgent,
    slice.failedCriterion?.criterion,
    slice.sde?.field,
    slice.sde && 'value' in slice.sde ? slice.sde.value : undefined,
  ]
  if (texts.some((text) => text !== undefined && LONE_SURROGATE.test(text))) return undefined
  const window = slice.window ?? counted
  const next: ConversationSearch = {
    ...search,
    view: 'results',
    page: 1,
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    range: undefined,
  }
  if (slice.status !== undefined) {
    const status = CONVERSATION_STATUSES.find((known) => known === slice.status)
    if (!status) return undefined
    next.status = [status]
  }
  if (slice.channel !== undefined) {
    const channel = slice.channel
    if (channel !== channel.trim() || channel === '' || channel.length > 100) return undefined
    next.channel = [channel]
  }
  if (slice.device !== undefined) {
    const device = DEVICES.find((known) => known === slice.device)
    if (!device) return undefined
    next.device = [device]
  }
  if (slice.mcs) {
    next.mcsMin = Math.max(search.mcsMin ?? 0, slice.mcs.from)
    next.mcsMax = Math.min(search.mcsMax ?? 100, slice.mcs.to)
    if (next.mcsMin > next.mcsMax) return undefined
  }
  if (slice.csat !== undefined) {
    next.csatMin = Math.max(search.csatMin ?? 1, slice.csat)
    next.csatMax = Math.min(search.csatMax ?? 5, slice.csat)
    if (next.csatMin > next.csatMax) return undefined
  }
  // An agent or a skill among the search's own (if it has some): the list of that one alone.
  for (const [key, id] of [
    ['agent', slice.agent],
    ['skill', slice.skill],
  ] as const) {
    if (id === undefined) continue
    if (id === '' || id !== id.trim() || /\p{Cc}/u.test(id)) return undefined
    if (search[key].length > 0 && !search[key].includes(id)) return undefined
    next[key] = [id]
  }
  if (slice.closeReason !== undefined) {
    // As the archive keeps it (trimmed, upper case) and within what the search takes.
    const reason = slice.closeReason
    if (reason !== reason.trim().toUpperCase() || reason === '' || reason.length > 64) {
      return undefined
    }
    next.closed = [reason]
  }
  if (slice.transfers) {
    next.transfersMin = Math.max(search.transfersMin ?? 0, slice.transfers.from)
    next.transfersMax = Math.min(search.transfersMax ?? 1000, slice.transfers.to)
    if (next.transfersMin > next.transfersMax) return undefined
  }
  if (slice.transferPath) {
    const { from, to } = slice.transferPath
    const expressible = (id: string) => id !== '' && id === id.trim() && id.length <= 64
    if (!expressible(from) || !expressible(to)) return undefined
    // The search has one transfer of its own: another pair of its conversations cannot be added.
    const own = search.transferFrom && search.transferTo
    if (own && (search.transferFrom !== from || search.transferTo !== to)) return undefined
    next.transferFrom = from
    next.transferTo = to
  }
  if (slice.sde) {
    // One engagement-attribute value per search: a search that has one already cannot also
    // have another (a conversation may have both; its list would be another one).
    if (search.sdeField !== undefined) return undefined
    next.sdeField = slice.sde.field
    if ('value' in slice.sde) next.sdeValue = slice.sde.value
    else {
      next.sdeFrom = String(slice.sde.from)
      next.sdeTo = String(slice.sde.to)
    }
  }
  // The QA charts count submitted reviews matching the search's review filter and the mark, so
  // the link adds `reviewed` and the mark's key to it (all on one review, as the filter means);
  // a search only of conversations without a submitted review has no such mark.
  if (slice.reviewedAgent !== undefined || slice.failedCriterion) {
    if (search.review.length > 0 && !search.review.includes('reviewed')) return undefined
    next.review = ['reviewed']
  }
  if (slice.reviewedAgent !== undefined) {
    const agent = slice.reviewedAgent
    if (!/^[^\s,]{1,64}$/.test(agent)) return undefined
    if (search.reviewedAgent.length > 0 && !search.reviewedAgent.includes(agent)) return undefined
    next.reviewedAgent = [agent]
  }
  if (slice.failedCriterion) {
    const key = failedKey(slice.failedCriterion.scorecard, slice.failedCriterion.criterion)
    if (search.failed.length > 0 && !search.failed.includes(key)) return undefined
    next.failed = [key]
  }
  return next
}

/**
 * The Insights tab of the search page: the lazy chunk's entry (with the charts and their
 * library), so the search page's first script carries none of it.
 */
export function SearchInsights({
  search,
  window,
  body,
  zone,
  mode,
  onSearch,
}: {
  search: ConversationSearch
  /** The window the search counted, as epoch milliseconds. */
  window: { from: number; to: number }
  body: SearchBodyInput
  zone: TimeZone
  mode: AppConfig['mode']
  onSearch: (next: ConversationSearch) => void
}) {
  const router = useRouter()
  // The window is a new object each render; its ends are what the links depend on.
  const { from, to } = window
  const hrefFor = useCallback(
    (slice: InsightSlice) => {
      const narrowed = narrowSearch(search, slice, { from, to })
      return narrowed
        ? router.buildLocation({ to: '/conversations', search: compactSearch(narrowed) }).href
        : undefined
    },
    [search, from, to, router],
  )
  const navigate = useCallback((href: string) => router.history.push(href), [router])
  return (
    <InsightsView
      body={body}
      zone={zone}
      mode={mode}
      stackBy={search.by}
      onStackByChange={(by) => onSearch({ ...search, by })}
      replyMeasure={search.reply}
      onReplyMeasureChange={(reply) => onSearch({ ...search, reply })}
      sdeChart={search.sdeChart}
      onSdeChartChange={(sdeChart) => onSearch({ ...search, sdeChart })}
      hrefFor={hrefFor}
      navigate={navigate}
    />
  )
}
