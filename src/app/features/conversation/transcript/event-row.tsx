import type { TimeZone } from '@/app/lib/time'
import { describeEvent, EVENT_LABELS } from '@/app/lib/vocabulary/events'
import type { EventItem } from '@/domain/timeline/build'
import { EVENT_PREVIEW_CHARS, ExpandableText } from './expandable-text'
import { offsetsFor } from './find-matches'
import { EVENT_STYLES } from './styles'
import { clockDateTime, clockTime } from './clock'
import { cn } from '@/app/lib/cn'

interface EventRowProps {
  item: EventItem
  zone: TimeZone
  re: RegExp | undefined
  activeMatch: number | undefined
}

/** Something that happened (not a message): a centred, dashed card with a type label. */
export function EventRow({ item, zone, re, activeMatch }: EventRowProps) {
  const { text, detail } = describeEvent(item.event)
  const [textAt = 0, detailAt = 0] = offsetsFor([text, detail ?? ''], re)
  return (
    <div className="flex justify-center">
      <div
        className={cn(
          'max-w-[90%] rounded-md border border-dashed px-3 py-1.5 text-center text-xs',
          EVENT_STYLES[item.event.kind],
          activeMatch !== undefined ? 'outline-2 outline-offset-2 outline-orange-500' : '',
        )}
      >
        <p>
          <span className="font-semibold tracking-wide uppercase">
            {EVENT_LABELS[item.event.kind]}
          </span>
          {' · '}
          <time dateTime={new Date(item.time).toISOString()} title={clockDateTime(item.time, zone)}>
            {clockTime(item.time, zone)}
          </time>
        </p>
        <p className="text-sm [overflow-wrap:anywhere]">
          <ExpandableText
            text={text}
            find={{ re, offset: textAt, active: activeMatch }}
            limit={EVENT_PREVIEW_CHARS}
          />
        </p>
        {detail ? (
          <p className="opacity-90 [overflow-wrap:anywhere]">
            <ExpandableText
              text={detail}
              find={{ re, offset: detailAt, active: activeMatch }}
              limit={EVENT_PREVIEW_CHARS}
            />
          </p>
        ) : null}
      </div>
    </div>
  )
}
