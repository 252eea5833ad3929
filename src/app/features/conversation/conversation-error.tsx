import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import type { ErrorComponentProps } from '@tanstack/react-router'
import { Link, useRouter } from '@tanstack/react-router'
import { Button } from '@/app/components/ui/button'
import { HttpError } from '@/app/lib/http'

function describeError(error: unknown): string {
  if (error instanceof HttpError)
    return `The server answered ${String(error.status)}: ${error.message}`
  if (error instanceof TypeError) return `The server could not be reached (${error.message}).`
  if (error instanceof Error) return error.message
  return 'Something went wrong.'
}

/** A server or network error while loading the conversation: the message and a Retry. */
export function ConversationError({ error, reset }: ErrorComponentProps) {
  const router = useRouter()
  const queryReset = useQueryErrorResetBoundary()
  return (
    <section aria-labelledby="conversation-error-heading" className="py-12">
      <h1 id="conversation-error-heading" className="text-2xl font-semibold">
        The conversation could not be loaded
      </h1>
      <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
        {describeError(error)}
      </p>
      <div className="mt-4 flex items-center gap-4">
        <Button
          variant="primary"
          onClick={() => {
            queryReset.reset()
            reset()
            void router.invalidate()
          }}
        >
          Retry
        </Button>
        <Link to="/conversations" className="text-blue-700 underline dark:text-blue-400">
          Back to the conversation search
        </Link>
      </div>
    </section>
  )
}
