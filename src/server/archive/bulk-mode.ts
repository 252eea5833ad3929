import type { ArchiveDatabase } from '@/server/archive/db'
import { rowsOf } from '@/server/archive/sql-rows'

/**
 * A large import's two shortcuts (see `BeginOptions.bulk`): a rollback journal instead of the
 * write-ahead log while no other connection has the archive open, and, into an empty archive,
 * the secondary indexes built once at the end instead of row by row.
 */
export interface BulkMode {
  /** Switches a lone connection to a rollback journal; true when it did (and must switch back). */
  enter(): boolean
  /** Back to the write-ahead log, after {@link BulkMode.enter} said true. */
  leave(): void
  /**
   * Inside the import's transaction: when the archive is empty, drops its secondary indexes and
   * returns the step that builds them again (before the commit); otherwise a step that does
   * nothing. A rollback brings the dropped indexes back (SQLite's DDL is transactional).
   */
  deferIndexes(): () => void
}

/** The bulk-import switches for the archive `db`. */
export function createBulkMode(db: ArchiveDatabase): BulkMode {
  const emptyArchive = db.prepare('SELECT 1 FROM conversations LIMIT 1')
  /** Every index but the ones behind PRIMARY KEY and UNIQUE constraints (those have no SQL). */
  const secondaryIndexes = db.prepare(
    "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
  )
  return {
    enter() {
      // `main.` throughout: only the archive, never a database attached to it (the workspace).
      if (db.pragma('main.journal_mode', { simple: true }) !== 'wal') return false
      try {
        // Refused (left in WAL) while any other connection has the archive open.
        if (db.pragma('main.journal_mode = DELETE', { simple: true }) !== 'delete') return false
      } catch {
        return false
      }
      // The rollback journal is synced before the file is written: a crash mid-import rolls back.
      db.pragma('main.synchronous = FULL')
      return true
    },
    leave() {
      db.pragma('main.synchronous = NORMAL')
      db.pragma('main.journal_mode = WAL')
    },
    deferIndexes() {
      // The first import into an empty archive builds its secondary indexes once, at the end,
      // from sorted data, instead of row by row. Replacing a conversation (one twice in the file)
      // needs none of them: it goes by the conversation's ID, the key of every table it touches.
      if (emptyArchive.get() !== undefined) return () => undefined
      let deferred = rowsOf(secondaryIndexes.all()).flatMap((row) =>
        typeof row.name === 'string' && typeof row.sql === 'string'
          ? [{ name: row.name, sql: row.sql }]
          : [],
      )
      for (const index of deferred) db.exec(`DROP INDEX main."${index.name.replaceAll('"', '""')}"`)
      return () => {
        const pending = deferred
        deferred = []
        for (const index of pending) db.exec(index.sql)
      }
    },
  }
}
