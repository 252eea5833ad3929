import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { searchBodySchema } from '@/domain/schema/search-request'
import { openArchive } from '@/server/archive/archive'
import { importFile } from '@/server/archive/import'
import { acquireImportLock } from '@/server/imports/import-lock'
import { DAY, T0 } from './fixtures'
import { buildRecord, withoutInfoField } from './record-factory'
import { runCli } from './run-cli'

/** Runs the real `npm run import` entry point with ARCHIVE_PATH set to a temp archive. */
const runImport = (args: string[], archivePath: string) =>
  runCli('import-cli.ts', args, { ARCHIVE_PATH: archivePath })

let dir: string
let archivePath: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cv-cli-'))
  archivePath = join(dir, 'archive.db')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const record = (id: string, text = `about ${id}`) =>
  buildRecord({ id, start: T0 + id.length * 1000, end: T0 + DAY / 2, messages: [{ text }] })

function write(name: string, content: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return path
}

/**
 * Imports `path` into the test's archive in this process: the state a previous `npm run import`
 * leaves, without starting another process for it.
 */
async function importedBefore(path: string): Promise<void> {
  const archive = openArchive(archivePath)
  try {
    expect(await importFile(archive, path)).toMatchObject({ ok: true })
  } finally {
    archive.close()
  }
}

/** Conversation IDs in the archive, sorted. */
function archivedIds(): string[] {
  const archive = openArchive(archivePath)
  try {
    const found = archive.search(
      searchBodySchema.parse({ start: { from: T0 - 50 * DAY, to: T0 + 10 * DAY } }),
      { offset: 0, limit: 1000, sortField: 'start', sortOrder: 'asc' },
      ['info'],
    )
    return found.records
      .map((json) => {
        const parsed: unknown = JSON.parse(json)
        const info: unknown =
          typeof parsed === 'object' && parsed ? Reflect.get(parsed, 'info') : undefined
        const id: unknown =
          typeof info === 'object' && info ? Reflect.get(info, 'conversationId') : undefined
        return String(id)
      })
      .sort()
  } finally {
    archive.close()
  }
}

describe('npm run import', { timeout: 60_000 }, () => {
  it('while an upload is being imported, refuses with the running import named; writes nothing', async () => {
    const upload = acquireImportLock(archivePath, { source: 'web', fileName: 'big.ndjson' })
    if ('heldBy' in upload) throw new Error('the lock was taken')
    try {
      const result = await runImport([write('one.json', [record('c-one')])], archivePath)
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toMatch(
        /^Not imported: another import is running \(started \d\d:\d\d by an upload: big\.ndjson\)\. Try again when it has finished\.$/,
      )
    } finally {
      upload.release()
    }
    expect(archivedIds()).toEqual([])
    expect((await runImport([write('one.json', [record('c-one')])], archivePath)).code).toBe(0)
    expect(archivedIds()).toEqual(['c-one'])
  })

  it('prints a usage line and exits 1 without files', async () => {
    const result = await runImport([], archivePath)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^usage: npm run import -- <file>\.\.\./)
  })

  it('imports the four shapes: response, array, one record, NDJSON', async () => {
    const response = write('response.json', {
      _metadata: { count: 2 },
      conversationHistoryRecords: [record('resp-1'), record('resp-2')],
    })
    const array = write('array.json', [record('arr-1'), record('arr-2'), record('arr-3')])
    const single = write('single.json', record('one-1'))
    const ndjson = write(
      'lines.ndjson',
      `${JSON.stringify(record('nd-1'))}\n\n${JSON.stringify(record('nd-2'))}\r\n`,
    )
    const result = await runImport([response, array, single, ndjson], archivePath)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`${response}: imported 2 conversations (2 new, 0 updated)`)
    expect(result.stdout).toContain(`${array}: imported 3 conversations (3 new, 0 updated)`)
    expect(result.stdout).toContain(`${single}: imported 1 conversation (1 new, 0 updated)`)
    expect(result.stdout).toContain(`${ndjson}: imported 2 conversations (2 new, 0 updated)`)
    expect(archivedIds()).toEqual([
      'arr-1',
      'arr-2',
      'arr-3',
      'nd-1',
      'nd-2',
      'one-1',
      'resp-1',
      'resp-2',
    ])
  })

  it('upserts by conversationId: a second import counts updates', async () => {
    const first = write('first.json', [record('u-1'), record('u-2')])
    await importedBefore(first)
    const second = write('second.json', [record('u-2', 'changed'), record('u-3')])
    const result = await runImport([second], archivePath)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('imported 2 conversations (1 new, 1 updated)')
    expect(archivedIds()).toEqual(['u-1', 'u-2', 'u-3'])
  })

  it('imports the documentation example (drifted keys and all)', async () => {
    const result = await runImport(['src/server/demo/seed-example.json'], archivePath)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('imported 1 conversation (1 new, 0 updated)')
  })

  it('malformed JSON: exit 1, file:line:column, archive unchanged', async () => {
    const before = write('before.json', [record('keep-1')])
    await importedBefore(before)
    const result = await runImport(['test/fixtures/seed-example-malformed.json'], archivePath)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      "test/fixtures/seed-example-malformed.json:527:1: Expected ',' or '}' after property value",
    )
    expect(result.stderr).toContain('not imported (nothing from this file was written)')
    expect(archivedIds()).toEqual(['keep-1'])
  })

  it('a malformed NDJSON line is reported with its line; nothing from the file is written', async () => {
    const path = write(
      'broken.ndjson',
      `${JSON.stringify(record('nd-ok-1'))}\n${JSON.stringify(record('nd-ok-2'))}\n{"info": {"conversationId": "x"}, oops}\n`,
    )
    const result = await runImport([path], archivePath)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`${escape(path)}:3:\\d+: `))
    expect(archivedIds()).toEqual([])
  })

  it('invalid records: every one listed with its index and reason, nothing imported', async () => {
    const noId = withoutInfoField(record('bad-1'), 'conversationId')
    const noInfo = { messageRecords: [] }
    // Longer than the API opens (200 characters): it would import but never open.
    const longId = record('x'.repeat(201))
    const path = write('invalid.json', [record('fine-1'), noId, record('fine-2'), noInfo, longId])
    const result = await runImport([path], archivePath)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${path}: record 2: record has no info.conversationId`)
    expect(result.stderr).toContain(`${path}: record 4: record has no info section`)
    expect(result.stderr).toContain(
      `${path}: record 5: info.conversationId is too long (201 characters; conversations are opened by IDs of at most 200)`,
    )
    expect(result.stderr).not.toContain('record 1:')
    expect(archivedIds()).toEqual([])
  })

  it('one bad file among several: the others are imported, exit 1', async () => {
    const good1 = write('good1.json', [record('g-1')])
    const bad = write('bad.json', '{"conversationHistoryRecords": [')
    const good2 = write(
      'good2.ndjson',
      `${JSON.stringify(record('g-2'))}\n${JSON.stringify(record('g-3'))}\n`,
    )
    const missing = join(dir, 'missing.json')
    const result = await runImport([good1, bad, missing, good2], archivePath)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${good1}: imported 1 conversation`)
    expect(result.stdout).toContain(`${good2}: imported 2 conversations`)
    expect(result.stderr).toContain(`${bad}:1:33: `)
    expect(result.stderr).toContain(`${missing}: no such file`)
    expect(archivedIds()).toEqual(['g-1', 'g-2', 'g-3'])
  })

  it('a file that is JSON but not an export is refused with the accepted shapes', async () => {
    const path = write('other.json', { hello: 'world' })
    const result = await runImport([path], archivePath)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${path}: not a conversation export`)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
