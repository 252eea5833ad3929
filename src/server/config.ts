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
  }
}

/** True when `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}
