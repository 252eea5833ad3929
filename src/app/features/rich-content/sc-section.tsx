import type { ScSectionNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ScNodeView } from './sc-node-view'

/** A checklist section: an optional heading text and its checklist, as a named group. */
export function ScSection({ node }: { node: ScSectionNode }) {
  const heading = node.children.find((child) => child.type === 'text')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      role="group"
      aria-label={heading?.type === 'text' ? heading.text.slice(0, 200) : node.sectionID}
      className="mb-1"
      style={node.padding ? { margin: `${String(node.padding / 2)}px 0` } : undefined}
      {...scAriaProps(node.accessibility)}
    >
      {node.children.map((child, i) => (
        <div key={i} className={child.type === 'text' ? 'font-semibold' : undefined}>
          <ScNodeView node={child} nested />
        </div>
      ))}
    </div>
  )
}
