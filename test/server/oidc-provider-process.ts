/**
 * A real OpenID provider (oidc-provider 9) for the SSO tests, in a process of its own: started by
 * `oidc-provider.ts` (`node --import tsx` this file, the settings as JSON in argv[2]), it listens
 * on 127.0.0.1 port 0, then tells its parent the issuer over the IPC channel. The parent may add
 * clients later (`add-client`), so one provider serves a test file whose apps each get a port.
 *
 * Its login and consent are a minimal interaction flow a test drives with plain HTTP:
 * GET /interaction/:uid is a form (`data-prompt` login or consent); POST …/login with
 * `login=<account id>` (any password), POST …/confirm grants what was asked, POST …/abort
 * refuses. The process ends when its parent goes away (the IPC channel closes).
 */
import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { ChildMessage, ParentMessage, ProviderProcessSettings } from './oidc-provider'

/** The little of oidc-provider's API this uses (the package ships no types). */
interface Interaction {
  uid: string
  prompt: { name: string; details: Record<string, unknown> }
  params: Record<string, unknown>
  session?: { accountId: string }
  grantId?: string
}
interface Grant {
  addOIDCScope(scope: string): void
  addOIDCClaims(claims: string[]): void
  addResourceScope(indicator: string, scope: string): void
  save(): Promise<string>
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission: boolean },
  ): Promise<void>
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant
    find(id: string): Promise<Grant | undefined>
  }
  Client: {
    adapter: { upsert(id: string, payload: Record<string, unknown>): Promise<void> }
    find(id: string): Promise<object | undefined>
  }
  on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): unknown
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => Provider

const send = (message: ChildMessage) => {
  process.send?.(message)
}

const settings = JSON.parse(process.argv[2] ?? '{}') as ProviderProcessSettings
// A variable specifier: TypeScript then asks for no declaration file.
const moduleName: string = 'oidc-provider'
const { default: Provider } = (await import(moduleName)) as { default: ProviderClass }

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`)

const html = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Test provider</title></head>
<body>${body}</body></html>`)
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

function page(res: ServerResponse, interaction: Interaction, error?: string) {
  const action = `/interaction/${escapeHtml(interaction.uid)}`
  const client = escapeHtml(String(interaction.params.client_id))
  const problem = error ? `<p role="alert">${escapeHtml(error)}</p>` : ''
  if (interaction.prompt.name === 'login') {
    html(
      res,
      error ? 401 : 200,
      `<h1>Sign in to ${client}</h1>${problem}
<form method="post" action="${action}/login" data-prompt="login">
<input name="login" autocomplete="username"><input name="password" type="password">
<button>Sign in</button></form>`,
    )
    return
  }
  const scope = escapeHtml(String(interaction.params.scope))
  html(
    res,
    200,
    `<h1>${client} asks for: ${scope}</h1>
<form method="post" action="${action}/confirm" data-prompt="${escapeHtml(interaction.prompt.name)}">
<button>Allow</button></form>
<form method="post" action="${action}/abort"><button>Deny</button></form>`,
  )
}

let provider: Provider | undefined
let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined

async function interactionRoute(
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  if (!provider) throw new Error('not started')
  const interaction = await provider.interactionDetails(req, res)
  if (interaction.uid !== uid) return html(res, 400, '<p>Not this interaction</p>')
  if (req.method === 'GET' && action === undefined) return page(res, interaction)
  if (req.method !== 'POST' || action === undefined) return html(res, 405, '<p>POST a form</p>')
  const form = await formOf(req)
  if (action === 'abort') {
    const denied = { error: 'access_denied', error_description: 'End-User aborted interaction' }
    return provider.interactionFinished(req, res, denied, { mergeWithLastSubmission: false })
  }
  if (action === 'login' && interaction.prompt.name === 'login') {
    const accountId = form.get('login') ?? ''
    if (!Object.hasOwn(settings.accounts, accountId)) {
      return page(res, interaction, `No account ${accountId}`)
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    )
  }
  if (action === 'confirm' && interaction.prompt.name === 'consent') {
    const accountId = interaction.session?.accountId
    const clientId = String(interaction.params.client_id)
    if (!accountId) return html(res, 400, '<p>Nobody signed in</p>')
    const existing = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : undefined
    const grant = existing ?? new provider.Grant({ accountId, clientId })
    const details = interaction.prompt.details
    if (Array.isArray(details.missingOIDCScope)) {
      grant.addOIDCScope((details.missingOIDCScope as string[]).join(' '))
    }
    if (Array.isArray(details.missingOIDCClaims)) {
      grant.addOIDCClaims(details.missingOIDCClaims as string[])
    }
    const resources = details.missingResourceScopes
    if (resources && typeof resources === 'object') {
      for (const [indicator, scopes] of Object.entries(resources as Record<string, string[]>)) {
        grant.addResourceScope(indicator, scopes.join(' '))
      }
    }
    const grantId = await grant.save()
    return provider.interactionFinished(
      req,
      res,
      { consent: existing ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    )
  }
  return html(res, 400, `<p>${escapeHtml(action)} does not answer ${interaction.prompt.name}</p>`)
}

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  const match = /^\/interaction\/([^/]+)(?:\/(login|confirm|abort))?$/.exec(path)
  if (!match?.[1]) {
    handle?.(req, res)
    return
  }
  interactionRoute(req, res, match[1], match[2]).catch((error: unknown) => {
    // Mostly "interaction session id cookie not found": the test's cookie jar is wrong.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    if (!res.headersSent) html(res, 400, `<p>${escapeHtml(message)}</p>`)
    else res.end()
  })
})

server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  const issuer = `http://127.0.0.1:${String(address.port)}`
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  })
  const accounts = settings.accounts
  provider = new Provider(issuer, {
    clients: settings.clients,
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['cv-test-cookie-key-1', 'cv-test-cookie-key-0'] },
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'email', 'profile'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups', 'lp_agent_id', 'lp_agent_groups', 'lp_skills'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      if (!Object.hasOwn(accounts, sub)) return undefined
      const claims = { ...accounts[sub], sub }
      return { accountId: sub, claims: () => claims }
    },
  })
  handle = provider.callback()
  provider.on('server_error', (_ctx, error) => {
    process.stderr.write(`oidc-provider server_error: ${error.stack ?? error.message}\n`)
  })
  send({ type: 'ready', issuer })
})

process.on('message', (message: ParentMessage) => {
  if (message.type !== 'add-client') return
  const clients = provider?.Client
  // Read back at once, so metadata the provider refuses fails here, not at the first sign-in.
  const added = clients
    ? clients.adapter
        .upsert(message.client.client_id, { ...message.client })
        .then(() => clients.find(message.client.client_id))
    : Promise.reject(new Error('the provider has not started'))
  added.then(
    () => {
      send({ type: 'done', id: message.id })
    },
    (error: unknown) => {
      send({ type: 'failed', id: message.id, message: String(error) })
    },
  )
})
// The parent went away (or stop() disconnected): nothing is left to serve.
process.on('disconnect', () => {
  process.exit(0)
})
