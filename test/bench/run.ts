/**
 * `npm run bench`: the archive and the API on a temp archive of demo conversations (100,000 by
 * default, env BENCH_CONVERSATIONS; BENCH_REQUESTS requests per query, default 200).
 *
 * 1. generates the demo data (lazily) into an NDJSON file, timing the generator alone;
 * 2. imports the file exactly as `npm run import` does (one transaction, all or nothing);
 * 3. serves the API on 127.0.0.1 and measures p50/p95 latency over real HTTP of a date-window
 *    page, a keyword search, a phrase search and a filter combination, each a page of 50 with
 *    the total count, as the SPA's results table asks for them.
 *
 * Not a test: it prints a table and whether each target was met.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openArchive } from '@/server/archive/archive'
import { DEFAULT_DEMO_SEED, generateDemoConversationsLazy } from '@/server/demo/generate'
import { buildApp } from '@/server/app'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { createImportJobs } from '@/server/imports/import-jobs'
import { benchDetailPage } from './detail-page'
import { benchImportUnderLoad, type ImportLoadResult } from './import-load'
import { writeNdjsonUpTo } from './ndjson'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)
/** Size of the upload imported over HTTP while the server is measured (BENCH_IMPORT_MB). */
const IMPORT_MB = Number(process.env.BENCH_IMPORT_MB ?? 200)
const DAY = 86_400_000
const LIST_SECTIONS = ['agentParticipants', 'consumerParticipants', 'summary']

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const log = (line: string) => {
  console.log(line)
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? Number.NaN
}

/** A small deterministic PRNG so runs are comparable. */
function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * Runs `npm run import` (the same command line) on one file into `archive`: wall-clock time from
 * process start to exit, the number it reports imported, and its timing line.
 */
function runImport(
  file: string,
  archive: string,
): { ms: number; imported: number; timing: string | undefined } {
  // Whatever earlier steps (or other processes) left to write back goes to disk first, so the
  // import is timed against its own writes only.
  spawnSync('sync')
  const started = performance.now()
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/server/import-cli.ts'), file],
    {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_PATH: archive, IMPORT_TIMING: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const ms = performance.now() - started
  const output = `${child.stdout}${child.stderr}`
  const imported = /imported (\d+) conversations?/.exec(output)?.[1]
  if (child.status !== 0 || imported === undefined) {
    throw new Error(`npm run import failed (${String(child.status)}):\n${output}`)
  }
  const timing = /^ {2}\(writing thread: .*\)$/m.exec(output)?.[0]?.trim()
  return { ms, imported: Number(imported), timing }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cv-bench-'))
  const ndjsonPath = join(dir, 'demo.ndjson')
  const archivePath = join(dir, 'archive.db')
  const now = Date.now()
  try {
    log(`Conversation Viewer benchmark: ${COUNT.toLocaleString('en-US')} demo conversations`)
    log(`(temp files in ${dir}; Node ${process.version})`)

    // 1. Generation.
    let generateMs = 0
    let writeMs = 0
    const fd = openSync(ndjsonPath, 'w')
    const iterator = generateDemoConversationsLazy({ count: COUNT, now })
    let chunk: string[] = []
    let generated = 0
    for (;;) {
      const t0 = performance.now()
      const next = iterator.next()
      generateMs += performance.now() - t0
      if (next.done) break
      const t1 = performance.now()
      chunk.push(JSON.stringify(next.value))
      generated++
      if (chunk.length >= 1000) {
        writeSync(fd, `${chunk.join('\n')}\n`)
        chunk = []
      }
      writeMs += performance.now() - t1
      if (generated % 20_000 === 0) log(`  generated ${generated.toLocaleString('en-US')}…`)
    }
    const t2 = performance.now()
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`)
    // On disk before the import is timed, so it is not measured against this file's write-back.
    fsyncSync(fd)
    closeSync(fd)
    writeMs += performance.now() - t2
    const fileBytes = statSync(ndjsonPath).size
    log(
      `generation: ${fmt(generateMs / 1000)} s (${fmt(COUNT / (generateMs / 1000), 0)} conversations/s); NDJSON ${fmt(fileBytes / 1e6, 0)} MB written in ${fmt(writeMs / 1000)} s`,
    )

    // 2. Import: `npm run import` itself, in its own process, timed from start to exit.
    const first = runImport(ndjsonPath, archivePath)
    const importMs = first.ms
    const importRate = first.imported / (importMs / 1000)
    const dbBytes = ['', '-wal'].reduce((sum, suffix) => {
      try {
        return sum + statSync(archivePath + suffix).size
      } catch {
        return sum
      }
    }, 0)
    log(
      `import: ${first.imported.toLocaleString('en-US')} conversations in ${fmt(importMs / 1000)} s, process start to exit (${fmt(importRate, 0)} conversations/s); archive ${fmt(dbBytes / 1e6, 0)} MB`,
    )
    if (first.timing) log(`  ${first.timing}`)
    rmSync(ndjsonPath, { force: true })

    // 2b. A later import into the full archive while this process has it open and reads it (as a
    // running server would): the archive is shared in WAL mode instead of taken alone.
    const laterPath = join(dir, 'later.ndjson')
    const laterCount = Math.max(1, Math.round(COUNT / 10))
    writeNdjsonUpTo(
      laterPath,
      generateDemoConversationsLazy({ count: laterCount, now, seed: DEFAULT_DEMO_SEED + 1 }),
    )
    const archive = openArchive(archivePath)
    const before = archive.conversationCount()
    const later = runImport(laterPath, archivePath)
    const sharedRate = later.imported / (later.ms / 1000)
    log(
      `later import while the archive is open here: ${later.imported.toLocaleString('en-US')} conversations into ${before.toLocaleString('en-US')} in ${fmt(later.ms / 1000)} s (${fmt(sharedRate, 0)} conversations/s); this process then counts ${archive.conversationCount().toLocaleString('en-US')}`,
    )
    if (later.timing) log(`  ${later.timing}`)
    rmSync(laterPath, { force: true })

    // 3. Queries over real HTTP.
    const server = await buildApp({
      accountId: 'demo',
      archive,
      loopbackOnly: true,
      logger: createLogger({ redact: redactor([]), level: 'warn' }),
      imports: createImportJobs({ archivePath, tempDir: dir, log: () => undefined }),
      rateLimitPerMinute: 0,
    })
    await server.listen({ port: 0, host: '127.0.0.1' })
    const address = server.server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const url = `http://127.0.0.1:${String(address.port)}/messaging_history/api/account/demo/conversations/search`

    const facets = archive.facets()
    const topSkills = facets.skills.filter((s) => s.id !== '-1').slice(0, 3)
    const topChannels = facets.channels.slice(0, 2)
    const random = prng(42)
    const pickOne = <T>(list: readonly T[]): T => {
      const item = list[Math.floor(random() * list.length)]
      if (item === undefined) throw new Error('empty list')
      return item
    }
    const recentWindow = () => {
      // A 7 to 30 day window ending somewhere in the last week.
      const to = now - Math.floor(random() * 7) * DAY
      return { from: to - (7 + Math.floor(random() * 24)) * DAY, to }
    }
    const KEYWORDS = [
      'refund',
      'router',
      'invoice',
      'password',
      'delivery',
      'subscription',
      'order',
    ]
    const PHRASES = ['"tracking number"', '"reset link"', '"billing cycle"', '"order number"']

    type Body = Record<string, unknown>
    const queries: { name: string; target: number; body: () => Body; offset: () => number }[] = [
      {
        name: 'date-window page',
        target: 50,
        body: () => ({ start: recentWindow(), contentToRetrieve: LIST_SECTIONS }),
        offset: () => Math.floor(random() * 10) * 50,
      },
      {
        name: 'keyword search',
        target: 100,
        body: () => ({
          start: recentWindow(),
          keyword: pickOne(KEYWORDS),
          contentToRetrieve: LIST_SECTIONS,
        }),
        offset: () => 0,
      },
      {
        name: 'phrase search',
        target: 100,
        body: () => ({
          start: recentWindow(),
          keyword: pickOne(PHRASES),
          contentToRetrieve: LIST_SECTIONS,
        }),
        offset: () => 0,
      },
      {
        name: 'filter combination',
        target: 50,
        body: () => ({
          start: recentWindow(),
          status: ['CLOSE'],
          skillIds: [pickOne(topSkills).id],
          source: [pickOne(topChannels).id],
          mcs: { from: 30, to: 100 },
          contentToRetrieve: LIST_SECTIONS,
        }),
        offset: () => 0,
      },
    ]

    const rows: { name: string; p50: number; p95: number; matches: number; target: number }[] = []
    for (const query of queries) {
      const times: number[] = []
      let matches = 0
      for (let i = 0; i < REQUESTS + 10; i++) {
        const body = JSON.stringify(query.body())
        const started = performance.now()
        const res = await fetch(
          `${url}?offset=${String(query.offset())}&limit=50&sort=start:desc`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          },
        )
        const json: unknown = await res.json()
        const elapsed = performance.now() - started
        if (res.status !== 200)
          throw new Error(`${query.name}: ${String(res.status)} ${JSON.stringify(json)}`)
        if (i < 10) continue // warm-up
        times.push(elapsed)
        const meta: unknown =
          typeof json === 'object' && json ? Reflect.get(json, '_metadata') : undefined
        const count: unknown = typeof meta === 'object' && meta ? Reflect.get(meta, 'count') : 0
        matches += typeof count === 'number' ? count : 0
      }
      times.sort((a, b) => a - b)
      rows.push({
        name: query.name,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        matches: matches / REQUESTS,
        target: query.target,
      })
    }

    // 4. The same server while it receives and imports a large upload (finding 1 of issue 11).
    log(`upload and import of ${String(IMPORT_MB)} MB over HTTP, with a page asking meanwhile…`)
    const load: ImportLoadResult = await benchImportUnderLoad({
      url: `http://127.0.0.1:${String(address.port)}`,
      file: join(dir, 'load.ndjson'),
      targetBytes: IMPORT_MB * 1e6,
      records: generateDemoConversationsLazy({
        count: 1_000_000,
        now,
        seed: DEFAULT_DEMO_SEED + 2,
      }),
      searchBody: { start: { from: now - 30 * DAY, to: now } },
    })
    await server.close()
    archive.close()

    log('')
    log(`| measure | result | target | |`)
    log(`| --- | --- | --- | --- |`)
    log(
      `| generation | ${fmt(generateMs / 1000)} s (${fmt(COUNT / (generateMs / 1000), 0)}/s) | | |`,
    )
    log(
      `| import (fresh archive) | ${fmt(importRate, 0)} conversations/s | ≥ 2,000/s | ${importRate >= 2000 ? 'met' : 'MISSED'} |`,
    )
    log(
      `| later import, archive open elsewhere (${laterCount.toLocaleString('en-US')} into ${COUNT.toLocaleString('en-US')}) | ${fmt(sharedRate, 0)} conversations/s | | |`,
    )
    for (const row of rows) {
      log(
        `| ${row.name} (${String(REQUESTS)} req, avg ${fmt(row.matches, 0)} matches) | p50 ${fmt(row.p50)} ms, p95 ${fmt(row.p95)} ms | p95 ≤ ${String(row.target)} ms | ${row.p95 <= row.target ? 'met' : 'MISSED'} |`,
      )
    }
    log(
      `| upload and import, ${fmt(load.fileBytes / 1e6, 0)} MB (${load.conversations.toLocaleString('en-US')} conversations) | upload ${fmt(load.uploadMs / 1000)} s, import ${fmt(load.importMs / 1000)} s; ${load.outcome} | | |`,
    )
    for (const [name, l] of [
      ['/api/config', load.config],
      ['search, last 30 days', load.search],
    ] as const) {
      log(
        `| ${name} during it (${String(l.count)} req, ${String(l.errors)} errors) | p50 ${fmt(l.p50)} ms, p99 ${fmt(l.p99)} ms, max ${fmt(l.max)} ms | p99 < 200 ms | ${l.p99 < 200 && l.errors === 0 ? 'met' : 'MISSED'} |`,
      )
    }
    log(
      `| memory during it (peak RSS) | server ${fmt(load.peakRssBytes / 1e6, 0)} MB, import child ${fmt(load.peakChildRssBytes / 1e6, 0)} MB | bounded | |`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function all() {
  await main()
  if (process.env.BENCH_SKIP_BROWSER === '1') return
  log('')
  log('Detail page in Chromium (npm start, demo archive):')
  log(await benchDetailPage())
}

all().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
})
