import { Button } from '@/app/components/ui/button'
import { errorMessage } from '@/app/lib/error-message'
import { HttpError } from '@/app/lib/http'

/**
 * An admin page that could not be read: for a 403 (signed in, not an admin) who may use it, for
 * anything else the server's message and a Retry.
 */
export function AdminPageError({
  title,
  forbidden,
  error,
  onRetry,
}: {
  /** The page's heading. */
  title: string
  /** What a 403 means on this page ("Only admins can …"). */
  forbidden: string
  error: unknown
  onRetry: () => void
}) {
  const isForbidden = error instanceof HttpError && error.status === 403
  return (
    <section aria-labelledby="admin-error-heading" className="py-12">
      <h1 id="admin-error-heading" className="text-2xl font-semibold">
        {title}
      </h1>
      <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
        {isForbidden ? forbidden : `The page could not be loaded: ${errorMessage(error)}`}
      </p>
      {isForbidden ? null : (
        <Button variant="primary" className="mt-4" onClick={onRetry}>
          Retry
        </Button>
      )}
    </section>
  )
}
