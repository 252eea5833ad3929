import { createRoute, Link } from '@tanstack/react-router'
import { rootRoute } from '@/app/routes/root'

export const conversationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/conversations/$conversationId',
  component: ConversationPage,
})

function ConversationPage() {
  const { conversationId } = conversationRoute.useParams()
  return (
    <section aria-labelledby="conversation-heading">
      <Link to="/conversations" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
        ← Back to conversations
      </Link>
      <h1 id="conversation-heading" className="mt-2 text-2xl font-semibold">
        Conversation <span className="font-mono text-lg">{conversationId}</span>
      </h1>
    </section>
  )
}
