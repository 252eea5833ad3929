import type { ScListNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ScNodeView } from './sc-node-view'

/**
 * The multiple checklist (`list`): a title text, a `sectionList` of checkboxes and a `buttonList`
 * with the submit button. Its top-level texts are larger (17px), as in json-pollock.
 */
export function ScList({ node }: { node: ScListNode }) {
  const title = node.children.find((child) => child.type === 'text')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      role="group"
      aria-label={title?.type === 'text' ? title.text.slice(0, 200) : 'Checklist'}
      className="w-full max-w-[280px] border border-[#d4d4d5] bg-white pb-1 dark:border-slate-600 dark:bg-slate-900"
      {...scAriaProps(node.accessibility)}
    >
      {node.children.map((child, i) => (
        <div key={i} className={child.type === 'text' ? 'pt-2 text-[17px]' : undefined}>
          <ScNodeView node={child} nested />
        </div>
      ))}
    </div>
  )
}
