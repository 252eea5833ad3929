import type { WorkspaceDatabase } from '@/server/workspace/workspace-db'

/**
 * Brute-force limits on sign-in, per account and per address, with a growing delay: a few
 * free tries, then each further failure doubles the wait before the next try is even checked
 * (capped), counted over a sliding window. The account key is the email as typed, whether or
 * not it has an account, so the throttle tells nothing about which emails exist.
 */
export interface SignInThrottle {
  /** Seconds to wait before `ip`/`email` may try again, or 0. */
  waitSeconds(ip: string, email: string): number
  failed(ip: string, email: string): void
  /** A success clears the account's failures (the address keeps its own). */
  succeeded(email: string): void
}

export interface ThrottleLimits {
  windowMs: number
  freePerAccount: number
  freePerAddress: number
  maxDelayMs: number
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowMs: 15 * 60_000,
  freePerAccount: 5,
  freePerAddress: 20,
  maxDelayMs: 15 * 60_000,
}

export function createSignInThrottle(
  db: WorkspaceDatabase,
  limits: ThrottleLimits = DEFAULT_THROTTLE,
  now: () => number = Date.now,
): SignInThrottle {
  const recent = db.prepare(
    'SELECT count(*) AS n, max(at_ms) AS last FROM sign_in_failures WHERE key = ? AND at_ms > ?',
  )
  const insert = db.prepare('INSERT INTO sign_in_failures (key, at_ms) VALUES (?, ?)')
  const clear = db.prepare('DELETE FROM sign_in_failures WHERE key = ?')
  const forget = db.prepare('DELETE FROM sign_in_failures WHERE at_ms <= ?')

  const wait = (key: string, free: number, at: number) => {
    const row = recent.get(key, at - limits.windowMs) as { n: number; last: number | null }
    if (row.n < free || row.last === null) return 0
    const delay = Math.min(limits.maxDelayMs, 1000 * 2 ** (row.n - free))
    return Math.max(0, row.last + delay - at)
  }

  return {
    waitSeconds(ip, email) {
      const at = now()
      const ms = Math.max(
        wait(`account:${email}`, limits.freePerAccount, at),
        wait(`address:${ip}`, limits.freePerAddress, at),
      )
      return Math.ceil(ms / 1000)
    },
    failed(ip, email) {
      const at = now()
      db.transaction(() => {
        insert.run(`account:${email}`, at)
        insert.run(`address:${ip}`, at)
        forget.run(at - limits.windowMs)
      })()
    },
    succeeded(email) {
      clear.run(`account:${email}`)
    },
  }
}
