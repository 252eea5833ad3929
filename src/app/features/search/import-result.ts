import { z } from 'zod'

const progressSchema = z.object({
  bytesRead: z.number(),
  bytesTotal: z.number(),
  recordsRead: z.number(),
  recordsWritten: z.number(),
  problemCount: z.number(),
})

/**
 * An import on the server (`POST /api/import` answers it with 202; `GET /api/imports/:id`
 * follows it): receiving the file, importing it in the background, then done or failed.
 */
export const importJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['receiving', 'importing', 'done', 'failed']),
  bytesReceived: z.number(),
  bytesTotal: z.number().nullable(),
  progress: progressSchema.nullable(),
  imported: z.number(),
  inserted: z.number(),
  updated: z.number(),
  problems: z.array(z.string()),
  warningCount: z.number(),
  message: z.string(),
})
export type ImportJob = z.infer<typeof importJobSchema>

export const isFinished = (job: ImportJob) => job.status === 'done' || job.status === 'failed'
