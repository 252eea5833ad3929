import { useId } from 'react'
import { buttonChoiceTexts, type ScButtonNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { useIsChosen } from './choice-context'
import { ChosenBadge } from './chosen-badge'
import { cn } from '@/app/lib/cn'
import { readableInk } from './contrast-ink'
import { darkModeGuard, scBorderStyle, scStyle } from './sc-style'

const TEXT_BUTTON =
  'block min-h-8 w-full cursor-default bg-transparent p-2.5 text-center text-[#0363ad] dark:text-sky-300'
const PILL_BUTTON =
  'block min-h-8 w-full cursor-default rounded-[50px] border border-[#0363ad] bg-transparent px-3 py-1.5 text-center text-[#0363ad] dark:border-sky-400 dark:text-sky-300'
const CHOSEN = 'ring-2 ring-emerald-600 ring-inset dark:ring-emerald-400'

/**
 * A button as the consumer saw it (`class: "text"` is a plain blue label, `class: "button"` a
 * pill). In a history it does nothing: it is `aria-disabled`, and what it would have done is
 * described under it.
 *
 * On a background colour set by the content, title and subtitle share one ink: the content's
 * text colour, or else white or near-black, whichever contrasts more with that background (the
 * default blue and the grey subtitle are unreadable on a dark brand colour).
 */
export function ScButton({ node }: { node: ScButtonNode }) {
  const notesId = useId()
  const chosen = useIsChosen(buttonChoiceTexts(node))
  const { inner, outer } = scStyle(node.style)
  const aria = scAriaProps(node.accessibility)
  const actions = node.click?.actions ?? []
  const pill = node.class === 'button'
  const guard = darkModeGuard(node.style, 'link')
  const background = node.style?.['background-color']
  const ink = background ? (node.style?.color ?? readableInk(background)) : undefined
  const inkStyle = ink ? { color: ink } : undefined
  const name = aria['aria-label'] ?? (node.subtitle ? `${node.title} ${node.subtitle}` : node.title)
  const hasNotes = actions.some((a) => a.type !== 'checked')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      style={pill ? undefined : outer}
      className={cn('w-full', !pill && guard.surface)}
    >
      <div className={pill ? 'px-2.5 py-1.5' : undefined}>
        <button
          type="button"
          {...aria}
          aria-disabled="true"
          aria-label={chosen ? `${name}, chosen` : aria['aria-label']}
          aria-describedby={hasNotes ? notesId : undefined}
          title={node.tooltip}
          className={cn(
            pill ? PILL_BUTTON : TEXT_BUTTON,
            pill && guard.surface,
            !ink && guard.ink,
            chosen && CHOSEN,
          )}
          style={
            pill
              ? { ...outer, ...scBorderStyle(node.style), ...inner, ...inkStyle }
              : { ...inner, ...inkStyle }
          }
        >
          <span className="break-words">{node.title}</span>
          {node.subtitle ? ' ' : null}
          {node.subtitle ? (
            <span
              style={inkStyle}
              className={cn(
                'block text-[11px] break-words',
                !ink && 'text-slate-600 dark:text-slate-300',
              )}
            >
              {node.subtitle}
            </span>
          ) : null}
          {chosen ? <ChosenBadge /> : null}
        </button>
      </div>
      <ActionNotes actions={actions} id={notesId} />
    </div>
  )
}
