import { z } from 'zod'

/** The longest image address the proxy takes (longer ones stay a placeholder with their text). */
export const MAX_IMAGE_URL = 4096

/** An absolute http(s) address without credentials: the only thing `GET /api/image` fetches. */
export function isProxiableImageUrl(raw: string): boolean {
  if (raw.length > MAX_IMAGE_URL) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
}

export const imageQuerySchema = z.object({
  url: z
    .string({ error: 'required (the image address)' })
    .max(MAX_IMAGE_URL, { error: `longer than ${String(MAX_IMAGE_URL)} characters` })
    .refine(isProxiableImageUrl, { error: 'not an http(s) image address' }),
})

/** The same-origin address at which the server fetches a remote image for the reader. */
export function proxiedImagePath(url: string): string {
  return `/api/image?url=${encodeURIComponent(url)}`
}
