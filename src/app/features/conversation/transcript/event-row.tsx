import type { TimeZoneSetting } from '@/app/lib/time'
import type { EventItem, EventType } from '@/domain/timeline'
import { EVENT_PREVIEW_CHARS, ExpandableText } from './expandable-text'
import { offsetsFor } from './find-matches'
import { EVENT_LABELS } from './labels'
import { clockDateTime, clockTime } from './clock'

const PEOPLE =
  'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100'
const ROUTING =
  'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'
const DIALOG =
  'border-violet-300 bg-violet-50 text-violet-950 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100'
const COBROWSE =
  'border-teal-300 bg-teal-50 text-teal-950 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100'
const DATA =
  'border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'

const STYLES: Readonly<Record<EventType, string>> = {
  'agent-joined': PEOPLE,
  'agent-left': PEOPLE,
  assigned: PEOPLE,
  transfer: ROUTING,
  'skill-change': ROUTING,
  dialog: DIALOG,
  survey: DIALOG,
  'cobrowse-start': COBROWSE,
  'cobrowse-end': COBROWSE,
  sde: DATA,
}

interface EventRowProps {
  item: EventItem
  zone: TimeZoneSetting
  re: RegExp | undefined
  activeMatch: number | undefined
}

/** Something that happened (not a message): a centred, dashed card with a type label. */
export function EventRow({ item, zone, re, activeMatch }: EventRowProps) {
  const [textAt = 0, detailAt = 0] = offsetsFor([item.text, item.detail ?? ''], re)
  return (
    <div className="flex justify-center">
      <div
        className={[
          'max-w-[90%] rounded-md border border-dashed px-3 py-1.5 text-center text-xs',
          STYLES[item.type],
          activeMatch !== undefined ? 'outline-2 outline-offset-2 outline-orange-500' : '',
        ].join(' ')}
      >
        <p>
          <span className="font-semibold tracking-wide uppercase">{EVENT_LABELS[item.type]}</span>
          {' · '}
          <time dateTime={new Date(item.time).toISOString()} title={clockDateTime(item.time, zone)}>
            {clockTime(item.time, zone)}
          </time>
        </p>
        <p className="text-sm [overflow-wrap:anywhere]">
          <ExpandableText
            text={item.text}
            find={{ re, offset: textAt, active: activeMatch }}
            limit={EVENT_PREVIEW_CHARS}
          />
        </p>
        {item.detail ? (
          <p className="opacity-90 [overflow-wrap:anywhere]">
            <ExpandableText
              text={item.detail}
              find={{ re, offset: detailAt, active: activeMatch }}
              limit={EVENT_PREVIEW_CHARS}
            />
          </p>
        ) : null}
      </div>
    </div>
  )
}
