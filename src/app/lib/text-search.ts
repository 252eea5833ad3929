/**
 * A loose `validateSearch` for a lazy page (decision 015): every parameter as the text it reads
 * as, a repeated one joined with commas. The page reads each value through the API's own schema,
 * which stays out of the search page's first script; a value that schema refuses counts as absent.
 */
export function textSearch(search: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === 'string') out[key] = value
    else if (Array.isArray(value)) out[key] = value.join(',')
  }
  return out
}
