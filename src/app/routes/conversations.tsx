import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '@/app/routes/root'

export const conversationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/conversations',
  component: ConversationsPage,
})

function ConversationsPage() {
  return (
    <section aria-labelledby="conversations-heading">
      <h1 id="conversations-heading" className="text-2xl font-semibold">
        Conversations
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The conversation search comes here.</p>
    </section>
  )
}
