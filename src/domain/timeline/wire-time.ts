/** The wire's time strings, read once for every part of the timeline. */

const LP_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/

/** Reads `2016-08-29 14:30:24.565+0000` (the wire's time strings); `undefined` when unreadable. */
export function parseWireTime(value: string | undefined): number | undefined {
  if (!value) return undefined
  const match = LP_TIME.exec(value.trim())
  if (!match) return undefined
  const [, date, clock, zone] = match
  let offset = zone ?? 'Z'
  if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`
  const ms = Date.parse(`${date ?? ''}T${clock ?? ''}${offset}`)
  return Number.isFinite(ms) ? ms : undefined
}

/** The epoch milliseconds when the record has them, else its time string read. */
export function timeOf(ms: number | undefined, text: string | undefined): number | undefined {
  return ms ?? parseWireTime(text)
}
