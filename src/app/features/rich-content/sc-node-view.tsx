import type { ScNode } from '@/domain/schema/structured-content'
import { FRAME } from './frames'
import { ScBasicElement } from './sc-basic-element'
import { ScAccordionSelect } from './sc-accordion-select'
import { ScCarousel } from './sc-carousel'
import { ScCarouselSelect } from './sc-carousel-select'
import { ScChecklist } from './sc-checklist'
import { ScHorizontal } from './sc-horizontal'
import { ScList } from './sc-list'
import { ScSection } from './sc-section'
import { ScStack } from './sc-stack'
import { ScTabs } from './sc-tabs'
import { ScVertical } from './sc-vertical'

interface ScNodeViewProps {
  node: ScNode
  /**
   * Inside a layout, which draws the lines between its children. Standing alone (the root, a
   * carousel card, a tab), a basic element gets json-pollock's bordered bubble and a layout
   * draws its own frame.
   */
  nested: boolean
}

/** Renders one Structured Content element by its type. */
export function ScNodeView({ node, nested }: ScNodeViewProps) {
  switch (node.type) {
    case 'vertical':
      return <ScVertical node={node} nested={nested} />
    case 'horizontal':
      return <ScHorizontal node={node} nested={nested} />
    case 'carousel':
      return <ScCarousel node={node} />
    case 'carouselSelect':
      return <ScCarouselSelect node={node} />
    case 'accordionSelect':
      return <ScAccordionSelect node={node} />
    case 'tabs':
      return <ScTabs node={node} />
    case 'list':
      return <ScList node={node} />
    case 'section':
      return <ScSection node={node} />
    case 'checklist':
      return <ScChecklist node={node} />
    case 'sectionList':
    case 'buttonList':
      return <ScStack node={node} />
    default:
      return nested ? (
        <ScBasicElement node={node} />
      ) : (
        <div className={FRAME.border}>
          <ScBasicElement node={node} />
        </div>
      )
  }
}
