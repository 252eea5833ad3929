import type { onRequestHookHandler } from 'fastify'
import type { Role } from '@/domain/schema/auth'
import { EVERYTHING, type ReadScope } from '@/server/archive/read-scope'
import { HttpError } from '@/server/http/http-error'
import type { AuditEvent } from '@/server/workspace/audit'
import type { StoredUser } from '@/server/workspace/users'

/**
 * Who is asking: a signed-in user, or (local mode: loopback, no accounts, no SSO) the one local
 * user, who may do everything. Every route and query reads the scope from here.
 */
export interface Viewer {
  user: StoredUser | undefined
  role: Role
  scope: ReadScope
  /** How the audit trail names them. */
  actor: string
}

export const LOCAL_VIEWER: Viewer = {
  user: undefined,
  role: 'admin',
  scope: EVERYTHING,
  actor: 'local',
}

/** Not signed in while sign-in is on: reads nothing (only the public routes answer). */
export const NOBODY: Viewer = {
  user: undefined,
  role: 'agent',
  scope: { all: false, agentIds: [], agentGroupIds: [], skillIds: [] },
  actor: '',
}

/** LivePerson's permission model: what each role reads. */
export function scopeOf(user: StoredUser): ReadScope {
  switch (user.role) {
    case 'admin':
      return EVERYTHING
    case 'reviewer':
      // A QA reviewer reads everything unless given groups or skills, like a supervisor.
      if (user.agentGroups.length === 0 && user.skills.length === 0) return EVERYTHING
      return { all: false, agentIds: [], agentGroupIds: user.agentGroups, skillIds: user.skills }
    case 'supervisor':
      return { all: false, agentIds: [], agentGroupIds: user.agentGroups, skillIds: user.skills }
    case 'agent':
      return {
        all: false,
        agentIds: user.agentId ? [user.agentId] : [],
        agentGroupIds: [],
        skillIds: [],
      }
  }
}

export const viewerOf = (user: StoredUser): Viewer => ({
  user,
  role: user.role,
  scope: scopeOf(user),
  actor: user.email,
})

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer
    /** Appends to the audit trail as this request's viewer, address and browser. */
    audit(event: AuditEvent): void
  }
  interface Session {
    userId?: number
    epoch?: number
    createdAt?: number
    /** An SSO sign-in under way: what the callback checks. */
    sso?: { state: string; nonce: string; verifier: string; next: string }
  }
}

/** An `onRequest` hook: only an admin (or the local user) goes on; anyone else gets 403. */
export const adminOnly: onRequestHookHandler = (request, _reply, done) => {
  done(request.viewer.role === 'admin' ? undefined : new HttpError(403, 'Only admins can do this'))
}
