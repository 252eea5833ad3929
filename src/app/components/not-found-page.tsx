import { Link } from '@tanstack/react-router'
import { useInteractiveMark } from '@/app/lib/interactive-mark'

export function NotFoundPage() {
  useInteractiveMark()
  return (
    <section aria-labelledby="not-found-heading" className="py-12">
      <h1 id="not-found-heading" className="text-2xl font-semibold">
        Page not found
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Nothing lives at this address.{' '}
        <Link to="/conversations" className="text-blue-700 underline dark:text-blue-400">
          Go to the conversation search
        </Link>
        .
      </p>
    </section>
  )
}
