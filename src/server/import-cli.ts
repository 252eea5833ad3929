import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { openArchive } from '@/server/archive/archive'
import { describeImport, describeTiming, importFile } from '@/server/archive/import'
import { loadConfig } from '@/server/config'

const USAGE =
  'usage: npm run import -- <file>... (JSON export, array of records, one record, or NDJSON; env ARCHIVE_PATH)'
const MAX_WARNINGS_SHOWN = 5

/**
 * `npm run import -- <file>...`: imports LivePerson exports into the archive (ARCHIVE_PATH).
 * Each file is all or nothing; the exit code is 1 when any file failed.
 */
async function main(argv: string[]): Promise<number> {
  const files = argv.filter((arg) => arg !== '--')
  if (files.length === 0 || files.includes('--help') || files.includes('-h')) {
    console.error(USAGE)
    return files.length === 0 ? 1 : 0
  }
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)
  const archive = openArchive(config.archivePath)
  let failed = 0
  try {
    for (const file of files) {
      if (!existsSync(file) || !statSync(file).isFile()) {
        console.error(`${file}: no such file`)
        failed++
        continue
      }
      const started = performance.now()
      let outcome
      try {
        outcome = await importFile(archive, file)
      } catch (error) {
        console.error(
          `${file}: not imported: ${error instanceof Error ? error.message : String(error)}`,
        )
        failed++
        continue
      }
      if (!outcome.ok) {
        failed++
        for (const line of outcome.errors) console.error(line)
        console.error(`${file}: not imported (nothing from this file was written)`)
        continue
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
        for (const warning of outcome.warnings.slice(0, MAX_WARNINGS_SHOWN))
          console.log(`  ${warning}`)
      }
    }
  } finally {
    archive.close()
  }
  return failed > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  },
)
