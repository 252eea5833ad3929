import { z } from 'zod'
import {
  ALERTED_MCS_VALUES,
  CONVERSATION_STATUSES,
  DEVICES,
  MESSAGE_CONTENT_TYPES,
  QUEUE_STATES,
  REVIEW_STATUSES,
  SDE_SEARCH_KEYS,
  type SdeSearchKey,
} from '@/domain/schema/search-constants'

/**
 * The `/conversations` URL contract: the only store of search state. Every parameter is
 * tolerant (`.default()` + `.catch()`), so a hand-edited or stale link never breaks the page; a
 * bad value falls back to its default, and a repeatable parameter keeps its valid values only.
 *
 * Values may arrive as strings, numbers (the router's default parser turns `agent=42` into 42) or
 * arrays (a repeated parameter, or a JSON array as the router writes it).
 */

export const SORT_VALUES = ['start:desc', 'start:asc', 'end:desc', 'end:asc'] as const
export type SortValue = (typeof SORT_VALUES)[number]

export const PAGE_SIZES = [25, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/** 25 or 100 as asked, anything else the default 50. */
export function toPageSize(value: unknown): PageSize {
  const n = Number(value)
  return n === 25 || n === 100 ? n : 50
}

/** Relative time presets (`range`); absent `from`/`to` and `range` mean the last 7 days. */
export const RANGE_PRESETS = ['24h', '7d', '30d', '90d'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]
export const DEFAULT_RANGE: RangePreset = '7d'

const scalar = z.union([z.string(), z.number(), z.boolean()])
const scalarOrList = z.union([scalar, z.array(scalar)])

/** The values of a list parameter, each once; `commas` also splits `a,b` (review filters). */
function toStrings(value: z.infer<typeof scalarOrList>, commas?: boolean): string[] {
  const list = Array.isArray(value) ? value : [value]
  const out: string[] = []
  for (const item of list) {
    for (const part of commas ? String(item).split(',') : [String(item)]) {
      const text = part.trim()
      if (text && !out.includes(text)) out.push(text)
    }
  }
  return out
}

/** A repeatable free-form parameter (IDs, channel names). */
const stringList = scalarOrList
  .transform((value) => toStrings(value))
  .default([])
  .catch([])

/** A repeatable parameter limited to `values`; unknown values are dropped. */
function enumList<const T extends readonly string[]>(values: T, commas?: boolean) {
  const allowed = new Set<string>(values)
  const isAllowed = (value: string): value is T[number] => allowed.has(value)
  return scalarOrList
    .transform((value) => toStrings(value, commas).filter(isAllowed))
    .default([])
    .catch([])
}

/** A repeatable parameter of values matching `pattern` (`a,b` too); others are dropped. */
const matchingList = (pattern: RegExp) =>
  scalarOrList
    .transform((value) => toStrings(value, true).filter((item) => pattern.test(item)))
    .default([])
    .catch([])

/** Free text (keyword, summary); blank becomes absent. */
const text = scalar
  .transform((value) => {
    const trimmed = String(value).trim().slice(0, 500)
    return trimmed === '' ? undefined : trimmed
  })
  .optional()
  .catch(undefined)

/** A number within [min, max] (from a number or a numeric string); anything else is absent. */
function boundedNumber(min: number, max: number) {
  return z
    .union([z.number(), z.string()])
    .transform((value) => {
      const n = typeof value === 'number' ? value : Number(value.trim() === '' ? NaN : value)
      return Number.isFinite(n) && n >= min && n <= max ? n : undefined
    })
    .optional()
    .catch(undefined)
}

/** `2026-03-01`, `2026-03-01T08:30`, `2026-03-01T08:30:00Z`, `2026-03-01T08:30:00.000+01:00`. */
export const ISO_DATE_OR_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/

const isoDateOrDateTime = z
  .string()
  .transform((value) => {
    const trimmed = value.trim()
    if (!ISO_DATE_OR_DATE_TIME.test(trimmed)) return undefined
    const [year, month, day] = trimmed.slice(0, 10).split('-').map(Number)
    if (year === undefined || month === undefined || day === undefined) return undefined
    const probe = new Date(Date.UTC(year, month - 1, day))
    const valid =
      probe.getUTCFullYear() === year &&
      probe.getUTCMonth() === month - 1 &&
      probe.getUTCDate() === day
    return valid ? trimmed : undefined
  })
  .optional()
  .catch(undefined)

export interface SdeFilter {
  type: SdeSearchKey
  value: string
}

const sdeKeys = new Set<string>(SDE_SEARCH_KEYS)
const isSdeKey = (value: string): value is SdeSearchKey => sdeKeys.has(value)

/** A failing criterion in the URL (`failed`, issue 15): `scorecardId:criterionId`. */
export const failedKey = (scorecard: number, criterion: string) =>
  `${String(scorecard)}:${criterion}`

/** The scorecard and criterion of a {@link failedKey} (the URL's are checked to have both). */
export function parseFailedKey(key: string): { scorecard: string; criterion: string } {
  const at = key.indexOf(':')
  return { scorecard: key.slice(0, at), criterion: key.slice(at + 1) }
}

/** `type:value`, e.g. `customerInfo:CUST-1`; the value may itself contain colons. */
export function parseSde(value: string | undefined): SdeFilter | undefined {
  if (!value) return undefined
  const colon = value.indexOf(':')
  if (colon < 1) return undefined
  const type = value.slice(0, colon).trim()
  const rest = value.slice(colon + 1).trim()
  return isSdeKey(type) && rest ? { type, value: rest } : undefined
}

const sde = scalar
  .transform((value) => {
    const parsed = parseSde(String(value))
    return parsed ? `${parsed.type}:${parsed.value}` : undefined
  })
  .optional()
  .catch(undefined)

export const conversationSearchSchema = z.object({
  from: isoDateOrDateTime,
  to: isoDateOrDateTime,
  range: z.enum(RANGE_PRESETS).optional().catch(undefined),
  status: enumList(CONVERSATION_STATUSES),
  q: text,
  summary: text,
  agent: stringList,
  skill: stringList,
  group: stringList,
  channel: stringList,
  device: enumList(DEVICES),
  mcsMin: boundedNumber(0, 100),
  mcsMax: boundedNumber(0, 100),
  csatMin: boundedNumber(1, 5),
  csatMax: boundedNumber(1, 5),
  durMin: boundedNumber(0, 13 * 31 * 24 * 60),
  durMax: boundedNumber(0, 13 * 31 * 24 * 60),
  alertedMcs: enumList(ALERTED_MCS_VALUES),
  content: enumList(MESSAGE_CONTENT_TYPES),
  queue: z.enum(QUEUE_STATES).optional().catch(undefined),
  sde,
  // Issue 13: how the conversation stands in QA review (`review=none&review=reviewed`, or
  // `review=none,reviewed`), its score, who reviewed it with which scorecard, open disputes.
  review: enumList(REVIEW_STATUSES, true),
  scoreMin: boundedNumber(0, 100),
  scoreMax: boundedNumber(0, 100),
  reviewer: matchingList(/^[^\s,]{1,254}$/),
  scorecard: matchingList(/^[1-9]\d{0,9}$/),
  disputed: scalar
    .transform((value) => (value === true || value === 'true' || value === '1' ? true : undefined))
    .optional()
    .catch(undefined),
  // Issue 15, archive only: how it closed, how many transfers, one transfer from skill to skill.
  closed: stringList,
  transfersMin: boundedNumber(0, 1000),
  transfersMax: boundedNumber(0, 1000),
  transferFrom: text,
  transferTo: text,
  // Issue 15: one value of a charted engagement attribute (`sdeField` and `sdeValue`, or a number
  // range from `sdeFrom` up to `sdeTo`), checked by the server (numbers too: the search takes
  // them as text); `sdeChart`, the field charted.
  sdeField: text,
  sdeValue: text,
  sdeFrom: text,
  sdeTo: text,
  sdeChart: text,
  // Issue 15: the reviewed agent, and `scorecardId:criterionId` a review fails (the QA charts).
  reviewedAgent: matchingList(/^[^\s,]{1,64}$/),
  failed: matchingList(/^\d+:[a-z\d-]+$/),
  sort: z.enum(SORT_VALUES).default('start:desc').catch('start:desc'),
  // Issue 15: the list, or the insights of the same search, and what its volume chart stacks by.
  view: z.enum(['results', 'insights']).default('results').catch('results'),
  by: z.enum(['status', 'channel']).default('status').catch('status'),
  reply: z.enum(['first', 'average']).default('first').catch('first'),
  page: z
    .union([z.number(), z.string()])
    .transform((value) => {
      const n = Number(value)
      return Number.isInteger(n) && n >= 1 ? n : 1
    })
    .default(1)
    .catch(1),
  pageSize: z.union([z.number(), z.string()]).transform(toPageSize).default(50).catch(50),
})

export type ConversationSearch = z.output<typeof conversationSearchSchema>
export type ConversationSearchInput = z.input<typeof conversationSearchSchema>

/** The search with no filters: what "Clear filters" goes back to. */
export const EMPTY_SEARCH: ConversationSearch = conversationSearchSchema.parse({})

/** "Clear filters": no filter, but the same order, page size, tab and stacking. */
export const clearedSearch = (search: ConversationSearch): ConversationSearch => ({
  ...EMPTY_SEARCH,
  sort: search.sort,
  pageSize: search.pageSize,
  view: search.view,
  by: search.by,
  reply: search.reply,
  sdeChart: search.sdeChart,
})

/**
 * Values the URL leaves out (the router's `stripSearchParams` removes a parameter equal to its
 * default), so the default view is a bare `/conversations`.
 */
export const URL_DEFAULTS: Partial<ConversationSearch> = {
  range: DEFAULT_RANGE,
  status: [],
  agent: [],
  skill: [],
  group: [],
  channel: [],
  device: [],
  alertedMcs: [],
  content: [],
  review: [],
  reviewer: [],
  scorecard: [],
  closed: [],
  reviewedAgent: [],
  failed: [],
  sort: 'start:desc',
  view: 'results',
  by: 'status',
  reply: 'first',
  page: 1,
  pageSize: 50,
}

/**
 * The search as it should appear in the URL: defaults, blanks and empty lists left out, so the
 * default view has a clean `/conversations` and "last 7 days" stays relative.
 */
export function compactSearch(search: ConversationSearch): Partial<ConversationSearch> {
  const out: Partial<ConversationSearch> = {}
  const keep = <K extends keyof ConversationSearch>(key: K) => {
    const value = search[key]
    if (value === undefined) return
    if (Array.isArray(value) && value.length === 0) return
    if (value === EMPTY_SEARCH[key] && key !== 'range') return
    out[key] = value
  }
  for (const key of SEARCH_KEYS) keep(key)
  if (out.range === DEFAULT_RANGE || out.from !== undefined) delete out.range
  return out
}

/** Every parameter, in the order they are written to the URL. */
export const SEARCH_KEYS = Object.keys(
  conversationSearchSchema.shape,
) as readonly (keyof ConversationSearch)[]
