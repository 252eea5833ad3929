import { useId } from 'react'
import { checkboxChoiceTexts, type ScCheckboxNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { useIsChecked } from './choice-context'
import { ChosenBadge } from './chosen-badge'
import { cn } from '@/app/lib/cn'
import { darkModeGuard, scStyle } from './sc-style'
import { TextLines } from './text-lines'

/**
 * A checklist option. It is checked here when the consumer's submitted text (the checked options,
 * comma-separated) contains its text.
 */
export function ScCheckbox({ node }: { node: ScCheckboxNode }) {
  const id = useId()
  const checked = useIsChecked(checkboxChoiceTexts(node))
  const { inner, outer } = scStyle(node.style)
  const guard = darkModeGuard(node.style, 'text')
  return (
    <div>
      {node.borderLine === false ? null : (
        <div
          aria-hidden="true"
          className="mx-[5%] border-t border-[#d4d4d5] dark:border-slate-600"
          style={node.borderColor ? { borderColor: node.borderColor } : undefined}
        />
      )}
      <div
        dir={node.rtl ? 'rtl' : undefined}
        style={outer}
        className={cn('flex items-start gap-1.5 px-3 py-[3px]', guard.surface, guard.ink)}
      >
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled
          readOnly
          className="mt-0.5 size-[13px] shrink-0 accent-[#0363ad]"
        />
        <label
          htmlFor={id}
          title={node.tooltip}
          style={inner}
          className="break-words"
          {...scAriaProps(node.accessibility, { generic: true })}
        >
          <TextLines text={node.text} />
          {checked ? <ChosenBadge /> : null}
        </label>
      </div>
    </div>
  )
}
