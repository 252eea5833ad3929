/**
 * CSV as RFC 4180 describes it: fields separated by commas, records by CRLF; a field containing a
 * comma, a double quote, CR or LF is wrapped in double quotes with inner quotes doubled.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a CR as a formula, so such
 * a cell (which here can only come from conversation text) is prefixed with `'` to stay text.
 */

export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',')
}

/** The whole file: a header row, then one row per record, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${csvRow(row)}\r\n`).join('')
}
