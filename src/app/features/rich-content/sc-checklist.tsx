import type { ScChecklistNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ScNodeView } from './sc-node-view'

/** A group of checkboxes. */
export function ScChecklist({ node }: { node: ScChecklistNode }) {
  return (
    <div
      role="group"
      title={node.tooltip}
      style={node.padding ? { margin: `${String(node.padding / 2)}px 0` } : undefined}
      {...scAriaProps(node.accessibility)}
    >
      {node.children.map((child, i) => (
        <ScNodeView key={i} node={child} nested />
      ))}
    </div>
  )
}
