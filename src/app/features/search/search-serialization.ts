/**
 * Plain query strings for the router (`parseSearch` / `stringifySearch` options): a list is a
 * repeated parameter (`status=OPEN&status=CLOSE`), every value is the text it reads as, and nothing
 * is JSON-encoded. The router's default writes lists as JSON (`status=%5B%22OPEN%22%5D`) and
 * JSON-parses values on the way in, which strips the quotes from a hand-typed `q="late delivery"`.
 *
 * Route schemas accept a single value where they expect a list, so `status=OPEN` works too.
 */

type SearchRecord = Record<string, unknown>

export function parseSearch(searchStr: string): SearchRecord {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr)
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of params) {
    const previous = out[key]
    if (previous === undefined) out[key] = value
    else if (Array.isArray(previous)) previous.push(value)
    else out[key] = [previous, value]
  }
  return out
}

function valueText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  return JSON.stringify(value)
}

export function stringifySearch(search: SearchRecord): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(search)) {
    const items: unknown[] = Array.isArray(value) ? value : [value]
    for (const item of items) {
      const text = valueText(item)
      if (text !== undefined) params.append(key, text)
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
