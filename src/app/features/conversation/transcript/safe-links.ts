/** URLs from message data: only http(s) reaches an `href`; only real image data reaches a `src`. */

/** The URL, normalised, when it is absolute http(s); otherwise `undefined` (show it as text). */
export function httpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const text = raw.trim()
  // Control characters are stripped by browsers and can smuggle another scheme in.
  // eslint-disable-next-line no-control-regex
  if (text === '' || /[\u0000-\u001f\u007f]/.test(text)) return undefined
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  JPG: 'image/jpeg',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  GIF: 'image/gif',
  WEBP: 'image/webp',
  BMP: 'image/bmp',
}

const DATA_IMAGE = /^data:image\/(png|jpeg|jpg|gif|webp|bmp);base64,[A-Za-z0-9+/]+={0,2}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * A file's `preview` as an image `src`: a raster `data:image/…;base64,` URL, or bare base64 when
 * the file type is a raster image. Anything else (SVG, other schemes, junk) gives `undefined`.
 */
export function previewSrc(
  preview: string | undefined,
  fileType: string | undefined,
): string | undefined {
  if (preview === undefined) return undefined
  const compact = preview.replace(/\s+/g, '')
  if (compact.startsWith('data:')) return DATA_IMAGE.test(compact) ? compact : undefined
  const mime = fileType !== undefined ? IMAGE_TYPES[fileType.toUpperCase()] : undefined
  if (mime === undefined || compact.length < 8 || !BASE64.test(compact)) return undefined
  return `data:${mime};base64,${compact}`
}
