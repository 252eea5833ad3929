import { z } from 'zod'

/** How far an import has got through its file and its records. */
export const importProgressSchema = z.object({
  bytesRead: z.number(),
  bytesTotal: z.number(),
  recordsRead: z.number(),
  recordsWritten: z.number(),
  /** Invalid records or lines found so far (any one means nothing will be written). */
  problemCount: z.number(),
})
export type ImportProgress = z.infer<typeof importProgressSchema>

/**
 * One upload, from its first byte to its outcome: what `POST /api/import` answers with 202 and
 * `GET /api/imports/:id` reports until it is done or failed.
 */
export const importJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['receiving', 'importing', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The upload: bytes received, of the declared length (null when the client did not say). */
  bytesReceived: z.number(),
  bytesTotal: z.number().nullable(),
  /** The import, once it runs. */
  progress: importProgressSchema.nullable(),
  imported: z.number(),
  inserted: z.number(),
  updated: z.number(),
  /** Why nothing was written (the first 100 problems, each with its record's line). */
  problems: z.array(z.string()),
  warnings: z.array(z.string()),
  warningCount: z.number(),
  /** One sentence: what happened, or is happening. */
  message: z.string(),
})
export type ImportJob = z.infer<typeof importJobSchema>
export type ImportStatus = ImportJob['status']

export const isFinished = (job: ImportJob) => job.status === 'done' || job.status === 'failed'
