import { csvRow, type CsvValue } from '@/domain/csv'
import {
  computeScore,
  criteriaOf,
  NOT_APPLICABLE,
  scalePoints,
  type ReviewsExport,
  type ScorecardDefinition,
} from '@/domain/schema/reviews'

/**
 * The reviews CSV (`GET /api/reviews.csv`, `npm run reviews -- export --format csv`), made from
 * the JSON export so both say the same: one row per review, one column per criterion of every
 * scorecard version in the export (`<scorecard>: <criterion>`, holding the point's label, N/A or
 * nothing), the evidence's message IDs and the deep link to the review.
 * Cells go through `csvRow`, which keeps a spreadsheet from running one as a formula.
 */

export const REVIEW_CSV_COLUMNS = [
  'review id',
  'conversation id',
  'leg agent id',
  'agent name',
  'reviewer email',
  'reviewer name',
  'scorecard',
  'scorecard version',
  'state',
  'score',
  'critical failed',
  'open disputes',
  'acknowledged',
  'created',
  'submitted',
  'updated',
] as const

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '' : new Date(ms).toISOString()

/** The deep link to a conversation with one review open. */
export const reviewLink = (origin: string, conversationId: string, reviewId: string) =>
  `${origin}/conversations/${encodeURIComponent(conversationId)}?review=${encodeURIComponent(reviewId)}`

/** The file's lines (header first), each ending in CRLF; a byte-order mark before the header. */
export function* reviewsCsvLines(data: ReviewsExport, origin: string): Generator<string> {
  const versions = new Map<string, ScorecardDefinition>()
  const columns: string[] = []
  const columnIndex = new Map<string, number>()
  for (const card of data.scorecards) {
    for (const version of card.versions) {
      versions.set(`${card.uid}:${String(version.version)}`, version.definition)
      for (const criterion of criteriaOf(version.definition)) {
        const header = `${version.definition.name}: ${criterion.name}`
        if (!columnIndex.has(header)) {
          columnIndex.set(header, columns.length)
          columns.push(header)
        }
      }
    }
  }
  yield `\uFEFF${csvRow([...REVIEW_CSV_COLUMNS, ...columns, 'evidence message ids', 'link'])}\r\n`
  for (const review of data.reviews) {
    const card = versions.get(`${review.scorecard.uid}:${String(review.scorecard.version)}`)
    const score = card ? computeScore(card, review.answers) : undefined
    const cells: CsvValue[] = columns.map(() => '')
    for (const criterion of card ? criteriaOf(card) : []) {
      const index = columnIndex.get(`${card?.name ?? ''}: ${criterion.name}`)
      const answer = review.answers[criterion.id]
      if (index === undefined || answer === undefined) continue
      cells[index] =
        answer === NOT_APPLICABLE
          ? 'N/A'
          : (scalePoints(criterion.scale).find((point) => point.key === answer)?.label ?? answer)
    }
    const messageIds = [
      ...new Set(review.evidence.flatMap((e) => e.quotes.map((quote) => quote.messageId))),
    ]
    yield `${csvRow([
      review.id,
      review.conversationId,
      review.leg.agentId,
      review.leg.agentName ?? '',
      review.author.email,
      review.author.name,
      card?.name ?? '',
      review.scorecard.version,
      review.state,
      score?.percent ?? '',
      score?.criticalFailed ? 'yes' : 'no',
      review.disputes.filter((d) => d.state === 'open').length,
      iso(review.acknowledged?.at),
      iso(review.createdAt),
      iso(review.submittedAt),
      iso(review.updatedAt),
      ...cells,
      messageIds.join(';'),
      reviewLink(origin, review.conversationId, review.id),
    ])}\r\n`
  }
}
