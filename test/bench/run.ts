/**
 * `npm run bench`: the one benchmark report, on a temp archive of demo conversations (100,000 by
 * default, env BENCH_CONVERSATIONS). It writes `bench-results/report.md` and `report.json` and
 * prints the table; every figure is the median of several runs with min and max.
 *
 * 1. bundle: the production build's gzipped scripts (search page, detail chunk, rich content);
 * 2. archive: generation, `npm run import` of the whole file, a later import while the archive is
 *    open; p50/p95 over real HTTP of the searches the results table sends, page 100 of a broad
 *    search, and the by-ID fetch of the 3,000-message conversation (BENCH_ROUNDS rounds of
 *    BENCH_REQUESTS requests each);
 * 3. load: autocannon, 20 connections for 15 s, mixed searches and by-ID, alone and during an
 *    HTTP import (BENCH_LOAD_RUNS runs each); `/api/config` and a search while a BENCH_IMPORT_MB
 *    (200) MB upload is received and imported (BENCH_IMPORT_RUNS runs), and the memory of both
 *    processes;
 * 4. browser: Chromium against `npm start` on the same archive, each figure next to a plain floor
 *    page (BENCH_BROWSER_RUNS runs; BENCH_SKIP_BROWSER=1 leaves it out).
 * 5. reviews (issue 13, after the sign-in figures): BENCH_REVIEWS (20,000) reviews in a workspace
 *    attached to the archive, and the search page's requests with a review filter (reviews.ts).
 *
 * `BENCH_ONLY=reviews npm run bench` runs only what the review figures need (generation, the
 * import, the review scenario) and puts its figures into the last full report in place of the
 * old ones, saying when they were measured.
 *
 * Not a test: it reports figures and whether each target was met.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openArchive } from '@/server/archive/archive'
import { DEFAULT_DEMO_SEED, generateDemoConversationsLazy } from '@/server/demo/generate'
import { buildApp } from '@/server/app'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { createImportJobs } from '@/server/imports/import-jobs'
import { benchBrowser } from './browser'
import { benchBundle } from './bundle'
import { auditCost } from './audit-cost'
import { benchReviewFilter, REVIEWS_SECTION } from './reviews'
import { benchImportUnderLoad } from './import-load'
import { loadDuringImport, loadRun, type LoadRequest, type LoadResult } from './load'
import { writeNdjsonUpTo } from './ndjson'
import { percentile, readReport, writeReport, type Figure } from './report'
import { z } from 'zod'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
/** Size of the upload imported over HTTP while the server is measured (BENCH_IMPORT_MB). */
const IMPORT_MB = Number(process.env.BENCH_IMPORT_MB ?? 200)
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 2)
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3)
/** The upload imported while autocannon runs: large enough to outlast its 15 s. */
const LOAD_IMPORT_MB = Number(process.env.BENCH_LOAD_IMPORT_MB ?? 150)
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5)
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 20_000)
/** `reviews`: only the review scenario (and the archive it needs); see the header. */
const ONLY = process.env.BENCH_ONLY
if (ONLY !== undefined && ONLY !== 'reviews') {
  throw new Error(`BENCH_ONLY must be "reviews" (or unset), not "${ONLY}"`)
}
const DAY = 86_400_000
/** What the bench reads of a generated record: its ID and its number of messages. */
const demoShape = z.looseObject({
  info: z.looseObject({ conversationId: z.string() }),
  messageRecords: z.array(z.unknown()).optional(),
})
const LIST_SECTIONS = ['agentParticipants', 'consumerParticipants', 'summary']

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const log = (line: string) => {
  console.log(line)
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

async function main(figures: Figure[]) {
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
    let longest = { id: '', messages: -1 }
    for (;;) {
      const t0 = performance.now()
      const next = iterator.next()
      generateMs += performance.now() - t0
      if (next.done) break
      const t1 = performance.now()
      chunk.push(JSON.stringify(next.value))
      generated++
      const record = demoShape.parse(next.value)
      const messages = record.messageRecords?.length ?? 0
      if (messages > longest.messages) longest = { id: record.info.conversationId, messages }
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

    const reviewFigures = (archive: ReturnType<typeof openArchive>) => {
      log(`search with review filters, ${REVIEWS.toLocaleString('en-US')} reviews…`)
      return benchReviewFilter({
        archive,
        dir,
        now,
        reviews: REVIEWS,
        requests: REQUESTS,
        rounds: ROUNDS,
        sections: LIST_SECTIONS,
        log,
      })
    }
    if (ONLY === 'reviews') {
      const alone = openArchive(archivePath)
      try {
        figures.push(...(await reviewFigures(alone)))
      } finally {
        alone.close()
      }
      return
    }

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
    const archiveSection = 'archive'
    figures.push(
      {
        section: archiveSection,
        name: 'demo generation',
        unit: 'conversations/s',
        runs: [COUNT / (generateMs / 1000)],
      },
      {
        section: archiveSection,
        name: `npm run import, ${COUNT.toLocaleString('en-US')} conversations into a fresh archive`,
        unit: 'conversations/s',
        runs: [importRate],
        target: { kind: 'min', value: 2000 },
        note: `${fmt(fileBytes / 1e6, 0)} MB NDJSON, ${fmt(importMs / 1000, 0)} s start to exit`,
      },
      {
        section: archiveSection,
        name: `later import, ${laterCount.toLocaleString('en-US')} into ${COUNT.toLocaleString('en-US')}, archive open elsewhere`,
        unit: 'conversations/s',
        runs: [sharedRate],
      },
      { section: archiveSection, name: 'archive size', unit: 'MB', runs: [dbBytes] },
    )

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

    const search = (query: string, requestBody: unknown) =>
      fetch(`${url}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(requestBody),
      })
    const byIdUrl = url.replace('/conversations/search', '/conversations/conversation/search')
    const insightsUrl = `${new URL(url).origin}/api/insights`
    const broad = () => ({
      start: { from: now - 30 * DAY, to: now },
      contentToRetrieve: LIST_SECTIONS,
    })
    const timedQueries: {
      name: string
      target?: number
      run: () => Promise<{ res: Response; matches: number }>
    }[] = [
      ...queries.map((query) => ({
        name: query.name,
        target: query.target,
        run: async () => {
          const res = await search(
            `offset=${String(query.offset())}&limit=50&sort=start:desc`,
            query.body(),
          )
          const json: unknown = await res.clone().json()
          const meta: unknown =
            typeof json === 'object' && json ? Reflect.get(json, '_metadata') : undefined
          const count: unknown = typeof meta === 'object' && meta ? Reflect.get(meta, 'count') : 0
          return { res, matches: typeof count === 'number' ? count : 0 }
        },
      })),
      // Issue 15: every chart of the Insights view for a 30-day window (target p95 ≤ 300 ms).
      ...[
        { name: 'insights, 30 days', extra: {} },
        {
          name: 'insights, 30 days, closed on mobile',
          extra: { status: ['CLOSE'], device: ['MOBILE'] },
        },
        { name: 'insights, 30 days, a keyword', extra: { keyword: 'order' } },
      ].map(({ name, extra }) => ({
        name,
        target: 300,
        run: async () => {
          const to = now - Math.floor(random() * 7) * DAY
          const res = await fetch(insightsUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              search: { start: { from: to - 30 * DAY, to }, ...extra },
              zone: 'Europe/Berlin',
            }),
          })
          const json: unknown = await res.clone().json()
          const total: unknown = typeof json === 'object' && json ? Reflect.get(json, 'total') : 0
          return { res, matches: typeof total === 'number' ? total : 0 }
        },
      })),
      // The Insights tab asks for its charts and for its engagement-attribute card at once (its QA
      // charts too, measured with the reviews below): the time until both have answered.
      {
        name: 'insights tab, 30 days: charts and engagement-attribute card together',
        target: 300,
        run: async () => {
          const to = now - Math.floor(random() * 7) * DAY
          const request = (path: string, extra: Record<string, unknown>) =>
            fetch(`${new URL(url).origin}${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                search: { start: { from: to - 30 * DAY, to } },
                zone: 'Europe/Berlin',
                ...extra,
              }),
            })
          const [charts, values] = await Promise.all([
            request('/api/insights', {}),
            request('/api/insights/sde-values', { field: 'customerInfo.customerType' }),
          ])
          const text = await values.text()
          if (values.status !== 200) throw new Error(`sde-values: ${String(values.status)} ${text}`)
          const json: unknown = await charts.clone().json()
          const total: unknown = typeof json === 'object' && json ? Reflect.get(json, 'total') : 0
          return { res: charts, matches: typeof total === 'number' ? total : 0 }
        },
      },
      {
        name: 'page 100 of a broad search (last 30 days)',
        run: async () => ({
          res: await search('offset=4950&limit=50&sort=start:desc', broad()),
          matches: 0,
        }),
      },
      {
        name: `by-ID fetch, ${longest.messages.toLocaleString('en-US')}-message conversation`,
        run: async () => ({
          res: await fetch(`${byIdUrl}?v=2`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ conversationId: longest.id }),
          }),
          matches: 1,
        }),
      },
    ]
    for (const query of timedQueries) {
      const p50s: number[] = []
      const p95s: number[] = []
      let matches = 0
      for (let round = 0; round < ROUNDS; round++) {
        const times: number[] = []
        for (let i = 0; i < REQUESTS + 10; i++) {
          const started = performance.now()
          const { res, matches: found } = await query.run()
          const text = await res.text()
          const elapsed = performance.now() - started
          if (res.status !== 200) throw new Error(`${query.name}: ${String(res.status)} ${text}`)
          if (i < 10) continue // warm-up
          times.push(elapsed)
          matches += found
        }
        p50s.push(percentile(times, 50))
        p95s.push(percentile(times, 95))
      }
      const note = matches > 1 ? `avg ${fmt(matches / (REQUESTS * ROUNDS), 0)} matches` : undefined
      figures.push(
        {
          section: 'archive (HTTP, one client)',
          name: `${query.name}: p50`,
          unit: 'ms',
          runs: p50s,
          note,
        },
        {
          section: 'archive (HTTP, one client)',
          name: `${query.name}: p95`,
          unit: 'ms',
          runs: p95s,
          ...(query.target === undefined
            ? {}
            : { target: { kind: 'max' as const, value: query.target } }),
        },
      )
    }

    // 3b. What sign-in and the audit trail cost a search (issue 12: at most 10% at p95).
    log('search with sign-in and the audit trail, against local mode…')
    const dateWindow = queries[0]
    if (!dateWindow) throw new Error('no date-window query')
    const audit = await auditCost({
      archive,
      body: dateWindow.body,
      requests: REQUESTS,
      rounds: ROUNDS,
    })
    figures.push({
      section: 'sign-in and audit (HTTP, one client)',
      name: 'date-window page, signed in (session + scope + audit entry): p95',
      unit: 'ms',
      runs: audit.signedInP95,
      floor: audit.localP95,
      target: { kind: 'max', value: 1.1, ratio: true },
      note: `floor: the same searches in local mode (no session, no audit), alternating; ${audit.auditRows.toLocaleString('en-US')} audit entries written`,
    })

    // 3c. The search page with QA reviews (issue 13): review filters and the review column.
    figures.push(...(await reviewFigures(archive)))

    // 4. Load with autocannon: mixed searches, and by-ID fetches of conversations of the archive.
    const ids = [
      ...(
        (await (await search('offset=0&limit=100&sort=start:desc', broad())).json()) as {
          conversationHistoryRecords: { info: { conversationId: string } }[]
        }
      ).conversationHistoryRecords.map((r) => r.info.conversationId),
    ]
    const searchPath = (query: { offset: () => number }) =>
      `${new URL(url).pathname}?offset=${String(query.offset())}&limit=50&sort=start:desc`
    const mixed: LoadRequest[] = Array.from({ length: 200 }, (_, i) => {
      const query = queries[i % queries.length]
      if (!query) throw new Error('no query')
      return { path: searchPath(query), body: query.body() }
    })
    const byIdRequests: LoadRequest[] = ids.map((conversationId) => ({
      path: `${new URL(byIdUrl).pathname}?v=2`,
      body: { conversationId },
    }))
    const base = `http://127.0.0.1:${String(address.port)}`
    const loads: Record<string, LoadResult[]> = {}
    const keep = (key: string, result: LoadResult) => (loads[key] ??= []).push(result)
    for (let run = 0; run < LOAD_RUNS; run++) {
      log(`load run ${String(run + 1)} of ${String(LOAD_RUNS)}…`)
      keep('mixed searches', await loadRun(base, mixed))
      keep('by-ID', await loadRun(base, byIdRequests))
    }
    const loadFile = join(dir, 'load-import.ndjson')
    const loadConversations = writeNdjsonUpTo(
      loadFile,
      generateDemoConversationsLazy({ count: 1_000_000, now, seed: DEFAULT_DEMO_SEED + 3 }),
      LOAD_IMPORT_MB * 1e6,
    )
    for (let run = 0; run < LOAD_RUNS; run++) {
      log(`load run ${String(run + 1)} of ${String(LOAD_RUNS)} during an import…`)
      keep('mixed searches, during an HTTP import', await loadDuringImport(base, loadFile, mixed))
      keep('by-ID, during an HTTP import', await loadDuringImport(base, loadFile, byIdRequests))
    }
    rmSync(loadFile, { force: true })
    for (const [name, results] of Object.entries(loads)) {
      const section = 'load (autocannon, 20 connections, 15 s)'
      const during = results[0]?.importMs !== undefined
      const outlasted = results.every((r) => r.importOutlasted !== false)
      const importNote = during
        ? `${fmt(LOAD_IMPORT_MB, 0)} MB, ${loadConversations.toLocaleString('en-US')} conversations; import ran ${results.map((r) => fmt((r.importMs ?? 0) / 1000, 0)).join(', ')} s${outlasted ? '' : ', ended before the load did'}`
        : undefined
      figures.push(
        {
          section,
          name: `${name}: throughput`,
          unit: 'req/s',
          runs: results.map((r) => r.requestsPerSecond),
          note: importNote,
        },
        { section, name: `${name}: p99`, unit: 'ms', runs: results.map((r) => r.p99) },
        {
          section,
          name: `${name}: errors and non-2xx`,
          unit: 'count',
          runs: results.map((r) => r.errors + r.non2xx),
          target: { kind: 'max', value: 0 },
        },
      )
    }

    // 5. The same server while it receives and imports a large upload (finding 1 of issue 11).
    const config: number[] = []
    const searchP99: number[] = []
    const configErrors: number[] = []
    const rss: number[] = []
    const rssGrowth: number[] = []
    const childRss: number[] = []
    let loadNote = ''
    const failedUploads: string[] = []
    for (let run = 0; run < IMPORT_RUNS; run++) {
      log(
        `upload and import of ${String(IMPORT_MB)} MB over HTTP (${String(run + 1)} of ${String(IMPORT_RUNS)}), a page asking meanwhile…`,
      )
      let load
      try {
        load = await benchImportUnderLoad({
          url: base,
          file: join(dir, 'load.ndjson'),
          targetBytes: IMPORT_MB * 1e6,
          records: generateDemoConversationsLazy({
            count: 1_000_000,
            now,
            seed: DEFAULT_DEMO_SEED + 2,
          }),
          searchBody: { start: { from: now - 30 * DAY, to: now } },
        })
      } catch (error) {
        // A failed upload is a finding of the report (counted below), not the end of the bench.
        const reason = error instanceof Error ? error.message : String(error)
        log(`  failed: ${reason}`)
        failedUploads.push(reason)
        rmSync(join(dir, 'load.ndjson'), { force: true })
        continue
      }
      config.push(load.config.p99)
      searchP99.push(load.search.p99)
      configErrors.push(load.config.errors + load.search.errors)
      rss.push(load.peakRssBytes)
      rssGrowth.push(load.peakRssBytes - load.startRssBytes)
      childRss.push(load.peakChildRssBytes)
      loadNote = `${fmt(load.fileBytes / 1e6, 0)} MB, ${load.conversations.toLocaleString('en-US')} conversations`
      log(
        `  upload ${fmt(load.uploadMs / 1000)} s, import ${fmt(load.importMs / 1000)} s: ${load.outcome}`,
      )
      rmSync(join(dir, 'load.ndjson'), { force: true })
    }
    const during = 'during a large HTTP import'
    figures.push(
      {
        section: during,
        name: 'uploads that failed',
        unit: 'count',
        runs: [failedUploads.length],
        target: { kind: 'max', value: 0 },
        ...(failedUploads.length ? { note: failedUploads.join('; ').slice(0, 300) } : {}),
      },
      {
        section: during,
        name: '/api/config p99',
        unit: 'ms',
        runs: config,
        note: loadNote,
        target: { kind: 'max', value: 200 },
      },
      {
        section: during,
        name: 'search (last 30 days) p99',
        unit: 'ms',
        runs: searchP99,
        target: { kind: 'max', value: 200 },
      },
      {
        section: during,
        name: 'failed requests',
        unit: 'count',
        runs: configErrors,
        target: { kind: 'max', value: 0 },
      },
      { section: during, name: 'peak RSS, server', unit: 'MB', runs: rss },
      {
        section: during,
        name: 'server RSS growth, upload start to peak',
        unit: 'MB',
        runs: rssGrowth,
        note: 'the bench process is the server',
      },
      { section: during, name: 'peak RSS, import child', unit: 'MB', runs: childRss },
    )
    await server.close()
    archive.close()

    // 6. The browser, against `npm start` on this archive.
    if (process.env.BENCH_SKIP_BROWSER !== '1') {
      log('browser: Chromium against npm start, next to the floor pages…')
      figures.push(...(await benchBrowser({ archivePath, longId: longest.id, runs: BROWSER_RUNS })))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The review figures of a `BENCH_ONLY=reviews` run in the last full report: in place of its
 * review figures, or after its sign-in figures when it has none.
 */
function mergedIntoLastReport(reviewFigures: readonly Figure[], startedAt: string, load: string) {
  const last = readReport(ROOT)
  if (!last) return undefined
  const others = last.figures.filter((figure) => figure.section !== REVIEWS_SECTION)
  const at = last.figures.findIndex((figure) => figure.section === REVIEWS_SECTION)
  let index = at >= 0 ? at : others.findLastIndex((f) => f.section.startsWith('sign-in')) + 1
  if (index <= 0) index = others.length
  const figures = [...others.slice(0, index), ...reviewFigures, ...others.slice(index)]
  const notes = [
    ...(last.meta.notes ?? []).filter((note) => !note.startsWith('The review filter figures')),
    `The review filter figures were measured on their own (\`BENCH_ONLY=reviews npm run bench\`, ${COUNT.toLocaleString('en-US')} conversations, ${REVIEWS.toLocaleString('en-US')} reviews) at ${startedAt} on ${String(cpus().length)} CPUs, load average ${load} at the start.`,
  ]
  return { figures, meta: { ...last.meta, notes } }
}

const cpuLoad = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')

async function all() {
  const started = Date.now()
  const startedAt = new Date(started).toISOString()
  const load = cpuLoad()
  const figures: Figure[] = []
  if (ONLY === undefined) {
    log('bundle: production build…')
    figures.push(...(await benchBundle()))
  }
  await main(figures)
  const merged = ONLY === 'reviews' ? mergedIntoLastReport(figures, startedAt, load) : undefined
  const table = merged
    ? writeReport(ROOT, merged.figures, merged.meta)
    : writeReport(ROOT, figures, {
        conversations: COUNT,
        node: process.version,
        cpus: cpus().length,
        startedAt,
        minutes: (Date.now() - started) / 60_000,
        ...(ONLY ? { notes: [`Only BENCH_ONLY=${ONLY}; load average ${load} at the start.`] } : {}),
      })
  log('')
  log(table)
  log('')
  log('written to bench-results/report.md and bench-results/report.json')
}

all().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
})
