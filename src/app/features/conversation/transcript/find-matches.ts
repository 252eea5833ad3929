import { describeEvent } from '@/app/lib/vocabulary/events'
import type { TimelineItem } from '@/domain/timeline/build'

/**
 * Find in transcript: case-insensitive, literal (no patterns), over each item's searchable
 * parts in the order they are shown, so the n-th match in an item is the n-th `<mark>`.
 */

export interface FindMatch {
  /** Index into the timeline. */
  itemIndex: number
  /** The match's number inside its item (0-based, over all of the item's parts). */
  occurrence: number
}

export interface FindResult {
  matches: FindMatch[]
  /** itemIndex → how many matches the item has. */
  countByItem: Map<number, number>
}

const EMPTY: FindResult = { matches: [], countByItem: new Map() }

/** The texts of an item that find searches, in display order. */
export function searchableParts(item: TimelineItem): string[] {
  if (item.kind === 'message') return item.textParts.map((p) => p.text)
  if (item.kind === 'event') {
    const { text, detail } = describeEvent(item.event)
    return detail !== undefined ? [text, detail] : [text]
  }
  return []
}

/** A case-insensitive literal matcher, or `undefined` for a blank query. */
export function matcher(query: string): RegExp | undefined {
  if (query.trim() === '') return undefined
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')
}

/** Start and end of every match of `re` in `text`. */
export function matchRanges(text: string, re: RegExp | undefined): [number, number][] {
  if (!re) return []
  const ranges: [number, number][] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    ranges.push([m.index, m.index + m[0].length])
  }
  return ranges
}

export function countMatches(text: string, re: RegExp | undefined): number {
  return matchRanges(text, re).length
}

export function findInTimeline(items: readonly TimelineItem[], query: string): FindResult {
  const re = matcher(query)
  if (!re) return EMPTY
  const matches: FindMatch[] = []
  const countByItem = new Map<number, number>()
  items.forEach((item, itemIndex) => {
    let count = 0
    for (const part of searchableParts(item)) count += countMatches(part, re)
    if (count === 0) return
    countByItem.set(itemIndex, count)
    for (let occurrence = 0; occurrence < count; occurrence++) {
      matches.push({ itemIndex, occurrence })
    }
  })
  return { matches, countByItem }
}

/**
 * Item-wide match numbers of the first match in each of `texts` (shown in this order, after
 * `start` earlier matches), so each `<HighlightedText>` knows which of its marks is current.
 */
export function offsetsFor(texts: readonly string[], re: RegExp | undefined, start = 0): number[] {
  const offsets: number[] = []
  let at = start
  for (const text of texts) {
    offsets.push(at)
    at += countMatches(text, re)
  }
  return offsets
}
