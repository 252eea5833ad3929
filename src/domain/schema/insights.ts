import { z } from 'zod'
import { searchBodySchema } from '@/domain/schema/search-request'

/**
 * `POST /api/insights` (issue 15): what the conversations of a search look like, counted on the
 * server over exactly the conversations the search finds (the same filters, the reader's scope).
 * Every count comes with the filter that finds exactly those conversations in the list: a time
 * bucket is its start window as the search reads it (rounded out to 10 minutes, both ends
 * included), an MCS bucket its inclusive range, a CSAT value, a device or a channel itself.
 */

/** A zone name `Intl` knows: buckets of days and hours are the reader's days and hours. */
const zoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, 'must be a time zone name, such as Europe/Berlin or UTC')

export const insightsRequestSchema = z.object({
  /** The search, as `conversations/search` takes it (paging and content are not read). */
  search: searchBodySchema,
  zone: zoneSchema,
})
export type InsightsRequest = z.input<typeof insightsRequestSchema>

const count = z.number().int().nonnegative()

/** How many agents and skills the reply-time charts are given, most conversations first. */
export const TOP_REPLY_ROWS = 100

/** How many skill-to-skill transfer pairs the transfers chart shows. */
export const TOP_TRANSFER_PATHS = 10
/** Numbers of transfers counted one by one; from this on, one bar (up to the search's 1000). */
export const TRANSFERS_CAPPED_AT = 5
const keyCounts = z.record(z.string(), count)

/** A median and a 90th percentile (interpolated) of reply times in ms; null without one. */
const replyFiguresSchema = z.object({ median: z.number().nullable(), p90: z.number().nullable() })

/**
 * An agent's or a skill's reply times: `count` conversations (what its link, the search with
 * that agent or skill, finds), `replied` of them with a reply to time.
 */
const replyRowSchema = z.object({
  key: z.string(),
  count,
  replied: count,
  first: replyFiguresSchema,
  average: replyFiguresSchema,
})
export type ReplyRow = z.infer<typeof replyRowSchema>

/** One bar of the volume chart: its start window (what its link searches) and its counts. */
const volumeBucketSchema = z.object({
  /** Epoch ms, as the link's `from` and `to` (inclusive; the search rounds them out to 10 min). */
  from: z.number(),
  to: z.number(),
  total: count,
  byStatus: keyCounts,
  byChannel: keyCounts,
})

export const insightsSchema = z.object({
  /** Conversations the search finds (the list's count). */
  total: count,
  volume: z.object({
    unit: z.enum(['hour', 'day']),
    buckets: z.array(volumeBucketSchema),
  }),
  /** MCS in buckets of 10 (the last one 90 to 100), and how many have none. */
  mcs: z.object({
    buckets: z.array(z.object({ from: z.number(), to: z.number(), count })),
    none: count,
  }),
  /** CSAT 1 to 5, and how many have none. */
  csat: z.object({
    values: z.array(z.object({ value: z.number(), count })),
    none: count,
  }),
  /** By device and by channel, most first; `unknown` counts those with none. */
  devices: z.object({ values: z.array(z.object({ key: z.string(), count })), unknown: count }),
  channels: z.object({ values: z.array(z.object({ key: z.string(), count })), unknown: count }),
  /** How conversations closed (`info.closeReason`, upper case), most first; `none`: not closed so. */
  closeReasons: z.object({
    values: z.array(z.object({ key: z.string(), count })),
    none: count,
  }),
  /**
   * Conversations by number of transfers (0 to 4, then 5 to 1000 as the search's `transferCount`
   * reads them), `none` without a transfers section; and the skill-to-skill transfers most made,
   * each counted once per conversation (at most {@link TOP_TRANSFER_PATHS}).
   */
  transfers: z.object({
    counts: z.array(z.object({ from: z.number(), to: z.number(), count })),
    none: count,
    paths: z.array(z.object({ from: z.string(), to: z.string(), count })),
  }),
  /**
   * Reply times (archive migration 5): by assigned agent (that agent's replies in each of its
   * conversations) and by skill (any skill of the conversation; human agents' replies), at most
   * {@link TOP_REPLY_ROWS} each, most conversations first.
   */
  replies: z.object({ agents: z.array(replyRowSchema), skills: z.array(replyRowSchema) }),
})
export type Insights = z.infer<typeof insightsSchema>
