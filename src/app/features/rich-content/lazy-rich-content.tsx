import { lazy, Suspense } from 'react'
import type { QuickRepliesProps } from './quick-replies'
import type { RichContentProps } from './rich-content'

// The renderer is its own chunk: only this file may be imported eagerly (type imports are erased).
const RichContentChunk = lazy(() =>
  import('./rich-content').then((m) => ({ default: m.RichContent })),
)
const QuickRepliesChunk = lazy(() =>
  import('./quick-replies').then((m) => ({ default: m.QuickReplies })),
)

function Loading() {
  return (
    <span className="inline-block text-xs text-slate-600 dark:text-slate-400">
      Loading rich content…
    </span>
  )
}

/** `RichContent`, loaded on first use. */
export function LazyRichContent(props: RichContentProps) {
  return (
    <Suspense fallback={<Loading />}>
      <RichContentChunk {...props} />
    </Suspense>
  )
}

/** `QuickReplies`, loaded on first use. */
export function LazyQuickReplies(props: QuickRepliesProps) {
  return (
    <Suspense fallback={<Loading />}>
      <QuickRepliesChunk {...props} />
    </Suspense>
  )
}
