import { createServer } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openArchive, type Archive } from '@/server/archive/archive'
import { seedDemoConversations } from '@/server/archive/seed'
import { isLoopbackHost, loadConfig, nonLoopbackRefusal } from '@/server/config'
import { HttpError, redactor, sendError } from '@/server/http-utils'
import { createApiHandler } from '@/server/routes'
import { ensureSpaBuilt } from '@/server/spa-build'
import { serveSpa } from '@/server/static'
import { createUpstream } from '@/server/upstream/proxy'

/**
 * `npm start`: builds the SPA if needed, opens (and on first start seeds) the archive, and serves
 * the SPA and the API from one Node process on HOST:PORT (default http://127.0.0.1:4173). It
 * refuses a HOST that is not loopback (no sign-in yet) before doing anything else.
 */
async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)
  const refusal = nonLoopbackRefusal(config.host)
  if (refusal) throw new Error(refusal)
  const redact = redactor(config.secrets)
  const log = (line: string) => {
    console.log(redact(line))
  }
  const logError = (line: string) => {
    console.error(redact(line))
  }

  await ensureSpaBuilt(root, log)

  let archive: Archive | undefined
  if (config.mode === 'archive') {
    archive = openArchive(config.archivePath)
    if (archive.conversationCount() === 0 && config.demoConversations > 0) {
      seedDemoConversations(archive, config.demoConversations, log)
    }
    log(`Archive: ${config.archivePath} (${String(archive.conversationCount())} conversations)`)
  } else {
    log(`Proxy mode: forwarding to LivePerson account ${config.accountId}`)
  }

  const api = createApiHandler({
    accountId: config.accountId,
    archive,
    upstream: config.proxy ? createUpstream(config.proxy) : undefined,
    loopbackOnly: isLoopbackHost(config.host),
    log: logError,
  })
  const dist = join(root, 'dist')
  const server = createServer((req, res) => {
    api(req, res, () => {
      if (serveSpa(dist, req, res)) return
      sendError(
        res,
        new HttpError(404, `Not found: ${new URL(req.url ?? '/', 'http://x').pathname}`),
      )
    })
  })
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  // The address really bound: the port PORT=0 was given, and what a name like localhost became.
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the server has no address')
  const boundRefusal = nonLoopbackRefusal(config.host, address.address)
  if (boundRefusal) {
    server.close()
    throw new Error(boundRefusal)
  }
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  log(`Conversation Viewer: http://${shownHost}:${String(address.port)}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    log(`${signal}: shutting down…`)
    const force = setTimeout(() => {
      server.closeAllConnections()
    }, 3_000)
    force.unref()
    server.close(() => {
      archive?.close()
      process.exit(0)
    })
    server.closeIdleConnections()
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(
    `Conversation Viewer could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
