import { use, useId, useState } from 'react'
import {
  cardChoiceTexts,
  matchesChoice,
  type ScAccordionSelectNode,
} from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ChoiceContext } from './choice-context'
import { ChosenBadge } from './chosen-badge'
import { ScNodeView } from './sc-node-view'

/**
 * An accordion of selectable cards: each title expands its card. Folded at first, as in
 * json-pollock, except a card the consumer chose, which starts open.
 */
export function ScAccordionSelect({ node }: { node: ScAccordionSelectNode }) {
  const chosenText = use(ChoiceContext)
  const baseId = useId()
  const chosen = node.children.map((child) => matchesChoice(cardChoiceTexts(child), chosenText))
  const [open, setOpen] = useState<ReadonlySet<number>>(
    () => new Set(chosen.flatMap((isChosen, i) => (isChosen ? [i] : []))),
  )

  function toggle(i: number) {
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      return next
    })
  }

  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      className="w-full max-w-[280px] border border-[#d4d4d5] bg-white dark:border-slate-600 dark:bg-slate-900"
      {...scAriaProps(node.accessibility, { generic: true })}
    >
      <p className="px-2.5 pt-1.5 text-[11px] text-slate-600 dark:text-slate-300">
        {node.selectMode?.type === 'multiple' ? 'Select one or more' : 'Select one'}
      </p>
      {node.children.map((child, i) => {
        const title = node.titles[i]
        const name = title?.name || `Option ${String(i + 1)}`
        const isOpen = open.has(i)
        const isChosen = chosen[i] === true
        const headerId = `${baseId}-header-${String(i)}`
        const panelId = `${baseId}-panel-${String(i)}`
        return (
          <div
            key={i}
            className="border-t border-[#d4d4d5] first-of-type:border-t-0 dark:border-slate-600"
          >
            <button
              type="button"
              id={headerId}
              aria-expanded={isOpen}
              aria-controls={panelId}
              aria-label={
                isChosen
                  ? `${name}${title?.additional ? `, ${title.additional}` : ''}, chosen`
                  : undefined
              }
              onClick={() => {
                toggle(i)
              }}
              className="flex w-full items-center gap-2 px-2.5 py-2 text-start hover:bg-[#f0f0f0] focus-visible:outline-2 focus-visible:outline-[#0363ad] dark:hover:bg-slate-800"
            >
              <span className="min-w-0 flex-1">
                <span className="block font-semibold break-words">{name}</span>
                {title?.additional ? (
                  <span className="block text-[11px] break-words text-slate-600 dark:text-slate-300">
                    {title.additional}
                  </span>
                ) : null}
              </span>
              {isChosen ? <ChosenBadge /> : null}
              <svg
                aria-hidden="true"
                viewBox="0 0 9 14"
                className={isOpen ? 'size-3 rotate-90 fill-current' : 'size-3 fill-current'}
              >
                <path d="M0 0 L2 0 L9 7 L2 14 L0 14 L0 13 L6 7 L0 1" />
              </svg>
            </button>
            <div
              id={panelId}
              role="region"
              aria-labelledby={headerId}
              hidden={!isOpen}
              className="px-2.5 pb-2"
            >
              <ScNodeView node={child} nested={false} />
            </div>
          </div>
        )
      })}
    </div>
  )
}
