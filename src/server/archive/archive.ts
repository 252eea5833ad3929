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
import type { ReadScope } from '@/server/archive/read-scope'
import { createStatementCache } from '@/server/archive/statement-cache'

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
  /** Refreshes planner statistics (and, with `full`, checkpoints the WAL) after an import. */
  optimize(full?: boolean): void
  close(): void
}

/**
 * Opens the SQLite archive at `path` (created and migrated if needed): the writer
 * (archive-writer.ts, with bulk-mode.ts), the reader (archive-reader.ts) and the facet counts
 * (facets.ts) on one connection.
 */
export function openArchive(path: string, options?: OpenOptions): Archive {
  const db = openArchiveDatabase(path, options)
  const statements = createStatementCache(db)
  const facets = createFacetCounts(db, statements)
  const writing = createArchiveWriting(db, facets)
  const reader = createArchiveReader(db, statements, facets.estimate)
  return {
    path,
    ...writing,
    ...reader,
    facets: (scope) => facets.read(scope),
    optimize(full = false) {
      // Sampled statistics: enough for the planner, and quick even on a multi-GB archive.
      db.pragma('analysis_limit = 1000')
      if (full) {
        db.exec('ANALYZE')
        // A large import leaves a WAL as big as itself: fold it in and give the space back.
        db.pragma('wal_checkpoint(TRUNCATE)')
      } else db.pragma('optimize')
    },
    close() {
      statements.clear()
      if (db.open) db.close()
    },
  }
}
