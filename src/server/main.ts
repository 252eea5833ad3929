import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openArchive, type Archive } from '@/server/archive/archive'
import { seedDemoConversations } from '@/server/archive/seed'
import { buildApp, type SpaSource } from '@/server/app'
import { isLoopbackHost, loadConfig, nonLoopbackRefusal } from '@/server/config'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { createImportJobs } from '@/server/imports/import-jobs'
import { ensureSpaBuilt } from '@/server/spa-build'
import { createUpstream } from '@/server/upstream/proxy'

/**
 * `npm start`: builds the SPA if needed, opens (and on first start seeds) the archive, and serves
 * the SPA and the API from one Fastify app on HOST:PORT (default http://127.0.0.1:4173).
 * `npm run dev` (`--dev`) serves the app through Vite instead, with hot reload. It refuses a
 * HOST that is not loopback (no sign-in yet) before doing anything else.
 */
async function main(argv: string[]): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)
  const refusal = nonLoopbackRefusal(config.host)
  if (refusal) throw new Error(refusal)
  const redact = redactor(config.secrets)
  const logger = createLogger({ redact })
  // Lines for a person at the terminal (the address, the archive); requests go to pino.
  const say = (line: string) => {
    console.log(redact(line))
  }
  const dev = argv.includes('--dev')

  if (!dev) await ensureSpaBuilt(root, say)

  let archive: Archive | undefined
  if (config.mode === 'archive') {
    archive = openArchive(config.archivePath)
    if (archive.conversationCount() === 0 && config.demoConversations > 0) {
      seedDemoConversations(archive, config.demoConversations, say)
    }
    say(`Archive: ${config.archivePath} (${String(archive.conversationCount())} conversations)`)
  } else {
    say(`Proxy mode: forwarding to LivePerson account ${config.accountId}`)
  }

  let spa: SpaSource
  if (dev) {
    const { createServer } = await import('vite')
    spa = {
      kind: 'vite',
      root,
      createVite: (server) =>
        createServer({
          root,
          configFile: join(root, 'vite.config.ts'),
          appType: 'custom',
          server: { middlewareMode: true, hmr: { server } },
        }),
    }
  } else {
    spa = { kind: 'dist', dir: join(root, 'dist') }
  }

  const app = await buildApp({
    accountId: config.accountId,
    archive,
    upstream: config.proxy ? createUpstream(config.proxy) : undefined,
    imports: archive
      ? createImportJobs({
          archivePath: config.archivePath,
          log: (fields, message) => {
            logger.info(fields, message)
          },
        })
      : undefined,
    loopbackOnly: isLoopbackHost(config.host),
    logger,
    spa,
    rateLimitPerMinute: config.rateLimitPerMinute,
    maxConnections: config.maxConnections,
  })

  await app.listen({ port: config.port, host: config.host })
  // The address really bound: the port PORT=0 was given, and what a name like localhost became.
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('the server has no address')
  const boundRefusal = nonLoopbackRefusal(config.host, address.address)
  if (boundRefusal) {
    await app.close()
    throw new Error(boundRefusal)
  }
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  say(`Conversation Viewer: http://${shownHost}:${String(address.port)}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    say(`${signal}: shutting down…`)
    const force = setTimeout(() => {
      app.server.closeAllConnections()
    }, 3_000)
    force.unref()
    app.close().then(
      () => {
        archive?.close()
        process.exit(0)
      },
      () => process.exit(1),
    )
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(
    `Conversation Viewer could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
