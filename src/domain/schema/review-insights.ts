import { z } from 'zod'

/**
 * `POST /api/insights/reviews` (issue 15): the QA charts of a search, `{search, zone}` as
 * `/api/insights` takes them (`insightsRequestSchema`). Counted over exactly the conversations
 * the search finds, in the reader's scope, and over the reviews the reader may see
 * (`ReviewVisibility`) that match the search's own review filter: submitted reviews only (a
 * draft has no verdict). Every count is of conversations, the list count of its mark's link:
 *
 * - `scores`: by reviewed agent (a review's leg) and period of the conversation's start (a day,
 *   or a week from Monday for windows over 14 days, in the reader's zone; clipped to the search's
 *   window, whose ends the search rounds out to 10 minutes): the conversations with a review of
 *   that agent, and the average score of those reviews (null when none has a score). The link
 *   searches `review: {status: reviewed, agent: [id]}` in the period's window.
 * - `failing`: the criteria that fail most (src/domain/review-failures.ts): conversations with a
 *   review failing that criterion, top 15; the link searches `review: {failedCriterion}`.
 */

const count = z.number().int().nonnegative()

/** One point: an agent's reviews of conversations that started in one period. */
const scorePointSchema = z.object({
  /** Index into `periods`. */
  period: z.number().int().nonnegative(),
  conversations: count,
  reviews: count,
  /** Average score of the reviews with one (0–100, one decimal), or null. */
  average: z.number().nullable(),
})

const agentScoresSchema = z.object({
  agentId: z.string(),
  /** The leg's name as the newest review of it gave it, if any. */
  name: z.string().optional(),
  /** Over the whole window: conversations, reviews, average score. */
  conversations: count,
  reviews: count,
  average: z.number().nullable(),
  points: z.array(scorePointSchema),
})

export const reviewInsightsSchema = z.object({
  /** Conversations with at least one counted review (the list of `review: {status: reviewed}`). */
  reviewed: count,
  /** Counted reviews (submitted, visible, matching the search's review filter). */
  reviews: count,
  scores: z.object({
    unit: z.enum(['day', 'week']),
    /** Each period's window, epoch ms, both ends included (what its link searches). */
    periods: z.array(z.object({ from: z.number(), to: z.number() })),
    /** The agents with most reviews (at most 8), most first. */
    agents: z.array(agentScoresSchema),
    /** Agents with reviews left out of `agents`. */
    otherAgents: count,
  }),
  failing: z.object({
    /** At most 15, most conversations first. */
    criteria: z.array(
      z.object({
        scorecard: z.number().int(),
        scorecardName: z.string(),
        criterion: z.string(),
        /** The criterion's name in the newest version of the scorecard that has it. */
        name: z.string(),
        conversations: count,
        reviews: count,
      }),
    ),
    /** Criteria failing at least once left out of `criteria`. */
    otherCriteria: count,
  }),
})
export type ReviewInsights = z.infer<typeof reviewInsightsSchema>
