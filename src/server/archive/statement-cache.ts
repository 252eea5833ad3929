import type { Statement } from 'better-sqlite3'
import type { ArchiveDatabase } from '@/server/archive/db'

/** Prepared statements for SQL built per request (filter combinations repeat), kept by text. */
export interface StatementCache {
  /** The statement for `sql`, prepared once per distinct text. */
  prepare(sql: string): Statement
  clear(): void
}

/** A cache of at most about 500 statements on `db` (emptied whole when it grows past that). */
export function createStatementCache(db: ArchiveDatabase): StatementCache {
  const statements = new Map<string, Statement>()
  return {
    prepare(sql) {
      let statement = statements.get(sql)
      if (!statement) {
        statement = db.prepare(sql)
        if (statements.size > 500) statements.clear()
        statements.set(sql, statement)
      }
      return statement
    },
    clear: () => statements.clear(),
  }
}
