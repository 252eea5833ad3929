import type { Statement } from 'better-sqlite3'
import type { SearchFilters } from '@/domain/schema/search-request'
import { openArchiveDatabase, type ArchiveDatabase, type OpenOptions } from '@/server/archive/db'
import type { IndexedConversation } from '@/server/archive/extract'
import { compileFilters, orderBy, type SqlValue } from '@/server/archive/query'
import {
  assembleRecord,
  SECTION_COLUMNS,
  type SectionColumn,
  type StoredSections,
} from '@/server/archive/record-output'

/** One conversation to store: the raw record as imported (by section) and what to index. */
export interface ArchiveEntry {
  stored: StoredSections
  indexed: IndexedConversation
}

export interface UpsertResult {
  inserted: number
  updated: number
}

/** What a committed import wrote, and the milliseconds its deferred index builds took. */
export interface CommitResult extends UpsertResult {
  indexMs: number
}

export interface ArchiveWriter {
  write(entry: ArchiveEntry): void
  commit(): CommitResult
  rollback(): void
}

export interface BeginOptions {
  /**
   * A large import. When no other connection has the archive open, the transaction runs with a
   * rollback journal instead of the write-ahead log: pages are written once, to the file, instead
   * of to the log and then copied (about 40% less writer time per record). It is as atomic (an
   * interrupted import is rolled back when the archive is next opened) and the archive returns to
   * WAL afterwards. When another connection (a running server) has it open, the import shares
   * the archive in WAL mode as usual, and readers keep reading throughout. Into an empty
   * archive, the secondary indexes are built once at the end rather than row by row.
   */
  bulk?: boolean
}

export interface Page {
  offset: number
  limit: number
  sortField: 'start' | 'end'
  sortOrder: 'asc' | 'desc'
}

/** A page of records (JSON text with the asked sections) and the total number of matches. */
export interface SearchResult {
  count: number
  records: string[]
}

export interface FacetAgent {
  id: string
  name?: string
  login?: string
  type?: 'human' | 'bot' | 'system'
  count: number
}

export interface FacetItem {
  id: string
  name?: string
  count: number
}

export interface Facets {
  agents: FacetAgent[]
  skills: FacetItem[]
  agentGroups: FacetItem[]
  channels: FacetItem[]
  devices: FacetItem[]
}

export interface Archive {
  readonly path: string
  /** Inserts or replaces conversations by ID, all in one transaction (all or nothing). */
  upsert(entries: readonly ArchiveEntry[]): UpsertResult
  /**
   * Starts one all-or-nothing import that can span asynchronous reads (a streamed file): write
   * entries, then commit, or roll back and nothing was written. With `bulk`, a large import
   * takes the archive to itself when no other connection has it open (see {@link BeginOptions}).
   */
  begin(options?: BeginOptions): ArchiveWriter
  search(filters: SearchFilters, page: Page, sections: readonly SectionColumn[]): SearchResult
  /** Records for the IDs that exist, in the order asked. */
  byIds(conversationIds: readonly string[], sections: readonly SectionColumn[]): string[]
  byConsumer(
    consumerId: string,
    statuses: readonly string[],
    page: Page,
    sections: readonly SectionColumn[],
  ): SearchResult
  facets(): Facets
  conversationCount(): number
  /** Refreshes planner statistics (and, with `full`, checkpoints the WAL) after an import. */
  optimize(full?: boolean): void
  close(): void
}

type Row = Record<string, unknown>

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null
}

const rowsOf = (values: unknown[]): Row[] => values.filter(isRow)

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const num = (value: unknown): number => (typeof value === 'number' ? value : 0)

/** Opens the SQLite archive at `path` (created and migrated if needed). */
export function openArchive(path: string, options?: OpenOptions): Archive {
  const db = openArchiveDatabase(path, options)
  return createArchive(db, path)
}

function createArchive(db: ArchiveDatabase, path: string): Archive {
  const statements = new Map<string, Statement>()
  /** Prepared once per distinct SQL text (filter combinations repeat). */
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      if (statements.size > 500) statements.clear()
      statements.set(sql, statement)
    }
    return statement
  }

  const findId = db.prepare('SELECT id FROM conversations WHERE conversation_id = ?').pluck()
  const insertConversation = db.prepare(`
    INSERT INTO conversations (conversation_id, start_ms, end_ms, status, latest_skill_id,
      latest_agent_id, latest_group_id, source, device, duration_ms, mcs, alerted_mcs, csat, nps,
      queue_state, imported_at)
    VALUES (@conversationId, @startMs, @endMs, @status, @latestSkillId, @latestAgentId,
      @latestGroupId, @source, @device, @durationMs, @mcs, @alertedMcs, @csat, @nps, @queueState,
      @importedAt)`)
  const updateConversation = db.prepare(`
    UPDATE conversations SET start_ms = @startMs, end_ms = @endMs, status = @status,
      latest_skill_id = @latestSkillId, latest_agent_id = @latestAgentId,
      latest_group_id = @latestGroupId, source = @source, device = @device,
      duration_ms = @durationMs, mcs = @mcs, alerted_mcs = @alertedMcs, csat = @csat, nps = @nps,
      queue_state = @queueState, imported_at = @importedAt
    WHERE id = @id`)
  const storedNames = ['id', ...SECTION_COLUMNS, 'extra']
  // Sections arrive as text or as UTF-8 bytes (a streamed import binds the file's bytes, which
  // spares transcoding 30 KB per record); either way they are stored as TEXT.
  const putRecord = db.prepare(
    `INSERT OR REPLACE INTO conversation_sections (${storedNames.map((n) => `"${n}"`).join(', ')})
     VALUES (${storedNames.map((n) => (n === 'id' ? '@id' : `CAST(@${n} AS TEXT)`)).join(', ')})`,
  )
  const putText = db.prepare(
    'INSERT OR REPLACE INTO conversation_text (rowid, messages, summary) VALUES (?, ?, ?)',
  )

  const sideTables = [
    ['conversation_skills', 'skill_id', 'skill'],
    ['conversation_agents', 'agent_id', 'agent'],
    ['conversation_groups', 'group_id', 'group'],
    ['conversation_content_types', 'content_type', undefined],
    ['conversation_consumers', 'consumer_id', undefined],
  ] as const
  const forgetFacets = sideTables.flatMap(([table, column, kind]) =>
    kind
      ? [
          db.prepare(
            `UPDATE facets SET count = count - 1 WHERE kind = '${kind}' AND id IN (SELECT ${column} FROM ${table} WHERE conversation = ?)`,
          ),
        ]
      : [],
  )
  const forgetColumnFacets = db.prepare(`
    UPDATE facets SET count = count - 1
    WHERE (kind = 'channel' AND id = (SELECT source FROM conversations WHERE id = @id))
       OR (kind = 'device' AND id = (SELECT device FROM conversations WHERE id = @id))`)
  const deleteSide = sideTables.map(([table]) =>
    db.prepare(`DELETE FROM ${table} WHERE conversation = ?`),
  )
  const deleteSde = db.prepare('DELETE FROM conversation_sde_text WHERE rowid = ?')
  const insertSkill = db.prepare(
    'INSERT OR IGNORE INTO conversation_skills (skill_id, conversation) VALUES (?, ?)',
  )
  const insertAgent = db.prepare(
    'INSERT OR IGNORE INTO conversation_agents (agent_id, conversation) VALUES (?, ?)',
  )
  const insertGroup = db.prepare(
    'INSERT OR IGNORE INTO conversation_groups (group_id, conversation) VALUES (?, ?)',
  )
  const insertContentType = db.prepare(
    'INSERT OR IGNORE INTO conversation_content_types (content_type, conversation) VALUES (?, ?)',
  )
  const insertConsumer = db.prepare(
    'INSERT OR IGNORE INTO conversation_consumers (consumer_id, conversation) VALUES (?, ?)',
  )
  const putSde = db.prepare('INSERT INTO conversation_sde_text (rowid, tokens) VALUES (?, ?)')
  const countFacet = db.prepare(`
    INSERT INTO facets (kind, id, name, login, user_type, count) VALUES (?, ?, ?, ?, ?, 1)
    ON CONFLICT (kind, id) DO UPDATE SET count = count + 1,
      name = coalesce(excluded.name, name),
      login = coalesce(excluded.login, login),
      user_type = coalesce(excluded.user_type, user_type)`)
  const dropEmptyFacets = db.prepare('DELETE FROM facets WHERE count <= 0')

  const writeOne = (entry: ArchiveEntry, now: number): 'inserted' | 'updated' => {
    const row = entry.indexed
    const columns = {
      conversationId: row.conversationId,
      startMs: row.startMs,
      endMs: row.endMs,
      status: row.status,
      latestSkillId: row.latestSkillId,
      latestAgentId: row.latestAgentId,
      latestGroupId: row.latestGroupId,
      source: row.source,
      device: row.device,
      durationMs: row.durationMs,
      mcs: row.mcs,
      alertedMcs: row.alertedMcs,
      csat: row.csat,
      nps: row.nps,
      queueState: row.queueState,
      importedAt: now,
    }
    const existing = findId.get(row.conversationId)
    let id: number
    let outcome: 'inserted' | 'updated'
    if (typeof existing === 'number') {
      id = existing
      outcome = 'updated'
      for (const statement of forgetFacets) statement.run(id)
      forgetColumnFacets.run({ id })
      for (const statement of deleteSide) statement.run(id)
      deleteSde.run(id)
      updateConversation.run({ ...columns, id })
    } else {
      id = Number(insertConversation.run(columns).lastInsertRowid)
      outcome = 'inserted'
    }
    const stored: Record<string, string | number | Uint8Array | null> = {
      id,
      extra: entry.stored.extra,
    }
    for (const column of SECTION_COLUMNS) stored[column] = entry.stored.sections[column] ?? null
    putRecord.run(stored)
    putText.run(id, row.messagesText, row.summaryText)

    const { skills, agents, groups } = row
    skills.ids.forEach((skillId, i) => {
      insertSkill.run(skillId, id)
      countFacet.run('skill', skillId, skills.names[i] ?? null, null, null)
    })
    agents.ids.forEach((agentId, i) => {
      insertAgent.run(agentId, id)
      countFacet.run(
        'agent',
        agentId,
        agents.names[i] ?? null,
        agents.logins[i] ?? null,
        agents.types[i] ?? null,
      )
    })
    groups.ids.forEach((groupId, i) => {
      insertGroup.run(groupId, id)
      countFacet.run('group', groupId, groups.names[i] ?? null, null, null)
    })
    for (const type of row.contentTypes) insertContentType.run(type, id)
    for (const consumer of row.consumers) insertConsumer.run(consumer, id)
    if (row.sdeTokens !== '') putSde.run(id, row.sdeTokens)
    if (row.source !== null) countFacet.run('channel', row.source, null, null, null)
    countFacet.run('device', row.device, null, null, null)
    return outcome
  }

  const upsertAll = db.transaction((entries: readonly ArchiveEntry[]): UpsertResult => {
    const now = Date.now()
    const result: UpsertResult = { inserted: 0, updated: 0 }
    for (const entry of entries) result[writeOne(entry, now)]++
    if (result.updated > 0) dropEmptyFacets.run()
    return result
  })

  let openWriter = false
  const emptyArchive = db.prepare('SELECT 1 FROM conversations LIMIT 1')
  /** Every index but the ones behind PRIMARY KEY and UNIQUE constraints (those have no SQL). */
  const secondaryIndexes = db.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
  )
  /** Switches a lone connection to a rollback journal; true when it did (and must switch back). */
  const enterBulkMode = (): boolean => {
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') return false
    try {
      // Refused (left in WAL) while any other connection has the archive open.
      if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return false
    } catch {
      return false
    }
    // The rollback journal is synced before the file is written: a crash mid-import rolls back.
    db.pragma('synchronous = FULL')
    return true
  }
  const leaveBulkMode = () => {
    db.pragma('synchronous = NORMAL')
    db.pragma('journal_mode = WAL')
  }
  const begin = (options: BeginOptions = {}): ArchiveWriter => {
    if (openWriter || db.inTransaction) throw new Error('Another import is writing to the archive')
    openWriter = true
    const bulk = options.bulk === true && enterBulkMode()
    try {
      db.exec('BEGIN IMMEDIATE')
    } catch (error) {
      openWriter = false
      if (bulk) leaveBulkMode()
      throw error
    }
    const now = Date.now()
    const result: UpsertResult = { inserted: 0, updated: 0 }
    // The first import into an empty archive builds its secondary indexes once, at the end, from
    // sorted data, instead of row by row. Replacing a conversation (one twice in the file) needs
    // none of them: it goes by the conversation's ID, the key of every table it touches.
    let deferred: { name: string; sql: string }[] = []
    if (bulk && emptyArchive.get() === undefined) {
      deferred = rowsOf(secondaryIndexes.all()).flatMap((row) =>
        typeof row.name === 'string' && typeof row.sql === 'string'
          ? [{ name: row.name, sql: row.sql }]
          : [],
      )
      for (const index of deferred) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
    }
    const buildIndexes = () => {
      const pending = deferred
      deferred = []
      for (const index of pending) db.exec(index.sql)
    }
    let done = false
    const finish = (sql: 'COMMIT' | 'ROLLBACK') => {
      if (done) return
      done = true
      openWriter = false
      try {
        if (db.inTransaction) db.exec(sql)
      } finally {
        if (bulk) leaveBulkMode()
      }
    }
    return {
      write(entry) {
        if (done) throw new Error('This import has already finished')
        result[writeOne(entry, now)]++
      },
      commit() {
        if (done) throw new Error('This import has already finished')
        const building = performance.now()
        try {
          buildIndexes()
          if (result.updated > 0) dropEmptyFacets.run()
        } catch (error) {
          finish('ROLLBACK')
          throw error
        }
        const indexMs = performance.now() - building
        finish('COMMIT')
        return { ...result, indexMs }
      },
      rollback() {
        // A rollback also brings back any index dropped above (SQLite's DDL is transactional).
        finish('ROLLBACK')
      },
    }
  }

  const recordsByIds = (ids: readonly number[], sections: readonly SectionColumn[]): string[] => {
    if (ids.length === 0) return []
    const columns = SECTION_COLUMNS.filter((column) => sections.includes(column))
    const select = columns.map((column) => `"${column}"`).join(', ')
    const rows = prepare(
      `SELECT id${select ? `, ${select}` : ''} FROM conversation_sections WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ).all(...ids)
    const byId = new Map<number, string>()
    for (const row of rowsOf(rows)) {
      byId.set(
        num(row.id),
        assembleRecord(columns, (column) => str(row[column])),
      )
    }
    return ids.flatMap((id) => {
      const json = byId.get(id)
      return json === undefined ? [] : [json]
    })
  }

  /**
   * One page and the total count. A bare time window is counted on its covering index and the
   * page read separately; otherwise one query finds every match once, sorted, and reports the
   * total with a window function (instead of running the same scan twice).
   */
  const pageOf = (
    where: string,
    params: SqlValue[],
    page: Page,
    sections: readonly SectionColumn[],
    windowOnly: boolean,
  ): SearchResult => {
    const order = orderBy(page.sortField, page.sortOrder)
    if (windowOnly) {
      const count = num(
        prepare(`SELECT count(*) FROM conversations c WHERE ${where}`)
          .pluck()
          .get(...params),
      )
      if (count === 0 || page.offset >= count) return { count, records: [] }
      const ids = prepare(
        `SELECT c.id FROM conversations c WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
        .pluck()
        .all(...params, page.limit, page.offset)
        .map(num)
      return { count, records: recordsByIds(ids, sections) }
    }
    const rows = rowsOf(
      prepare(
        `SELECT c.id AS id, count(*) OVER () AS total FROM conversations c WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ).all(...params, page.limit, page.offset),
    )
    const first = rows[0]
    if (first === undefined) {
      // Past the last page (or no match): the count still has to be told.
      if (page.offset === 0) return { count: 0, records: [] }
      const count = num(
        prepare(`SELECT count(*) FROM conversations c WHERE ${where}`)
          .pluck()
          .get(...params),
      )
      return { count, records: [] }
    }
    return {
      count: num(first.total),
      records: recordsByIds(
        rows.map((row) => num(row.id)),
        sections,
      ),
    }
  }

  const facetRows = db.prepare(
    'SELECT kind, id, name, login, user_type, count FROM facets WHERE count > 0 ORDER BY kind, count DESC, id',
  )
  const idOf = db.prepare('SELECT id FROM conversations WHERE conversation_id = ?').pluck()

  return {
    path,
    upsert: (entries) => upsertAll(entries),
    begin,
    search(filters, page, sections) {
      const compiled = compileFilters(filters, (kind, ids) =>
        num(
          prepare(
            `SELECT coalesce(sum(count), 0) FROM facets WHERE kind = ? AND id IN (${ids.map(() => '?').join(', ')})`,
          )
            .pluck()
            .get(kind, ...ids),
        ),
      )
      return pageOf(compiled.where, compiled.params, page, sections, compiled.windowOnly)
    },
    byIds(conversationIds, sections) {
      const ids: number[] = []
      for (const conversationId of conversationIds) {
        const id: unknown = idOf.get(conversationId)
        if (typeof id === 'number') ids.push(id)
      }
      return recordsByIds(ids, sections)
    },
    byConsumer(consumerId, statuses, page, sections) {
      const where = [
        'c.id IN (SELECT conversation FROM conversation_consumers WHERE consumer_id = ?)',
        `c.status IN (${statuses.map(() => '?').join(', ')})`,
      ].join(' AND ')
      return pageOf(where, [consumerId, ...statuses], page, sections, false)
    },
    facets() {
      const facets: Facets = { agents: [], skills: [], agentGroups: [], channels: [], devices: [] }
      for (const row of rowsOf(facetRows.all())) {
        const id = str(row.id) ?? ''
        const count = num(row.count)
        const name = str(row.name)
        const item: FacetItem = name === undefined ? { id, count } : { id, name, count }
        switch (row.kind) {
          case 'agent': {
            const agent: FacetAgent = { ...item }
            const login = str(row.login)
            const type = str(row.user_type)
            if (login !== undefined) agent.login = login
            if (type === 'human' || type === 'bot' || type === 'system') agent.type = type
            facets.agents.push(agent)
            break
          }
          case 'skill':
            facets.skills.push(item)
            break
          case 'group':
            facets.agentGroups.push(item)
            break
          case 'channel':
            facets.channels.push(item)
            break
          case 'device':
            facets.devices.push(item)
            break
        }
      }
      return facets
    },
    conversationCount: () => num(db.prepare('SELECT count(*) FROM conversations').pluck().get()),
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
