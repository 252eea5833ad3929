import { Link } from '@tanstack/react-router'
import { Button } from '@/app/components/ui/button'
import { formatDateTime, formatTime, type TimeZone } from '@/app/lib/time'
import type { Evidence } from '@/domain/schema/reviews'

/** Evidence as quotes of the messages, each a link (`?msg=`) that scrolls the transcript to it. */
export function EvidenceList({
  evidence,
  conversationId,
  zone,
  label,
  onRemove,
}: {
  evidence: readonly Evidence[]
  conversationId: string
  zone: TimeZone
  /** Names the list for screen readers ("Evidence for Greeting"). */
  label: string
  /** While editing: each piece can be removed. */
  onRemove?: ((evidenceId: string) => void) | undefined
}) {
  if (evidence.length === 0) return null
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {evidence.map((piece) => (
        <li
          key={piece.id}
          className="rounded-md border border-slate-200 bg-slate-50 p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {piece.comment ? (
            <p className="mb-1 whitespace-pre-line text-slate-900 dark:text-slate-100">
              {piece.comment}
            </p>
          ) : null}
          <ul className="flex flex-col gap-1.5">
            {piece.quotes.map((quote) => (
              <li key={quote.messageId}>
                <figure>
                  <blockquote className="line-clamp-4 border-l-2 border-slate-400 pl-2 break-words whitespace-pre-line text-slate-800 dark:border-slate-500 dark:text-slate-200">
                    {quote.text || '(no text)'}
                  </blockquote>
                  <figcaption className="mt-0.5 flex flex-wrap items-baseline gap-x-2 pl-2.5 text-xs text-slate-600 dark:text-slate-400">
                    <span>
                      {quote.by || 'Unknown'}
                      {quote.time !== undefined ? (
                        <>
                          {' · '}
                          <time
                            dateTime={new Date(quote.time).toISOString()}
                            title={formatDateTime(quote.time, zone)}
                          >
                            {formatTime(quote.time, zone)}
                          </time>
                        </>
                      ) : null}
                    </span>
                    <Link
                      from="/conversations/$conversationId"
                      to="/conversations/$conversationId"
                      params={{ conversationId }}
                      search={(prev) => ({ ...prev, msg: quote.messageId })}
                      resetScroll={false}
                      aria-label={`Show in transcript: the message from ${quote.by || 'unknown'}`}
                      className="text-blue-800 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300"
                    >
                      Show in transcript
                    </Link>
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
          {onRemove ? (
            <Button size="sm" variant="ghost" className="mt-1" onClick={() => onRemove(piece.id)}>
              Remove evidence
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
