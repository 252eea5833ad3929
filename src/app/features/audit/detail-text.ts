/** One value of an entry's detail as plain text: lists joined, objects as compact JSON. */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return '—'
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  if (Array.isArray(value)) return value.map(valueText).join(', ')
  return JSON.stringify(value)
}

/**
 * An audit entry's detail as compact text, `key: value; key: value`. It is what the server
 * recorded from requests (filters, fields of a change): shown as text, never as markup.
 */
export function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return ''
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join('; ')
}
