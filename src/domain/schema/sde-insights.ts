import { z } from 'zod'
import { zoneSchema } from '@/domain/schema/insights'
import { searchBodySchema } from '@/domain/schema/search-request'
import { SDE_CHART_FIELD_PATHS } from '@/domain/sde-fields'

/**
 * `POST /api/insights/sde-values` (issue 15): the values of one charted engagement-attribute
 * field (domain/sde-fields.ts) among the conversations a search finds, in the reader's scope.
 * A text field: its most common values (ASCII case ignored), each with the number of
 * conversations that have it, and how many have another value or none. A number field: counts in
 * buckets with round edges, from the smallest value to past the largest. Every count is the
 * count of the list its `sdeValue` filter finds: `{field, value}`, or `{field, from, to}` (from
 * included, to not). A conversation with two values (two purchases) counts under each.
 */
export const sdeValuesRequestSchema = z.object({
  /** The search, as `conversations/search` takes it (paging and content are not read). */
  search: searchBodySchema,
  zone: zoneSchema,
  field: z.enum(SDE_CHART_FIELD_PATHS, {
    error: `must be one of the charted engagement attributes: ${SDE_CHART_FIELD_PATHS.join(', ')}`,
  }),
})
export type SdeValuesRequest = z.input<typeof sdeValuesRequestSchema>

/** How many of the most common text values are told apart; the rest count as "other". */
export const SDE_TOP_VALUES = 20

const count = z.number().int().nonnegative()

export const sdeValuesSchema = z.object({
  field: z.string(),
  kind: z.enum(['text', 'number']),
  /** Conversations the search finds (the list's count). */
  total: count,
  /** Of those, how many have no value of the field. */
  none: count,
  /** Text: the most common values, most first (ties by value). */
  values: z.array(z.object({ value: z.string(), count })),
  /** Text: conversations with a value outside `values` (they may have one inside too). */
  other: count,
  /** Number: buckets, `from` included and `to` not, in order. */
  buckets: z.array(z.object({ from: z.number(), to: z.number(), count })),
})
export type SdeValues = z.infer<typeof sdeValuesSchema>
