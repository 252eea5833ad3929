import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Role } from '@/domain/schema/auth'
import {
  computeScore,
  criteriaOf,
  disputeSchema,
  evidenceSchema,
  NOT_APPLICABLE,
  personSchema,
  scalePoints,
  type Change,
  type Criterion,
  type Dispute,
  type Evidence,
  type HistoryAction,
  type HistoryEntry,
  type Leg,
  type Person,
  type Review,
  type ReviewContent,
  type ReviewListQuery,
  type ReviewRow,
  type ReviewsExport,
  type ReviewState,
  type ReviewSummary,
  type ScorecardDefinition,
} from '@/domain/schema/reviews'
import { placeholders, type SqlValue } from '@/server/archive/query'
import type { ReadScope } from '@/server/archive/read-scope'
import { num, rowsOf, str, type Row } from '@/server/archive/sql-rows'
import { HttpError } from '@/server/http/http-error'
import type { AuditTrail } from '@/server/workspace/audit'
import type { WorkspaceDatabase } from '@/server/workspace/workspace-db'
import type { ConversationFacts } from '@/server/reviews/conversation-facts'
import { parseDefinition, type ScorecardStore } from '@/server/reviews/scorecard-store'
import { failedCriteria } from '@/domain/review-failures'

/**
 * Reviews (issue 13) in the workspace database: one review of one leg of a conversation by one
 * author, on one version of a scorecard. Every write is one transaction that first checks the
 * revision the writer started from, so a save from a stale copy is refused (409), never lost;
 * the filterable facts (`state`, `percent`, `critical_failed`, `open_disputes`,
 * `acknowledged_ms`) are kept in columns in step with `content`; every change of a submitted
 * review is appended to `review_history`.
 *
 * HTTP-free: the routes, the CLI (`npm run reviews`) and the tests use it on a workspace's db.
 */

// ---------------------------------------------------------------------------------------------
// Who sees which reviews
// ---------------------------------------------------------------------------------------------

/**
 * Which reviews a reader sees: everything (admins, the local user, an unscoped reviewer); those
 * of conversations whose agents, agent groups or skills match a scope (reviewers, supervisors);
 * or the submitted reviews of an agent's own legs.
 */
export type ReviewVisibility =
  | { kind: 'all' }
  | ({ kind: 'scope' } & Omit<Extract<ReadScope, { all: false }>, 'all'>)
  | { kind: 'agent'; agentId: string | undefined }

export const ALL_REVIEWS: ReviewVisibility = { kind: 'all' }

/** The visibility of a reader of this role and read scope (and agent ID, for agents). */
export function reviewVisibility(
  role: Role,
  scope: ReadScope,
  agentId: string | undefined,
): ReviewVisibility {
  if (role === 'agent') return { kind: 'agent', agentId }
  if (role === 'admin' || scope.all) return ALL_REVIEWS
  return {
    kind: 'scope',
    agentIds: scope.agentIds,
    agentGroupIds: scope.agentGroupIds,
    skillIds: scope.skillIds,
  }
}

interface Fragment {
  sql: string
  params: SqlValue[]
}

/**
 * The visibility as a clause over `reviews r` (undefined: every review). `few`: the query
 * selects few reviews by other means (an ID, a page of conversation IDs), so each is checked on
 * the scope table's primary key; otherwise the scope's conversations are listed once.
 */
export function visibilityClause(visibility: ReviewVisibility, few = false): Fragment | undefined {
  switch (visibility.kind) {
    case 'all':
      return undefined
    case 'agent':
      return visibility.agentId
        ? { sql: "r.state = 'submitted' AND r.leg_agent_id = ?", params: [visibility.agentId] }
        : { sql: '0', params: [] }
    case 'scope': {
      const parts: string[] = []
      const params: SqlValue[] = []
      const side = (kind: string, values: readonly string[]) => {
        if (values.length === 0) return
        parts.push(
          few
            ? `EXISTS (SELECT 1 FROM review_scope rs WHERE rs.conversation_id = r.conversation_id AND rs.kind = '${kind}' AND rs.value IN (${placeholders(values.length)}))`
            : `r.conversation_id IN (SELECT conversation_id FROM review_scope WHERE kind = '${kind}' AND value IN (${placeholders(values.length)}))`,
        )
        params.push(...values)
      }
      side('agent', visibility.agentIds)
      side('group', visibility.agentGroupIds)
      side('skill', visibility.skillIds)
      return parts.length === 0
        ? { sql: '0', params: [] }
        : { sql: `(${parts.join(' OR ')})`, params }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

/** A review as the store gives it: everything but what depends on the reader. */
export type StoredReview = Omit<Review, 'can' | 'inArchive'>
export type StoredReviewRow = Omit<ReviewRow, 'inArchive'>

/** What `content` holds: what the reviewer wrote, the disputes and the acknowledgement. */
const storedContentSchema = z.object({
  answers: z.record(z.string(), z.string()).default({}),
  notes: z.record(z.string(), z.string()).default({}),
  evidence: z.array(evidenceSchema).default([]),
  comment: z.string().default(''),
  disputes: z.array(disputeSchema).default([]),
  acknowledged: z.object({ by: personSchema, at: z.number() }).nullable().default(null),
})
type StoredContent = z.output<typeof storedContentSchema>

/** A 409 of a review: who changed it since the writer's copy, and when. */
export class ReviewConflict extends HttpError {
  readonly changedBy: Person
  readonly changedAt: number
  readonly revision: number

  constructor(changedBy: Person, changedAt: number, revision: number) {
    const at = new Date(changedAt)
    const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')} UTC`
    super(409, `Changed by ${changedBy.name} at ${time}: reload to see it`, { field: 'revision' })
    this.changedBy = changedBy
    this.changedAt = changedAt
    this.revision = revision
  }

  body() {
    return {
      error: {
        status: 409 as const,
        message: this.message,
        changedBy: this.changedBy,
        changedAt: this.changedAt,
        revision: this.revision,
      },
    }
  }
}

export interface NewReview {
  conversation: ConversationFacts
  leg: Leg
  scorecardId: number
  author: Person
}

export type ReviewFilters = Partial<
  Pick<
    ReviewListQuery,
    | 'state'
    | 'reviewer'
    | 'agent'
    | 'scorecard'
    | 'minScore'
    | 'maxScore'
    | 'disputed'
    | 'conversationId'
    | 'from'
    | 'to'
  >
>

export interface ImportConflict {
  kind: 'scorecard' | 'review'
  id: string
  message: string
}

export interface ImportResult {
  scorecardsCreated: number
  versionsCreated: number
  reviewsImported: number
  reviewsUnchanged: number
  conflicts: ImportConflict[]
}

export type ExportedReview = ReviewsExport['reviews'][number]

export interface ReviewStore {
  get(id: string, visibility: ReviewVisibility): StoredReview | undefined
  forConversation(conversationId: string, visibility: ReviewVisibility): StoredReview[]
  /** A new draft, or (`created: false`) the author's review of that leg with that scorecard. */
  create(input: NewReview): { review: StoredReview; created: boolean }
  /** Saves what the reviewer wrote; `changes` is the diff when a submitted review was edited. */
  save(
    id: string,
    body: ReviewContent & { revision: number },
    actor: Person,
    conversation?: ConversationFacts,
  ): { review: StoredReview; changes: Change[] | undefined }
  submit(id: string, revision: number, actor: Person): StoredReview
  /** Deletes a draft (409 for a submitted review). */
  discard(id: string): void
  acknowledge(id: string, revision: number, actor: Person): StoredReview
  dispute(
    id: string,
    body: { revision: number; criterionId: string; reason: string },
    actor: Person,
  ): { review: StoredReview; dispute: Dispute }
  resolve(
    id: string,
    disputeId: string,
    body: { revision: number; decision: 'accept' | 'reject'; note: string; answer?: string },
    actor: Person,
  ): { review: StoredReview; dispute: Dispute }
  list(
    query: ReviewListQuery,
    visibility: ReviewVisibility,
  ): { reviews: StoredReviewRow[]; total: number }
  summaries(
    conversationIds: readonly string[],
    visibility: ReviewVisibility,
  ): Record<string, ReviewSummary>
  people(visibility: ReviewVisibility): {
    reviewers: Person[]
    agents: { agentId: string; agentName?: string }[]
  }
  /** The JSON export (every matching review with its history, and the scorecards they use). */
  allForExport(filters: ReviewFilters, visibility: ReviewVisibility): ReviewsExport
  /**
   * Reads an export back, all or nothing in one transaction: scorecards by UID (missing versions
   * are added, existing ones never overwritten), reviews by ID (one already here at the same
   * revision is left; at another revision it is a conflict, reported and not overwritten).
   */
  importExport(data: ReviewsExport, actor: string): ImportResult
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const badRequest = (field: string, rule: string) =>
  new HttpError(400, `${field}: ${rule}`, { field })

function parseContent(text: string | undefined): StoredContent {
  return storedContentSchema.parse(text === undefined ? {} : JSON.parse(text))
}

function answerProblem(criterion: Criterion, answer: string): string | undefined {
  if (answer === NOT_APPLICABLE) {
    return criterion.allowNa
      ? undefined
      : `"${criterion.name}" must be scored (not applicable is not allowed)`
  }
  const keys = scalePoints(criterion.scale).map((point) => point.key)
  if (keys.includes(answer)) return undefined
  return `must be one of ${[...keys, ...(criterion.allowNa ? [NOT_APPLICABLE] : [])].join(', ')}`
}

/** Checks what a reviewer wrote against the scorecard version (400 naming the field). */
function checkContent(card: ScorecardDefinition, content: ReviewContent): void {
  const criteria = new Map(criteriaOf(card).map((criterion) => [criterion.id, criterion]))
  for (const [key, answer] of Object.entries(content.answers)) {
    const criterion = criteria.get(key)
    if (!criterion) throw badRequest(`answers.${key}`, 'no such criterion in this scorecard')
    const problem = answerProblem(criterion, answer)
    if (problem) throw badRequest(`answers.${key}`, problem)
  }
  for (const key of Object.keys(content.notes)) {
    if (!criteria.has(key)) throw badRequest(`notes.${key}`, 'no such criterion in this scorecard')
  }
  const ids = new Set<string>()
  content.evidence.forEach((evidence, index) => {
    if (ids.has(evidence.id)) {
      throw badRequest(
        `evidence[${String(index)}].id`,
        `evidence ID "${evidence.id}" is used twice`,
      )
    }
    ids.add(evidence.id)
    if (evidence.criterionId !== null && !criteria.has(evidence.criterionId)) {
      throw badRequest(
        `evidence[${String(index)}].criterionId`,
        'no such criterion in this scorecard',
      )
    }
  })
}

/** Notes without text are no notes. */
const cleanNotes = (notes: Record<string, string>) =>
  Object.fromEntries(Object.entries(notes).filter(([, note]) => note.trim() !== ''))

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** What changed between two versions of what a reviewer wrote, field by field. */
export function contentChanges(before: ReviewContent, after: ReviewContent): Change[] {
  const changes: Change[] = []
  const keyed = (prefix: string, a: Record<string, string>, b: Record<string, string>) => {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (a[key] !== b[key]) {
        changes.push({ field: `${prefix}.${key}`, from: a[key] ?? null, to: b[key] ?? null })
      }
    }
  }
  keyed('answers', before.answers, after.answers)
  keyed('notes', before.notes, after.notes)
  const beforeIds = before.evidence.map((e) => e.id)
  const afterIds = after.evidence.map((e) => e.id)
  if (!same([...beforeIds].sort(), [...afterIds].sort())) {
    changes.push({
      field: 'evidence',
      from: beforeIds.filter((id) => !afterIds.includes(id)),
      to: afterIds.filter((id) => !beforeIds.includes(id)),
    })
  }
  const earlier = new Map(before.evidence.map((e) => [e.id, e]))
  for (const evidence of after.evidence) {
    const was = earlier.get(evidence.id)
    if (!was) continue
    const messages = (e: Evidence) => e.quotes.map((q) => q.messageId)
    if (was.criterionId !== evidence.criterionId) {
      changes.push({
        field: `evidence.${evidence.id}.criterionId`,
        from: was.criterionId,
        to: evidence.criterionId,
      })
    }
    if (!same(messages(was), messages(evidence))) {
      changes.push({
        field: `evidence.${evidence.id}.messages`,
        from: messages(was),
        to: messages(evidence),
      })
    }
    if (was.comment !== evidence.comment) {
      changes.push({
        field: `evidence.${evidence.id}.comment`,
        from: was.comment,
        to: evidence.comment,
      })
    }
  }
  if (before.comment !== after.comment) {
    changes.push({ field: 'comment', from: before.comment, to: after.comment })
  }
  return changes
}

const writtenPart = (content: StoredContent): ReviewContent => ({
  answers: content.answers,
  notes: content.notes,
  evidence: content.evidence,
  comment: content.comment,
})

interface HistoryInput {
  action: HistoryAction
  by: Person
  at: number
  score?: number | null
  changes?: Change[]
  note?: string
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

export function createReviewStore(
  db: WorkspaceDatabase,
  scorecards: ScorecardStore,
  options: { now?: () => number; audit?: AuditTrail } = {},
): ReviewStore {
  const now = options.now ?? Date.now

  const byUid = db.prepare('SELECT * FROM reviews WHERE uid = ?')
  const historyOf = db.prepare('SELECT * FROM review_history WHERE review_id = ? ORDER BY seq')
  const appendHistory = db.prepare(
    `INSERT INTO review_history (review_id, seq, at_ms, by_email, by_name, action, score, changes, note)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM review_history WHERE review_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
  )
  const existing = db
    .prepare(
      `SELECT uid FROM reviews WHERE conversation_id = ? AND leg_agent_id = ? AND scorecard_id = ?
         AND author_email = ? ORDER BY id LIMIT 1`,
    )
    .pluck()
  const insertReview = db.prepare(
    `INSERT INTO reviews (uid, conversation_id, leg_agent_id, leg_agent_name, leg_role, scorecard_id,
       scorecard_version, author_email, author_name, state, percent, critical_failed, open_disputes,
       acknowledged_ms, content, revision, created_ms, updated_ms, updated_by_email, updated_by_name,
       submitted_ms, failed_criteria)
     VALUES (@uid, @conversation_id, @leg_agent_id, @leg_agent_name, @leg_role, @scorecard_id,
       @scorecard_version, @author_email, @author_name, @state, @percent, @critical_failed,
       @open_disputes, @acknowledged_ms, @content, @revision, @created_ms, @updated_ms,
       @updated_by_email, @updated_by_name, @submitted_ms, @failed_criteria)`,
  )
  const updateReview = db.prepare(
    `UPDATE reviews SET state = @state, percent = @percent, critical_failed = @critical_failed,
       failed_criteria = @failed_criteria,
       open_disputes = @open_disputes, acknowledged_ms = @acknowledged_ms, content = @content,
       revision = revision + 1, updated_ms = @updated_ms, updated_by_email = @updated_by_email,
       updated_by_name = @updated_by_name, submitted_ms = @submitted_ms
     WHERE id = @id AND revision = @revision`,
  )
  const deleteReview = db.prepare('DELETE FROM reviews WHERE id = ?')
  const clearScope = db.prepare('DELETE FROM review_scope WHERE conversation_id = ?')
  const addScope = db.prepare(
    'INSERT OR IGNORE INTO review_scope (conversation_id, kind, value) VALUES (?, ?, ?)',
  )
  const scopeOf = db.prepare('SELECT kind, value FROM review_scope WHERE conversation_id = ?')
  const anyReviewOf = db
    .prepare('SELECT EXISTS (SELECT 1 FROM reviews WHERE conversation_id = ?)')
    .pluck()

  function rowOf(statement: { get(...params: unknown[]): unknown }, ...params: unknown[]) {
    const found: unknown = statement.get(...params)
    return found && typeof found === 'object' ? (found as Row) : undefined
  }

  function definitionOf(row: Row): ScorecardDefinition {
    const card = scorecards.definition(num(row.scorecard_id), num(row.scorecard_version))
    if (!card)
      throw new Error(`review ${String(row.uid)} names a scorecard version that is missing`)
    return card
  }

  const person = (email: unknown, name: unknown): Person => ({
    email: str(email) ?? '',
    name: str(name) ?? '',
  })

  function legOf(row: Row): Leg {
    const leg: Leg = {
      agentId: str(row.leg_agent_id) ?? '',
      role: row.leg_role === 'bot' ? 'bot' : 'agent',
    }
    const name = str(row.leg_agent_name)
    if (name !== undefined) leg.agentName = name
    return leg
  }

  function historyEntries(reviewId: number): HistoryEntry[] {
    return rowsOf(historyOf.all(reviewId)).map((entry) => {
      const out: HistoryEntry = {
        at: num(entry.at_ms),
        by: person(entry.by_email, entry.by_name),
        action: str(entry.action) as HistoryAction,
        changes: z
          .array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }))
          .parse(JSON.parse(str(entry.changes) ?? '[]')),
      }
      if (typeof entry.score === 'number') out.score = entry.score
      const note = str(entry.note)
      if (note !== undefined) out.note = note
      return out
    })
  }

  function full(row: Row): StoredReview {
    const content = parseContent(str(row.content))
    const card = definitionOf(row)
    return {
      ...writtenPart(content),
      id: str(row.uid) ?? '',
      conversationId: str(row.conversation_id) ?? '',
      leg: legOf(row),
      scorecard: {
        id: num(row.scorecard_id),
        version: num(row.scorecard_version),
        name: card.name,
      },
      author: person(row.author_email, row.author_name),
      state: row.state === 'submitted' ? 'submitted' : 'draft',
      score: computeScore(card, content.answers),
      revision: num(row.revision),
      createdAt: num(row.created_ms),
      updatedAt: num(row.updated_ms),
      updatedBy: person(row.updated_by_email, row.updated_by_name),
      submittedAt: typeof row.submitted_ms === 'number' ? row.submitted_ms : null,
      acknowledged: content.acknowledged,
      disputes: content.disputes,
      history: historyEntries(num(row.id)),
    }
  }

  function listRow(row: Row): StoredReviewRow {
    const card = definitionOf(row)
    return {
      id: str(row.uid) ?? '',
      conversationId: str(row.conversation_id) ?? '',
      leg: legOf(row),
      scorecard: {
        id: num(row.scorecard_id),
        version: num(row.scorecard_version),
        name: card.name,
      },
      author: person(row.author_email, row.author_name),
      state: row.state === 'submitted' ? 'submitted' : 'draft',
      percent: typeof row.percent === 'number' ? row.percent : null,
      criticalFailed: row.critical_failed === 1,
      openDisputes: num(row.open_disputes),
      acknowledged: typeof row.acknowledged_ms === 'number',
      createdAt: num(row.created_ms),
      updatedAt: num(row.updated_ms),
      submittedAt: typeof row.submitted_ms === 'number' ? row.submitted_ms : null,
    }
  }

  function record(reviewId: number, entry: HistoryInput): void {
    appendHistory.run(
      reviewId,
      reviewId,
      entry.at,
      entry.by.email,
      entry.by.name,
      entry.action,
      entry.score ?? null,
      JSON.stringify(entry.changes ?? []),
      entry.note ?? null,
    )
  }

  function writeScope(facts: ConversationFacts): void {
    clearScope.run(facts.conversationId)
    for (const value of facts.agentIds) addScope.run(facts.conversationId, 'agent', value)
    for (const value of facts.agentGroupIds) addScope.run(facts.conversationId, 'group', value)
    for (const value of facts.skillIds) addScope.run(facts.conversationId, 'skill', value)
  }

  /** The columns that follow from the content (score, disputes, acknowledgement). */
  function derived(card: ScorecardDefinition, content: StoredContent) {
    const score = computeScore(card, content.answers)
    return {
      score,
      columns: {
        percent: score.percent,
        critical_failed: score.criticalFailed ? 1 : 0,
        failed_criteria: JSON.stringify(failedCriteria(card, content.answers)),
        open_disputes: content.disputes.filter((d) => d.state === 'open').length,
        acknowledged_ms: content.acknowledged?.at ?? null,
        content: JSON.stringify(content),
      },
    }
  }

  function mustFind(id: string): Row {
    const row = rowOf(byUid, id)
    if (!row) throw new HttpError(404, `No review ${id}`, { field: 'id' })
    return row
  }

  /**
   * One write of a review, in one transaction: the revision the writer started from must be
   * the stored one; `change` says what the review becomes (or undefined: nothing changes).
   */
  function mutate(
    id: string,
    revision: number,
    actor: Person,
    change: (current: {
      row: Row
      content: StoredContent
      card: ScorecardDefinition
      at: number
    }) =>
      | {
          content: StoredContent
          state?: ReviewState
          submittedMs?: number | null
          history?: Omit<HistoryInput, 'by' | 'at' | 'score'> & { withScore?: boolean }
          beforeWrite?: () => void
        }
      | undefined,
  ): StoredReview {
    return db
      .transaction(() => {
        const row = mustFind(id)
        if (num(row.revision) !== revision) {
          throw new ReviewConflict(
            person(row.updated_by_email, row.updated_by_name),
            num(row.updated_ms),
            num(row.revision),
          )
        }
        const card = definitionOf(row)
        const at = now()
        const next = change({ row, content: parseContent(str(row.content)), card, at })
        if (!next) return full(row)
        next.beforeWrite?.()
        const { score, columns } = derived(card, next.content)
        const result = updateReview.run({
          ...columns,
          id: num(row.id),
          revision,
          state: next.state ?? str(row.state),
          updated_ms: at,
          updated_by_email: actor.email,
          updated_by_name: actor.name,
          submitted_ms:
            next.submittedMs === undefined
              ? typeof row.submitted_ms === 'number'
                ? row.submitted_ms
                : null
              : next.submittedMs,
        })
        if (result.changes !== 1) throw new Error('a review changed inside its own transaction')
        if (next.history) {
          const { withScore, ...entry } = next.history
          record(num(row.id), {
            ...entry,
            by: actor,
            at,
            ...(withScore ? { score: score.percent } : {}),
          })
        }
        return full(mustFind(id))
      })
      .immediate()
  }

  function visibleRow(id: string, visibility: ReviewVisibility): Row | undefined {
    const clause = visibilityClause(visibility, true)
    const found: unknown = db
      .prepare(`SELECT r.* FROM reviews r WHERE r.uid = ?${clause ? ` AND ${clause.sql}` : ''}`)
      .get(id, ...(clause?.params ?? []))
    return found && typeof found === 'object' ? (found as Row) : undefined
  }

  function filterClause(
    filters: ReviewFilters,
    visibility: ReviewVisibility,
    few = false,
  ): Fragment {
    const parts: string[] = []
    const params: SqlValue[] = []
    const add = (sql: string, ...values: SqlValue[]) => {
      parts.push(sql)
      params.push(...values)
    }
    const visible = visibilityClause(visibility, few)
    if (visible) add(visible.sql, ...visible.params)
    if (filters.state) add('r.state = ?', filters.state)
    if (filters.reviewer?.length) {
      add(`r.author_email IN (${placeholders(filters.reviewer.length)})`, ...filters.reviewer)
    }
    if (filters.agent?.length) {
      add(`r.leg_agent_id IN (${placeholders(filters.agent.length)})`, ...filters.agent)
    }
    if (filters.scorecard?.length) {
      add(`r.scorecard_id IN (${placeholders(filters.scorecard.length)})`, ...filters.scorecard)
    }
    if (filters.minScore !== undefined) add('r.percent >= ?', filters.minScore)
    if (filters.maxScore !== undefined) add('r.percent <= ?', filters.maxScore)
    if (filters.disputed !== undefined) {
      add(filters.disputed ? 'r.open_disputes > 0' : 'r.open_disputes = 0')
    }
    if (filters.conversationId !== undefined) add('r.conversation_id = ?', filters.conversationId)
    if (filters.from !== undefined) add('r.updated_ms >= ?', filters.from)
    if (filters.to !== undefined) add('r.updated_ms <= ?', filters.to)
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
  }

  const SORT_COLUMNS: Record<ReviewListQuery['sort'], string> = {
    updated: 'r.updated_ms',
    submitted: 'r.submitted_ms',
    score: 'r.percent',
    agent: 'COALESCE(r.leg_agent_name, r.leg_agent_id) COLLATE NOCASE',
    reviewer: 'r.author_name COLLATE NOCASE',
    scorecard: 's.name COLLATE NOCASE',
  }

  function scopeFacts(conversationId: string) {
    const scope = {
      agentIds: [] as string[],
      agentGroupIds: [] as string[],
      skillIds: [] as string[],
    }
    for (const row of rowsOf(scopeOf.all(conversationId))) {
      const value = str(row.value) ?? ''
      if (row.kind === 'agent') scope.agentIds.push(value)
      else if (row.kind === 'group') scope.agentGroupIds.push(value)
      else scope.skillIds.push(value)
    }
    for (const list of Object.values(scope)) list.sort()
    return scope
  }

  // -------------------------------------------------------------------------------------------

  const store: ReviewStore = {
    get(id, visibility) {
      const row = visibleRow(id, visibility)
      return row ? full(row) : undefined
    },

    forConversation(conversationId, visibility) {
      const { sql, params } = filterClause({ conversationId }, visibility, true)
      return rowsOf(
        db.prepare(`SELECT r.* FROM reviews r ${sql} ORDER BY r.created_ms, r.id`).all(...params),
      ).map(full)
    },

    create({ conversation, leg, scorecardId, author }) {
      return db
        .transaction(() => {
          const card = scorecards.get(scorecardId)
          if (!card) throw badRequest('scorecardId', `no scorecard ${String(scorecardId)}`)
          const found = str(
            existing.get(conversation.conversationId, leg.agentId, scorecardId, author.email),
          )
          if (found !== undefined) return { review: full(mustFind(found)), created: false }
          if (card.archived) {
            throw badRequest('scorecardId', `scorecard "${card.definition.name}" is archived`)
          }
          const at = now()
          const uid = randomUUID()
          const content = storedContentSchema.parse({})
          const { columns } = derived(card.definition, content)
          const result = insertReview.run({
            ...columns,
            uid,
            conversation_id: conversation.conversationId,
            leg_agent_id: leg.agentId,
            leg_agent_name: leg.agentName ?? null,
            leg_role: leg.role,
            scorecard_id: card.id,
            scorecard_version: card.version,
            author_email: author.email,
            author_name: author.name,
            state: 'draft',
            revision: 1,
            created_ms: at,
            updated_ms: at,
            updated_by_email: author.email,
            updated_by_name: author.name,
            submitted_ms: null,
          })
          record(Number(result.lastInsertRowid), { action: 'created', by: author, at })
          writeScope(conversation)
          return { review: full(mustFind(uid)), created: true }
        })
        .immediate()
    },

    save(id, body, actor, conversation) {
      let changes: Change[] | undefined
      const review = mutate(id, body.revision, actor, ({ row, content, card }) => {
        const written: ReviewContent = {
          answers: body.answers,
          notes: cleanNotes(body.notes),
          evidence: body.evidence,
          comment: body.comment,
        }
        checkContent(card, written)
        if (same(written, writtenPart(content))) return undefined
        const submitted = row.state === 'submitted'
        if (submitted) changes = contentChanges(writtenPart(content), written)
        return {
          content: { ...content, ...written },
          beforeWrite: conversation ? () => writeScope(conversation) : undefined,
          // A draft's autosaves are not history; an edit of a submitted review is.
          history: submitted ? { action: 'edited', changes, withScore: true } : undefined,
        }
      })
      return { review, changes }
    },

    submit(id, revision, actor) {
      return mutate(id, revision, actor, ({ row, content, at }) => {
        if (row.state === 'submitted') throw badRequest('state', 'the review is already submitted')
        return {
          content,
          state: 'submitted',
          submittedMs: at,
          history: { action: 'submitted', withScore: true },
        }
      })
    },

    discard(id) {
      db.transaction(() => {
        const row = mustFind(id)
        if (row.state !== 'draft') {
          throw new HttpError(409, 'A submitted review cannot be discarded', { field: 'state' })
        }
        deleteReview.run(num(row.id))
        const conversationId = str(row.conversation_id) ?? ''
        if (anyReviewOf.get(conversationId) !== 1) clearScope.run(conversationId)
      }).immediate()
    },

    acknowledge(id, revision, actor) {
      return mutate(id, revision, actor, ({ row, content, at }) => {
        if (row.state !== 'submitted') throw badRequest('state', 'the review is not submitted')
        if (content.acknowledged) return undefined
        return {
          content: { ...content, acknowledged: { by: actor, at } },
          history: { action: 'acknowledged' },
        }
      })
    },

    dispute(id, body, actor) {
      let made: Dispute | undefined
      const review = mutate(id, body.revision, actor, ({ row, content, card, at }) => {
        if (row.state !== 'submitted') throw badRequest('state', 'the review is not submitted')
        if (!criteriaOf(card).some((criterion) => criterion.id === body.criterionId)) {
          throw badRequest('criterionId', 'no such criterion in this scorecard')
        }
        if (
          content.disputes.some((d) => d.criterionId === body.criterionId && d.state === 'open')
        ) {
          throw new HttpError(409, 'criterionId: this criterion already has an open dispute', {
            field: 'criterionId',
          })
        }
        made = {
          id: `d-${randomUUID().slice(0, 8)}`,
          criterionId: body.criterionId,
          reason: body.reason,
          by: actor,
          at,
          state: 'open',
        }
        return {
          content: { ...content, disputes: [...content.disputes, made] },
          history: {
            action: 'disputed',
            changes: [{ field: `disputes.${made.id}`, from: null, to: body.criterionId }],
            note: body.reason,
          },
        }
      })
      if (!made) throw new Error('no dispute was made')
      return { review, dispute: made }
    },

    resolve(id, disputeId, body, actor) {
      let decided: Dispute | undefined
      const review = mutate(id, body.revision, actor, ({ content, card, at }) => {
        const dispute = content.disputes.find((d) => d.id === disputeId)
        if (!dispute) throw new HttpError(404, `No dispute ${disputeId}`, { field: 'disputeId' })
        if (dispute.state !== 'open') {
          throw new HttpError(409, `disputeId: the dispute is already ${dispute.state}`, {
            field: 'disputeId',
          })
        }
        const answers = { ...content.answers }
        const changes: Change[] = []
        const resolution: NonNullable<Dispute['resolution']> = { by: actor, at, note: body.note }
        if (body.decision === 'accept' && body.answer !== undefined) {
          const criterion = criteriaOf(card).find((c) => c.id === dispute.criterionId)
          if (!criterion)
            throw badRequest('disputeId', 'the disputed criterion is not in the scorecard')
          const problem = answerProblem(criterion, body.answer)
          if (problem) throw badRequest('answer', problem)
          const from = answers[dispute.criterionId]
          if (from !== undefined) resolution.from = from
          resolution.to = body.answer
          answers[dispute.criterionId] = body.answer
          changes.push({
            field: `answers.${dispute.criterionId}`,
            from: from ?? null,
            to: body.answer,
          })
        } else if (body.decision === 'reject' && body.answer !== undefined) {
          throw badRequest('answer', 'only an accepted dispute changes the answer')
        }
        decided = {
          ...dispute,
          state: body.decision === 'accept' ? 'accepted' : 'rejected',
          resolution,
        }
        const disputes = content.disputes.map((d) => (d.id === disputeId && decided ? decided : d))
        return {
          content: { ...content, answers, disputes },
          history: {
            action: body.decision === 'accept' ? 'dispute-accepted' : 'dispute-rejected',
            changes,
            withScore: true,
            ...(body.note ? { note: body.note } : {}),
          },
        }
      })
      if (!decided) throw new Error('no dispute was decided')
      return { review, dispute: decided }
    },

    list(query, visibility) {
      const { sql, params } = filterClause(query, visibility)
      const total = num(
        db
          .prepare(`SELECT count(*) FROM reviews r ${sql}`)
          .pluck()
          .get(...params),
      )
      const order = query.order === 'asc' ? 'ASC' : 'DESC'
      const rows = rowsOf(
        db
          .prepare(
            `SELECT r.uid, r.conversation_id, r.leg_agent_id, r.leg_agent_name, r.leg_role, r.scorecard_id,
               r.scorecard_version, r.author_email, r.author_name, r.state, r.percent, r.critical_failed,
               r.open_disputes, r.acknowledged_ms, r.created_ms, r.updated_ms, r.submitted_ms
             FROM reviews r${query.sort === 'scorecard' ? ' JOIN scorecards s ON s.id = r.scorecard_id' : ''} ${sql}
             ORDER BY ${SORT_COLUMNS[query.sort]} ${order}, r.id ${order} LIMIT ? OFFSET ?`,
          )
          .all(...params, query.limit, query.offset),
      )
      return { reviews: rows.map(listRow), total }
    },

    summaries(conversationIds, visibility) {
      const ids = [...new Set(conversationIds)]
      const summaries: Record<string, ReviewSummary> = {}
      for (const id of ids) {
        summaries[id] = { status: 'none', scores: [], reviews: 0, drafts: 0, openDisputes: 0 }
      }
      const visible = visibilityClause(visibility, true)
      const rows = rowsOf(
        db
          .prepare(
            `SELECT r.conversation_id, r.state, r.percent, r.open_disputes FROM reviews r
             WHERE r.conversation_id IN (${placeholders(ids.length)})${visible ? ` AND ${visible.sql}` : ''}`,
          )
          .all(...ids, ...(visible?.params ?? [])),
      )
      for (const row of rows) {
        const summary = summaries[str(row.conversation_id) ?? '']
        if (!summary) continue
        if (row.state === 'submitted') {
          summary.reviews++
          summary.scores.push(typeof row.percent === 'number' ? row.percent : null)
        } else summary.drafts++
        summary.openDisputes += num(row.open_disputes)
      }
      for (const summary of Object.values(summaries)) {
        summary.status = summary.reviews > 0 ? 'reviewed' : summary.drafts > 0 ? 'draft' : 'none'
        // Lowest first; a submitted review without a score (nothing applied) last.
        summary.scores.sort((a, b) => (a ?? Infinity) - (b ?? Infinity))
      }
      return summaries
    },

    people(visibility) {
      const { sql, params } = filterClause({}, visibility)
      const reviewers = rowsOf(
        db
          .prepare(
            `SELECT r.author_email AS email, max(r.author_name) AS name FROM reviews r ${sql}
             GROUP BY r.author_email ORDER BY 2 COLLATE NOCASE, 1`,
          )
          .all(...params),
      ).map((row) => person(row.email, row.name))
      const agents = rowsOf(
        db
          .prepare(
            `SELECT r.leg_agent_id AS id, max(r.leg_agent_name) AS name FROM reviews r ${sql}
             GROUP BY r.leg_agent_id
             ORDER BY COALESCE(max(r.leg_agent_name), r.leg_agent_id) COLLATE NOCASE, r.leg_agent_id`,
          )
          .all(...params),
      ).map((row) => {
        const agent: { agentId: string; agentName?: string } = { agentId: str(row.id) ?? '' }
        const name = str(row.name)
        if (name !== undefined) agent.agentName = name
        return agent
      })
      return { reviewers, agents }
    },

    allForExport(filters, visibility) {
      const { sql, params } = filterClause(filters, visibility)
      const reviews: ExportedReview[] = []
      const used = new Map<number, string>()
      const uidOf = db.prepare('SELECT uid FROM scorecards WHERE id = ?').pluck()
      for (const raw of db
        .prepare(`SELECT r.* FROM reviews r ${sql} ORDER BY r.created_ms, r.uid`)
        .iterate(...params)) {
        if (!raw || typeof raw !== 'object') continue
        const row = raw as Row
        const review = full(row)
        const scorecardId = num(row.scorecard_id)
        let uid = used.get(scorecardId)
        if (uid === undefined) {
          uid = str(uidOf.get(scorecardId)) ?? ''
          used.set(scorecardId, uid)
        }
        reviews.push({
          answers: review.answers,
          notes: review.notes,
          evidence: review.evidence,
          comment: review.comment,
          id: review.id,
          conversationId: review.conversationId,
          leg: review.leg,
          scorecard: { uid, version: review.scorecard.version },
          author: review.author,
          state: review.state,
          revision: review.revision,
          createdAt: review.createdAt,
          updatedAt: review.updatedAt,
          updatedBy: review.updatedBy,
          submittedAt: review.submittedAt,
          acknowledged: review.acknowledged,
          disputes: review.disputes,
          history: review.history,
          scope: scopeFacts(review.conversationId),
        })
      }
      const versionsOf = db.prepare(
        'SELECT version, definition, created_ms, created_by FROM scorecard_versions WHERE scorecard_id = ? ORDER BY version',
      )
      const cardRow = db.prepare('SELECT uid, archived FROM scorecards WHERE id = ?')
      const cards: ReviewsExport['scorecards'] = [...used.keys()]
        .map((id) => {
          const card = rowOf(cardRow, id)
          return {
            uid: str(card?.uid) ?? '',
            archived: card?.archived === 1,
            versions: rowsOf(versionsOf.all(id)).map((version) => ({
              version: num(version.version),
              createdAt: num(version.created_ms),
              createdBy: str(version.created_by) ?? null,
              definition: parseDefinition(str(version.definition) ?? '{}'),
            })),
          }
        })
        .sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
      return {
        format: 'conversation-viewer-reviews',
        version: 1,
        exportedAt: now(),
        scorecards: cards,
        reviews,
      }
    },

    importExport(data, actor) {
      return db
        .transaction((): ImportResult => {
          const result: ImportResult = {
            scorecardsCreated: 0,
            versionsCreated: 0,
            reviewsImported: 0,
            reviewsUnchanged: 0,
            conflicts: [],
          }
          const cardByUid = db.prepare('SELECT id, latest_version FROM scorecards WHERE uid = ?')
          const versionText = db
            .prepare(
              'SELECT definition FROM scorecard_versions WHERE scorecard_id = ? AND version = ?',
            )
            .pluck()
          const insertCard = db.prepare(
            `INSERT INTO scorecards (uid, name, latest_version, archived, created_ms, updated_ms)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          const insertVersion = db.prepare(
            `INSERT INTO scorecard_versions (scorecard_id, version, definition, created_ms, created_by)
             VALUES (?, ?, ?, ?, ?)`,
          )
          const setLatest = db.prepare(
            'UPDATE scorecards SET name = ?, latest_version = ?, updated_ms = ? WHERE id = ?',
          )
          /** `uid:version` → the local scorecard ID, for versions reviews may use here. */
          const usable = new Map<string, number>()
          for (const card of data.scorecards) {
            const versions = [...card.versions].sort((a, b) => a.version - b.version)
            const newest = versions[versions.length - 1]
            if (!newest) continue
            let local = rowOf(cardByUid, card.uid)
            if (!local) {
              const first = versions[0] ?? newest
              insertCard.run(
                card.uid,
                newest.definition.name,
                newest.version,
                card.archived ? 1 : 0,
                first.createdAt,
                newest.createdAt,
              )
              result.scorecardsCreated++
              local = rowOf(cardByUid, card.uid)
            }
            if (!local) throw new Error('a scorecard was not added')
            const localId = num(local.id)
            let latest = num(local.latest_version)
            for (const version of versions) {
              const text = JSON.stringify(version.definition)
              const here = str(versionText.get(localId, version.version))
              if (here === undefined) {
                insertVersion.run(
                  localId,
                  version.version,
                  text,
                  version.createdAt,
                  version.createdBy,
                )
                result.versionsCreated++
                if (version.version >= latest) {
                  latest = version.version
                  setLatest.run(version.definition.name, latest, now(), localId)
                }
                usable.set(`${card.uid}:${String(version.version)}`, localId)
              } else if (same(parseDefinition(here), version.definition)) {
                usable.set(`${card.uid}:${String(version.version)}`, localId)
              } else {
                result.conflicts.push({
                  kind: 'scorecard',
                  id: `${card.uid}@${String(version.version)}`,
                  message: `version ${String(version.version)} of scorecard "${version.definition.name}" differs here; it was not overwritten`,
                })
              }
            }
          }
          for (const review of data.reviews) {
            const here = rowOf(byUid, review.id)
            if (here) {
              if (num(here.revision) === review.revision) result.reviewsUnchanged++
              else {
                result.conflicts.push({
                  kind: 'review',
                  id: review.id,
                  message: `the review is here at revision ${String(num(here.revision))}, the file has revision ${String(review.revision)}; it was not overwritten`,
                })
              }
              continue
            }
            const key = `${review.scorecard.uid}:${String(review.scorecard.version)}`
            let scorecardId = usable.get(key)
            if (
              scorecardId === undefined &&
              !data.scorecards.some((c) => c.uid === review.scorecard.uid)
            ) {
              // A scorecard the file does not carry, but this install has.
              const local = rowOf(cardByUid, review.scorecard.uid)
              if (local && versionText.get(num(local.id), review.scorecard.version) !== undefined) {
                scorecardId = num(local.id)
              }
            }
            const card =
              scorecardId === undefined
                ? undefined
                : scorecards.definition(scorecardId, review.scorecard.version)
            if (scorecardId === undefined || !card) {
              result.conflicts.push({
                kind: 'review',
                id: review.id,
                message: `its scorecard version (${key}) is neither in the file nor here, or differs here`,
              })
              continue
            }
            const content: StoredContent = {
              answers: review.answers,
              notes: review.notes,
              evidence: review.evidence,
              comment: review.comment,
              disputes: review.disputes,
              acknowledged: review.acknowledged,
            }
            const { columns } = derived(card, content)
            const inserted = insertReview.run({
              ...columns,
              uid: review.id,
              conversation_id: review.conversationId,
              leg_agent_id: review.leg.agentId,
              leg_agent_name: review.leg.agentName ?? null,
              leg_role: review.leg.role,
              scorecard_id: scorecardId,
              scorecard_version: review.scorecard.version,
              author_email: review.author.email,
              author_name: review.author.name,
              state: review.state,
              revision: review.revision,
              created_ms: review.createdAt,
              updated_ms: review.updatedAt,
              updated_by_email: review.updatedBy.email,
              updated_by_name: review.updatedBy.name,
              submitted_ms: review.submittedAt,
            })
            const reviewId = Number(inserted.lastInsertRowid)
            for (const entry of review.history) {
              record(reviewId, {
                action: entry.action,
                by: entry.by,
                at: entry.at,
                score: entry.score,
                changes: entry.changes,
                note: entry.note,
              })
            }
            const scope = review.scope
            if (scope) {
              for (const value of scope.agentIds)
                addScope.run(review.conversationId, 'agent', value)
              for (const value of scope.agentGroupIds) {
                addScope.run(review.conversationId, 'group', value)
              }
              for (const value of scope.skillIds)
                addScope.run(review.conversationId, 'skill', value)
            } else addScope.run(review.conversationId, 'agent', review.leg.agentId)
            result.reviewsImported++
          }
          options.audit?.record(
            { actor, ip: null, userAgent: null },
            {
              action: 'reviews-imported',
              detail: {
                scorecardsCreated: result.scorecardsCreated,
                versionsCreated: result.versionsCreated,
                reviewsImported: result.reviewsImported,
                reviewsUnchanged: result.reviewsUnchanged,
                conflicts: result.conflicts.length,
              },
            },
          )
          return result
        })
        .immediate()
    },
  }
  return store
}
