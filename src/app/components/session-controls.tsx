import { useQuery } from '@tanstack/react-query'
import { useLocation } from '@tanstack/react-router'
import { ReviewLinks, SignedInNav } from '@/app/components/signed-in-nav'
import { Badge } from '@/app/components/ui/badge'
import { sessionQueries } from '@/app/lib/session-queries'

/**
 * The header's part about who is signed in: on a server without sign-in the review links and a
 * badge that says so, for a signed-in user their links and menu, on the sign-in page nothing. A
 * chunk of its own (the search page's first script has a budget, and results do not wait for
 * this).
 */
export function SessionControls() {
  const signingIn = useLocation({ select: (location) => location.pathname === '/sign-in' })
  const { data: session } = useQuery(sessionQueries.info())
  if (!session || signingIn) return null
  if (session.mode === 'local') {
    // The one user reviews as the local reviewer and manages the scorecards.
    return (
      <div className="flex items-center gap-3">
        <ReviewLinks scorecards />
        <Badge tone="outline" size="md">
          Local mode: no sign-in
        </Badge>
      </div>
    )
  }
  return session.user ? <SignedInNav user={session.user} /> : null
}
