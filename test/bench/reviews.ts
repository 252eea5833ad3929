import { join } from 'node:path'
import Database from 'better-sqlite3'
import { buildApp } from '@/server/app'
import type { Archive } from '@/server/archive/archive'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { openWorkspace } from '@/server/workspace/workspace'
import { insertReviews, insertScorecard, type ReviewRow } from '../server/review-rows'
import { percentile, type Figure } from './report'

/**
 * The search page with QA reviews (issue 13): 20,000 reviews (BENCH_REVIEWS) written with SQL in
 * one transaction into a bench workspace attached to the archive, then, over real HTTP, the
 * search page's requests with a review filter (50 rows, newest first, the list's sections) and
 * the review column's `POST /api/reviews/summary` for the page's IDs. Target: p95 ≤ 50 ms for a
 * filtered page.
 */
export const REVIEWS_SECTION = 'review filter (HTTP, one client)'

const DAY = 86_400_000
const REVIEWERS = Array.from({ length: 12 }, (_, i) => `reviewer${String(i + 1)}@example.com`)

export interface ReviewBenchOptions {
  archive: Archive
  dir: string
  now: number
  reviews: number
  requests: number
  rounds: number
  sections: readonly string[]
  log: (line: string) => void
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
 * Mixed reviews: three in four submitted (scores mostly 50 to 100, a few critical fails at 0),
 * the rest drafts; 12 reviewers, two scorecards (70/30), one submitted review in 25 disputed; one
 * conversation in six with a second review (another leg or reviewer).
 */
function reviewRows(
  conversations: readonly { id: string; agent: string | null }[],
  count: number,
  cards: readonly [number, number],
  now: number,
): ReviewRow[] {
  const random = prng(13)
  const rows: ReviewRow[] = []
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)]
    if (item === undefined) throw new Error('empty list')
    return item
  }
  while (rows.length < count) {
    const conversation = pick(conversations)
    const legs = random() < 1 / 6 ? 2 : 1
    for (let leg = 0; leg < legs && rows.length < count; leg++) {
      const submitted = random() < 0.75
      const percent = !submitted
        ? null
        : random() < 0.03
          ? 0
          : Math.round((50 + 50 * Math.sqrt(random())) * 10) / 10
      rows.push({
        conversationId: conversation.id,
        legAgentId: leg === 0 ? (conversation.agent ?? 'bot') : `leg-${String(leg)}`,
        scorecardId: random() < 0.7 ? cards[0] : cards[1],
        authorEmail: pick(REVIEWERS),
        state: submitted ? 'submitted' : 'draft',
        percent,
        openDisputes: submitted && random() < 0.04 ? 1 : 0,
        atMs: now - Math.floor(random() * 30 * DAY),
      })
    }
  }
  return rows
}

export async function benchReviewFilter(options: ReviewBenchOptions): Promise<Figure[]> {
  const { archive, now, log } = options
  const workspacePath = join(options.dir, 'bench-workspace.db')
  const workspace = openWorkspace(workspacePath)
  const figures: Figure[] = []
  try {
    // The archive's conversations (and their latest agent, the reviewed leg), read apart.
    const reader = new Database(archive.path, { readonly: true })
    const conversations = reader
      .prepare('SELECT conversation_id AS id, latest_agent_id AS agent FROM conversations')
      .all() as { id: string; agent: string | null }[]
    reader.close()
    const cards = [
      insertScorecard(workspace.db, 'Messaging QA'),
      insertScorecard(workspace.db, 'Sales QA'),
    ] as const
    const rows = reviewRows(conversations, options.reviews, cards, now)
    const started = performance.now()
    insertReviews(workspace.db, rows)
    const insertMs = performance.now() - started
    log(
      `reviews: ${rows.length.toLocaleString('en-US')} inserted in one transaction in ${(insertMs / 1000).toFixed(1)} s`,
    )
    archive.attachWorkspace(workspacePath)

    const server = await buildApp({
      accountId: 'demo',
      archive,
      // Local mode (no accounts): the local user sees every review, like the archive figures.
      auth: { workspace },
      loopbackOnly: true,
      logger: createLogger({ redact: redactor([]), level: 'warn' }),
      rateLimitPerMinute: 0,
    })
    await server.listen({ port: 0, host: '127.0.0.1' })
    try {
      const address = server.server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      const base = `http://127.0.0.1:${String(address.port)}`
      const searchUrl = `${base}/messaging_history/api/account/demo/conversations/search?offset=0&limit=50&sort=start:desc`
      const random = prng(99)
      const recentWindow = () => {
        // As the archive figures: a 7 to 30 day window ending somewhere in the last week.
        const to = now - Math.floor(random() * 7) * DAY
        return { from: to - (7 + Math.floor(random() * 24)) * DAY, to }
      }
      const reviewer = () => REVIEWERS[Math.floor(random() * REVIEWERS.length)] ?? ''
      const post = (url: string, body: unknown) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      const page = async (review: Record<string, unknown>) => {
        const res = await post(searchUrl, {
          start: recentWindow(),
          review,
          contentToRetrieve: options.sections,
        })
        const text = await res.text()
        if (res.status !== 200) throw new Error(`review search: ${String(res.status)} ${text}`)
        const json = JSON.parse(text) as {
          _metadata: { count: number }
          conversationHistoryRecords: { info: { conversationId: string } }[]
        }
        return {
          matches: json._metadata.count,
          ids: json.conversationHistoryRecords.map((r) => r.info.conversationId),
        }
      }
      const summaryUrl = `${base}/api/reviews/summary`
      const probe = await post(summaryUrl, { conversationIds: ['probe'] })
      await probe.text()
      const summaryExists = probe.status === 200
      if (!summaryExists) {
        log(`  POST /api/reviews/summary answered ${String(probe.status)}: not measured`)
      }
      const summary = async (ids: readonly string[]) => {
        if (ids.length === 0) return
        const res = await post(summaryUrl, { conversationIds: ids })
        const text = await res.text()
        if (res.status !== 200) throw new Error(`review summary: ${String(res.status)} ${text}`)
      }

      // A review saved on the workspace's own connection, as a reviewer's autosave does.
      const reviewIds = workspace.db.prepare('SELECT id FROM reviews').pluck().all() as number[]
      const save = workspace.db.prepare(
        "UPDATE reviews SET percent = ?, state = 'submitted', revision = revision + 1 WHERE id = ?",
      )
      const saveOne = () => {
        const id = reviewIds[Math.floor(random() * reviewIds.length)]
        save.run(Math.round(random() * 1000) / 10, id ?? 0)
      }
      const cases: {
        name: string
        review: () => Record<string, unknown>
        before?: () => void
      }[] = [
        { name: 'reviewed, score ≥ 60', review: () => ({ status: ['reviewed'], minScore: 60 }) },
        {
          name: 'reviewed, score ≥ 60, a review saved before each request',
          review: () => ({ status: ['reviewed'], minScore: 60 }),
          before: saveOne,
        },
        { name: 'one reviewer', review: () => ({ reviewer: [reviewer()] }) },
        { name: 'not reviewed (the QA queue)', review: () => ({ status: ['none'] }) },
        {
          name: 'disputed, one scorecard',
          review: () => ({ disputed: true, scorecard: [cards[0]] }),
        },
      ]
      // Issue 15: the Insights tab's QA charts over a 30-day window, with these reviews.
      const qaTimes: number[][] = []
      for (let round = 0; round < options.rounds; round++) {
        const times: number[] = []
        for (let i = 0; i < options.requests + 10; i++) {
          const to = now - Math.floor(random() * 7) * DAY
          const t0 = performance.now()
          const res = await post(`${base}/api/insights/reviews`, {
            search: { start: { from: to - 30 * DAY, to } },
            zone: 'Europe/Berlin',
          })
          const text = await res.text()
          if (res.status !== 200) throw new Error(`QA insights: ${String(res.status)} ${text}`)
          if (i >= 10) times.push(performance.now() - t0)
        }
        qaTimes.push(times)
      }
      figures.push({
        section: REVIEWS_SECTION,
        name: 'QA insights (score by agent, failing criteria), 30 days: p95',
        unit: 'ms',
        runs: qaTimes.map((times) => percentile(times, 95)),
        target: { kind: 'max', value: 300 },
      })
      for (const entry of cases) {
        const pageP50: number[] = []
        const pageP95: number[] = []
        const columnP95: number[] = []
        const bothP95: number[] = []
        let matches = 0
        for (let round = 0; round < options.rounds; round++) {
          const pages: number[] = []
          const columns: number[] = []
          const both: number[] = []
          for (let i = 0; i < options.requests + 10; i++) {
            entry.before?.()
            const t0 = performance.now()
            const found = await page(entry.review())
            const t1 = performance.now()
            if (summaryExists) await summary(found.ids)
            const t2 = performance.now()
            if (i < 10) continue // warm-up
            pages.push(t1 - t0)
            columns.push(t2 - t1)
            both.push(t2 - t0)
            matches += found.matches
          }
          pageP50.push(percentile(pages, 50))
          pageP95.push(percentile(pages, 95))
          columnP95.push(percentile(columns, 95))
          bothP95.push(percentile(both, 95))
        }
        const average = Math.round(matches / (options.requests * options.rounds))
        figures.push(
          {
            section: REVIEWS_SECTION,
            name: `${entry.name}: p50`,
            unit: 'ms',
            runs: pageP50,
            note: `avg ${average.toLocaleString('en-US')} matches`,
          },
          {
            section: REVIEWS_SECTION,
            name: `${entry.name}: p95`,
            unit: 'ms',
            runs: pageP95,
            target: { kind: 'max', value: 50 },
          },
        )
        if (summaryExists) {
          figures.push(
            {
              section: REVIEWS_SECTION,
              name: `${entry.name}: review column (summary of the page's IDs): p95`,
              unit: 'ms',
              runs: columnP95,
            },
            {
              section: REVIEWS_SECTION,
              name: `${entry.name}: page and review column, one after the other: p95`,
              unit: 'ms',
              runs: bothP95,
            },
          )
        }
      }
      // After an import (a commit on another connection), the first review filter reads the
      // reviews' facts again in full: that one request, a new conversation imported each time.
      const importer = new Database(archive.path)
      const touch = importer.prepare('UPDATE conversations SET imported_at = ? WHERE id = ?')
      const afterImport: number[] = []
      for (let i = 0; i < 7; i++) {
        touch.run(Date.now(), 1 + i)
        const t0 = performance.now()
        await page({ status: ['reviewed'], minScore: 60 })
        afterImport.push(performance.now() - t0)
      }
      importer.close()
      figures.push({
        section: REVIEWS_SECTION,
        name: `first filtered page after another connection wrote to the archive, as an import does (the reviews' facts read again): p50`,
        unit: 'ms',
        runs: [percentile(afterImport, 50)],
        note: `${afterImport.length.toString()} imports, max ${Math.max(...afterImport).toFixed(0)} ms`,
      })
      figures.push({
        section: REVIEWS_SECTION,
        name: 'reviews written (one transaction)',
        unit: 'count',
        runs: [rows.length],
        note: `${(insertMs / 1000).toFixed(1)} s; ${REVIEWERS.length.toString()} reviewers, 2 scorecards`,
      })
    } finally {
      await server.close()
    }
  } finally {
    // The archive keeps it attached (for what the bench runs next); the temp folder goes at the end.
    workspace.close()
  }
  return figures
}
