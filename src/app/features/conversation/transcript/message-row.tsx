import { useId, useState } from 'react'
import { Button } from '@/app/components/ui/button'
import type { TimeZone } from '@/app/lib/time'
import { deliveryStatusLabel } from '@/app/lib/vocabulary/labels'
import { ROLE_LABELS, speakerName } from '@/app/lib/vocabulary/people'
import type { MessageItem } from '@/domain/timeline/messages'
import { CopyLinkButton } from './copy-link-button'
import { MessageBody } from './message-body'
import { SENTIMENT_BADGE, sentimentOf } from './styles'
import { clockDateTime, clockTime } from './clock'
import { cn } from '@/app/lib/cn'

const BUBBLES = {
  consumer: 'border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-800',
  agent: 'border-blue-200 bg-blue-50 dark:border-blue-900 dark:bg-blue-950',
  bot: 'border-violet-200 bg-violet-50 dark:border-violet-900 dark:bg-violet-950',
  manager: 'border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950',
  system: 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900',
} as const

const PRIVATE_BUBBLE =
  'border-2 border-dashed border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950'

interface MessageRowProps {
  item: MessageItem
  zone: TimeZone
  re: RegExp | undefined
  /** Matches of the current find in this message. */
  matchCount: number
  /** Item-wide number of the current find match, when it is in this message. */
  activeMatch: number | undefined
  /** The `?msg=` target. */
  highlighted: boolean
  /** The first message of an agent stretch: say who owns it from here. */
  ownerLabel?: string | undefined
  messageLink: (messageId: string) => string
  /** While a review is edited: a checkbox selects the message (`range`: shift held). */
  select?: { checked: boolean; onToggle: (range: boolean) => void } | undefined
}

function signed(n: number): string {
  return n > 0 ? `+${String(n)}` : String(n)
}

/** One message: who, when, what, delivery, sentiment, intents; copy link and raw JSON. */
export function MessageRow({
  item,
  zone,
  re,
  matchCount,
  activeMatch,
  highlighted,
  ownerLabel,
  messageLink,
  select,
}: MessageRowProps) {
  const [showRaw, setShowRaw] = useState(false)
  const rawId = useId()
  const { speaker, message } = item
  const time = clockTime(item.time, zone)
  const left = speaker.side === 'left'
  const bubble = item.private ? PRIVATE_BUBBLE : BUBBLES[speaker.role]
  const sentiment = item.mcs !== undefined ? sentimentOf(item.mcs) : undefined
  return (
    <div className={left ? 'flex flex-col items-start' : 'flex flex-col items-end'}>
      {ownerLabel ? (
        <p className="mb-1 self-stretch text-xs font-medium text-slate-600 dark:text-slate-400">
          {ownerLabel}
        </p>
      ) : null}
      <div
        className={cn(
          'w-fit max-w-[85%] min-w-48 rounded-lg border px-3 py-2 text-sm text-slate-900 dark:text-slate-100',
          bubble,
          highlighted
            ? 'ring-2 ring-blue-600 ring-offset-2 ring-offset-white dark:ring-blue-400 dark:ring-offset-slate-950'
            : '',
          activeMatch !== undefined ? 'outline-2 outline-offset-2 outline-orange-500' : '',
        )}
      >
        <div className="mb-1 flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs">
          {select ? (
            <input
              type="checkbox"
              checked={select.checked}
              onChange={(event) =>
                select.onToggle(
                  event.nativeEvent instanceof MouseEvent && event.nativeEvent.shiftKey,
                )
              }
              aria-label={`Select the message from ${speakerName(speaker)} at ${time}`}
              title="Select as evidence (shift-click selects a range)"
              className="size-4 self-center accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            />
          ) : null}
          <span className="text-sm font-semibold">{speakerName(speaker)}</span>
          <span className="rounded bg-white/70 px-1.5 py-0.5 text-slate-700 dark:bg-slate-900/60 dark:text-slate-300">
            {ROLE_LABELS[speaker.role]}
          </span>
          {item.private ? (
            <span className="rounded bg-amber-200 px-1.5 py-0.5 font-semibold text-amber-950 dark:bg-amber-700 dark:text-amber-50">
              Agents and managers only
            </span>
          ) : null}
          <time
            dateTime={new Date(item.time).toISOString()}
            title={clockDateTime(item.time, zone)}
            className="text-slate-600 dark:text-slate-400"
          >
            {time}
          </time>
          {matchCount > 0 ? (
            <span className="rounded bg-yellow-200 px-1.5 py-0.5 text-yellow-950 dark:bg-yellow-700 dark:text-yellow-50">
              {matchCount === 1 ? '1 match' : `${String(matchCount)} matches`}
            </span>
          ) : null}
        </div>

        <MessageBody item={item} re={re} active={activeMatch} />

        {item.statuses.length || sentiment || item.intents.length ? (
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            {item.statuses.length ? (
              <span>
                {item.statuses
                  .map((s) => `${deliveryStatusLabel(s.status)} ${clockTime(s.time, zone)}`)
                  .join(' · ')}
              </span>
            ) : null}
            {sentiment && item.mcs !== undefined ? (
              <span
                className={cn('rounded border px-1.5 py-0.5', SENTIMENT_BADGE[sentiment])}
                title="Meaningful Connection Score (0–100) after this message"
              >
                MCS {item.mcs} · {sentiment}
                {item.mcsRaw !== undefined ? ` · message score ${signed(item.mcsRaw)}` : ''}
              </span>
            ) : null}
            {item.intents.map((intent, i) => (
              <span
                key={i}
                className="rounded border border-slate-300 px-1.5 py-0.5 dark:border-slate-600"
              >
                {intent.source === 'bot' ? 'Bot intent' : 'Intent'}: {intent.name}
                {intent.confidence ? ` · ${intent.confidence}` : ''}
                {intent.confidenceScore !== undefined
                  ? ` · ${String(Math.round(intent.confidenceScore * 100))}%`
                  : ''}
              </span>
            ))}
          </div>
        ) : null}

        <div className="mt-1 flex flex-wrap items-center gap-2">
          {message.messageId ? (
            <CopyLinkButton
              href={messageLink(message.messageId)}
              label={`Copy link to the message from ${speakerName(speaker)} at ${time}`}
            />
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={showRaw}
            aria-controls={showRaw ? rawId : undefined}
            onClick={() => setShowRaw((open) => !open)}
          >
            {showRaw ? 'Hide JSON' : 'Show JSON'}
          </Button>
        </div>
        {showRaw ? (
          <pre
            id={rawId}
            tabIndex={0}
            role="region"
            aria-label={`Raw JSON of the message from ${speakerName(speaker)} at ${time}`}
            className="mt-1 max-h-80 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100"
          >
            {JSON.stringify(message, null, 2)}
          </pre>
        ) : null}
      </div>
    </div>
  )
}
