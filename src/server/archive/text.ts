/** Text for the full-text index: HTML to plain text, readable text of rich content. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      const code = Number.parseInt(entity.slice(2), 16)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ' '
    }
    if (entity.startsWith('#')) {
      const code = Number.parseInt(entity.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ' '
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole
  })
}

/** The visible text of an HTML message: scripts and styles dropped, tags to spaces, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim()
}

const TEXT_KEYS = new Set(['text', 'title', 'subtitle', 'caption', 'alt', 'tooltip'])

/**
 * All readable text of a structured-content (rich) message or a quick-replies payload: string
 * values of `text`, `title`, `subtitle`, `caption`, `alt`, `tooltip`, the `resp` options of a
 * quick-reply template and the key/value pairs of a `keyValuePairList`, in document order.
 */
export function richContentText(content: unknown): string {
  const parts: string[] = []
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1)
      return
    }
    const entries = Object.entries(node)
    const isPair =
      entries.some(([key]) => key === 'key') && !entries.some(([key]) => key === 'type')
    for (const [key, value] of entries) {
      if (typeof value === 'string') {
        if (TEXT_KEYS.has(key) || (isPair && (key === 'key' || key === 'value'))) parts.push(value)
      } else if (key === 'resp' && Array.isArray(value)) {
        for (const option of value) if (typeof option === 'string') parts.push(option)
      } else {
        walk(value, depth + 1)
      }
    }
  }
  walk(content, 0)
  return parts.join('\n')
}

/** Lower case, diacritics removed, spaces collapsed: how SDE values are stored and searched. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}
