import { useVirtualizer } from '@tanstack/react-virtual'
import type { Key, Ref } from 'react'
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTimeZone } from '@/app/lib/preferences'
import { formatDuration, type TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'
import { EVENT_LABELS } from '@/app/lib/vocabulary/events'
import { roleWord, speakerName, stretchName } from '@/app/lib/vocabulary/people'
import { buildTimeline, type TimelineItem } from '@/domain/timeline/build'
import { agentStretches } from '@/domain/timeline/stretches'
import { DaySeparator } from './day-separator'
import { EventRow } from './event-row'
import { FindBar } from './find-bar'
import { findInTimeline, matcher } from './find-matches'
import { McsTrack, type McsPoint } from './mcs-track'
import { MessageRow } from './message-row'
import { OwnershipStrip } from './ownership-strip'
import { bandClass, NO_BAND, sentimentOf } from './styles'
import { WaitMarker } from './wait-marker'
import { clockDate, clockTime, dayNamer } from './clock'
import { cn } from '@/app/lib/cn'

export interface TranscriptProps {
  record: ConversationRecord
  /** From `?msg=`: scrolled to and highlighted on load. */
  highlightMessageId?: string | undefined
  /** From `?find=`. */
  find: string
  /** The route writes it to the URL (replace). */
  onFindChange: (text: string) => void
  /** The URL of one message, for "Copy link". */
  messageLink: (messageId: string) => string
  /** So the page's "/" shortcut can focus the find box. */
  findInputRef?: Ref<HTMLInputElement> | undefined
  /** The leg under review (all stretches of one agent): its messages are marked. */
  leg?: { agentId: string } | undefined
  /** While a review is being edited: messages can be selected (as evidence). */
  selection?: TranscriptSelection | undefined
}

/** Selected messages, by ID; `onSelect` sets these messages to `selected` (shift-click: a range). */
export interface TranscriptSelection {
  selected: ReadonlySet<string>
  onSelect: (messageIds: string[], selected: boolean) => void
}

const ESTIMATES: Readonly<Record<TimelineItem['kind'], number>> = {
  message: 140,
  event: 72,
  day: 36,
  wait: 40,
}

/** Where an item starts in the list before any is measured (the sum of the estimates above it). */
function estimatedStart(items: readonly TimelineItem[], index: number): number {
  let start = 0
  for (let i = 0; i < index; i++) start += ESTIMATES[items[i]?.kind ?? 'message']
  return start
}

/** Taller than any first screen the transcript gets (it is the viewport less the header). */
const FIRST_SCREEN_PX = 1400
/** Above a linked message, this much of what came before it. */
const CONTEXT_ABOVE_PX = 280

/**
 * The items the first screen shows: from the top, or around the linked message. Rendered in the
 * normal flow on the server and in the browser's first render (issue 14), so they are where the
 * browser lays them out, before anything could measure them.
 */
function firstScreenOf(items: readonly TimelineItem[], highlightIndex: number) {
  let from = Math.max(0, highlightIndex)
  for (let above = 0; from > 0 && above < CONTEXT_ABOVE_PX;) {
    from--
    above += ESTIMATES[items[from]?.kind ?? 'message']
  }
  let to = from
  for (let height = 0; to < items.length && height < FIRST_SCREEN_PX; to++) {
    height += ESTIMATES[items[to]?.kind ?? 'message']
  }
  return { from, to }
}

/** What a screen reader announces for an item before its content. */
function itemLabel(item: TimelineItem, zone: TimeZone): string {
  const time = clockTime(item.time, zone)
  switch (item.kind) {
    case 'message':
      return [
        speakerName(item.speaker),
        roleWord(item.speaker.role),
        time,
        ...(item.private ? ['agents and managers only'] : []),
      ].join(', ')
    case 'event':
      return `${EVENT_LABELS[item.event.kind]}, ${time}`
    case 'day':
      return `Day ${item.label ?? clockDate(item.time, zone)}`
    case 'wait':
      return `Consumer waited ${formatDuration(item.waitMs)}`
  }
}

/** Scrolls the page so the whole transcript (find bar to list bottom) is on screen, if it is not. */
function revealSection(section: HTMLElement | null) {
  if (!section) return
  const box = section.getBoundingClientRect()
  if (box.top >= 0 && box.bottom <= window.innerHeight) return
  section.scrollIntoView({ block: box.height > window.innerHeight ? 'start' : 'nearest' })
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 60 ? `${line.slice(0, 60)}…` : line
}

/**
 * The transcript: every message and event in one virtualised list, with find, the MCS track,
 * who owned which stretch, day separators and long-wait markers.
 */
export function Transcript(props: TranscriptProps) {
  const { record, highlightMessageId, find, onFindChange, messageLink, findInputRef } = props
  const { leg, selection } = props
  const [zone] = useTimeZone()
  const headingId = useId()

  const items = useMemo(() => buildTimeline(record, { dayKey: dayNamer(zone) }), [record, zone])
  const stretches = useMemo(() => agentStretches(record), [record])

  // Agents keep their colour when they come back; queue stretches have none.
  const stretchColors = useMemo(() => {
    const ids: string[] = []
    return stretches.map((s) => {
      if (s.agentId === undefined) return undefined
      if (!ids.includes(s.agentId)) ids.push(s.agentId)
      return ids.indexOf(s.agentId)
    })
  }, [stretches])

  // The first item of each stretch, to say who owns the conversation from there on.
  const stretchStarts = useMemo(() => {
    const starts = new Map<number, number>()
    let last: number | undefined
    items.forEach((item, index) => {
      if (item.kind !== 'message' || !item.owner) return
      if (item.owner.index !== last) starts.set(index, item.owner.index)
      last = item.owner.index
    })
    return starts
  }, [items])

  // --- find: the input follows the user; the URL follows the input ---
  const [draft, setDraft] = useState(find)
  const [sent, setSent] = useState<string[]>([find])
  const [seenFind, setSeenFind] = useState(find)
  if (find !== seenFind) {
    setSeenFind(find)
    // A change that did not come from typing here (another link, the page clearing it).
    if (find !== draft && !sent.includes(find)) setDraft(find)
  }
  const re = useMemo(() => matcher(draft), [draft])
  const found = useMemo(() => findInTimeline(items, draft), [items, draft])
  const [activeState, setActiveState] = useState({ query: draft, index: 0 })
  const total = found.matches.length
  const active =
    activeState.query === draft ? Math.min(activeState.index, Math.max(0, total - 1)) : 0
  const activeMatch = found.matches[active]

  // --- the virtual list ---
  const scrollRef = useRef<HTMLDivElement>(null)
  const highlightIndex = useMemo(
    () =>
      highlightMessageId === undefined
        ? -1
        : items.findIndex(
            (item) => item.kind === 'message' && item.message.messageId === highlightMessageId,
          ),
    [items, highlightMessageId],
  )

  // The first render lays the first screen's items out in the normal flow (see firstScreenOf);
  // before the first paint in the browser the list turns virtual, scrolled to where those items
  // are, each already measured. This runs before the virtualizer's own layout effect, which
  // reads the scroll position.
  const [firstScreen] = useState(() => firstScreenOf(items, highlightIndex))
  const [flow, setFlow] = useState(true)
  useLayoutEffect(() => {
    const element = scrollRef.current
    if (element) element.scrollTop = estimatedStart(items, firstScreen.from)
    setFlow(false)
    // Once: the list is virtual from here on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  // eslint-disable-next-line react-hooks/incompatible-library -- read during render on purpose; nothing here is compiler-memoised
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ESTIMATES[items[index]?.kind ?? 'message'],
    getItemKey: (index) => items[index]?.key ?? index,
    overscan: 6,
    // A jump (?msg=, find, the MCS track) scrolls from an effect; flushing a render from there
    // is what React warns about ("flushSync was called from inside a lifecycle method").
    useFlushSync: false,
  })
  const sectionRef = useRef<HTMLElement>(null)
  const jumpTo = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index, { align: 'center' })
      revealSection(sectionRef.current)
    },
    [virtualizer],
  )

  // Scrolling is a side effect on the DOM, so an effect: once per target message.
  useEffect(() => {
    if (highlightIndex < 0) return
    virtualizer.scrollToIndex(highlightIndex, { align: 'center' })
    // After the router has restored the page's scroll position for this navigation.
    const frame = requestAnimationFrame(() => revealSection(sectionRef.current))
    return () => cancelAnimationFrame(frame)
  }, [highlightIndex, virtualizer])

  const mcsPoints = useMemo(() => {
    const points: McsPoint[] = []
    items.forEach((item, itemIndex) => {
      if (item.kind !== 'message' || item.mcs === undefined) return
      const sentiment = sentimentOf(item.mcs)
      points.push({
        itemIndex,
        mcs: item.mcs,
        sentiment,
        label: `MCS ${String(item.mcs)}, ${sentiment}: ${speakerName(item.speaker)} at ${clockTime(item.time, zone)}: ${snippet(item.text)}`,
      })
    })
    return points
  }, [items, zone])

  const jumpToStretch = useCallback(
    (stretchIndex: number) => {
      for (const [itemIndex, s] of stretchStarts) {
        if (s === stretchIndex) {
          jumpTo(itemIndex)
          return
        }
      }
      const from = stretches[stretchIndex]?.from
      if (from === undefined) return
      const index = items.findIndex((item) => item.time >= from)
      if (index >= 0) jumpTo(index)
    },
    [items, jumpTo, stretchStarts, stretches],
  )

  const changeFind = (value: string) => {
    setDraft(value)
    setSent((previous) => [...previous.slice(-19), value])
    setActiveState({ query: value, index: 0 })
    onFindChange(value)
    const first = findInTimeline(items, value).matches[0]
    if (first) jumpTo(first.itemIndex)
  }
  const step = (delta: 1 | -1) => {
    if (total === 0) return
    const index = (active + delta + total) % total
    setActiveState({ query: draft, index })
    const match = found.matches[index]
    if (match) jumpTo(match.itemIndex)
  }

  // Shift-click selects from the last message toggled to this one.
  const anchorRef = useRef<number | undefined>(undefined)
  const toggle = (itemIndex: number, messageId: string, range: boolean) => {
    if (!selection) return
    const checked = !selection.selected.has(messageId)
    const anchor = anchorRef.current
    let ids = [messageId]
    if (range && anchor !== undefined && anchor !== itemIndex) {
      const from = Math.min(anchor, itemIndex)
      const to = Math.max(anchor, itemIndex)
      ids = items
        .slice(from, to + 1)
        .flatMap((i) => (i.kind === 'message' && i.message.messageId ? [i.message.messageId] : []))
    }
    anchorRef.current = itemIndex
    selection.onSelect(ids, checked)
  }

  const messageCount = record.messageRecords?.length ?? 0
  // The first screen in the flow (the first render), then the virtualizer's rows, each at its place.
  const rows: { index: number; key: Key; start?: number }[] = flow
    ? items.slice(firstScreen.from, firstScreen.to).map((item, offset) => ({
        index: firstScreen.from + offset,
        key: item.key,
      }))
    : virtualizer.getVirtualItems()
  return (
    <section ref={sectionRef} aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          Messages
        </h2>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {messageCount === 1 ? '1 message' : `${String(messageCount)} messages`}
        </span>
      </div>

      <FindBar
        value={draft}
        onChange={changeFind}
        total={total}
        current={active}
        onNext={() => step(1)}
        onPrevious={() => step(-1)}
        inputRef={findInputRef}
      />

      {highlightMessageId !== undefined && highlightIndex < 0 ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          The linked message is not in this conversation.
        </p>
      ) : null}

      <McsTrack points={mcsPoints} onJump={jumpTo} />
      <OwnershipStrip
        stretches={stretches}
        colors={stretchColors}
        zone={zone}
        onJump={jumpToStretch}
      />

      {items.length === 0 ? (
        <p className="rounded-md border border-slate-200 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          This conversation has no messages or events.
        </p>
      ) : (
        <div
          ref={scrollRef}
          tabIndex={0}
          role="region"
          aria-label="Transcript"
          className="h-[calc(100vh-18rem)] min-h-96 overflow-y-auto rounded-md border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:bg-slate-950 dark:focus-visible:outline-blue-400"
        >
          <div
            role="list"
            aria-label="Transcript items"
            className="relative w-full"
            style={flow ? undefined : { height: virtualizer.getTotalSize() }}
          >
            {rows.map((row) => {
              const item = items[row.index]
              if (!item) return null
              const highlighted = row.index === highlightIndex
              const isActive = activeMatch?.itemIndex === row.index
              const ownerIndex = stretchStarts.get(row.index)
              const owner = item.kind === 'message' ? item.owner : undefined
              const band = owner ? bandClass(stretchColors[owner.index]) : NO_BAND
              const inLeg = leg !== undefined && owner?.agentId === leg.agentId
              const messageId = item.kind === 'message' ? item.message.messageId : undefined
              return (
                <div
                  key={row.key}
                  role="listitem"
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  aria-label={
                    inLeg ? `${itemLabel(item, zone)}, in this leg` : itemLabel(item, zone)
                  }
                  aria-setsize={items.length}
                  aria-posinset={row.index + 1}
                  aria-current={highlighted ? 'true' : undefined}
                  className={cn(
                    'w-full border-l-4 py-1.5 pr-3 pl-2',
                    row.start === undefined ? 'relative' : 'absolute top-0 left-0',
                    band,
                    inLeg && 'bg-amber-50 pl-4 dark:bg-amber-950/40',
                  )}
                  style={
                    row.start === undefined
                      ? undefined
                      : { transform: `translateY(${String(row.start)}px)` }
                  }
                >
                  {inLeg ? (
                    <>
                      <span
                        aria-hidden="true"
                        className="absolute inset-y-0 left-0 w-1.5 bg-amber-500 dark:bg-amber-400"
                      />
                      <span className="sr-only">In this leg</span>
                    </>
                  ) : null}
                  {item.kind === 'message' ? (
                    <MessageRow
                      item={item}
                      zone={zone}
                      re={re}
                      matchCount={found.countByItem.get(row.index) ?? 0}
                      activeMatch={isActive ? activeMatch.occurrence : undefined}
                      highlighted={highlighted}
                      ownerLabel={
                        ownerIndex !== undefined && item.owner
                          ? item.owner.assigned
                            ? `From here: ${stretchName(item.owner)} (${roleWord(item.owner.role)}) owns the conversation`
                            : `From here: ${stretchName(item.owner)}, nobody assigned`
                          : undefined
                      }
                      messageLink={messageLink}
                      select={
                        selection && messageId
                          ? {
                              checked: selection.selected.has(messageId),
                              onToggle: (range) => toggle(row.index, messageId, range),
                            }
                          : undefined
                      }
                    />
                  ) : item.kind === 'event' ? (
                    <EventRow
                      item={item}
                      zone={zone}
                      re={re}
                      activeMatch={isActive ? activeMatch.occurrence : undefined}
                    />
                  ) : item.kind === 'day' ? (
                    <DaySeparator label={item.label ?? clockDate(item.time, zone)} />
                  ) : (
                    <WaitMarker item={item} zone={zone} />
                  )}
                </div>
              )
            })}
          </div>
        </div>
      )}
    </section>
  )
}
