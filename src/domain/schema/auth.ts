/**
 * Sign-in, users, roles and the audit trail (issue 12): the request and response shapes of
 * `/api/session`, `/api/users` and `/api/audit`, shared by the server (validation) and the SPA
 * (parsing what it reads).
 */
import { z } from 'zod'

export const ROLES = ['admin', 'supervisor', 'reviewer', 'agent'] as const
export const roleSchema = z.enum(ROLES, 'must be admin, supervisor, reviewer or agent')
export type Role = z.infer<typeof roleSchema>

/** What each role may read, in the words the Users page shows. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything; manages users; reads the audit trail',
  supervisor: 'Conversations of their agent groups or skills',
  reviewer: 'Conversations in their scope (all when none is set); writes reviews',
  agent: 'Only conversations they took part in',
}

export const MAX_IDS = 500
/** A LivePerson agent, agent group or skill ID, as an account's scope holds it. */
export const lpIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, . _ : - only')
const idList = z.array(lpIdSchema).max(MAX_IDS, `at most ${String(MAX_IDS)} IDs`)

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'at most 254 characters')
  .pipe(z.email('not an email address'))

/** NIST 800-63B: length, not composition rules; a cap so hashing stays bounded. */
export const PASSWORD_MIN = 10
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `at least ${String(PASSWORD_MIN)} characters`)
  .max(256, 'at most 256 characters')

/** A user's reading scope: conversations that match any of these (LivePerson's own model). */
export const scopeFieldsSchema = z.object({
  /** The user's own LivePerson agent ID (agents see the conversations they took part in). */
  agentId: lpIdSchema.optional(),
  agentGroups: idList.default([]),
  skills: idList.default([]),
})

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  agentId: z.string().optional(),
  agentGroups: z.array(z.string()),
  skills: z.array(z.string()),
  disabled: z.boolean(),
  /** `local` (password) or `sso` (signed in through OpenID Connect). */
  source: z.enum(['local', 'sso']),
  createdAt: z.number(),
  lastSignInAt: z.number().optional(),
})
export type User = z.infer<typeof userSchema>

/** `GET /api/session`: how this server signs people in, and who is signed in (if anyone). */
export const sessionInfoSchema = z.object({
  /** `local`: no sign-in (loopback, no users, no SSO); `sign-in`: every route needs a session. */
  mode: z.enum(['local', 'sign-in']),
  sso: z.boolean(),
  user: userSchema.optional(),
})
export type SessionInfo = z.infer<typeof sessionInfoSchema>

/** `POST /api/session`: sign in with a local account. */
export const signInBodySchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'required').max(254),
  password: z.string().min(1, 'required').max(256, 'at most 256 characters'),
})

/** `POST /api/users`: an admin adds a local account. */
export const newUserBodySchema = scopeFieldsSchema.extend({
  email: emailSchema,
  name: z.string().trim().max(120, 'at most 120 characters').optional(),
  role: roleSchema,
  password: passwordSchema,
})
export type NewUser = z.infer<typeof newUserBodySchema>

/** `PATCH /api/users/:id`: role, scope, name, disabled; each optional. */
export const userPatchBodySchema = z
  .object({
    name: z.string().trim().max(120, 'at most 120 characters'),
    role: roleSchema,
    agentId: lpIdSchema.nullable(),
    agentGroups: idList,
    skills: idList,
    disabled: z.boolean(),
  })
  .partial()
export type UserPatch = z.infer<typeof userPatchBodySchema>

/** `POST /api/users/:id/password`: an admin sets a new password (every session of the user ends). */
export const passwordBodySchema = z.object({ password: passwordSchema })

export const userIdParamsSchema = z.object({
  id: z.coerce.number('must be a user ID').int('must be a user ID').positive(),
})

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'session-expired',
  'conversation-opened',
  'search',
  'consumer-search',
  // Issue 15: the insights of a search (its filters and count, as for a search).
  'insights',
  'export',
  'import',
  'user-added',
  'user-changed',
  'password-changed',
  // Issue 13: QA reviews (the review's ID is the target; never its text).
  'review-created',
  'review-submitted',
  'review-edited',
  'review-discarded',
  'review-acknowledged',
  'review-disputed',
  'dispute-resolved',
  'reviews-imported',
  'scorecard-changed',
] as const
export const auditActionSchema = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof auditActionSchema>

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.number(),
  /** The email of who acted (or tried to), `null` for the server itself. */
  actor: z.string().nullable(),
  action: auditActionSchema,
  /** What was acted on: a conversation ID, a user's email, an export's format. */
  target: z.string().nullable(),
  /** Filters of a search, rows of an export, fields of a change: never content, never a secret. */
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

const epochMs = z.coerce
  .number('must be a time in epoch milliseconds')
  .int('must be a time in epoch milliseconds')
  .min(0)
  .max(8.64e15)

/** `GET /api/audit` (and `/api/audit.csv`): filters and a page. */
export const auditQuerySchema = z.object({
  actor: z.string().trim().toLowerCase().max(254).optional(),
  action: auditActionSchema.optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const auditPageSchema = z.object({
  count: z.number(),
  entries: z.array(auditEntrySchema),
})

/** `POST /api/audit/events`: what the SPA reports that the server cannot see (an export it made). */
export const clientAuditBodySchema = z.object({
  action: z.literal('export'),
  target: z.string().trim().min(1).max(64),
  detail: z.object({
    format: z.enum(['csv', 'json', 'markdown']),
    rows: z.number().int().min(0).max(10_000_000),
    // Issue 15: a chart's numbers, from the Insights view.
    what: z.enum(['search-results', 'conversation', 'insights-chart']),
  }),
})

/** `GET /api/users`. */
export const userListSchema = z.object({ users: z.array(userSchema) })
/** `POST /api/users`, `PATCH /api/users/:id`. */
export const userResponseSchema = z.object({ user: userSchema })
