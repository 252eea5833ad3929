import { dirname, isAbsolute, join } from 'node:path'
import { z } from 'zod'
import { ROLES } from '@/domain/schema/auth'
import { parseRoleMap, type OidcSettings } from '@/server/auth/oidc'
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
  /** The workspace database (accounts, sessions, audit, reviews): WORKSPACE_PATH. */
  workspacePath: string
  sessionSecret: string | undefined
  sessionIdleMs: number
  sessionMaxMs: number
  /** TRUST_PROXY: `true`, or the proxy addresses/CIDRs whose X-Forwarded-* headers count. */
  trustProxy: boolean | string[]
  auditRetentionDays: number
  /** Present when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
  oidc: OidcSettings | undefined
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
  WORKSPACE_PATH: z.preprocess(blankToUndefined, z.string().optional()),
  SESSION_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  ),
  SESSION_IDLE_MINUTES: wholeNumber('SESSION_IDLE_MINUTES', 1, 10_080, 60),
  SESSION_MAX_HOURS: wholeNumber('SESSION_MAX_HOURS', 1, 8_760, 12),
  TRUST_PROXY: z.preprocess(blankToUndefined, z.string().trim().optional()),
  AUDIT_RETENTION_DAYS: wholeNumber('AUDIT_RETENTION_DAYS', 1, 36_500, 400),
  OIDC_ISSUER: z.preprocess(
    blankToUndefined,
    z.url("OIDC_ISSUER must be the provider's issuer URL").optional(),
  ),
  OIDC_CLIENT_ID: z.preprocess(blankToUndefined, z.string().trim().optional()),
  OIDC_CLIENT_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  OIDC_REDIRECT_URI: z.preprocess(
    blankToUndefined,
    z.url('OIDC_REDIRECT_URI must be a URL').optional(),
  ),
  OIDC_ROLE_CLAIM: z.preprocess(blankToUndefined, z.string().trim().default('groups')),
  OIDC_ROLE_MAP: z.preprocess(blankToUndefined, z.string().optional()),
  OIDC_DEFAULT_ROLE: z.preprocess(
    blankToUndefined,
    z.enum(ROLES, `OIDC_DEFAULT_ROLE must be one of ${ROLES.join(', ')}`).optional(),
  ),
  OIDC_AGENT_ID_CLAIM: z.preprocess(blankToUndefined, z.string().trim().default('lp_agent_id')),
  OIDC_AGENT_GROUPS_CLAIM: z.preprocess(
    blankToUndefined,
    z.string().trim().default('lp_agent_groups'),
  ),
  OIDC_SKILLS_CLAIM: z.preprocess(blankToUndefined, z.string().trim().default('lp_skills')),
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
  'OIDC_CLIENT_SECRET',
  'SESSION_SECRET',
] as const

function trustProxyOf(value: string | undefined): boolean | string[] {
  if (value === undefined || value === 'false') return false
  if (value === 'true') return true
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

function oidcOf(data: z.infer<typeof envSchema>): OidcSettings | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = data
  const given = [issuer, clientId, clientSecret].filter((v) => v !== undefined).length
  if (given === 0) return undefined
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    throw new Error('SSO needs all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET')
  }
  const url = new URL(issuer)
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname.replace(/^\[|\]$/g, ''))) {
    throw new Error('OIDC_ISSUER must be https (plain http only for a provider on this machine)')
  }
  return {
    issuer,
    clientId,
    clientSecret,
    ...(data.OIDC_REDIRECT_URI ? { redirectUri: data.OIDC_REDIRECT_URI } : {}),
    roleClaim: data.OIDC_ROLE_CLAIM,
    roleMap: parseRoleMap(data.OIDC_ROLE_MAP),
    ...(data.OIDC_DEFAULT_ROLE ? { defaultRole: data.OIDC_DEFAULT_ROLE } : {}),
    agentIdClaim: data.OIDC_AGENT_ID_CLAIM,
    agentGroupsClaim: data.OIDC_AGENT_GROUPS_CLAIM,
    skillsClaim: data.OIDC_SKILLS_CLAIM,
    allowHttpIssuer: url.protocol === 'http:',
  }
}

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
  const archivePath = isAbsolute(ARCHIVE_PATH) ? ARCHIVE_PATH : join(root, ARCHIVE_PATH)
  const workspace = parsed.data.WORKSPACE_PATH
  return {
    root,
    port: PORT,
    host: HOST,
    archivePath,
    workspacePath:
      workspace === undefined
        ? join(dirname(archivePath), 'workspace.db')
        : isAbsolute(workspace)
          ? workspace
          : join(root, workspace),
    sessionSecret: parsed.data.SESSION_SECRET,
    sessionIdleMs: parsed.data.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: parsed.data.SESSION_MAX_HOURS * 3_600_000,
    trustProxy: trustProxyOf(parsed.data.TRUST_PROXY),
    auditRetentionDays: parsed.data.AUDIT_RETENTION_DAYS,
    oidc: oidcOf(parsed.data),
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
 * one line, or undefined. Without sign-in (no account, no SSO), anyone who reaches the port
 * reads every transcript (and the proxy's LivePerson account), so only this machine may connect.
 */
export function nonLoopbackRefusal(
  host: string,
  boundTo = host,
  signInConfigured = false,
): string | undefined {
  if (signInConfigured) return undefined
  if (isLoopbackHost(host) && isLoopbackHost(boundTo)) return undefined
  const shown = host.replace(/\s+/g, ' ')
  const where = boundTo === host ? `HOST=${shown}` : `HOST=${shown} (listening on ${boundTo})`
  return (
    `${where} is not a loopback address, and sign-in is not set up: anyone who can reach it ` +
    'could read every transcript. Create an admin first (npm run users -- add <email> --role admin) ' +
    'or set OIDC_ISSUER, or use HOST=127.0.0.1 (the default).'
  )
}
