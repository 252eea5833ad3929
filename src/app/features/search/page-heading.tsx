import type { ReactNode } from 'react'
import { ConversationIdJump } from '@/app/features/search/conversation-id-jump'

const number = new Intl.NumberFormat('en')

/** "Conversations", the number of matches, the Conversation ID box, and page actions. */
export function PageHeading({
  count,
  actions,
}: {
  count: number | undefined
  actions?: ReactNode
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex items-baseline gap-3">
        <h1 id="conversations-heading" className="text-2xl font-semibold">
          Conversations
        </h1>
        <p aria-live="polite" className="text-slate-600 dark:text-slate-400">
          {count === undefined
            ? ''
            : `${number.format(count)} ${count === 1 ? 'match' : 'matches'}`}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        {actions}
        <ConversationIdJump />
      </div>
    </div>
  )
}
