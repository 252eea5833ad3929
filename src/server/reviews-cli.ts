import { createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { reviewsExportSchema } from '@/domain/schema/reviews'
import { describeIssue } from '@/domain/schema/search-request'
import { loadConfig } from '@/server/config'
import { reviewsCsvLines } from '@/server/reviews/review-csv'
import { ALL_REVIEWS } from '@/server/reviews/review-store'
import { openWorkspace } from '@/server/workspace/workspace'

const USAGE = `usage: npm run reviews -- <command>
  export --format csv|json [--from DATE] [--to DATE] [--out FILE] [--origin URL]
            reviews updated between DATE and DATE (YYYY-MM-DD, or an ISO time; --to is inclusive
            of its day); CSV: one row per review, a column per criterion, the total, the evidence
            message IDs and the deep link (on --origin, default http://127.0.0.1:4173);
            JSON: everything, history included, for import; to standard output without --out
  import FILE
            reads a JSON export into this workspace, all or nothing: scorecards and reviews
            already here are kept, never overwritten
(env WORKSPACE_PATH, default workspace.db beside the archive)`

const DAY_MS = 86_400_000

/** A date (the start of that UTC day; with `endOfDay`, its last millisecond) or an ISO time. */
export function parseDate(text: string, option: string, endOfDay: boolean): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text)
  const ms = Date.parse(day ? `${text}T00:00:00Z` : text)
  if (!Number.isFinite(ms)) {
    throw new Error(`--${option}: "${text}" is not a date (YYYY-MM-DD or an ISO time)`)
  }
  return day && endOfDay ? ms + DAY_MS - 1 : ms
}

async function writeAll(lines: Iterable<string>, out: string | undefined): Promise<void> {
  if (out === undefined) {
    for (const line of lines) {
      if (!process.stdout.write(line)) await once(process.stdout, 'drain')
    }
    return
  }
  const target = resolve(out)
  if (existsSync(target)) throw new Error(`${target} exists: choose another file`)
  // Written beside the target and renamed once whole: a failed export leaves no half a file.
  const partial = `${target}.partial`
  const stream = createWriteStream(partial, { flags: 'wx' })
  try {
    for (const line of lines) {
      if (!stream.write(line)) await once(stream, 'drain')
    }
    stream.end()
    await once(stream, 'finish')
    renameSync(partial, target)
  } catch (error) {
    stream.destroy()
    rmSync(partial, { force: true })
    throw error
  }
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      origin: { type: 'string' },
    },
  })
  const [command, file, ...rest] = positionals
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)
  switch (command) {
    case 'export': {
      if (file !== undefined || rest.length > 0) throw new Error(USAGE)
      const format = values.format
      if (format !== 'csv' && format !== 'json') {
        throw new Error(`--format: must be csv or json\n${USAGE}`)
      }
      const from = values.from === undefined ? undefined : parseDate(values.from, 'from', false)
      const to = values.to === undefined ? undefined : parseDate(values.to, 'to', true)
      if (from !== undefined && to !== undefined && from > to) {
        throw new Error('--from: must not be after --to')
      }
      let origin = 'http://127.0.0.1:4173'
      if (values.origin !== undefined) {
        const url = URL.canParse(values.origin) ? new URL(values.origin) : undefined
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
          throw new Error('--origin: must be an http(s) URL')
        }
        origin = url.origin
      }
      if (!existsSync(config.workspacePath)) {
        throw new Error(`${config.workspacePath}: no workspace database`)
      }
      const workspace = openWorkspace(config.workspacePath)
      try {
        const data = workspace.reviews.allForExport({ from, to }, ALL_REVIEWS)
        const lines =
          format === 'json' ? [`${JSON.stringify(data, null, 2)}\n`] : reviewsCsvLines(data, origin)
        await writeAll(lines, values.out)
        workspace.audit.record(
          { actor: 'reviews-cli', ip: null, userAgent: null },
          {
            action: 'export',
            target: `reviews.${format}`,
            detail: { rows: data.reviews.length, from: from ?? null, to: to ?? null },
          },
        )
        process.stderr.write(
          `${String(data.reviews.length)} reviews exported${values.out ? ` to ${resolve(values.out)}` : ''}\n`,
        )
      } finally {
        workspace.close()
      }
      break
    }
    case 'import': {
      if (file === undefined || rest.length > 0) throw new Error(USAGE)
      let raw: unknown
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'))
      } catch (error) {
        throw new Error(
          `${file}: ${error instanceof SyntaxError ? `not JSON (${error.message})` : error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        )
      }
      const parsed = reviewsExportSchema.safeParse(raw)
      if (!parsed.success) {
        const { message } = describeIssue(parsed.error)
        throw new Error(`${file}: not a reviews export: ${message}; nothing was imported`)
      }
      const workspace = openWorkspace(config.workspacePath)
      try {
        const result = workspace.reviews.importExport(parsed.data, 'reviews-cli')
        workspace.audit.record(
          { actor: 'reviews-cli', ip: null, userAgent: null },
          {
            action: 'reviews-imported',
            target: file.slice(-200),
            detail: {
              reviews: result.reviewsImported,
              unchanged: result.reviewsUnchanged,
              scorecards: result.scorecardsCreated,
              versions: result.versionsCreated,
              conflicts: result.conflicts.length,
            },
          },
        )
        console.log(
          `${file}: ${String(result.reviewsImported)} reviews imported, ${String(result.reviewsUnchanged)} already here, ${String(result.scorecardsCreated)} scorecards and ${String(result.versionsCreated)} scorecard versions added`,
        )
        for (const conflict of result.conflicts) {
          console.log(`kept, not overwritten: ${conflict.kind} ${conflict.id}: ${conflict.message}`)
        }
      } finally {
        workspace.close()
      }
      break
    }
    default:
      throw new Error(USAGE)
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof z.ZodError
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error)
  console.error(message)
  process.exit(message === USAGE ? 2 : 1)
})
