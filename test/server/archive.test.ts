import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  byIdBodySchema,
  MAX_CONVERSATION_ID_LENGTH,
  searchBodySchema,
} from '@/domain/schema/search-request'
import { openArchive, type Archive } from '@/server/archive/archive'
import { migrate, SCHEMA_VERSION } from '@/server/archive/db'
import { buildMatchExpression, parseTextQuery } from '@/server/archive/fts-query'
import { importFile, importText, parseImportText } from '@/server/archive/import'
import { lineColumnAt, locateJsonError, scanForError } from '@/server/archive/json-error'
import { assembleRecord, splitRecord, wantedSections } from '@/server/archive/record-output'
import { htmlToText } from '@/domain/html-text'
import { foldText, sdeToken } from '@/server/archive/text'
import { isJsonText } from '@/server/archive/prepare-lines'
import { topLevelSpans } from '@/server/archive/top-level-spans'
import { DAY, T0 } from './fixtures'
import { buildRecord, keysOf, personalInfoEvent, withoutInfoField } from './record-factory'

let dir: string
let archive: Archive

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cv-archive-'))
  archive = openArchive(join(dir, 'archive.db'))
})
afterEach(() => {
  archive.close()
  rmSync(dir, { recursive: true, force: true })
})

const everything = searchBodySchema.parse({ start: { from: T0 - 30 * DAY, to: T0 + 30 * DAY } })
const page = { offset: 0, limit: 100, sortField: 'start', sortOrder: 'asc' } as const
const ids = () =>
  archive.search(everything, page, ['info']).records.map((json) => {
    const id: unknown = Reflect.get(
      Object(Reflect.get(Object(JSON.parse(json)), 'info')),
      'conversationId',
    )
    return String(id)
  })

/** Closes the test's archive and writes a file at an older schema version with one conversation. */
function olderArchive(version: number, conversationId: string) {
  archive.close()
  const path = join(dir, `v${String(version)}.db`)
  const db = new Database(path)
  migrate(db, version)
  db.prepare(
    'INSERT INTO conversations (id, conversation_id, start_ms, imported_at) VALUES (7, ?, ?, 0)',
  ).run(conversationId, T0)
  return { db, path }
}

describe('the archive file', () => {
  it('is created with the current schema version, in WAL mode', () => {
    const db = new Database(join(dir, 'archive.db'), { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('refuses a file written by a newer version instead of corrupting it', () => {
    archive.close()
    const path = join(dir, 'archive.db')
    const db = new Database(path)
    db.pragma(`user_version = ${String(SCHEMA_VERSION + 1)}`)
    db.close()
    expect(() => openArchive(path)).toThrow(/newer version/)
    archive = openArchive(join(dir, 'other.db'))
  })

  it('migrates a version 1 archive (one JSON text per record) to sections', () => {
    // A version 1 file: the record as one JSON text in conversation_records.
    const { db, path } = olderArchive(1, 'old-1')
    db.prepare('INSERT INTO conversation_records VALUES (7, ?)').run(
      JSON.stringify({
        info: { conversationId: 'old-1' },
        consumerParticipant: [{ participantId: 'p' }],
      }),
    )
    db.close()
    archive = openArchive(path)
    const [record] = archive.byIds(['old-1'], ['info', 'consumerParticipants'])
    expect(JSON.parse(record ?? 'null')).toEqual({
      info: { conversationId: 'old-1' },
      consumerParticipants: [{ participantId: 'p' }],
    })
  })

  it('migrates a version 2 archive: filter tables keyed by conversation, SDE values as tokens', () => {
    const { db, path } = olderArchive(2, 'old-2')
    db.prepare('INSERT INTO conversation_sections (id, info) VALUES (7, ?)').run(
      JSON.stringify({ conversationId: 'old-2' }),
    )
    db.prepare("INSERT INTO conversation_skills VALUES ('s-1', 7)").run()
    db.prepare("INSERT INTO conversation_agents VALUES ('a-1', 7)").run()
    // Version 2 kept SDE values folded, one row each (non-ASCII too: the tokens are UTF-8 hex).
    db.prepare("INSERT INTO conversation_sde VALUES ('personalInfo', '東京 tower', 7)").run()
    db.prepare("INSERT INTO conversation_sde VALUES ('personalInfo', '東京', 7)").run()
    db.prepare("INSERT INTO conversation_sde VALUES ('customerInfo', 'c-42', 7)").run()
    db.close()

    archive = openArchive(path)
    const count = (filters: Record<string, unknown>) =>
      archive.search(
        searchBodySchema.parse({ start: { from: T0 - DAY, to: T0 + DAY }, ...filters }),
        page,
        ['info'],
      ).count
    expect(count({})).toBe(1)
    expect(count({ skillIds: ['s-1'] })).toBe(1)
    expect(count({ skillIds: ['s-2'] })).toBe(0)
    expect(count({ agentIds: ['a-1'] })).toBe(1)
    expect(count({ sdeSearch: { personalInfo: '東京 Tower' } })).toBe(1)
    expect(count({ sdeSearch: { personalInfo: '東京' } })).toBe(1)
    expect(count({ sdeSearch: { customerInfo: 'C-42' } })).toBe(1)
    expect(count({ sdeSearch: { personalInfo: 'c-42' } })).toBe(0)
    expect(count({ sdeSearch: { customerInfo: 'c-4' } })).toBe(0)

    // Re-imported, the conversation's filter rows and SDE values are replaced, not added to.
    importText(
      archive,
      JSON.stringify([
        buildRecord({
          id: 'old-2',
          start: T0,
          sdes: [personalInfoEvent('Ana', 'Silva', 'ana@example.com')],
        }),
      ]),
      'again.json',
    )
    expect(count({ skillIds: ['s-1'] })).toBe(0)
    expect(count({ sdeSearch: { customerInfo: 'c-42' } })).toBe(0)
    expect(count({ sdeSearch: { personalInfo: 'ana' } })).toBe(1)
  })

  it('reopens an existing archive with its data', () => {
    importText(archive, JSON.stringify([buildRecord({ id: 'kept', start: T0 })]), 'a.json')
    archive.close()
    archive = openArchive(join(dir, 'archive.db'))
    expect(ids()).toEqual(['kept'])
  })
})

describe('import parsing', () => {
  it('detects the four shapes', () => {
    const r = buildRecord({ id: 'r', start: T0 })
    const shape = (text: string) => {
      const parsed = parseImportText(text, 'f')
      return parsed.ok ? [parsed.shape, parsed.records.length] : parsed.errors
    }
    expect(shape(JSON.stringify({ conversationHistoryRecords: [r, r] }))).toEqual(['response', 2])
    expect(shape(JSON.stringify([r]))).toEqual(['array', 1])
    expect(shape(JSON.stringify(r, null, 2))).toEqual(['record', 1])
    expect(shape(`${JSON.stringify(r)}\n${JSON.stringify(r)}\n${JSON.stringify(r)}`)).toEqual([
      'ndjson',
      3,
    ])
    expect(shape('\ufeff[]')).toEqual(['array', 0])
    expect(shape('  ')).toEqual(['f: the file is empty'])
  })

  it('reports JSON errors as file:line:column', () => {
    const parsed = parseImportText(
      '[\n  {"info": {"conversationId": "a"}},\n  {"info": tru}\n]',
      'x.json',
    )
    expect(parsed).toEqual({ ok: false, errors: [expect.stringMatching(/^x\.json:3:\d+: /)] })
  })

  it('locates errors V8 reports without a position', () => {
    const text = '{\n  "a": [1, 2],\n  "b": tru\n}'
    let error: unknown
    try {
      JSON.parse(text)
    } catch (caught) {
      error = caught
    }
    const where = locateJsonError(text, error)
    expect([where.line, where.column]).toEqual([3, 8])
    expect(where.message).not.toContain('"')
  })

  it('the scanner agrees with JSON.parse on what is valid', () => {
    for (const valid of ['{}', '[1,-2.5e3,"a\\u00e9\\n",true,false,null]', ' {"a":{"b":[]}} ']) {
      expect(scanForError(valid)).toBeUndefined()
    }
    for (const invalid of ['{"a":1,}', '[1 2]', '{"a"}', '"\\x"', '[01]', '{} {}', '[', '"abc']) {
      expect(scanForError(invalid), invalid).toBeDefined()
    }
    expect(lineColumnAt('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 })
  })
})

describe('start times', () => {
  it('falls back to the startTime string when startTimeL is missing', () => {
    const record = withoutInfoField(buildRecord({ id: 'strings', start: T0 + 1234 }), 'startTimeL')
    expect(importText(archive, JSON.stringify(record), 'a')).toMatchObject({
      ok: true,
      inserted: 1,
    })
    expect(ids()).toEqual(['strings'])
  })

  it('refuses a record with no start time at all, naming it', () => {
    const record = withoutInfoField(
      withoutInfoField(buildRecord({ id: 'none', start: T0 }), 'startTimeL'),
      'startTime',
    )
    expect(importText(archive, JSON.stringify([record]), 'a.json')).toEqual({
      ok: false,
      errors: ['a.json: record 1: missing info.startTimeL (the conversation start time)'],
    })
  })
})

describe('conversation IDs', () => {
  // What the by-ID search (how a conversation is opened) accepts: a longer one could never open.
  const longest = 'L'.repeat(MAX_CONVERSATION_ID_LENGTH)
  const tooLong = 'T'.repeat(MAX_CONVERSATION_ID_LENGTH + 1)
  const tooLongError = (label: string) =>
    `ids.ndjson: ${label}: info.conversationId is too long (201 characters; conversations are opened by IDs of at most 200)`

  it('the longest the API opens is imported (surrounding spaces trimmed, as the API does)', () => {
    const record = buildRecord({ id: ` ${longest} `, start: T0 })
    expect(importText(archive, JSON.stringify([record]), 'a.json')).toMatchObject({ ok: true })
    expect(byIdBodySchema.parse({ conversationId: longest }).conversationIds).toEqual([longest])
    expect(archive.byIds([longest], ['info'])).toHaveLength(1)
  })

  it('a longer one is refused at its record and line, whole file, streamed here and in a worker; nothing written', async () => {
    const good = JSON.stringify(buildRecord({ id: 'fine', start: T0 }))
    const bad = JSON.stringify(buildRecord({ id: tooLong, start: T0 }))
    const text = `${good}\n${bad}\n${good}\n${bad}\n`
    const expected = {
      ok: false,
      errors: [tooLongError('record 2 (line 2)'), tooLongError('record 4 (line 4)')],
    }
    expect(importText(archive, text, 'ids.ndjson')).toEqual(expected)
    const path = join(dir, 'ids.ndjson')
    writeFileSync(path, text)
    for (const parallel of [false, true]) {
      const outcome = await importFile(archive, path, {
        fileName: 'ids.ndjson',
        wholeFileLimit: 0,
        parallel,
        workers: 1,
      })
      expect(outcome).toEqual(expected)
    }
    // An array names the record by its index, as for any other bad record.
    expect(importText(archive, `[${good},${bad}]`, 'ids.ndjson')).toEqual({
      ok: false,
      errors: [tooLongError('record 2')],
    })
    expect(archive.conversationCount()).toBe(0)
  }, 30_000)
})

describe('upserts', () => {
  it('replace the record, its index entries and its text', () => {
    const v1 = buildRecord({
      id: 'x',
      start: T0,
      messages: [{ text: 'first version' }],
      latestSkill: { id: 1, name: 'One' },
    })
    const v2 = buildRecord({
      id: 'x',
      start: T0,
      messages: [{ text: 'second version' }],
      latestSkill: { id: 2, name: 'Two' },
    })
    const first = importText(archive, JSON.stringify([v1]), 'a')
    const second = importText(archive, JSON.stringify([v2]), 'b')
    expect(first).toMatchObject({ ok: true, inserted: 1, updated: 0 })
    expect(second).toMatchObject({ ok: true, inserted: 0, updated: 1 })
    const search = (extra: Record<string, unknown>) =>
      archive.search(
        searchBodySchema.parse({ start: { from: T0 - DAY, to: T0 + DAY }, ...extra }),
        page,
        [],
      ).count
    expect(search({ keyword: 'first' })).toBe(0)
    expect(search({ keyword: 'second' })).toBe(1)
    expect(search({ skillIds: ['1'] })).toBe(0)
    expect(search({ skillIds: ['2'] })).toBe(1)
    expect(archive.facets().skills).toEqual([{ id: '2', name: 'Two', count: 1 }])
    expect(archive.conversationCount()).toBe(1)
  })

  it('an exception mid-file rolls the whole file back', () => {
    const good = buildRecord({ id: 'good', start: T0 })
    importText(archive, JSON.stringify([good]), 'a')
    const entries = [
      { stored: { sections: {}, extra: null }, indexed: fakeIndexed('new-1') },
      // SQLite stores NaN as NULL: the NOT NULL start time fails mid-transaction.
      {
        stored: { sections: {}, extra: null },
        indexed: { ...fakeIndexed('new-2'), startMs: Number.NaN },
      },
    ]
    expect(() => archive.upsert(entries)).toThrow()
    expect(ids()).toEqual(['good'])
    expect(archive.conversationCount()).toBe(1)
  })
})

describe('streamed NDJSON import (large files)', () => {
  it('imports line by line in one transaction', async () => {
    const path = join(dir, 'big.ndjson')
    const lines = ['a', 'b', 'c'].map((id) => JSON.stringify(buildRecord({ id, start: T0 })))
    writeFileSync(path, `${lines.join('\n')}\n`)
    const outcome = await importFile(archive, path, { fileName: 'big.ndjson', wholeFileLimit: 0 })
    expect(outcome).toMatchObject({ ok: true, imported: 3, inserted: 3, updated: 0 })
    expect(ids()).toEqual(['a', 'b', 'c'])
  })

  it('rolls back everything when a late line is bad', async () => {
    const path = join(dir, 'big.ndjson')
    const lines = ['a', 'b'].map((id) => JSON.stringify(buildRecord({ id, start: T0 })))
    writeFileSync(path, `${lines.join('\n')}\n{"info": {"startTimeL": 1}}\n{broken\n`)
    const outcome = await importFile(archive, path, { fileName: 'big.ndjson', wholeFileLimit: 0 })
    expect(outcome).toEqual({
      ok: false,
      errors: [
        'big.ndjson: record 3 (line 3): record has no info.conversationId',
        expect.stringMatching(/^big\.ndjson:4:2: /),
      ],
    })
    expect(ids()).toEqual([])
    // The archive is usable afterwards.
    expect(importText(archive, lines[0] ?? '', 'again')).toMatchObject({ ok: true, inserted: 1 })
  })

  // This test starts one worker thread (tsx loads the import code in it), which takes a second
  // or two on a busy machine: it is allowed the time of that, not the default 5 s.
  it('a malformed section nobody filters on fails the file like any other, at its line and column', async () => {
    const good = JSON.stringify(buildRecord({ id: 'a', start: T0 }))
    const record = buildRecord({ id: 'b', start: T0 })
    const bad = (section: string, json: string) =>
      JSON.stringify({ ...record, [section]: '@' }).replace('"@"', json)
    const malformed = [
      ['messageStatuses', '[{"seq": 1,}]'],
      ['campaign', '{"campaignId": 01}'],
      ['latestAgentSurvey', '{"note": "tab\there"}'],
      ['someUnknownKey', '[1 2]'],
    ] as const
    const stored = join(dir, 'stored.ndjson')
    /** Imports `text` whole, then streamed: in this thread (false) and in a worker (true). */
    const expectSameAsWholeFile = async (text: string, lines: number[], parallel: boolean[]) => {
      writeFileSync(stored, text)
      // The same message as a whole-file import (JSON.parse of the line) gives.
      const expected = importText(archive, text, 'stored.ndjson')
      expect(expected).toEqual({
        ok: false,
        errors: lines.map((line): unknown =>
          expect.stringMatching(new RegExp(`^stored\\.ndjson:${String(line)}:\\d+: `)),
        ),
      })
      for (const inWorker of parallel) {
        const outcome = await importFile(archive, stored, {
          fileName: 'stored.ndjson',
          wholeFileLimit: 0,
          parallel: inWorker,
          workers: 1,
        })
        expect(outcome).toEqual(expected)
        expect(archive.conversationCount()).toBe(0)
      }
    }
    // Each malformed section alone fails its file, streamed in this thread.
    for (const [section, json] of malformed) {
      await expectSameAsWholeFile(`${good}\n${bad(section, json)}\n`, [2], [false])
    }
    // All of them in one file: each at its own line, streamed here and in one worker thread.
    await expectSameAsWholeFile(
      `${good}\n${malformed.map(([section, json]) => bad(section, json)).join('\n')}\n`,
      [2, 3, 4, 5],
      [false, true],
    )
    // Nested deeper than SQLite's JSON check goes (1,000) but JSON all the same: imported.
    const deep = `${'['.repeat(1500)}${']'.repeat(1500)}`
    const path = join(dir, 'deep.ndjson')
    writeFileSync(path, `${good}\n${bad('messageStatuses', deep)}\n`)
    expect(await importFile(archive, path, { wholeFileLimit: 0 })).toMatchObject({
      ok: true,
      inserted: 2,
    })
    const [deepRecord] = archive.byIds(['b'], ['messageStatuses'])
    expect(JSON.parse(deepRecord ?? '{}')).toHaveProperty('messageStatuses', JSON.parse(deep))
  }, 30_000)

  it('parses in worker threads and still writes in file order, all or nothing', async () => {
    const path = join(dir, 'parallel.ndjson')
    const records = Array.from({ length: 600 }, (_, i) =>
      JSON.stringify(buildRecord({ id: `w-${String(i).padStart(3, '0')}`, start: T0 + i * 1000 })),
    )
    // The same conversation twice: the later line must win, as in a sequential import.
    records.push(
      JSON.stringify(
        buildRecord({ id: 'w-000', start: T0 - 1000, messages: [{ text: 'last word' }] }),
      ),
    )
    writeFileSync(path, `${records.join('\n')}\n`)
    const outcome = await importFile(archive, path, { fileName: 'p.ndjson', parallel: true })
    expect(outcome).toMatchObject({ ok: true, imported: 601, inserted: 600, updated: 1 })
    expect(ids()[0]).toBe('w-000')
    const found = archive.search(
      searchBodySchema.parse({ start: { from: T0 - DAY, to: T0 + DAY }, keyword: 'last word' }),
      page,
      [],
    )
    expect(found.count).toBe(1)

    writeFileSync(
      path,
      `${records.slice(0, 300).join('\n')}\n{"info": {}}\n${records.slice(300, 400).join('\n')}\n`,
    )
    archive.close()
    archive = openArchive(join(dir, 'fresh.db'))
    const failed = await importFile(archive, path, { fileName: 'p.ndjson', parallel: true })
    expect(failed).toEqual({
      ok: false,
      errors: ['p.ndjson: record 301 (line 301): record has no info.conversationId'],
    })
    expect(archive.conversationCount()).toBe(0)
  }, 60_000)

  it('reads in batches of whole lines: lines across batch edges, longer than a batch, CRLF, BOM and blank lines', async () => {
    const path = join(dir, 'edges.ndjson')
    const long = 'x'.repeat(5000)
    const records = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify(
        buildRecord({
          id: `e-${String(i).padStart(2, '0')}`,
          start: T0 + i * 1000,
          messages: [{ text: i % 7 === 3 ? `long ${long}` : `message ${String(i)} café ✓` }],
        }),
      ),
    )
    const text = `\uFEFF${records.map((line, i) => (i % 5 === 0 ? `  ${line}\r\n\n \t\n` : `${line}\n`)).join('')}`
    writeFileSync(path, text.replace(/\n$/, ''))
    // Batches of 700 bytes: every record (1-6 KB) is longer than a batch and most straddle edges.
    for (const parallel of [false, true]) {
      archive.close()
      archive = openArchive(join(dir, `edges-${String(parallel)}.db`))
      const outcome = await importFile(archive, path, { batchBytes: 700, parallel })
      expect(outcome).toMatchObject({ ok: true, imported: 40, inserted: 40 })
      expect(ids()).toEqual(records.map((_, i) => `e-${String(i).padStart(2, '0')}`))
      // Each record comes back exactly as it was on its line.
      const stored = archive.byIds(['e-03', 'e-39'], ['info', 'messageRecords'])
      for (const [k, id] of [
        [0, 3],
        [1, 39],
      ] as const) {
        const original = JSON.parse(records[id] ?? '') as Record<string, unknown>
        expect(JSON.parse(stored[k] ?? '')).toEqual({
          info: original.info,
          messageRecords: original.messageRecords,
        })
      }
    }
    // Line numbers in errors still count every line, blank ones included.
    writeFileSync(path, `${text}{"info": {"startTimeL": 1}}\n`)
    const failed = await importFile(archive, path, { batchBytes: 700, fileName: 'e.ndjson' })
    expect(failed).toEqual({
      ok: false,
      errors: ['e.ndjson: record 41 (line 57): record has no info.conversationId'],
    })
  }, 60_000)

  it('a line that is not valid UTF-8 is stored as it was read (with replacement characters)', async () => {
    const path = join(dir, 'latin1.ndjson')
    const good = JSON.stringify(buildRecord({ id: 'ok', start: T0 }))
    const bad = Buffer.from(
      JSON.stringify(buildRecord({ id: 'latin', start: T0, summary: 'caf\u00e9' })),
      'latin1',
    )
    writeFileSync(path, Buffer.concat([Buffer.from(`${good}\n`), bad, Buffer.from('\n')]))
    const outcome = await importFile(archive, path, { wholeFileLimit: 0 })
    expect(outcome).toMatchObject({ ok: true, imported: 2 })
    const [record] = archive.byIds(['latin'], ['summary'])
    expect(JSON.parse(record ?? '')).toMatchObject({ summary: { text: 'caf\uFFFD' } })
  })

  it('takes a lone archive out of WAL for the import and back; shares it when a reader has it open', async () => {
    const path = join(dir, 'bulk.ndjson')
    const lines = ['a', 'b'].map((id) => JSON.stringify(buildRecord({ id, start: T0 })))
    writeFileSync(path, `${lines.join('\n')}\n`)
    const modes: unknown[] = []
    const reader = new Database(join(dir, 'archive.db'), { readonly: true })
    const seen = reader.prepare('SELECT count(*) FROM conversations').pluck()
    // A reader has the file open: the import keeps WAL and the reader reads throughout.
    expect(seen.get()).toBe(0)
    const shared = await importFile(archive, path, { wholeFileLimit: 0 })
    expect(shared).toMatchObject({ ok: true, imported: 2 })
    expect(seen.get()).toBe(2)
    modes.push(reader.pragma('journal_mode', { simple: true }))
    reader.close()
    // Alone: a rollback journal during the import, WAL again afterwards, also after a failure.
    writeFileSync(path, `${lines.join('\n')}\n{"info": {}}\n`)
    const failed = await importFile(archive, path, { wholeFileLimit: 0 })
    expect(failed.ok).toBe(false)
    const after = new Database(join(dir, 'archive.db'), { readonly: true })
    modes.push(after.pragma('journal_mode', { simple: true }))
    after.close()
    expect(modes).toEqual(['wal', 'wal'])
    expect(archive.conversationCount()).toBe(2)
    // During a lone bulk import the file is in rollback-journal mode.
    const writer = archive.begin({ bulk: true })
    const probe = new Database(join(dir, 'archive.db'), { readonly: true })
    expect(probe.pragma('journal_mode', { simple: true })).toBe('delete')
    probe.close()
    writer.rollback()
    const last = new Database(join(dir, 'archive.db'), { readonly: true })
    expect(last.pragma('journal_mode', { simple: true })).toBe('wal')
    last.close()
  })

  it('while a lone import holds the archive, opening it says so plainly', () => {
    const writer = archive.begin({ bulk: true })
    expect(() => openArchive(join(dir, 'archive.db'), { busyTimeoutMs: 50 })).toThrow(
      /archive .*archive\.db is busy: an import is writing to it/,
    )
    writer.rollback()
    const again = openArchive(join(dir, 'archive.db'), { busyTimeoutMs: 50 })
    expect(again.conversationCount()).toBe(0)
    again.close()
  })

  it('a first import builds the indexes at the end: all there after success, failure or a duplicate', async () => {
    const indexes = () => {
      const db = new Database(join(dir, 'archive.db'), { readonly: true })
      const rows = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .all()
      db.close()
      return rows
    }
    const expected = indexes()
    expect(expected.length).toBeGreaterThan(10)
    const path = join(dir, 'first.ndjson')
    const line = (id: string, skill: number) =>
      JSON.stringify(
        buildRecord({ id, start: T0, latestSkill: { id: skill, name: `S${String(skill)}` } }),
      )
    // Failure: rolled back, indexes and all.
    writeFileSync(path, `${line('a', 1)}\n{"info": {}}\n`)
    expect((await importFile(archive, path, { wholeFileLimit: 0 })).ok).toBe(false)
    expect(indexes()).toEqual(expected)
    // The same conversation twice: the second replaces the first, side tables included.
    writeFileSync(path, `${line('a', 1)}\n${line('b', 1)}\n${line('a', 2)}\n`)
    expect(await importFile(archive, path, { wholeFileLimit: 0 })).toMatchObject({
      ok: true,
      inserted: 2,
      updated: 1,
    })
    expect(indexes()).toEqual(expected)
    const bySkill = (skill: string) =>
      archive.search(
        searchBodySchema.parse({ start: everything.start, skillIds: [skill] }),
        page,
        [],
      ).count
    expect([bySkill('1'), bySkill('2')]).toEqual([1, 1])
  })

  it('asks for NDJSON when a huge file is one JSON document', async () => {
    const path = join(dir, 'big.json')
    writeFileSync(path, `[\n${JSON.stringify(buildRecord({ id: 'a', start: T0 }))}\n]\n`)
    const outcome = await importFile(archive, path, { fileName: 'big.json', wholeFileLimit: 0 })
    expect(outcome).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^big\.json: too large .* NDJSON/)],
    })
  })
})

/** Characters that break JSON text in one place (or not): '' drops a character. */
const JUNK = ['', '"', '\\', ',', ':', '{', '}', '[', ']', ' ', 'x', '0']

/** Every one-character corruption of `text`: each character replaced by each of `junk`, or doubled. */
function* corruptions(text: string, junk: readonly string[]): Generator<string> {
  for (let i = 0; i < text.length; i++) {
    for (const c of junk) yield text.slice(0, i) + c + text.slice(i + 1)
    yield text.slice(0, i) + (text[i] ?? '') + text.slice(i)
  }
}

describe('sections stored as imported', () => {
  it('top-level spans slice every value exactly, whatever the strings hold (bytes, any UTF-8)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })),
        fc.constantFrom(undefined, 2, '\t'),
        (object, indent) => {
          const text = JSON.stringify(object, null, indent)
          // What the text says (JSON has no -0, so compare with the value as written, not as held).
          const written = JSON.parse(text) as Record<string, unknown>
          // Spans are byte offsets of the UTF-8 text, found wherever the object sits in a buffer.
          const bytes = Buffer.from(`  ${text}\n{}`)
          const spans = topLevelSpans(bytes, 2, bytes.length - 3) ?? []
          expect(spans.map(([key]) => key)).toEqual(Object.keys(written))
          for (const [key, start, end] of spans) {
            expect(JSON.parse(bytes.toString('utf8', start, end))).toEqual(written[key])
          }
        },
      ),
    )
  })

  it('top-level spans split exactly the objects JSON.parse accepts, into exactly their members', () => {
    const expectSame = (text: string) => {
      const bytes = Buffer.from(` ${text}  `)
      const spans = topLevelSpans(bytes, 1, bytes.length - 2)
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        // Rejected text is never split into members that all parse.
        const all = spans?.every(([, start, end]) => {
          try {
            JSON.parse(bytes.toString('utf8', start, end))
            return true
          } catch {
            return false
          }
        })
        expect(all === true).toBe(false)
        return
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        expect(spans).toBeUndefined()
        return
      }
      // Later duplicates win, as with JSON.parse; `__proto__` is a member like any other.
      const members = Object.fromEntries(
        (spans ?? []).map(([key, start, end]) => [
          key,
          JSON.parse(bytes.toString('utf8', start, end)) as unknown,
        ]),
      )
      expect(members).toStrictEqual(value)
      expect(Object.keys(members)).toEqual(Object.keys(value))
    }
    // Well-formed objects (any keys, duplicates, __proto__, any UTF-8, any spacing) …
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.string({ unit: 'binary' }), fc.constant('__proto__')),
            fc.jsonValue({ stringUnit: 'binary' }),
          ),
        ),
        fc.constantFrom('', ' ', '\n\t ', '\r\n'),
        (pairs, space) => {
          const body = pairs.map(
            ([key, value]) =>
              `${space}${JSON.stringify(key)}${space}:${space}${JSON.stringify(value, null, space ? 1 : undefined)}${space}`,
          )
          expectSame(`{${body.join(',')}}`)
        },
      ),
      { numRuns: 300 },
    )
    // … and every one-character corruption of a record: dropped, doubled or replaced.
    const record = JSON.stringify({
      info: { conversationId: 'c-1', startTimeL: 1, tags: ['a', 'b'] },
      summary: { text: 'say "hi" \\ ✓' },
      messageRecords: [],
    })
    for (const text of corruptions(record, [...JUNK, '\u0001'])) expectSame(text)
    for (const text of [
      '{}',
      '{ }',
      '[1]',
      '"s"',
      '1',
      'null',
      '{"a":1,}',
      '{,"a":1}',
      '{"a":1}}',
      '{"a":1} x',
      '{"a" 1}',
      '{"a":}',
      '{"a":[1,2}',
      '{"a":{"b":1]}',
    ]) {
      expectSame(text)
    }
  })

  it('the JSON check of stored-only sections never accepts what JSON.parse rejects', () => {
    const parses = (text: string) => {
      try {
        JSON.parse(text)
        return true
      } catch {
        return false
      }
    }
    const expectAgrees = (text: string) => {
      expect({ text, valid: isJsonText(Buffer.from(text)) }).toEqual({ text, valid: parses(text) })
    }
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.constantFrom(undefined, 1), (v, i) => {
        expectAgrees(JSON.stringify(v, null, i))
      }),
      { numRuns: 300 },
    )
    // Every one-character corruption of a section: dropped, doubled or replaced.
    const section = JSON.stringify([
      { seq: 1, status: 'READ', time: 1.5e3, by: null, ok: true, no: false, note: 'a "q" \\ ✓ é' },
      { list: [-0.25, 0, 10, {}], empty: '' },
    ])
    const junk = [...JUNK, '.', '-', 'e', '+', '\u0001', '\u00a0']
    for (const text of corruptions(section, junk)) expectAgrees(text)
    for (const text of [
      '01',
      '1.',
      '.5',
      '0x1',
      '"\\x"',
      "'a'",
      '[1,]',
      'NaN',
      '"\\ud800"',
      '1e5',
    ]) {
      expectAgrees(text)
    }
  })

  it('NDJSON records are stored byte for byte', async () => {
    const line =
      '{"info": {"conversationId": "exact", "startTimeL": 1768046400000, "note": "spaces  kept"},  "summary":{"text":"é \\u00e9"}}'
    const path = join(dir, 'exact.ndjson')
    writeFileSync(path, `${line}\n${line.replace('exact', 'exact-2')}\n`)
    await importFile(archive, path, { parallel: false, wholeFileLimit: 0 })
    const [record] = archive.byIds(['exact'], ['info', 'summary'])
    expect(record).toBe(
      '{"info":{"conversationId": "exact", "startTimeL": 1768046400000, "note": "spaces  kept"},"summary":{"text":"é \\u00e9"}}',
    )
  })
})

describe('text for the index', () => {
  it('HTML becomes its visible text', () => {
    expect(
      htmlToText('<p>Hello&nbsp;<b>W&#246;rld</b> &amp; co<script>alert(1)</script><br/>bye</p>'),
    ).toBe('Hello\u00a0Wörld & co\nbye')
  })

  it('SDE values fold to lower case without accents or extra spaces, ASCII or not', () => {
    expect(foldText('  José  ÁLVAREZ\tdoe ')).toBe('jose alvarez doe')
    expect(foldText('Ｊｏｈｎ')).toBe('john')
    const reference = (text: string) =>
      text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(foldText(text)).toBe(reference(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('an SDE token is what SQLite computes for the same key and value, and stays one token', () => {
    const db = new Database(':memory:')
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5 (x, content = '', detail = none, tokenize = 'ascii')",
    )
    const sql = db.prepare("SELECT lower(hex(?)) || 'g' || lower(hex(?))").pluck()
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)')
    const match = db.prepare('SELECT rowid FROM t WHERE t MATCH ?').pluck()
    let rowid = 0
    fc.assert(
      fc.property(
        fc.constantFrom('personalInfo', 'customerInfo', 'cartStatus'),
        fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: 'binary', minLength: 1 })),
        (key, value) => {
          const token = sdeToken(key, value)
          expect(token).toBe(sql.get(key, value))
          insert.run(++rowid, token)
          expect(match.all(`"${token}"`)).toContain(rowid)
        },
      ),
      { numRuns: 500 },
    )
    expect(sdeToken('a', 'bc')).not.toBe(sdeToken('ab', 'c'))
    db.close()
  })

  it('keywords become quoted FTS strings; syntax never leaks', () => {
    expect(parseTextQuery('refund "late parcel" NEAR')).toEqual({
      words: ['refund', 'NEAR'],
      phrases: ['late parcel'],
    })
    expect(buildMatchExpression('a" OR b*', 'messages')).toBe('messages : ("a" AND "OR" AND "b*")')
    expect(buildMatchExpression('“curly quotes”', 'summary')).toBe('summary : ("curly quotes")')
    expect(buildMatchExpression('*** -', 'messages')).toBeUndefined()
  })

  it('control characters separate words, so a NUL never ends an FTS string early', () => {
    expect(buildMatchExpression('late\u0000parcel', 'messages')).toBe(
      'messages : ("late" AND "parcel")',
    )
    expect(buildMatchExpression('"late\u0000\u001fparcel"', 'summary')).toBe(
      'summary : ("late parcel")',
    )
    const messages = [{ text: 'late parcel' }, { text: 'a\u0000b\u0007c' }]
    const entry = importText(
      archive,
      JSON.stringify(buildRecord({ id: 'nul', start: T0, messages })),
      'nul.json',
    )
    expect(entry).toMatchObject({ ok: true })
    // Straight to the archive, without the request schema's normalising.
    const found = (keyword: string) =>
      archive.search({ ...everything, keyword }, page, ['info']).count
    expect(found('"late\u0000parcel"')).toBe(1)
    // The tokenizer reads control characters in stored text as separators too.
    expect(found('"a b c"')).toBe(1)
    expect(found('a\u0001b\u007fc')).toBe(1)
  })
})

describe('records as the API returns them', () => {
  const raw = {
    info: { conversationId: 'x' },
    consumerParticipant: [{ participantId: 'p' }],
    messageScore: [{ mcs: 1 }],
    messageRecords: [],
    monitoring: { country: 'X' },
    unAuthSdes: { events: [] },
    pageView: [{ page: 'undocumented' }],
  }
  const stored = splitRecord(raw)
  const answer = (content: Parameters<typeof wantedSections>[0], version: number): unknown =>
    JSON.parse(
      assembleRecord(wantedSections(content, version), (column) => stored.sections[column]),
    )

  it('stores drifted keys under their canonical names, unknown keys aside', () => {
    expect(Object.keys(stored.sections).sort()).toEqual([
      'consumerParticipants',
      'info',
      'messageRecords',
      'messageScores',
      'monitoring',
      'unAuthSdes',
    ])
    expect(JSON.parse(stored.extra ?? 'null')).toEqual({ pageView: [{ page: 'undocumented' }] })
  })

  it('default sections, exactly as imported', () => {
    expect(answer(undefined, 1)).toEqual({
      info: { conversationId: 'x' },
      consumerParticipants: [{ participantId: 'p' }],
      messageScores: [{ mcs: 1 }],
      messageRecords: [],
    })
  })

  it('only what was asked, unAuthSdes only for v2', () => {
    expect(keysOf(answer(['monitoring', 'unAuthSdes'], 1))).toEqual(['info', 'monitoring'])
    expect(keysOf(answer(['monitoring', 'unAuthSdes'], 2))).toEqual([
      'info',
      'monitoring',
      'unAuthSdes',
    ])
  })
})

function fakeIndexed(conversationId: string) {
  return {
    conversationId,
    startMs: T0,
    endMs: null,
    status: 'OPEN',
    latestSkillId: null,
    latestAgentId: null,
    latestGroupId: null,
    source: null,
    device: 'NA',
    durationMs: null,
    mcs: null,
    alertedMcs: null,
    csat: null,
    nps: null,
    queueState: null,
    closeReason: null,
    transferCount: 0,
    transferSources: [],
    transferTargets: [],
    skills: { ids: [], names: [] },
    agents: { ids: [], names: [], logins: [], types: [], firstReplyMs: [], averageReplyMs: [] },
    firstReplyMs: null,
    averageReplyMs: null,
    groups: { ids: [], names: [] },
    contentTypes: [],
    consumers: [],
    sdeTokens: '',
    messagesText: 'text',
    summaryText: '',
  }
}
