/** A row as better-sqlite3 returns it: column name → value, read with the helpers below. */
export type Row = Record<string, unknown>

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null
}

/** The rows of a `.all()` answer (better-sqlite3 types them `unknown`). */
export const rowsOf = (values: unknown[]): Row[] => values.filter(isRow)

/** A TEXT column, or undefined when it is anything else (NULL). */
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/** An INTEGER or REAL column, or 0 when it is anything else (NULL). */
export const num = (value: unknown): number => (typeof value === 'number' ? value : 0)
