import { hash, verify } from '@node-rs/argon2'
import {
  roleSchema,
  type NewUser,
  type Role,
  type User,
  type UserPatch,
} from '@/domain/schema/auth'
import { HttpError } from '@/server/http/http-error'
import { num, rowsOf, str, type Row } from '@/server/archive/sql-rows'
import type { WorkspaceDatabase } from '@/server/workspace/workspace-db'

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 30 ms on this machine, in a
 * native thread, so the event loop keeps answering while a password is checked.
 */
const HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const hashPassword = (password: string) => hash(password, HASH_OPTIONS)

/** A user as the server keeps it: the public shape plus what only the server reads. */
export interface StoredUser extends User {
  passwordHash: string | undefined
  sessionEpoch: number
}

/** An SSO sign-in's identity and what its claims map to. */
export interface SsoIdentity {
  issuer: string
  subject: string
  email: string
  name: string
  role: Role
  agentId?: string
  agentGroups: string[]
  skills: string[]
}

const ids = (text: string | undefined): string[] => {
  if (text === undefined) return []
  const value: unknown = JSON.parse(text)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function toUser(row: Row): StoredUser {
  const parsedRole = roleSchema.safeParse(row.role)
  const role = parsedRole.success ? parsedRole.data : 'agent'
  const user: StoredUser = {
    id: num(row.id),
    email: str(row.email) ?? '',
    name: str(row.name) ?? '',
    role,
    agentGroups: ids(str(row.agent_groups)),
    skills: ids(str(row.skills)),
    disabled: row.disabled === 1,
    source: row.sso_subject === null ? 'local' : 'sso',
    createdAt: num(row.created_ms),
    passwordHash: str(row.password_hash),
    sessionEpoch: num(row.session_epoch),
  }
  const agentId = str(row.agent_id)
  if (agentId !== undefined) user.agentId = agentId
  const last = row.last_sign_in_ms
  if (typeof last === 'number') user.lastSignInAt = last
  return user
}

/** The public shape (what `/api/users` and `/api/session` send): no hash, no epoch. */
export function publicUser(user: StoredUser): User {
  const shown: User & Partial<Pick<StoredUser, 'passwordHash' | 'sessionEpoch'>> = { ...user }
  delete shown.passwordHash
  delete shown.sessionEpoch
  return shown
}

/**
 * Who may read what is checked where it is set, so an account never exists that the server
 * would scope wrongly: an agent needs their LivePerson agent ID; a supervisor, groups or skills.
 */
export function scopeProblem(
  role: Role,
  agentId: string | undefined | null,
  agentGroups: readonly string[],
  skills: readonly string[],
): { field: string; message: string } | undefined {
  if (role === 'agent' && !agentId) {
    return { field: 'agentId', message: 'agentId: an agent needs their LivePerson agent ID' }
  }
  if (role === 'supervisor' && agentGroups.length === 0 && skills.length === 0) {
    return {
      field: 'agentGroups',
      message: 'agentGroups: a supervisor needs at least one agent group or skill to supervise',
    }
  }
  return undefined
}

export interface UserStore {
  count(): number
  list(): StoredUser[]
  byId(id: number): StoredUser | undefined
  byEmail(email: string): StoredUser | undefined
  /** The account an SSO identity (issuer and subject) has signed in to before, if any. */
  bySso(issuer: string, subject: string): StoredUser | undefined
  /** Adds a local account; 409 naming `email` when it exists. */
  add(input: NewUser): Promise<StoredUser>
  /** Changes role, scope, name or disabled; disabling ends every session of the user. */
  update(id: number, patch: UserPatch): StoredUser
  /** A new password; every session of the user ends. */
  setPassword(id: number, password: string): Promise<StoredUser>
  /** Checks a password; undefined for an unknown email, a wrong password or a disabled user. */
  verifyPassword(email: string, password: string): Promise<StoredUser | undefined>
  /** The account an SSO identity signs in as: found by issuer and subject, or by email, or made. */
  upsertSso(identity: SsoIdentity): StoredUser
  recordSignIn(id: number, at: number): void
}

/** A hash of a password nobody has, so an unknown email costs the same time as a wrong password. */
let decoyHash: Promise<string> | undefined

export function createUserStore(db: WorkspaceDatabase, now: () => number = Date.now): UserStore {
  const byIdStatement = db.prepare('SELECT * FROM users WHERE id = ?')
  const byEmailStatement = db.prepare('SELECT * FROM users WHERE email = ?')
  const bySsoStatement = db.prepare('SELECT * FROM users WHERE sso_issuer = ? AND sso_subject = ?')
  const endSessions = db.prepare('DELETE FROM sessions WHERE user_id = ?')

  const byId = (id: number) => {
    const row: unknown = byIdStatement.get(id)
    return row && typeof row === 'object' ? toUser(row as Row) : undefined
  }
  const byEmail = (email: string) => {
    const row: unknown = byEmailStatement.get(email.trim().toLowerCase())
    return row && typeof row === 'object' ? toUser(row as Row) : undefined
  }
  const bySso = (issuer: string, subject: string) => {
    const row: unknown = bySsoStatement.get(issuer, subject)
    return row && typeof row === 'object' ? toUser(row as Row) : undefined
  }
  const mustExist = (id: number) => {
    const user = byId(id)
    if (!user) throw new HttpError(404, `No user ${String(id)}`, { field: 'id' })
    return user
  }
  const check = (
    role: Role,
    agentId: string | undefined | null,
    groups: readonly string[],
    skills: readonly string[],
  ) => {
    const problem = scopeProblem(role, agentId, groups, skills)
    if (problem) throw new HttpError(400, problem.message, { field: problem.field })
  }

  return {
    count: () => num(db.prepare('SELECT count(*) FROM users').pluck().get()),
    list: () => rowsOf(db.prepare('SELECT * FROM users ORDER BY email').all()).map(toUser),
    byId,
    byEmail,
    bySso,
    async add(input) {
      check(input.role, input.agentId, input.agentGroups, input.skills)
      if (byEmail(input.email)) {
        throw new HttpError(409, `email: ${input.email} already has an account`, {
          field: 'email',
        })
      }
      const passwordHash = await hashPassword(input.password)
      const at = now()
      try {
        const result = db
          .prepare(
            `INSERT INTO users (email, name, role, agent_id, agent_groups, skills, password_hash, created_ms, updated_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.email,
            input.name?.trim() || input.email,
            input.role,
            input.agentId ?? null,
            JSON.stringify(input.agentGroups),
            JSON.stringify(input.skills),
            passwordHash,
            at,
            at,
          )
        return mustExist(Number(result.lastInsertRowid))
      } catch (error) {
        // Two admins adding the same email at once: the second learns it as the first would.
        if (error instanceof Error && /UNIQUE/.test(error.message)) {
          throw new HttpError(409, `email: ${input.email} already has an account`, {
            field: 'email',
          })
        }
        throw error
      }
    },
    update(id, patch) {
      const user = mustExist(id)
      const role = patch.role ?? user.role
      const agentId = patch.agentId === undefined ? user.agentId : patch.agentId
      const groups = patch.agentGroups ?? user.agentGroups
      const skills = patch.skills ?? user.skills
      check(role, agentId, groups, skills)
      const disabled = patch.disabled ?? user.disabled
      // A change of what the user may do takes effect now, not at their next sign-in.
      const endsSessions =
        (disabled && !user.disabled) ||
        role !== user.role ||
        agentId !== user.agentId ||
        JSON.stringify(groups) !== JSON.stringify(user.agentGroups) ||
        JSON.stringify(skills) !== JSON.stringify(user.skills)
      db.transaction(() => {
        db.prepare(
          `UPDATE users SET name = ?, role = ?, agent_id = ?, agent_groups = ?, skills = ?, disabled = ?,
             session_epoch = session_epoch + ?, updated_ms = ? WHERE id = ?`,
        ).run(
          patch.name?.trim() || user.name,
          role,
          agentId ?? null,
          JSON.stringify(groups),
          JSON.stringify(skills),
          disabled ? 1 : 0,
          endsSessions ? 1 : 0,
          now(),
          id,
        )
        if (endsSessions) endSessions.run(id)
      })()
      return mustExist(id)
    },
    async setPassword(id, password) {
      mustExist(id)
      const passwordHash = await hashPassword(password)
      db.transaction(() => {
        db.prepare(
          'UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1, updated_ms = ? WHERE id = ?',
        ).run(passwordHash, now(), id)
        endSessions.run(id)
      })()
      return mustExist(id)
    },
    async verifyPassword(email, password) {
      const user = byEmail(email)
      if (!user?.passwordHash) {
        decoyHash ??= hashPassword('a password that no account has, for timing')
        await verify(await decoyHash, password)
        return undefined
      }
      const ok = await verify(user.passwordHash, password)
      return ok && !user.disabled ? user : undefined
    },
    upsertSso(identity) {
      const at = now()
      const existing = bySso(identity.issuer, identity.subject) ?? byEmail(identity.email)
      if (existing) {
        // The identity provider is the source of truth for an SSO account's role and scope, and
        // for who may sign in: a linked account's password stops working (someone disabled at the
        // provider must not get in another way).
        db.prepare(
          `UPDATE users SET sso_issuer = ?, sso_subject = ?, name = ?, role = ?, agent_id = ?, agent_groups = ?,
             skills = ?, password_hash = NULL, updated_ms = ? WHERE id = ?`,
        ).run(
          identity.issuer,
          identity.subject,
          identity.name,
          identity.role,
          identity.agentId ?? null,
          JSON.stringify(identity.agentGroups),
          JSON.stringify(identity.skills),
          at,
          existing.id,
        )
        return mustExist(existing.id)
      }
      const result = db
        .prepare(
          `INSERT INTO users (email, name, role, agent_id, agent_groups, skills, sso_issuer, sso_subject, created_ms, updated_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          identity.email,
          identity.name,
          identity.role,
          identity.agentId ?? null,
          JSON.stringify(identity.agentGroups),
          JSON.stringify(identity.skills),
          identity.issuer,
          identity.subject,
          at,
          at,
        )
      return mustExist(Number(result.lastInsertRowid))
    },
    recordSignIn(id, at) {
      db.prepare('UPDATE users SET last_sign_in_ms = ? WHERE id = ?').run(at, id)
    },
  }
}
