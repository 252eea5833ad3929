import type { ScVerticalNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { FRAME, SEPARATOR_TOP } from './frames'
import { ScNodeView } from './sc-node-view'

/** json-pollock's fixed heights for `scroll: "enable"`, by `style.size`. */
const SCROLL_HEIGHT = { small: 100, medium: 300, large: 500 } as const

/**
 * A vertical layout: children stacked with a line between them (none between two texts), framed
 * per `border` when it stands alone; `scroll: "enable"` gives it a fixed, scrollable height.
 */
export function ScVertical({ node, nested }: { node: ScVerticalNode; nested: boolean }) {
  const scroll = node.scroll === 'enable'
  const aria = scAriaProps(node.accessibility, { generic: !scroll })
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      className={nested ? 'w-full' : FRAME[node.border ?? 'border']}
      {...aria}
      {...(scroll
        ? {
            role: aria.role ?? 'group',
            'aria-label': aria['aria-label'] ?? 'Scrollable content',
            tabIndex: aria.tabIndex ?? 0,
            style: { height: SCROLL_HEIGHT[node.style?.size ?? 'small'], overflowY: 'auto' },
          }
        : {})}
    >
      {node.children.map((child, i) => {
        const previous = node.children[i - 1]
        const line = previous !== undefined && !(previous.type === 'text' && child.type === 'text')
        return (
          <div key={i} className={line ? SEPARATOR_TOP : undefined}>
            <ScNodeView node={child} nested />
          </div>
        )
      })}
    </div>
  )
}
