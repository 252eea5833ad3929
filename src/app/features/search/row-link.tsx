import { Link } from '@tanstack/react-router'
import { DateTime } from '@/app/components/date-time'

/**
 * The row's link to the conversation: a real <a>, so middle-click and "open in new tab" work. Its
 * ::after covers the whole row, so a click anywhere on the row follows it. The accessible name is
 * the start time then the consumer ("2026-11-27 14:03:09, Ada Lovelace").
 */
export function RowLink({
  conversationId,
  startMs,
  consumer,
}: {
  conversationId: string
  startMs: number | undefined
  consumer: string
}) {
  return (
    <Link
      to="/conversations/$conversationId"
      params={{ conversationId }}
      data-row-link=""
      className="font-medium whitespace-nowrap text-blue-800 underline-offset-2 outline-none after:absolute after:inset-0 after:content-[''] hover:underline dark:text-blue-300"
    >
      {startMs === undefined ? 'Unknown start' : <DateTime ms={startMs} />}
      <span className="sr-only">, {consumer}</span>
    </Link>
  )
}
