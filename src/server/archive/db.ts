import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { parseConversationRecord } from '@/domain/schema/record'
import { enableRecordFastPath } from '@/domain/schema/record-fast-path'
import { sdeFieldValues } from '@/domain/sde-fields'
import { agentsOf, extractIndexed } from '@/server/archive/extract'
import { replyTimes } from '@/server/archive/reply-times'
import { assembleRecord, SECTION_COLUMNS, splitRecord } from '@/server/archive/record-output'

/**
 * The archive's SQLite schema, versioned with `PRAGMA user_version`. Each entry migrates from
 * version `index` to `index + 1`; a newer file than this code knows is refused.
 *
 * - `conversations`: one row per conversation, the indexed columns of every filter. Kept narrow
 *   (no JSON) so filtered scans and counts touch few pages.
 * - `conversation_sections`: the raw record as imported, one JSON text per section (migration 2;
 *   version 1 kept it whole in `conversation_records`), what the API returns.
 * - `conversation_*`: multi-valued filters (any skill, assigned agents, groups, content types,
 *   consumers). Keyed by conversation (migration 3), so an import appends to them in order and
 *   an update deletes one key range; a value-first index makes each filter one index range.
 * - `conversations.close_reason`, `transfer_count` and `conversation_transfers` (migration 4): how
 *   a conversation closed and its transfers from skill to skill.
 * - `first_reply_ms`, `average_reply_ms` of `conversations` (human agents) and of
 *   `conversation_agents` (each assigned agent), migration 5: how fast agents replied.
 * - `conversation_sde_values` (migration 6): each conversation's values of the charted SDE fields
 *   (domain/sde-fields.ts; issue 15's `sdeValue` filter and SDE chart): field, text (ASCII case
 *   does not tell two apart, as in the filter), number when the value is one, and the
 *   conversation's start, so counting a field's values within a window is one index range.
 * - Migration 7: an index of each charted column with the start, and the start (and for skills
 *   the conversation's reply times) in `conversation_agents`, `conversation_skills` and
 *   `conversation_transfers`, so the insights of a bare window are read from indexes alone.
 * - `conversation_sde_text`: SDE values for `sdeSearch` (migration 3), one contentless FTS5 row
 *   per conversation whose tokens each stand for one key and value (see `sdeToken`): an inverted
 *   index that an import fills in memory and writes in sorted runs. (Version 2 kept them as rows
 *   of a value-first table, about 30 per conversation, each landing at a random place in a large
 *   tree; with the side tables keyed the same way, those pages fought the stored records for the
 *   cache and made an import of 100,000 conversations a third slower.)
 * - `facets`: distinct agents, skills, groups, channels and devices with names and counts,
 *   maintained at import so `/api/facets` never scans the archive.
 * - `conversation_text`: contentless FTS5 (the text is not stored twice), one row per conversation,
 *   columns `messages` and `summary`; `contentless_delete` lets an upsert replace a row.
 */
type Migration = string | ((db: ArchiveDatabase) => void)

const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL UNIQUE,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER,
    status TEXT,
    latest_skill_id TEXT,
    latest_agent_id TEXT,
    latest_group_id TEXT,
    source TEXT COLLATE NOCASE,
    device TEXT,
    duration_ms INTEGER,
    mcs REAL,
    alerted_mcs INTEGER,
    csat REAL,
    nps REAL,
    queue_state TEXT,
    imported_at INTEGER NOT NULL
  );
  CREATE INDEX conversations_start ON conversations (start_ms);
  CREATE INDEX conversations_end ON conversations (end_ms);
  CREATE INDEX conversations_status_start ON conversations (status, start_ms);
  CREATE INDEX conversations_latest_skill_start ON conversations (latest_skill_id, start_ms);
  CREATE INDEX conversations_latest_agent_start ON conversations (latest_agent_id, start_ms);
  CREATE INDEX conversations_latest_group_start ON conversations (latest_group_id, start_ms);
  CREATE INDEX conversations_source_start ON conversations (source, start_ms);

  CREATE TABLE conversation_records (
    id INTEGER PRIMARY KEY,
    raw_json TEXT NOT NULL
  );

  CREATE TABLE conversation_skills (
    skill_id TEXT NOT NULL,
    conversation INTEGER NOT NULL,
    PRIMARY KEY (skill_id, conversation)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_skills_conversation ON conversation_skills (conversation);

  CREATE TABLE conversation_agents (
    agent_id TEXT NOT NULL,
    conversation INTEGER NOT NULL,
    PRIMARY KEY (agent_id, conversation)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_agents_conversation ON conversation_agents (conversation);

  CREATE TABLE conversation_groups (
    group_id TEXT NOT NULL,
    conversation INTEGER NOT NULL,
    PRIMARY KEY (group_id, conversation)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_groups_conversation ON conversation_groups (conversation);

  CREATE TABLE conversation_content_types (
    content_type TEXT NOT NULL,
    conversation INTEGER NOT NULL,
    PRIMARY KEY (content_type, conversation)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_content_types_conversation ON conversation_content_types (conversation);

  CREATE TABLE conversation_consumers (
    consumer_id TEXT NOT NULL,
    conversation INTEGER NOT NULL,
    PRIMARY KEY (consumer_id, conversation)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_consumers_conversation ON conversation_consumers (conversation);

  CREATE TABLE conversation_sde (
    sde_key TEXT NOT NULL,
    value TEXT NOT NULL,
    conversation INTEGER NOT NULL,
    PRIMARY KEY (sde_key, value, conversation)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_sde_conversation ON conversation_sde (conversation);

  CREATE TABLE facets (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT,
    login TEXT,
    user_type TEXT,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;

  CREATE VIRTUAL TABLE conversation_text USING fts5 (
    messages,
    summary,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  `,
  // 2: the raw record kept section by section (see record-output.ts) instead of one JSON text.
  (db) => {
    const columns = SECTION_COLUMNS.map((column) => `"${column}" TEXT`).join(', ')
    db.exec(`CREATE TABLE conversation_sections (id INTEGER PRIMARY KEY, ${columns}, extra TEXT)`)
    const names = ['id', ...SECTION_COLUMNS, 'extra']
    const insert = db.prepare(
      `INSERT INTO conversation_sections (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`,
    )
    forEachRow(db, 'conversation_records', ['raw_json'], (id, row) => {
      const json = row.raw_json
      const parsed: unknown = typeof json === 'string' ? JSON.parse(json) : undefined
      if (typeof parsed !== 'object' || parsed === null) return
      const { sections, extra } = splitRecord(Object.fromEntries(Object.entries(parsed)))
      const values: Record<string, string | number | Uint8Array | null> = { id, extra }
      for (const column of SECTION_COLUMNS) values[column] = sections[column] ?? null
      insert.run(values)
    })
    db.exec('DROP TABLE conversation_records')
  },
  // 3: the multi-valued filter tables keyed by conversation, with a value-first index; SDE values
  // as full-text tokens.
  (db) => {
    for (const { table, column, index } of SIDE_TABLES) {
      db.exec(`
        CREATE TABLE "${table}_new" (
          conversation INTEGER NOT NULL,
          ${column} TEXT NOT NULL,
          PRIMARY KEY (conversation, ${column})
        ) WITHOUT ROWID;
        INSERT INTO "${table}_new" (conversation, ${column})
          SELECT conversation, ${column} FROM ${table} ORDER BY conversation, ${column};
        DROP TABLE ${table};
        ALTER TABLE "${table}_new" RENAME TO ${table};
        CREATE INDEX ${index} ON ${table} (${column});`)
    }
    db.exec(`
      CREATE VIRTUAL TABLE conversation_sde_text USING fts5 (
        tokens,
        content = '',
        contentless_delete = 1,
        detail = none,
        tokenize = 'ascii'
      );
      INSERT INTO conversation_sde_text (rowid, tokens)
        SELECT conversation, group_concat(lower(hex(sde_key)) || 'g' || lower(hex(value)), ' ')
        FROM conversation_sde GROUP BY conversation;
      DROP TABLE conversation_sde;`)
  },
  // 4: how each conversation closed and its transfers (issue 15's close-reason and transfer
  // filters and charts), read from the stored sections of the conversations already here.
  (db) => {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN close_reason TEXT;
      ALTER TABLE conversations ADD COLUMN transfer_count INTEGER;
      CREATE TABLE conversation_transfers (
        conversation INTEGER NOT NULL,
        source_skill_id TEXT NOT NULL,
        target_skill_id TEXT NOT NULL,
        PRIMARY KEY (conversation, source_skill_id, target_skill_id)
      ) WITHOUT ROWID;
      CREATE INDEX conversation_transfers_path
        ON conversation_transfers (source_skill_id, target_skill_id);`)
    const update = db.prepare(
      'UPDATE conversations SET close_reason = ?, transfer_count = ? WHERE id = ?',
    )
    const insertPath = db.prepare('INSERT OR IGNORE INTO conversation_transfers VALUES (?, ?, ?)')
    forEachRow(db, 'conversation_sections', ['info', 'transfers'], (id, row) => {
      const record = assembleRecord(['info', 'transfers'], (column) => {
        const value = row[column]
        return typeof value === 'string' ? value : null
      })
      // A stored section that is not JSON (it never should be) leaves its conversation without
      // these values rather than the archive unopenable.
      let raw: unknown
      try {
        raw = JSON.parse(record)
      } catch {
        return
      }
      const parsed = parseConversationRecord(raw)
      const indexed = parsed.ok ? extractIndexed(parsed.record) : undefined
      if (!indexed) return
      update.run(indexed.closeReason, indexed.transferCount, id)
      indexed.transferSources.forEach((source, i) =>
        insertPath.run(id, source, indexed.transferTargets[i]),
      )
    })
  },
  // 5: how fast agents replied (issue 15's reply-time charts; reply-times.ts), each assigned
  // agent's in its conversation and human agents' for the conversation, read from the stored
  // messages of the conversations already here.
  (db) => {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN first_reply_ms INTEGER;
      ALTER TABLE conversations ADD COLUMN average_reply_ms INTEGER;
      ALTER TABLE conversation_agents ADD COLUMN first_reply_ms INTEGER;
      ALTER TABLE conversation_agents ADD COLUMN average_reply_ms INTEGER;`)
    const updateConversation = db.prepare(
      'UPDATE conversations SET first_reply_ms = ?, average_reply_ms = ? WHERE id = ?',
    )
    const updateAgent = db.prepare(
      'UPDATE conversation_agents SET first_reply_ms = ?, average_reply_ms = ? WHERE conversation = ? AND agent_id = ?',
    )
    const agentsHere = db
      .prepare('SELECT agent_id FROM conversation_agents WHERE conversation = ?')
      .pluck()
    // The record parser's compiled fast path, as an import takes it: most of the time is parsing.
    enableRecordFastPath()
    // Every list of agents (a bot may be only in those who left), as an import reads them.
    const sections = [
      'info',
      'agentParticipants',
      'agentParticipantsActive',
      'agentParticipantsLeave',
      'messageRecords',
    ] as const
    forEachRow(db, 'conversation_sections', sections, (id, row) => {
      let raw: unknown
      try {
        raw = JSON.parse(
          assembleRecord(sections, (column) => {
            const value = row[column]
            return typeof value === 'string' ? value : null
          }),
        )
      } catch {
        return
      }
      const parsed = parseConversationRecord(raw)
      if (!parsed.ok || !parsed.record.messageRecords) return
      // The assigned agents already here, as `extractIndexed` adds them to the participants.
      const agents = agentsOf(parsed.record)
      for (const agentId of agentsHere.all(id)) agents.known.add(String(agentId))
      const { byAgent, conversation } = replyTimes(parsed.record.messageRecords, agents)
      if (conversation) updateConversation.run(conversation.firstMs, conversation.averageMs, id)
      for (const [agentId, times] of byAgent) {
        updateAgent.run(times.firstMs, times.averageMs, id, agentId)
      }
    })
  },
  // 6: the values of the charted SDE fields (issue 15's SDE chart and `sdeValue` filter), read
  // from the stored SDE sections of the conversations already here.
  (db) => {
    db.exec(`
      CREATE TABLE conversation_sde_values (
        conversation INTEGER NOT NULL,
        field TEXT NOT NULL,
        text_value TEXT NOT NULL COLLATE NOCASE,
        num_value REAL,
        start_ms INTEGER NOT NULL,
        PRIMARY KEY (conversation, field, text_value)
      ) WITHOUT ROWID;`)
    // The record parser's compiled fast path (as an import takes it): most of the time is parsing.
    enableRecordFastPath()
    const insert = db.prepare(
      'INSERT OR IGNORE INTO conversation_sde_values SELECT ?, ?, ?, ?, start_ms FROM conversations WHERE id = ?',
    )
    const sections = ['info', 'sdes', 'unAuthSdes'] as const
    forEachRow(db, 'conversation_sections', sections, (id, row) => {
      if (typeof row.sdes !== 'string' && typeof row.unAuthSdes !== 'string') return
      const record = assembleRecord(sections, (column) => {
        const value = row[column]
        return typeof value === 'string' ? value : null
      })
      // A stored section that is not JSON leaves its conversation without values (see 4).
      let raw: unknown
      try {
        raw = JSON.parse(record)
      } catch {
        return
      }
      const parsed = parseConversationRecord(raw)
      if (!parsed.ok) return
      const events = [
        ...(parsed.record.sdes?.events ?? []),
        ...(parsed.record.unAuthSdes?.events ?? []),
      ]
      for (const value of sdeFieldValues(events)) {
        insert.run(id, value.path, value.text, value.number, id)
      }
    })
    // Built once the rows are in, from sorted data. The start index holds the text and the
    // conversation too (the table's key), and the number: a window's values are read from it alone.
    db.exec(`
      CREATE INDEX conversation_sde_values_text ON conversation_sde_values (field, text_value);
      CREATE INDEX conversation_sde_values_number ON conversation_sde_values (field, num_value);
      CREATE INDEX conversation_sde_values_start
        ON conversation_sde_values (field, start_ms, num_value);`)
  },
  // 7: indexes for the insights of a bare window (issue 15's 300 ms target; archive-reader.ts):
  // each charted column with the start, so a window's counts of its values are read in value
  // order from the index alone (no table rows, no sort); and the conversation's start (and, for
  // skills, its reply times) copied into the agents, skills and transfers tables, so their reply
  // times and transfer pairs in a window are read the same way, without a join.
  `
  ALTER TABLE conversation_agents ADD COLUMN start_ms INTEGER;
  ALTER TABLE conversation_skills ADD COLUMN start_ms INTEGER;
  ALTER TABLE conversation_skills ADD COLUMN first_reply_ms INTEGER;
  ALTER TABLE conversation_skills ADD COLUMN average_reply_ms INTEGER;
  ALTER TABLE conversation_transfers ADD COLUMN start_ms INTEGER;
  UPDATE conversation_agents SET start_ms = (
    SELECT c.start_ms FROM conversations c WHERE c.id = conversation_agents.conversation);
  UPDATE conversation_transfers SET start_ms = (
    SELECT c.start_ms FROM conversations c WHERE c.id = conversation_transfers.conversation);
  UPDATE conversation_skills SET (start_ms, first_reply_ms, average_reply_ms) = (
    SELECT c.start_ms, c.first_reply_ms, c.average_reply_ms FROM conversations c
    WHERE c.id = conversation_skills.conversation);
  CREATE INDEX conversations_device_start ON conversations (device, start_ms);
  CREATE INDEX conversations_close_reason_start ON conversations (close_reason, start_ms);
  CREATE INDEX conversations_mcs_start ON conversations (mcs, start_ms);
  CREATE INDEX conversations_csat_start ON conversations (csat, start_ms);
  CREATE INDEX conversations_transfer_count_start ON conversations (transfer_count, start_ms);
  CREATE INDEX conversation_agents_agent_start
    ON conversation_agents (agent_id, start_ms, first_reply_ms, average_reply_ms);
  CREATE INDEX conversation_skills_skill_start
    ON conversation_skills (skill_id, start_ms, first_reply_ms, average_reply_ms);
  CREATE INDEX conversation_transfers_path_start
    ON conversation_transfers (source_skill_id, target_skill_id, start_ms);
  `,
]

/**
 * Visits every row of `table` in ID order, 500 at a time (a migration's backfill): its ID and the
 * `columns` asked for.
 */
function forEachRow(
  db: ArchiveDatabase,
  table: string,
  columns: readonly string[],
  visit: (id: number, row: Readonly<Record<string, unknown>>) => void,
): void {
  const batch = db.prepare(
    `SELECT id, ${columns.join(', ')} FROM ${table} WHERE id > ? ORDER BY id LIMIT 500`,
  )
  let after = -Infinity
  for (;;) {
    const rows: unknown[] = batch.all(after)
    if (rows.length === 0) return
    for (const row of rows) {
      if (typeof row !== 'object' || row === null) continue
      const id: unknown = Reflect.get(row, 'id')
      if (typeof id !== 'number') continue
      after = id
      visit(id, Object.fromEntries(Object.entries(row)))
    }
  }
}

/** The multi-valued filter tables (migration 3), their value column and value-first index. */
const SIDE_TABLES = [
  { table: 'conversation_skills', column: 'skill_id', index: 'conversation_skills_skill' },
  { table: 'conversation_agents', column: 'agent_id', index: 'conversation_agents_agent' },
  { table: 'conversation_groups', column: 'group_id', index: 'conversation_groups_group' },
  {
    table: 'conversation_content_types',
    column: 'content_type',
    index: 'conversation_content_types_type',
  },
  {
    table: 'conversation_consumers',
    column: 'consumer_id',
    index: 'conversation_consumers_consumer',
  },
] as const

export const SCHEMA_VERSION = MIGRATIONS.length

export type ArchiveDatabase = Database.Database

export interface OpenOptions {
  /** How long to wait for a lock another connection holds (default 5 s). */
  busyTimeoutMs?: number
}

/** Opens (creating if needed) the archive file, applies pragmas and pending migrations. */
export function openArchiveDatabase(path: string, options: OpenOptions = {}): ArchiveDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  try {
    // First, so that every step below waits for a lock rather than failing at once.
    db.pragma(`busy_timeout = ${String(Math.max(0, Math.round(options.busyTimeoutMs ?? 5000)))}`)
    db.pragma('page_size = 16384') // new files only: fewer pages per stored record
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('temp_store = MEMORY')
    db.pragma('cache_size = -65536')
    db.pragma('mmap_size = 268435456')
    migrate(db)
  } catch (error) {
    db.close()
    // A large import that found the archive alone holds it for its whole run (archive.ts).
    if (
      error instanceof Error &&
      /database is locked|SQLITE_BUSY/i.test(
        `${error.message} ${String(Reflect.get(error, 'code'))}`,
      )
    ) {
      throw new Error(
        `The archive ${path} is busy: an import is writing to it. Try again when the import has finished.`,
        { cause: error },
      )
    }
    throw error
  }
  return db
}

/** Applies pending migrations up to `target` (tests build older archives with a lower one). */
export function migrate(db: ArchiveDatabase, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true })
  const version = typeof current === 'number' ? current : 0
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `The archive was written by a newer version (schema ${String(version)}, this code knows ${String(SCHEMA_VERSION)})`,
    )
  }
  for (let next = version; next < Math.min(target, SCHEMA_VERSION); next++) {
    const sql = MIGRATIONS[next]
    if (sql === undefined) break
    db.transaction(() => {
      if (typeof sql === 'string') db.exec(sql)
      else sql(db)
      db.pragma(`user_version = ${String(next + 1)}`)
    })()
  }
}
