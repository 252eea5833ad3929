import type { ScUnsupportedNode } from '@/domain/schema/structured-content'

/** An element that could not be rendered, in place, so its siblings still make sense. */
export function UnsupportedElement({ node }: { node: ScUnsupportedNode }) {
  return (
    <div
      title={node.reason}
      className="m-1 border border-dashed border-amber-500 bg-amber-50 px-2 py-1 text-[11px] text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      Unsupported element
      {node.originalType ? (
        <>
          {' '}
          <code className="break-all">{node.originalType.slice(0, 64)}</code>
        </>
      ) : null}
    </div>
  )
}
