import { Link } from '@tanstack/react-router'
import { UserMenu } from '@/app/components/user-menu'
import type { User } from '@/domain/schema/auth'

const LINK_CLASSES =
  'rounded px-1 text-slate-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:focus-visible:outline-blue-400'

/**
 * Reviews for everyone who reads (an agent sees the reviews of their own legs), and Scorecards
 * for whoever manages them: an admin, or the one user of a server without sign-in.
 */
export function ReviewLinks({ scorecards }: { scorecards: boolean }) {
  return (
    <nav aria-label="Quality" className="flex items-center gap-3">
      <Link to="/reviews" className={LINK_CLASSES} activeProps={{ className: 'font-semibold' }}>
        Reviews
      </Link>
      {scorecards ? (
        <Link
          to="/scorecards"
          className={LINK_CLASSES}
          activeProps={{ className: 'font-semibold' }}
        >
          Scorecards
        </Link>
      ) : null}
    </nav>
  )
}

/**
 * The header's part for a signed-in user (loaded on its own, after the search page's script):
 * Reviews (and Scorecards for an admin), Users and Audit for an admin, and the user menu.
 */
export function SignedInNav({ user }: { user: User }) {
  const admin = user.role === 'admin'
  return (
    <div className="flex items-center gap-3">
      <ReviewLinks scorecards={admin} />
      {admin ? (
        <nav aria-label="Administration" className="flex items-center gap-3">
          <Link to="/users" className={LINK_CLASSES} activeProps={{ className: 'font-semibold' }}>
            Users
          </Link>
          <Link to="/audit" className={LINK_CLASSES} activeProps={{ className: 'font-semibold' }}>
            Audit
          </Link>
        </nav>
      ) : null}
      <UserMenu user={user} />
    </div>
  )
}
