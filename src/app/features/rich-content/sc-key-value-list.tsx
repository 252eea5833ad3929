import { Fragment } from 'react'
import type { ScKeyValuePairListNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { cn } from '@/app/lib/cn'
import { darkModeGuard, scStyle } from './sc-style'

/**
 * `keyValuePairList`: keys and values as a description list. A long unbroken key or value (a
 * 40-character tracking number, a URL) wraps anywhere instead of pushing the card wider: the
 * columns may shrink below their longest word (keys take at most 40%), and
 * `overflow-wrap: anywhere` breaks it.
 */
export function ScKeyValueList({ node }: { node: ScKeyValuePairListNode }) {
  const { inner, outer } = scStyle(node.style)
  const guard = darkModeGuard(node.style, 'text')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      style={outer}
      className={cn('px-2.5 py-[5px]', guard.surface, guard.ink)}
      {...scAriaProps(node.accessibility, { generic: true })}
    >
      <dl
        style={inner}
        className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)] gap-x-2 gap-y-0.5"
      >
        {node.elements.map((pair, i) => (
          <Fragment key={i}>
            <dt className="min-w-0 font-semibold [overflow-wrap:anywhere]">{pair.key}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">{pair.value ?? ''}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  )
}
