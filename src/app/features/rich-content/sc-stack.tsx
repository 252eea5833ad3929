import type { ScButtonListNode, ScSectionListNode } from '@/domain/schema/structured-content'
import { ScNodeView } from './sc-node-view'

const STACK = {
  sectionList: 'py-1',
  buttonList: 'mx-[20%] mt-3 mb-2',
} as const

/** `sectionList` and `buttonList`: their children, stacked. */
export function ScStack({ node }: { node: ScSectionListNode | ScButtonListNode }) {
  return (
    <div dir={node.rtl ? 'rtl' : undefined} title={node.tooltip} className={STACK[node.type]}>
      {node.children.map((child, i) => (
        <ScNodeView key={i} node={child} nested />
      ))}
    </div>
  )
}
