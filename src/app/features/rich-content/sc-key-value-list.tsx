import { Fragment } from 'react'
import type { ScKeyValuePairListNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { cx } from './class-names'
import { darkModeGuard, scStyle } from './sc-style'

/** `keyValuePairList`: keys and values as a description list. */
export function ScKeyValueList({ node }: { node: ScKeyValuePairListNode }) {
  const { inner, outer } = scStyle(node.style)
  const guard = darkModeGuard(node.style, 'text')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      style={outer}
      className={cx('px-2.5 py-[5px]', guard.surface, guard.ink)}
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
