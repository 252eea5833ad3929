/** A timeline entry on its way into order: by time, then rank, then `seq`, then record order. */
export interface Sortable<T> {
  item: T
  time: number
  /** At the same instant: beginnings (0), messages (1), endings (2). */
  rank: number
  seq: number
  index: number
}

/** The timeline's order (stable: ties keep the record's own order). */
export function compare<T>(a: Sortable<T>, b: Sortable<T>): number {
  return a.time - b.time || a.rank - b.rank || a.seq - b.seq || a.index - b.index
}
