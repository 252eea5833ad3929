import { isAbsolute, join } from 'node:path'
import { z } from 'zod'
import { proxyConfigFromEnv, type ProxyConfig } from '@/server/upstream/proxy'

/** Server settings from the environment (see the README's configuration table). */
export interface ServerConfig {
  root: string
  port: number
  host: string
  archivePath: string
  demoConversations: number
  accountId: string
  mode: 'archive' | 'proxy'
  /** Present in proxy mode (LP_ACCOUNT_ID and credentials set). */
  proxy: ProxyConfig | undefined
  /** Values that must never appear in a response or a log line. */
  secrets: string[]
  /** API requests a client may make per minute (0: no limit). */
  rateLimitPerMinute: number
  /** Connections open at once. */
  maxConnections: number
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, `${name} must be a whole number from ${String(min)} to ${String(max)}`)
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, `${name} must be from ${String(min)} to ${String(max)}`)
          .max(max, `${name} must be from ${String(min)} to ${String(max)}`),
      )
      .default(fallback),
  )

const envSchema = z.object({
  PORT: wholeNumber('PORT', 0, 65535, 4173),
  HOST: z.preprocess(blankToUndefined, z.string().trim().default('127.0.0.1')),
  ARCHIVE_PATH: z.preprocess(blankToUndefined, z.string().default('data/archive.db')),
  DEMO_CONVERSATIONS: wholeNumber('DEMO_CONVERSATIONS', 0, 1_000_000, 2000),
  API_RATE_LIMIT: wholeNumber('API_RATE_LIMIT', 0, 1_000_000, 1200),
  MAX_CONNECTIONS: wholeNumber('MAX_CONNECTIONS', 1, 100_000, 256),
  LP_ACCOUNT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'LP_ACCOUNT_ID must be letters, digits, - or _')
      .default('demo'),
  ),
})

const SECRET_VARS = [
  'LP_BEARER_TOKEN',
  'LP_APP_KEY',
  'LP_APP_SECRET',
  'LP_ACCESS_TOKEN',
  'LP_ACCESS_TOKEN_SECRET',
] as const

/** Reads and checks the environment; throws one clear message naming the variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv, root: string): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '))
  }
  const proxy = proxyConfigFromEnv(env)
  const { PORT, HOST, ARCHIVE_PATH, DEMO_CONVERSATIONS, LP_ACCOUNT_ID } = parsed.data
  const secrets: string[] = []
  for (const name of SECRET_VARS) {
    const value = env[name]?.trim()
    if (value) secrets.push(value)
  }
  return {
    root,
    port: PORT,
    host: HOST,
    archivePath: isAbsolute(ARCHIVE_PATH) ? ARCHIVE_PATH : join(root, ARCHIVE_PATH),
    demoConversations: DEMO_CONVERSATIONS,
    accountId: proxy?.accountId ?? LP_ACCOUNT_ID,
    mode: proxy ? 'proxy' : 'archive',
    proxy,
    secrets,
    rateLimitPerMinute: parsed.data.API_RATE_LIMIT,
    maxConnections: parsed.data.MAX_CONNECTIONS,
  }
}

/** True when `host` (a HOST value or a listening address) only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase()
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h)
  if (!v4) return false
  const octets = v4.slice(1).map(Number)
  return octets[0] === 127 && octets.every((n) => n <= 255)
}

/**
 * Why the server must not listen on `host` (or on `boundTo`, the address that HOST became), in
 * one line, or undefined for a loopback address. Until sign-in exists, anyone who reaches the
 * port reads every transcript (and the proxy's LivePerson account), so only this machine may
 * connect.
 */
export function nonLoopbackRefusal(host: string, boundTo = host): string | undefined {
  if (isLoopbackHost(host) && isLoopbackHost(boundTo)) return undefined
  const shown = host.replace(/\s+/g, ' ')
  const where = boundTo === host ? `HOST=${shown}` : `HOST=${shown} (listening on ${boundTo})`
  return (
    `${where} is not a loopback address: without sign-in, anyone who can reach it could ` +
    'read every transcript. Use HOST=127.0.0.1 (the default), ::1 or localhost.'
  )
}
