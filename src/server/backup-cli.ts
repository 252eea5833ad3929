import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { loadConfig } from '@/server/config'

const USAGE = `usage: npm run backup [-- FILE]
  writes a consistent copy of the workspace database (accounts, reviews, scorecards, the audit trail)
  while the server runs, with SQLite's online backup; FILE defaults to
  backups/workspace-<date>-<time>.db beside the workspace. An existing FILE is never overwritten.
(env WORKSPACE_PATH, default workspace.db beside the archive)`

const stamp = (date: Date) => date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

/** What the copy holds, read back from the copy itself (a check that it opens and is whole). */
function describeCopy(path: string): string {
  const copy = new Database(path, { fileMustExist: true })
  try {
    // One self-contained file (no -wal beside it), whatever the workspace's journal mode.
    copy.pragma('journal_mode = DELETE')
    const integrity = String(copy.pragma('integrity_check', { simple: true }))
    if (integrity !== 'ok')
      throw new Error(`the copy failed SQLite's integrity check: ${integrity}`)
    const count = (table: string) => {
      const exists = copy
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table)
      return exists ? Number(copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get()) : 0
    }
    return `${String(count('users'))} accounts, ${String(count('reviews'))} reviews, ${String(count('scorecards'))} scorecards, ${String(count('audit'))} audit entries`
  } finally {
    copy.close()
  }
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  })
  if (values.help || positionals.length > 1) throw new Error(USAGE)
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const source = loadConfig(process.env, root).workspacePath
  if (!existsSync(source)) throw new Error(`${source}: no workspace database to back up`)
  const target = resolve(
    positionals[0] ?? join(dirname(source), 'backups', `workspace-${stamp(new Date())}.db`),
  )
  if (existsSync(target)) throw new Error(`${target} exists: choose another file`)
  if (target === resolve(source)) throw new Error('the backup must not be the workspace itself')
  mkdirSync(dirname(target), { recursive: true })
  // Written beside the target and renamed once whole: a half-written file never has its name.
  const partial = `${target}.partial`
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    // SQLite's online backup: page by page, restarting when the server writes meanwhile, so the
    // copy is one consistent moment of the database.
    await db.backup(partial)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  } finally {
    db.close()
  }
  try {
    const summary = describeCopy(partial)
    renameSync(partial, target)
    console.log(`${target}: ${summary}`)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  console.error(message)
  process.exit(message === USAGE ? 2 : 1)
})
