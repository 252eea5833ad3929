import type { ScTextNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { cn } from '@/app/lib/cn'
import { darkModeGuard, scStyle } from './sc-style'
import { TextLines } from './text-lines'

export function ScText({ node }: { node: ScTextNode }) {
  const { inner, outer } = scStyle(node.style)
  const guard = darkModeGuard(node.style, 'text')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      style={outer}
      className={cn('px-2.5 py-[5px] break-words whitespace-normal', guard.surface, guard.ink)}
    >
      <span
        title={node.tooltip}
        style={inner}
        {...scAriaProps(node.accessibility, { generic: true })}
      >
        <TextLines text={node.text} />
      </span>
      <ActionNotes actions={node.click?.actions ?? []} />
    </div>
  )
}
