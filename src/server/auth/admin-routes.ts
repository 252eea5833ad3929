import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  auditQuerySchema,
  clientAuditBodySchema,
  newUserBodySchema,
  passwordBodySchema,
  userIdParamsSchema,
  userPatchBodySchema,
} from '@/domain/schema/auth'
import { csvRow } from '@/domain/csv'
import { adminOnly } from '@/server/auth/viewer'
import { HttpError } from '@/server/http/http-error'
import { jsonBodyGuard, refuseOtherMethods } from '@/server/http/route-helpers'
import { publicUser } from '@/server/workspace/users'
import type { Workspace } from '@/server/workspace/workspace'

const AUDIT_CSV_HEADER = ['time', 'actor', 'action', 'target', 'detail', 'address', 'browser']

/**
 * `/api/users` (admins manage accounts) and `/api/audit` (admins read the trail, as JSON pages
 * or one CSV file), plus `/api/audit/events`, where the app reports the exports it makes in the
 * browser. Every change to an account is itself in the trail.
 */
export function adminRoutes(
  parent: FastifyInstance,
  options: { workspace: Workspace; bodyDeadlineMs?: number },
): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  const { users, audit } = options.workspace
  const post = { preParsing: jsonBodyGuard(options.bodyDeadlineMs ?? 10_000) }
  const admin = { onRequest: adminOnly }

  app.get('/api/users', admin, () => ({ users: users.list().map(publicUser) }))
  app.post(
    '/api/users',
    { ...admin, ...post, schema: { body: newUserBodySchema } },
    async (request, reply) => {
      const user = await users.add(request.body)
      request.audit({
        action: 'user-added',
        target: user.email,
        detail: {
          role: user.role,
          agentId: user.agentId ?? null,
          agentGroups: user.agentGroups,
          skills: user.skills,
        },
      })
      return reply.code(201).send({ user: publicUser(user) })
    },
  )
  refuseOtherMethods(app, '/api/users', ['GET', 'HEAD', 'POST'])

  app.patch(
    '/api/users/:id',
    { ...admin, ...post, schema: { params: userIdParamsSchema, body: userPatchBodySchema } },
    (request) => {
      const before = users.byId(request.params.id)
      if (before && request.viewer.user?.id === before.id) {
        // An admin cannot lock themselves out (disable, or demote the last way back in).
        if (
          request.body.disabled === true ||
          (request.body.role && request.body.role !== 'admin')
        ) {
          throw new HttpError(
            400,
            'You cannot disable your own account or take away your own admin role',
            {
              field: request.body.disabled === true ? 'disabled' : 'role',
            },
          )
        }
      }
      const user = users.update(request.params.id, request.body)
      const changed: Record<string, unknown> = {}
      if (before) {
        for (const key of [
          'name',
          'role',
          'agentId',
          'agentGroups',
          'skills',
          'disabled',
        ] as const) {
          if (JSON.stringify(before[key]) !== JSON.stringify(user[key])) {
            changed[key] = { from: before[key] ?? null, to: user[key] ?? null }
          }
        }
      }
      request.audit({ action: 'user-changed', target: user.email, detail: changed })
      return { user: publicUser(user) }
    },
  )
  refuseOtherMethods(app, '/api/users/:id', ['PATCH'])

  app.post(
    '/api/users/:id/password',
    { ...admin, ...post, schema: { params: userIdParamsSchema, body: passwordBodySchema } },
    async (request, reply) => {
      const user = await users.setPassword(request.params.id, request.body.password)
      request.audit({ action: 'password-changed', target: user.email })
      return reply.code(204).send()
    },
  )
  refuseOtherMethods(app, '/api/users/:id/password', ['POST'])

  app.get('/api/audit', { ...admin, schema: { querystring: auditQuerySchema } }, (request) =>
    audit.query(request.query),
  )
  refuseOtherMethods(app, '/api/audit', ['GET', 'HEAD'])

  app.get(
    '/api/audit.csv',
    { ...admin, schema: { querystring: auditQuerySchema } },
    async (request, reply) => {
      const { actor, action, from, to } = request.query
      const filters = { actor, action, from, to }
      const lines = (function* () {
        yield `\uFEFF${csvRow(AUDIT_CSV_HEADER)}\r\n`
        for (const entry of audit.all(filters)) {
          yield `${csvRow([
            new Date(entry.at).toISOString(),
            entry.actor,
            entry.action,
            entry.target,
            entry.detail ? JSON.stringify(entry.detail) : '',
            entry.ip,
            entry.userAgent,
          ])}\r\n`
        }
      })()
      const { Readable } = await import('node:stream')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .header('cache-control', 'no-store')
        .send(Readable.from(lines))
    },
  )
  refuseOtherMethods(app, '/api/audit.csv', ['GET', 'HEAD'])

  app.post(
    '/api/audit/events',
    { ...post, schema: { body: clientAuditBodySchema } },
    (request, reply) => {
      request.audit(request.body)
      return reply.code(204).send()
    },
  )
  refuseOtherMethods(app, '/api/audit/events', ['POST'])
  return Promise.resolve()
}
