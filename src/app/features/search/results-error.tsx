import { Button } from '@/app/components/ui/button'

/** The search failed: the server's message, and Retry unless the search itself was refused. */
export function ResultsError({
  title,
  message,
  onRetry,
}: {
  title: string
  message: string
  onRetry?: (() => void) | undefined
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{message}</p>
      {onRetry ? (
        <Button className="mt-3" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  )
}
