/** File previews from message data: only real raster image data reaches a `src`. */

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
