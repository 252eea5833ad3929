import { http, HttpResponse } from 'msw'
import {
  auditEntrySchema,
  sessionInfoSchema,
  userSchema,
  type AuditEntry,
  type SessionInfo,
  type User,
} from '@/domain/schema/auth'
import { server } from '../msw-server'

/**
 * The network edge of sign-in, users and the audit trail for app tests: factories that build
 * valid records (parsed by the API's own schemas) and MSW handlers that record what the page
 * sent.
 */

export const SIGNED_UP = Date.UTC(2026, 0, 5, 9, 0, 0)

let nextId = 1

/** A valid user (an admin unless told otherwise). */
export function buildUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? nextId++
  return userSchema.parse({
    id,
    email: `user${String(id)}@example.com`,
    name: `User ${String(id)}`,
    role: 'admin',
    agentGroups: [],
    skills: [],
    disabled: false,
    source: 'local',
    createdAt: SIGNED_UP,
    ...overrides,
  })
}

/** A valid audit entry. */
export function buildEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return auditEntrySchema.parse({
    id: nextId++,
    at: SIGNED_UP,
    actor: 'ada@example.com',
    action: 'sign-in',
    target: null,
    detail: null,
    ip: '127.0.0.1',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    ...overrides,
  })
}

/** The error body every API route answers with. */
export const apiError = (status: number, message: string, field?: string) =>
  HttpResponse.json({ error: { status, message, ...(field ? { field } : {}) } }, { status })

/** `GET /api/session` answers `session` (parsed, so a test cannot hand the page a bad one). */
export function serveSession(session: SessionInfo): void {
  const info = sessionInfoSchema.parse(session)
  server.use(http.get('*/api/session', () => HttpResponse.json(info)))
}

/** A server with sign-in where `user` is signed in. */
export function signedInAs(user: User): void {
  serveSession({ mode: 'sign-in', sso: false, user })
}

export interface Recorded {
  method: string
  path: string
  search: URLSearchParams
  body: unknown
}

/** Records each request to `method` `path` (MSW path syntax), answering with `answer`. */
export function recordRequests(
  method: 'get' | 'post' | 'patch' | 'delete',
  path: string,
  answer: (request: Recorded) => Response | Promise<Response>,
): Recorded[] {
  const calls: Recorded[] = []
  server.use(
    http[method](path, async ({ request }) => {
      const url = new URL(request.url)
      const text = await request.text()
      const call: Recorded = {
        method: request.method,
        path: url.pathname,
        search: url.searchParams,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      }
      calls.push(call)
      return answer(call)
    }),
  )
  return calls
}
