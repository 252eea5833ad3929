import type { z } from 'zod'
import { cleanObject, optBoolean, optNumber, optString } from '@/domain/schema/coerce'

export const metadataLinkSchema = cleanObject({ rel: optString, href: optString })

export const shardsStatusResultSchema = cleanObject({
  partialResult: optBoolean,
  failureShards: optNumber,
  totalShards: optNumber,
})

/**
 * The response envelope's `_metadata` (`metadata` in the documentation table). `count` is the
 * total number of matches for the query, not the page size.
 */
export const searchMetadataSchema = cleanObject({
  count: optNumber,
  self: metadataLinkSchema.optional(),
  next: metadataLinkSchema.optional(),
  prev: metadataLinkSchema.optional(),
  last: metadataLinkSchema.optional(),
  shardsStatusResult: shardsStatusResultSchema.optional(),
})

export type MetadataLink = z.output<typeof metadataLinkSchema>
export type ShardsStatusResult = z.output<typeof shardsStatusResultSchema>
/** `_metadata` with `count` always set (it defaults to the number of records received). */
export type SearchMetadata = z.output<typeof searchMetadataSchema> & { count: number }
