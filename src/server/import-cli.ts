import type { ImportProgress } from '@/domain/schema/import-job'
import { existsSync, statSync } from 'node:fs'
import { setPriority } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openArchive, type Archive } from '@/server/archive/archive'
import { describeImport, describeTiming, importFile } from '@/server/archive/import'
import { loadConfig } from '@/server/config'
import type { ImportChildMessage } from '@/server/imports/import-child'
import { acquireImportLock, describeHolder } from '@/server/imports/import-lock'

const USAGE =
  'usage: npm run import -- <file>... (JSON export, array of records, one record, or NDJSON; env ARCHIVE_PATH)'
const MAX_WARNINGS_SHOWN = 5
/** Warnings an upload's result carries (the count says how many there were). */
const MAX_WARNINGS_SENT = 50
const PROGRESS_EVERY_MS = 250

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** One file for the terminal: what was imported, or every problem and that nothing was written. */
async function importForTerminal(archive: Archive, file: string): Promise<boolean> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(`${file}: no such file`)
    return false
  }
  const started = performance.now()
  let outcome
  try {
    outcome = await importFile(archive, file)
  } catch (error) {
    console.error(`${file}: not imported: ${errorText(error)}`)
    return false
  }
  if (!outcome.ok) {
    for (const line of outcome.errors) console.error(line)
    console.error(`${file}: not imported (nothing from this file was written)`)
    return false
  }
  const seconds = (performance.now() - started) / 1000
  console.log(`${file}: ${describeImport(outcome)} in ${seconds.toFixed(2)} s`)
  // IMPORT_TIMING=1: where a large import spent its time (npm run bench prints it).
  if (process.env.IMPORT_TIMING === '1' && outcome.timing) {
    console.log(`  (${describeTiming(outcome.timing)})`)
  }
  if (outcome.warnings.length > 0) {
    console.log(
      `${file}: ${String(outcome.warnings.length)} warnings (parts of records that could not be read; the raw record is kept)`,
    )
    for (const warning of outcome.warnings.slice(0, MAX_WARNINGS_SHOWN)) console.log(`  ${warning}`)
  }
  return true
}

/**
 * An upload the server hands over (`--ipc`): the server holds the import lock and reads the
 * progress and the outcome as messages. This process runs at a lower priority, so that the
 * server's own thread keeps answering while it works.
 */
async function importForServer(archive: Archive, file: string, name: string): Promise<void> {
  const send = (message: ImportChildMessage) =>
    new Promise<void>((resolve) => {
      if (!process.send) resolve()
      else process.send(message, undefined, {}, () => resolve())
    })
  let last = 0
  const onProgress = (progress: ImportProgress) => {
    const now = performance.now()
    if (now - last < PROGRESS_EVERY_MS) return
    last = now
    void send({ type: 'progress', progress })
  }
  try {
    const outcome = await importFile(archive, file, { fileName: name, onProgress })
    await send({
      type: 'done',
      outcome: outcome.ok
        ? {
            ok: true,
            imported: outcome.imported,
            inserted: outcome.inserted,
            updated: outcome.updated,
            warnings: outcome.warnings.slice(0, MAX_WARNINGS_SENT),
            warningCount: outcome.warnings.length,
          }
        : { ok: false, errors: outcome.errors },
    })
  } catch (error) {
    await send({ type: 'done', outcome: { ok: false, errors: [`${name}: ${errorText(error)}`] } })
  }
}

/**
 * `npm run import -- <file>...`: imports LivePerson exports into the archive (ARCHIVE_PATH).
 * Each file is all or nothing; the exit code is 1 when any file failed, or when another import
 * (an upload to the server, or another CLI) is running on the same archive.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      ipc: { type: 'boolean' },
      name: { type: 'string' },
    },
  })
  if (files.length === 0 || values.help) {
    console.error(USAGE)
    return files.length === 0 && !values.help ? 1 : 0
  }
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)

  if (values.ipc) {
    try {
      setPriority(10)
    } catch {
      // Not permitted here: the import still runs, at normal priority.
    }
    const archive = openArchive(config.archivePath)
    try {
      await importForServer(archive, files[0] ?? '', values.name ?? 'upload')
    } finally {
      archive.close()
    }
    return 0
  }

  const lock = acquireImportLock(config.archivePath, {
    source: 'cli',
    fileName: files.join(', ').slice(0, 200),
  })
  if ('heldBy' in lock) {
    console.error(`Not imported: ${describeHolder(lock.heldBy)}. Try again when it has finished.`)
    return 1
  }
  let failed = 0
  try {
    const archive = openArchive(config.archivePath)
    try {
      for (const file of files) {
        if (!(await importForTerminal(archive, file))) failed++
      }
    } finally {
      archive.close()
    }
  } finally {
    lock.release()
  }
  return failed > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`import failed: ${errorText(error)}`)
    process.exitCode = 1
  },
)
