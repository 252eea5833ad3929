import type { ConversationSearch } from '@/app/features/search/search-params'
import { DEFAULT_RANGE, parseFailedKey, parseSde } from '@/app/features/search/search-params'
import { RANGE_LABELS } from '@/app/features/search/search-window'
import {
  ALERTED_MCS_CHOICES,
  CONTENT_CHOICES,
  DEVICE_CHOICES,
  labelOf,
  QUEUE_CHOICES,
  REVIEW_STATUS_CHOICES,
  STATUS_CHOICES,
} from '@/app/features/search/filter-choices'
import { channelLabel, codeToWords, SDE_LABELS } from '@/app/lib/vocabulary/labels'

export interface ActiveFilter {
  label: string
  value: string
  /** Scorecard IDs, which the chip names once the scorecards are known. */
  scorecards?: readonly string[]
  /** Failing criteria (`scorecardId:criterionId`): the chip names each criterion's scorecard. */
  criteria?: readonly { scorecard: string; criterion: string }[]
}

function between(min: number | undefined, max: number | undefined, unit = ''): string | undefined {
  if (min === undefined && max === undefined) return undefined
  if (min === undefined) return `at most ${String(max)}${unit}`
  if (max === undefined) return `at least ${String(min)}${unit}`
  return `${String(min)}–${String(max)}${unit}`
}

/**
 * The filters a search applies, in words ("Status: Open"), for the empty state. `nameOf` turns
 * an agent, skill or group ID into the name the archive knows.
 */
export function describeFilters(
  search: ConversationSearch,
  nameOf: (kind: 'agent' | 'skill' | 'group', id: string) => string,
): ActiveFilter[] {
  const out: ActiveFilter[] = []
  const add = (label: string, value: string | undefined) => {
    if (value) out.push({ label, value })
  }
  const list = (values: readonly string[], format: (value: string) => string) =>
    values.length > 0 ? values.map(format).join(', ') : undefined

  if (search.from !== undefined || search.to !== undefined) {
    add('Started', `${search.from ?? '…'} to ${search.to ?? 'now'}`)
  } else {
    add('Started', RANGE_LABELS[search.range ?? DEFAULT_RANGE].toLowerCase())
  }
  add(
    'Status',
    list(search.status, (v) => labelOf(STATUS_CHOICES, v)),
  )
  add('Keyword', search.q)
  add('Summary', search.summary)
  add(
    'Agent',
    list(search.agent, (id) => nameOf('agent', id)),
  )
  add(
    'Skill',
    list(search.skill, (id) => nameOf('skill', id)),
  )
  add(
    'Agent group',
    list(search.group, (id) => nameOf('group', id)),
  )
  add('Channel', list(search.channel, channelLabel))
  add(
    'Device',
    list(search.device, (v) => labelOf(DEVICE_CHOICES, v)),
  )
  add('MCS', between(search.mcsMin, search.mcsMax))
  add('CSAT', between(search.csatMin, search.csatMax))
  add('Duration', between(search.durMin, search.durMax, ' min'))
  add(
    'Alerted MCS',
    list(search.alertedMcs, (v) => labelOf(ALERTED_MCS_CHOICES, v)),
  )
  add(
    'Message content',
    list(search.content, (v) => labelOf(CONTENT_CHOICES, v)),
  )
  add('Queue state', search.queue ? labelOf(QUEUE_CHOICES, search.queue) : undefined)
  const sde = parseSde(search.sde)
  add('Engagement attribute', sde ? `${SDE_LABELS[sde.type]} "${sde.value}"` : undefined)
  // Issue 15 (the chip above the tabs says it in full: sde-value-chip.tsx).
  add(
    'Attribute value',
    search.sdeField &&
      `${search.sdeField} ${search.sdeValue ?? `${search.sdeFrom ?? ''}–${search.sdeTo ?? ''}`}`,
  )
  add(
    'Review',
    list(search.review, (v) => labelOf(REVIEW_STATUS_CHOICES, v)),
  )
  add('Review score', between(search.scoreMin, search.scoreMax, '%'))
  add('Reviewer', list(search.reviewer, String))
  if (search.scorecard.length > 0) {
    out.push({
      label: 'Scorecard',
      value: search.scorecard.join(', '),
      scorecards: search.scorecard,
    })
  }
  add('Disputed', search.disputed ? 'open disputes only' : undefined)
  add('Closed by', list(search.closed, codeToWords))
  add('Transfers', between(search.transfersMin, search.transfersMax))
  if (search.transferFrom && search.transferTo) {
    add(
      'Transferred',
      `from ${nameOf('skill', search.transferFrom)} to ${nameOf('skill', search.transferTo)}`,
    )
  }
  add(
    'Reviewed agent',
    list(search.reviewedAgent, (id) => nameOf('agent', id)),
  )
  if (search.failed.length > 0) {
    out.push({
      label: 'Failing criterion',
      value: search.failed.join(', '),
      criteria: search.failed.map(parseFailedKey),
    })
  }
  return out
}

/** How many review filters are set (shown on the Review filters summary line). */
export function countReviewFilters(search: ConversationSearch): number {
  return [
    search.review.length || undefined,
    search.scoreMin ?? search.scoreMax,
    search.reviewer.length || undefined,
    search.scorecard.length || undefined,
    search.disputed,
    search.reviewedAgent.length || undefined,
    search.failed.length || undefined,
  ].filter((value) => value !== undefined).length
}

/** How many of the "More filters" section's filters are set (shown on its summary line). */
export function countMoreFilters(search: ConversationSearch): number {
  return [
    search.summary,
    search.channel.length || undefined,
    search.device.length || undefined,
    search.mcsMin ?? search.mcsMax,
    search.csatMin ?? search.csatMax,
    search.durMin ?? search.durMax,
    search.alertedMcs.length || undefined,
    search.content.length || undefined,
    search.queue,
    search.sde,
    search.closed.length || undefined,
    search.transfersMin ?? search.transfersMax,
    search.transferFrom && search.transferTo ? 1 : undefined,
  ].filter((value) => value !== undefined).length
}
