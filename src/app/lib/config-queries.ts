import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { requestJson } from '@/app/lib/http'

/** `GET /api/config`: which account the app shows, and whether it reads the archive or LivePerson. */
export const appConfigSchema = z.object({
  accountId: z.string(),
  mode: z.enum(['archive', 'proxy']),
})
export type AppConfig = z.infer<typeof appConfigSchema>

/** The server's configuration: read once per page load, it does not change while the app runs. */
export const configQueries = {
  app: () =>
    queryOptions({
      queryKey: ['config'],
      queryFn: ({ signal }) => requestJson('/api/config', appConfigSchema, { signal }),
      staleTime: Infinity,
    }),
}
