import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import type { ScTabsNode } from '@/domain/schema/structured-content'
import { cn } from '@/app/lib/cn'
import { ScNodeView } from './sc-node-view'

const TAB =
  'shrink-0 cursor-pointer border-b-2 px-3 py-1.5 whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-[#0363ad]'
const TAB_ACTIVE = cn(
  TAB,
  'border-[#0363ad] font-semibold text-[#0363ad] dark:border-sky-300 dark:text-sky-300',
)
const TAB_IDLE = cn(
  TAB,
  'border-transparent text-slate-700 hover:bg-[#f0f0f0] dark:text-slate-200 dark:hover:bg-slate-800',
)

/**
 * Tabs: one tab per card, labelled with the card's `tag` as json-pollock does. A real
 * tablist (arrow keys, Home, End) with one panel shown at a time.
 */
export function ScTabs({ node }: { node: ScTabsNode }) {
  const [active, setActive] = useState(0)
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([])
  const baseId = useId()
  const count = node.children.length
  const style = node.style

  function select(i: number) {
    setActive(i)
    tabRefs.current[i]?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const moves: Record<string, number> = {
      ArrowRight: (active + 1) % count,
      ArrowLeft: (active - 1 + count) % count,
      Home: 0,
      End: count - 1,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    select(next)
  }

  function tabStyle(isActive: boolean): CSSProperties {
    if (!style) return {}
    const color = isActive ? (style['color-active'] ?? style.color) : style.color
    const background = isActive
      ? (style['background-color-active'] ?? style['background-color'])
      : style['background-color']
    const css: CSSProperties = {}
    if (color) {
      css.color = color
      if (isActive) css.borderBottomColor = color
    }
    if (background) css.backgroundColor = background
    return css
  }

  return (
    <div className="w-full max-w-[280px] border border-[#d4d4d5] bg-white dark:border-slate-600 dark:bg-slate-900">
      <div
        role="tablist"
        aria-label="Tabs"
        className="flex overflow-x-auto border-b border-[#d4d4d5] dark:border-slate-600"
      >
        {node.children.map((child, i) => {
          const isActive = i === active
          return (
            <button
              key={i}
              ref={(el) => {
                tabRefs.current[i] = el
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${String(i)}`}
              aria-selected={isActive}
              aria-controls={`${baseId}-panel-${String(i)}`}
              tabIndex={isActive ? 0 : -1}
              onClick={() => {
                setActive(i)
              }}
              onKeyDown={onKeyDown}
              className={isActive ? TAB_ACTIVE : TAB_IDLE}
              style={tabStyle(isActive)}
            >
              {(child.type !== 'unsupported' ? child.tag : undefined) || `Tab ${String(i + 1)}`}
            </button>
          )
        })}
      </div>
      {node.children.map((child, i) => (
        <div
          key={i}
          role="tabpanel"
          id={`${baseId}-panel-${String(i)}`}
          aria-labelledby={`${baseId}-tab-${String(i)}`}
          hidden={i !== active}
          tabIndex={0}
          className="p-1.5 focus-visible:outline-2 focus-visible:outline-[#0363ad]"
        >
          <ScNodeView node={child} nested={false} />
        </div>
      ))}
    </div>
  )
}
