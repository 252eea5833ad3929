import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { DateTime } from '@/app/components/date-time'
import { configQueries } from '@/app/lib/config-queries'
import { conversationQueries } from '@/app/lib/conversation-queries'
import { statusLabel } from '@/app/lib/vocabulary/labels'
import type { TimeZone } from '@/app/lib/time'

/**
 * The consumer's other conversations (the by-consumer search), loaded when the user opens the
 * disclosure, each a link to its own detail page.
 */
export function ConsumerConversations({
  consumerId,
  currentConversationId,
  zone,
}: {
  consumerId: string
  currentConversationId: string
  zone: TimeZone
}) {
  const [open, setOpen] = useState(false)
  const { data: config } = useSuspenseQuery(configQueries.app())
  const query = useQuery({
    ...conversationQueries.consumer(config.accountId, consumerId),
    enabled: open,
  })
  const others = (query.data?.records ?? [])
    .filter((record) => record.info.conversationId !== currentConversationId)
    .sort((a, b) => (b.info.startTimeL ?? 0) - (a.info.startTimeL ?? 0))

  return (
    <details
      className="mt-2 rounded-md border border-slate-200 dark:border-slate-700"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-800">
        Other conversations of this consumer
      </summary>
      <div className="px-3 pb-3 text-sm">
        {query.isPending && open ? (
          <p role="status" className="text-slate-600 dark:text-slate-400">
            Searching this consumer’s conversations…
          </p>
        ) : null}
        {query.isError ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            The consumer search failed: {query.error.message}{' '}
            <button
              type="button"
              onClick={() => void query.refetch()}
              className="font-medium underline focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              Retry
            </button>
          </p>
        ) : null}
        {query.isSuccess && others.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">
            No other conversations of this consumer.
          </p>
        ) : null}
        {others.length > 0 ? (
          <ul className="divide-y divide-slate-200 dark:divide-slate-700">
            {others.map((record) => (
              <li
                key={record.info.conversationId}
                className="flex flex-wrap items-baseline gap-x-3 py-1.5"
              >
                <Link
                  to="/conversations/$conversationId"
                  params={{ conversationId: record.info.conversationId }}
                  className="text-blue-700 underline dark:text-blue-400"
                >
                  {record.info.startTimeL !== undefined ? (
                    <DateTime ms={record.info.startTimeL} zone={zone} />
                  ) : (
                    record.info.conversationId
                  )}
                </Link>
                <span className="text-slate-600 dark:text-slate-400">
                  {statusLabel(record.info.status)}
                </span>
                {record.summary?.text ? (
                  <span className="min-w-0 flex-1 truncate text-slate-700 dark:text-slate-300">
                    {record.summary.text}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  )
}
