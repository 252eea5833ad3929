import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { requestJson } from '@/app/lib/http'

const facetItemSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string().optional().catch(undefined),
  login: z.string().optional().catch(undefined),
  count: z.number().optional().catch(undefined),
})

/** A list that degrades to its valid items (or to nothing) rather than failing the whole answer. */
const facetList = z
  .array(z.unknown())
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = facetItemSchema.safeParse(item)
      return parsed.success ? [parsed.data] : []
    }),
  )
  .default([])
  .catch([])

/**
 * `GET /api/facets`: the agents, skills, agent groups and channels the archive knows, with names,
 * for autocomplete. A live proxy may know none; free-form IDs are always accepted.
 */
export const facetsSchema = z.object({
  agents: facetList,
  skills: facetList,
  agentGroups: facetList,
  channels: facetList,
  devices: facetList,
})

export type Facets = z.infer<typeof facetsSchema>
export type FacetItem = Facets['agents'][number]

/**
 * The archive's facets, for the filters' autocomplete; an import changes them. As with
 * `conversationQueries`, `all()` is the key of everything here, for invalidation.
 */
export const facetQueries = {
  all: () => ['facets'] as const,
  known: () =>
    queryOptions({
      queryKey: facetQueries.all(),
      queryFn: ({ signal }) => requestJson('/api/facets', facetsSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
}
