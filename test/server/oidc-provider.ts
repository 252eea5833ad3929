/**
 * A real OpenID provider for the SSO tests: oidc-provider 9, in a child process
 * (`oidc-provider-process.ts`), on 127.0.0.1 with a plain-http issuer. Its accounts are fixed
 * (TEST_ACCOUNTS unless told otherwise); clients are added as the apps under test learn their
 * port. `authorize` plays the browser at the provider (its own cookie jar): it follows the
 * authorization URL, signs in with the login form, answers the consent form, and returns where
 * the provider sends the browser back to.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { sessionClient, type SessionClient } from './session-client'

export interface ClientMetadata {
  client_id: string
  client_secret: string
  redirect_uris: string[]
  token_endpoint_auth_method?: 'client_secret_basic' | 'client_secret_post'
}

/** An account's claims (without `sub`, which is the account's ID). */
export type AccountClaims = Record<string, unknown>

/** The fixed accounts: ID → claims, released for the `openid email profile` scopes. */
export const TEST_ACCOUNTS = {
  alice: {
    // Mixed case on purpose: the app keeps emails in lower case.
    email: 'Alice@Example.com',
    email_verified: true,
    name: 'Alice Admin',
    groups: ['everyone', 'cv-admins'],
  },
  bob: {
    email: 'bob@example.com',
    email_verified: true,
    name: 'Bob Agent',
    groups: ['everyone', 'cv-agents'],
    lp_agent_id: '3711471010',
    // An agent reads their own conversations only, whatever groups and skills they have.
    lp_agent_groups: ['3592201810'],
    lp_skills: ['4016011510'],
  },
  carol: {
    email: 'carol@example.com',
    email_verified: true,
    name: 'Carol Unmapped',
    groups: ['unmapped'],
  },
  dave: {
    // The same email as a local password account; the provider does not vouch for it.
    email: 'dave@example.com',
    email_verified: false,
    name: 'Dave Unverified',
    groups: ['cv-admins'],
  },
  erin: {
    email: 'erin@example.com',
    email_verified: true,
    name: 'Erin Admin',
    groups: ['cv-admins'],
  },
  mallory: {
    // Another person claiming erin's email, which the provider did not verify.
    email: 'erin@example.com',
    email_verified: false,
    name: 'Mallory',
    groups: ['cv-agents'],
    lp_agent_id: '4100000110',
  },
} satisfies Record<string, AccountClaims>

export interface ProviderProcessSettings {
  accounts: Record<string, AccountClaims>
  clients: ClientMetadata[]
}
export type ParentMessage = { type: 'add-client'; id: number; client: ClientMetadata }
export type ChildMessage =
  | { type: 'ready'; issuer: string }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; message: string }

export interface Authorized {
  /** Where the provider sent the browser back (the client's redirect URI with code or error). */
  redirect: URL
  /** The interaction pages answered, in order (`login`, `consent`). */
  prompts: string[]
  /** The browser's cookie jar at the provider. */
  jar: SessionClient
}

export interface OidcProviderHandle {
  /** `http://127.0.0.1:<port>`, exactly as the provider's discovery document says. */
  issuer: string
  addClient(client: ClientMetadata): Promise<void>
  /** Signs `login` in at the provider and consents (or refuses, `consent: false`). */
  authorize(
    authorizationUrl: string,
    login: string,
    options?: { consent?: boolean; jar?: SessionClient },
  ): Promise<Authorized>
  /** What the provider printed (the last 64 kB), for a failure's message. */
  output(): string
  /** Ends the provider; rejects if it had ended by itself (a crash fails the test). */
  stop(): Promise<void>
}

const SCRIPT = fileURLToPath(new URL('./oidc-provider-process.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 5_000
const OUTPUT_LIMIT = 64 * 1024
const MAX_HOPS = 20

export async function startOidcProvider(
  options: { accounts?: Record<string, AccountClaims>; clients?: ClientMetadata[] } = {},
): Promise<OidcProviderHandle> {
  const settings: ProviderProcessSettings = {
    accounts: options.accounts ?? TEST_ACCOUNTS,
    clients: options.clients ?? [],
  }
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(settings)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let printed = ''
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  // Should this process end without stop(), the child's IPC channel closes and it exits too;
  // this covers an exit of the test process itself.
  const killChild = () => child.kill('SIGKILL')
  process.once('exit', killChild)

  let stopping = false
  let crash: Error | undefined
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()
  const ended = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      process.off('exit', killChild)
      if (!stopping) {
        crash = new Error(
          `The test OpenID provider ended by itself (code ${String(code)}, signal ${String(signal)}). Its output:\n${printed}`,
        )
      }
      for (const waiting of pending.values()) waiting.reject(crash ?? new Error('stopped'))
      pending.clear()
      resolve()
    })
  })
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'ready') return
    const waiting = pending.get(message.id)
    pending.delete(message.id)
    if (message.type === 'done') waiting?.resolve()
    else waiting?.reject(new Error(`The test provider refused the client: ${message.message}`))
  })

  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The test OpenID provider did not start in 30 s. Its output:\n${printed}`))
    }, START_TIMEOUT_MS)
    child.on('message', (message: ChildMessage) => {
      if (message.type !== 'ready') return
      clearTimeout(timer)
      resolve(message.issuer)
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    void ended.then(() => {
      clearTimeout(timer)
      reject(crash ?? new Error('The test OpenID provider ended before it started'))
    })
  })
  const origin = new URL(issuer).origin

  let nextId = 0
  const addClient = (client: ClientMetadata) =>
    new Promise<void>((resolve, reject) => {
      if (crash) {
        reject(crash)
        return
      }
      const id = ++nextId
      pending.set(id, { resolve, reject })
      const message: ParentMessage = { type: 'add-client', id, client }
      child.send(message)
    })

  /** A request at the provider; a refused connection says why when the provider crashed. */
  const ask = async (jar: SessionClient, path: string, init: RequestInit) => {
    try {
      return await jar.request(path, init)
    } catch (error) {
      throw crash ?? error
    }
  }

  const authorize: OidcProviderHandle['authorize'] = async (url, login, options = {}) => {
    const jar = options.jar ?? sessionClient(origin)
    const consent = options.consent ?? true
    const prompts: string[] = []
    let at = new URL(url)
    let init: RequestInit = {}
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (at.origin !== origin) return { redirect: at, prompts, jar }
      const path = at.pathname + at.search
      const res = await ask(jar, path, init)
      init = {}
      const location = res.headers.get('location')
      if (res.status >= 300 && res.status < 400 && location) {
        at = new URL(location, at)
        continue
      }
      const text = await res.text()
      const form = /<form method="post" action="([^"]+)" data-prompt="([^"]+)">/.exec(text)
      const action = form?.[1]
      const prompt = form?.[2]
      if (res.status !== 200 || !action || !prompt) {
        throw new Error(
          `The test provider answered ${String(res.status)} at ${path}: ${text.slice(0, 1000)}`,
        )
      }
      prompts.push(prompt)
      const body =
        prompt === 'login'
          ? new URLSearchParams({ login, password: 'any password will do' })
          : new URLSearchParams()
      at = new URL(
        prompt !== 'login' && !consent ? action.replace(/\/confirm$/, '/abort') : action,
        at,
      )
      init = {
        method: 'POST',
        body: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }
    }
    throw new Error(`The test provider redirected more than ${String(MAX_HOPS)} times`)
  }

  return {
    issuer,
    addClient,
    authorize,
    output: () => printed,
    async stop() {
      if (crash) throw crash
      if (stopping) return ended
      stopping = true
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      child.kill('SIGTERM')
      await ended
      clearTimeout(timer)
    },
  }
}
