import { z } from 'zod'

/** `POST /api/import` (archive mode): how many conversations the file held and what changed. */
export const importResultSchema = z.object({
  imported: z.number(),
  inserted: z.number(),
  updated: z.number(),
})
export type ImportResult = z.infer<typeof importResultSchema>
