import { Fragment } from 'react'
import type { ScKeyValuePairListNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { scStyle } from './sc-style'

/** `keyValuePairList`: keys and values as a description list. */
export function ScKeyValueList({ node }: { node: ScKeyValuePairListNode }) {
  const { inner, outer } = scStyle(node.style)
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      style={outer}
      className="px-2.5 py-[5px]"
      {...scAriaProps(node.accessibility, { generic: true })}
    >
      <dl style={inner} className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {node.elements.map((pair, i) => (
          <Fragment key={i}>
            <dt className="font-semibold break-words">{pair.key}</dt>
            <dd className="break-words">{pair.value ?? ''}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  )
}
