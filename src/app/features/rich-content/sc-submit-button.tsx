import type { ScSubmitButtonNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { scStyle } from './sc-style'

const SUBMIT =
  'block min-h-8 w-full cursor-default border border-[#d4d4d5] bg-[#0363ad] px-2 text-center text-white dark:border-sky-700'
const SUBMIT_DISABLED =
  'block min-h-8 w-full cursor-default border border-[#d4d4d5] bg-slate-200 px-2 text-center text-slate-600 dark:bg-slate-700 dark:text-slate-300'

/** The checklist's submit button, inert. */
export function ScSubmitButton({ node }: { node: ScSubmitButtonNode }) {
  const { inner, outer } = scStyle(node.style)
  return (
    <div dir={node.rtl ? 'rtl' : undefined} style={outer} className="my-2">
      <button
        type="button"
        {...scAriaProps(node.accessibility)}
        aria-disabled="true"
        title={node.tooltip}
        className={node.disabled ? SUBMIT_DISABLED : SUBMIT}
        style={inner}
      >
        {node.title}
      </button>
      <ActionNotes actions={node.click?.actions ?? []} />
    </div>
  )
}
