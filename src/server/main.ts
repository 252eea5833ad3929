import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openArchive, type Archive } from '@/server/archive/archive'
import { seedDemoConversations } from '@/server/archive/seed'
import { buildApp, type SpaSource } from '@/server/app'
import { isLoopbackHost, loadConfig, nonLoopbackRefusal } from '@/server/config'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { createImportJobs } from '@/server/imports/import-jobs'
import { ensureSpaBuilt, SPA_OUTPUT } from '@/server/spa-build'
import { createUpstream } from '@/server/upstream/proxy'
import { createOidcSignIn } from '@/server/auth/oidc'
import { accountsIn, openWorkspace } from '@/server/workspace/workspace'

/**
 * `npm start`: builds the SPA if needed, opens (and on first start seeds) the archive, and serves
 * the SPA and the API from one Fastify app on HOST:PORT (default http://127.0.0.1:4173).
 * `npm run dev` (`--dev`) serves the app through Vite instead, with hot reload. It refuses a
 * HOST that is not loopback unless sign-in is set up (an account exists, or SSO), before doing
 * anything else.
 */
async function main(argv: string[]): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const config = loadConfig(process.env, root)
  // Refused before anything is created or built: the workspace is only peeked at.
  const refusal = nonLoopbackRefusal(
    config.host,
    config.host,
    config.oidc !== undefined || accountsIn(config.workspacePath) > 0,
  )
  if (refusal) throw new Error(refusal)
  if (
    config.trustProxy !== false &&
    config.oidc === undefined &&
    accountsIn(config.workspacePath) === 0
  ) {
    throw new Error(
      'TRUST_PROXY is set, and sign-in is not set up: behind a proxy anyone could read every ' +
        'transcript. Create an admin first (npm run users -- add <email> --role admin) or set OIDC_ISSUER.',
    )
  }
  const workspace = openWorkspace(config.workspacePath, {
    sessionSecret: config.sessionSecret,
    sessionTimes: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionMaxMs },
  })
  const signInConfigured = () => config.oidc !== undefined || workspace.users.count() > 0
  const redact = redactor(config.secrets)
  const logger = createLogger({ redact })
  // Lines for a person at the terminal (the address, the archive); requests go to pino.
  const say = (line: string) => {
    console.log(redact(line))
  }
  const dev = argv.includes('--dev')
  // The page renderer loads React on the server: its production build, as the browser's is.
  process.env.NODE_ENV ??= dev ? 'development' : 'production'

  if (!dev) await ensureSpaBuilt(root, say)

  let archive: Archive | undefined
  if (config.mode === 'archive') {
    archive = openArchive(config.archivePath, {
      onWorkerFailure: (error) => {
        logger.warn(
          { error: error.message },
          'an insights worker failed; counted on the request thread',
        )
      },
    })
    if (archive.conversationCount() === 0 && config.demoConversations > 0) {
      seedDemoConversations(archive, config.demoConversations, say)
    }
    // The search's review filter reads the workspace's reviews in the archive's own query.
    archive.attachWorkspace(workspace.path)
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
    spa = {
      kind: 'dist',
      dir: join(root, SPA_OUTPUT.client),
      serverEntry: join(root, SPA_OUTPUT.serverEntry),
    }
  }

  // The audit trail keeps AUDIT_RETENTION_DAYS (default 400); older entries go, at start and daily.
  const prune = () => {
    const removed = workspace.audit.prune(config.auditRetentionDays)
    workspace.sessions.sweep()
    if (removed > 0) logger.info({ removed }, 'audit entries past retention removed')
  }
  prune()
  const pruning = setInterval(prune, 86_400_000)
  pruning.unref()
  say(
    signInConfigured()
      ? `Sign-in: on (${String(workspace.users.count())} accounts${config.oidc ? ', SSO' : ''}); workspace ${config.workspacePath}`
      : `Local mode: no sign-in (workspace ${config.workspacePath}; create an admin with npm run users -- add)`,
  )

  const app = await buildApp({
    auth: {
      workspace,
      oidc: config.oidc ? createOidcSignIn(config.oidc) : undefined,
    },
    trustProxy: config.trustProxy,
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
    // The DNS-rebinding guard (loopback Host only) is for local mode on this machine; behind a
    // proxy the Host is the public name, and sign-in protects the data.
    loopbackOnly: isLoopbackHost(config.host) && config.trustProxy === false,
    logger,
    spa,
    rateLimitPerMinute: config.rateLimitPerMinute,
    maxConnections: config.maxConnections,
  })

  await app.listen({ port: config.port, host: config.host })
  // The insights workers load now, not on the first Insights tab someone opens.
  archive?.startCountingWorkers()
  // The address really bound: the port PORT=0 was given, and what a name like localhost became.
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('the server has no address')
  const boundRefusal = nonLoopbackRefusal(config.host, address.address, signInConfigured())
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
        workspace.close()
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
