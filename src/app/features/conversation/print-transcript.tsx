import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import { clockDateTime, clockTime, dayNamer } from '@/app/features/conversation/transcript/clock'
import { formatDuration, type TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'
import { describeEvent } from '@/app/lib/vocabulary/events'
import { roleWord, speakerName } from '@/app/lib/vocabulary/people'
import { buildTimeline } from '@/domain/timeline/build'

/**
 * The whole transcript as a plain list for printing (the screen transcript is virtualised, so it
 * only holds what is in view). Rendered when the browser is about to print, so a long
 * conversation costs nothing until then; hidden on screen.
 */
export function PrintTranscript({ record, zone }: { record: ConversationRecord; zone: TimeZone }) {
  const [printing, setPrinting] = useState(false)
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true))
    window.addEventListener('beforeprint', before)
    return () => window.removeEventListener('beforeprint', before)
  }, [])
  if (!printing) return null

  const tz = zone
  const items = buildTimeline(record, { dayKey: dayNamer(zone) })
  return (
    <section
      aria-label="Printable transcript"
      className="hidden text-[11pt] leading-snug text-black print:block"
    >
      <p className="text-[15pt] font-semibold">Conversation {record.info.conversationId}</p>
      {record.info.startTimeL !== undefined ? (
        <p className="mb-3 text-[10pt]">
          Started {clockDateTime(record.info.startTimeL, zone)} {tz} · times in {tz}
        </p>
      ) : null}
      <ol className="list-none p-0">
        {items.map((item) => {
          switch (item.kind) {
            case 'day':
              return (
                <li key={item.key} className="mt-3 mb-1 border-b border-black font-semibold">
                  {item.label}
                </li>
              )
            case 'wait':
              return (
                <li key={item.key} className="my-1 text-[10pt] italic">
                  The consumer waited {formatDuration(item.waitMs)} for a reply
                </li>
              )
            case 'event': {
              const { text, detail } = describeEvent(item.event)
              return (
                <li key={item.key} className="my-1 text-[10pt] italic break-inside-avoid">
                  {clockTime(item.time, zone)} — {text}
                  {detail ? <span className="block not-italic">{detail}</span> : null}
                </li>
              )
            }
            case 'message':
              return (
                <li key={item.key} className="my-1.5 break-inside-avoid">
                  <span className="font-semibold">{speakerName(item.speaker)}</span>{' '}
                  <span className="text-[9pt]">
                    (
                    {item.private
                      ? `${roleWord(item.speaker.role)}, private`
                      : roleWord(item.speaker.role)}
                    ) · {clockTime(item.time, zone)}
                  </span>
                  <span className="block whitespace-pre-wrap">{item.text}</span>
                </li>
              )
          }
        })}
      </ol>
    </section>
  )
}
