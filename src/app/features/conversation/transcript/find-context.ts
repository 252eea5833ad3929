/** What a piece of an item needs to highlight find matches. */
export interface FindHighlight {
  /** The matcher; absent when there is no find. */
  re: RegExp | undefined
  /** Item-wide number of the part's first match. */
  offset: number
  /** Item-wide number of the current match, when it is in this item. */
  active: number | undefined
}
