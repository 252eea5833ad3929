import { Link } from '@tanstack/react-router'
import { z } from 'zod'
import { useInteractiveMark } from '@/app/lib/interactive-mark'

const notFoundDataSchema = z.object({ conversationId: z.string() })

/** The by-ID search found nothing: say which ID, and lead back to the search. */
export function ConversationNotFound({ data }: { data?: unknown }) {
  useInteractiveMark()
  const parsed = notFoundDataSchema.safeParse(data)
  return (
    <section aria-labelledby="conversation-not-found-heading" className="py-12">
      <h1 id="conversation-not-found-heading" className="text-2xl font-semibold">
        Conversation not found
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {parsed.success ? (
          <>
            No conversation has the ID{' '}
            <code className="rounded bg-slate-100 px-1 font-mono text-sm break-all dark:bg-slate-800">
              {parsed.data.conversationId}
            </code>
            .
          </>
        ) : (
          'No conversation has this ID.'
        )}{' '}
        It may be older than the 13 months LivePerson keeps, or not in this archive.
      </p>
      <p className="mt-4">
        <Link to="/conversations" className="text-blue-700 underline dark:text-blue-400">
          Back to the conversation search
        </Link>
      </p>
    </section>
  )
}
