import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminOnly } from '@/server/auth/viewer'
import { HttpError } from '@/server/http/http-error'
import { requireContentType } from '@/server/http/request-guards'
import type { ImportJobs } from '@/server/imports/import-jobs'
import { refuseOtherMethods } from '@/server/http/route-helpers'

const UPLOAD_TYPES = ['application/json', 'application/x-ndjson', 'application/jsonl']

const uploadQuerySchema = z.object({
  filename: z
    .string()
    .optional()
    .transform((name) => name?.split(/[\\/]/).pop()?.trim().slice(0, 200) || 'upload'),
})
const jobParamsSchema = z.object({
  id: z.uuid({ error: 'not an import ID' }),
})

/**
 * `POST /api/import?filename=` receives an export and answers 202 with the import's ID once the
 * file is on disk; the import runs in a child process and `GET /api/imports/:id` follows it.
 * `GET /api/imports` lists the recent ones.
 */
export function importRoutes(
  parent: FastifyInstance,
  options: { imports: ImportJobs | undefined; proxyMode: boolean },
): Promise<void> {
  registerImportRoutes(parent, options)
  return Promise.resolve()
}

function registerImportRoutes(
  parent: FastifyInstance,
  options: { imports: ImportJobs | undefined; proxyMode: boolean },
): void {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  const { imports, proxyMode } = options

  /** Imports change what everyone reads: admins only (and the local user). */
  app.addHook('onRequest', adminOnly)

  function requireImports(): ImportJobs {
    if (proxyMode || !imports) {
      throw new HttpError(
        403,
        'Import is not available in proxy mode: the data lives at LivePerson',
      )
    }
    return imports
  }

  // The upload is streamed to disk by the job, never read into memory here.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => {
    done(null, payload)
  })

  app.post(
    '/api/import',
    {
      schema: { querystring: uploadQuerySchema },
      // Refusals come before the body: proxy mode, the wrong type, a running import.
      onRequest: (_request, _reply, done) => {
        try {
          requireImports()
          done()
        } catch (error) {
          done(error instanceof Error ? error : new Error(String(error)))
        }
      },
      preParsing: (request, _reply, payload, done) => {
        try {
          requireContentType(request.headers['content-type'], UPLOAD_TYPES)
          done(null, payload)
        } catch (error) {
          done(error instanceof Error ? error : new Error(String(error)))
        }
      },
    },
    async (request, reply) => {
      const jobs = requireImports()
      const declared = Number(request.headers['content-length'])
      let job
      try {
        job = await jobs.upload(
          request.query.filename,
          request.raw,
          Number.isFinite(declared) ? declared : undefined,
        )
      } catch (error) {
        // Cut off by the client: nobody to answer (the job says what happened).
        if (!(error instanceof HttpError) && request.raw.destroyed) return reply.hijack()
        throw error
      }
      request.audit({
        action: 'import',
        target: request.query.filename ?? null,
        detail: { id: job.id, bytes: Number.isFinite(declared) ? declared : null },
      })
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(job.view())
    },
  )
  refuseOtherMethods(app, '/api/import', ['POST'])

  app.get('/api/imports', () => ({ imports: requireImports().list() }))
  refuseOtherMethods(app, '/api/imports', ['GET', 'HEAD'])

  app.get('/api/imports/:id', { schema: { params: jobParamsSchema } }, (request) => {
    const job = requireImports().get(request.params.id)
    if (!job) {
      throw new HttpError(404, `id: no import ${request.params.id} on this server`, {
        field: 'id',
      })
    }
    return job
  })
  refuseOtherMethods(app, '/api/imports/:id', ['GET', 'HEAD'])
}
