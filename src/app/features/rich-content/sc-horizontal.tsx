import type { ScHorizontalNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { cn } from '@/app/lib/cn'
import { FRAME, SEPARATOR_START } from './frames'
import { horizontalWidths } from './layout-widths'
import { ScNodeView } from './sc-node-view'

/**
 * A horizontal layout: children side by side, widths from `percentages` (the rest shared
 * equally), a line between them unless `borderLine` is false.
 */
export function ScHorizontal({ node, nested }: { node: ScHorizontalNode; nested: boolean }) {
  const widths = horizontalWidths(node.children.length, node.percentages)
  const lines = node.borderLine !== false
  const frame = node.border ?? (lines ? 'border' : 'borderLess')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      className={cn('flex', nested ? 'w-full' : FRAME[frame])}
      {...scAriaProps(node.accessibility, { generic: true })}
    >
      {node.children.map((child, i) => (
        <div
          key={i}
          style={{ width: `${String(widths[i] ?? 0)}%` }}
          className={cn('flex min-w-0 flex-col justify-center', lines && i > 0 && SEPARATOR_START)}
        >
          <ScNodeView node={child} nested />
        </div>
      ))}
    </div>
  )
}
