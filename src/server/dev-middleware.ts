import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { openArchive, type Archive } from '@/server/archive/archive'
import { seedDemoConversations } from '@/server/archive/seed'
import { loadConfig } from '@/server/config'
import { redactor } from '@/server/http-utils'
import { createApiHandler, type NextFunction } from '@/server/routes'
import { createUpstream } from '@/server/upstream/proxy'

let archive: Archive | undefined

/**
 * `npm run dev`: the same API as `npm start`, as Connect middleware for the Vite dev server
 * (vite.config.ts loads this file through `ssrLoadModule`). Same environment variables, same
 * archive file; Vite itself serves the SPA with hot reload and checks the Host header.
 */
export async function createDevMiddleware(): Promise<
  (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void
> {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)
  const redact = redactor(config.secrets)
  const log = (line: string) => {
    console.log(redact(line))
  }
  if (config.mode === 'archive') {
    archive?.close()
    archive = openArchive(config.archivePath)
    if (archive.conversationCount() === 0 && config.demoConversations > 0) {
      seedDemoConversations(archive, config.demoConversations, log)
    }
    log(`Archive: ${config.archivePath} (${String(archive.conversationCount())} conversations)`)
  }
  const handler = createApiHandler({
    accountId: config.accountId,
    archive,
    upstream: config.proxy ? createUpstream(config.proxy) : undefined,
    log: (line) => {
      console.error(redact(line))
    },
  })
  return await Promise.resolve(handler)
}
