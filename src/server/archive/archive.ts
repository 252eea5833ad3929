import { existsSync } from 'node:fs'
import { createArchiveReader, type ArchiveReader } from '@/server/archive/archive-reader'
import {
  createArchiveWriting,
  type ArchiveEntry,
  type ArchiveWriter,
  type BeginOptions,
  type UpsertResult,
} from '@/server/archive/archive-writer'
import { openArchiveDatabase, type OpenOptions } from '@/server/archive/db'
import { createFacetCounts, type Facets } from '@/server/archive/facets'
import { EVERYTHING, type ReadScope } from '@/server/archive/read-scope'
import {
  createReviewFacts,
  WORKSPACE_SCHEMA,
  type ReviewFacts,
} from '@/server/archive/review-facts'
import { hasReviewConditions } from '@/server/archive/review-filter'
import type { SearchReviewFilter } from '@/domain/schema/search-request'
import { createStatementCache } from '@/server/archive/statement-cache'
import type { Insights } from '@/domain/schema/insights'
import type { SdeValues } from '@/domain/schema/sde-insights'
import type { SearchFilters } from '@/domain/schema/search-request'
import { INSIGHT_GROUPS } from '@/server/archive/insight-queries'
import { assembleInsights, insightBuckets, type InsightRows } from '@/server/archive/insights'
import {
  createInsightsPool,
  defaultInsightWorkers,
  type InsightsPool,
} from '@/server/archive/insights-pool'
import type { ReviewVisibility } from '@/server/archive/review-filter'

// The archive's vocabulary, named where its callers look for it (each defined with its job).
export type { Page, SearchResult } from '@/server/archive/archive-reader'
export type {
  ArchiveEntry,
  ArchiveWriter,
  BeginOptions,
  CommitResult,
  UpsertResult,
} from '@/server/archive/archive-writer'
export type { FacetAgent, FacetItem, Facets } from '@/server/archive/facets'

/** The SQLite archive of conversations: what the import writes and the API reads. */
export interface Archive extends ArchiveReader {
  readonly path: string
  /** Inserts or replaces conversations by ID, all in one transaction (all or nothing). */
  upsert(entries: readonly ArchiveEntry[]): UpsertResult
  /**
   * Starts one all-or-nothing import that can span asynchronous reads (a streamed file): write
   * entries, then commit, or roll back and nothing was written. With `bulk`, a large import
   * takes the archive to itself when no other connection has it open (see {@link BeginOptions}).
   */
  begin(options?: BeginOptions): ArchiveWriter
  /** The filters' facets, counted over the conversations in `scope` (default: all). */
  facets(scope?: ReadScope): Facets
  /**
   * Attaches the workspace database at `path` to this connection (as `ws`), read by the search's
   * review filter only: reviews stay in the workspace, and the filter runs in the same query as
   * every other filter, through this connection's copy of the reviews' facts (review-facts.ts).
   * The import process never attaches it. Throws when the file is missing or has no reviews or
   * no change log (a workspace no server of this version has opened).
   */
  attachWorkspace(path: string): void
  /**
   * Issue 15: {@link ArchiveReader.insights}, counted in worker threads on their own read
   * connections (insights-pool.ts): the parts at once, and no other request waits for them. A
   * search with a review filter (it reads this connection's copy of the reviews' facts), an
   * archive in memory, or a worker that failed: counted on this connection instead.
   */
  countInsights(
    filters: SearchFilters,
    zone: string,
    scope?: ReadScope,
    reviews?: ReviewVisibility,
  ): Promise<Insights>
  /** Worker threads counting insights now (they start with the first count). */
  countingWorkers(): number
  /**
   * Starts the counting workers now rather than with the first count (each loads and compiles
   * the server's modules, about a second of CPU): a server calls it once it listens.
   */
  startCountingWorkers(): void
  /** {@link ArchiveReader.sdeValues} the same way as {@link Archive.countInsights}. */
  countSdeValues(
    filters: SearchFilters,
    field: string,
    scope?: ReadScope,
    reviews?: ReviewVisibility,
  ): Promise<SdeValues>
  /** True once {@link Archive.attachWorkspace} succeeded: review filters can be answered. */
  reviewsAttached(): boolean
  /** Refreshes planner statistics (and, with `full`, checkpoints the WAL) after an import. */
  optimize(full?: boolean): void
  close(): void
}

/**
 * Opens the SQLite archive at `path` (created and migrated if needed): the writer
 * (archive-writer.ts, with bulk-mode.ts), the reader (archive-reader.ts) and the facet counts
 * (facets.ts) on one connection.
 */
export function openArchive(
  path: string,
  options?: OpenOptions & {
    /** Worker threads for {@link Archive.countInsights} (default one per core; 0: none). */
    insightWorkers?: number
    /** Told when a worker could not count (the count is then made on this connection). */
    onWorkerFailure?: (error: Error) => void
  },
): Archive {
  const db = openArchiveDatabase(path, options)
  const workers = path === ':memory:' ? 0 : (options?.insightWorkers ?? defaultInsightWorkers())
  let pool: InsightsPool | undefined
  /**
   * A count the workers could not make is made on this connection (a failure of the search
   * itself fails here too), and said in the log; unless the archive was closed meanwhile.
   */
  const countedHere = (error: unknown) => {
    if (!db.open) throw new Error('The archive is closed')
    options?.onWorkerFailure?.(error instanceof Error ? error : new Error(String(error)))
  }
  /** The pool, started with the first count (an import or a CLI never starts it). */
  const insightsPool = () =>
    workers > 0 ? (pool ??= createInsightsPool(path, workers)) : undefined
  const statements = createStatementCache(db)
  const facets = createFacetCounts(db, statements)
  const writing = createArchiveWriting(db, facets)
  const reader = createArchiveReader(db, statements, facets.estimate)
  let reviewFacts: ReviewFacts | undefined
  /** A review filter reads the reviews' facts: brought up to date first (review-facts.ts). */
  const reviewFactsFor = (filters: { review?: SearchReviewFilter | undefined }) => {
    if (!hasReviewConditions(filters.review)) return
    if (!reviewFacts) {
      throw new Error('A review filter needs the workspace database attached to the archive')
    }
    reviewFacts.refresh()
  }
  return {
    path,
    upsert(entries) {
      const result = writing.upsert(entries)
      reviewFacts?.archiveWritten()
      return result
    },
    begin(options) {
      const writer = writing.begin(options)
      return {
        write: (entry) => {
          writer.write(entry)
        },
        commit() {
          const result = writer.commit()
          reviewFacts?.archiveWritten()
          return result
        },
        rollback: () => {
          writer.rollback()
        },
      }
    },
    ...reader,
    search(filters, page, sections, scope, reviews) {
      reviewFactsFor(filters)
      return reader.search(filters, page, sections, scope, reviews)
    },
    insights(filters, zone, scope, reviews) {
      reviewFactsFor(filters)
      return reader.insights(filters, zone, scope, reviews)
    },
    sdeValues(filters, field, scope, reviews) {
      reviewFactsFor(filters)
      return reader.sdeValues(filters, field, scope, reviews)
    },
    async countInsights(filters, zone, scope = EVERYTHING, reviews) {
      const workers = hasReviewConditions(filters.review) ? undefined : insightsPool()
      if (workers) {
        const { unit, buckets } = insightBuckets(filters.start, zone)
        try {
          const parts = await Promise.all(
            INSIGHT_GROUPS.map((group) => workers.rows(filters, zone, scope, group)),
          )
          return assembleInsights(unit, buckets, Object.assign({}, ...parts) as InsightRows)
        } catch (error) {
          countedHere(error)
        }
      }
      reviewFactsFor(filters)
      return reader.insights(filters, zone, scope, reviews)
    },
    countingWorkers: () => pool?.running() ?? 0,
    startCountingWorkers() {
      insightsPool()?.start()
    },
    async countSdeValues(filters, field, scope = EVERYTHING, reviews) {
      const workers = hasReviewConditions(filters.review) ? undefined : insightsPool()
      if (workers) {
        try {
          return await workers.sdeValues(filters, field, scope)
        } catch (error) {
          countedHere(error)
        }
      }
      reviewFactsFor(filters)
      return reader.sdeValues(filters, field, scope, reviews)
    },
    reviewInsights(filters, zone, scope, reviews) {
      if (!reviewFacts) {
        throw new Error('The QA insights need the workspace database attached to the archive')
      }
      reviewFacts.refresh()
      return reader.reviewInsights(filters, zone, scope, reviews)
    },
    attachWorkspace(workspacePath) {
      if (reviewFacts) throw new Error('The archive already has a workspace attached')
      // ATTACH would create a missing file: an empty database is not the workspace.
      if (!existsSync(workspacePath)) throw new Error(`No workspace database at ${workspacePath}`)
      db.prepare(`ATTACH DATABASE ? AS ${WORKSPACE_SCHEMA}`).run(workspacePath)
      const tables = db
        .prepare(
          `SELECT name FROM ${WORKSPACE_SCHEMA}.sqlite_master WHERE type = 'table' AND name IN ('reviews', 'review_changes')`,
        )
        .pluck()
        .all()
      if (tables.length < 2) {
        db.exec(`DETACH DATABASE ${WORKSPACE_SCHEMA}`)
        throw new Error(`${workspacePath} has no reviews table: open it with the workspace first`)
      }
      // This connection's own page cache for it (it never writes there).
      db.pragma(`${WORKSPACE_SCHEMA}.cache_size = -16384`)
      reviewFacts = createReviewFacts(db)
      reviewFacts.refresh()
    },
    reviewsAttached: () => reviewFacts !== undefined,
    facets: (scope) => facets.read(scope),
    optimize(full = false) {
      // Sampled statistics: enough for the planner, and quick even on a multi-GB archive. Each
      // names `main`: an attached workspace is not the archive's to analyse or checkpoint.
      db.pragma('analysis_limit = 1000')
      if (full) {
        db.exec('ANALYZE main')
        // A large import leaves a WAL as big as itself: fold it in and give the space back.
        db.pragma('main.wal_checkpoint(TRUNCATE)')
      } else db.pragma('main.optimize')
    },
    close() {
      void pool?.close()
      statements.clear()
      if (db.open) db.close()
    },
  }
}
