import type { ScCarouselNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { CardStrip } from './card-strip'
import { ScNodeView } from './sc-node-view'

/** A carousel of 2–10 cards. */
export function ScCarousel({ node }: { node: ScCarouselNode }) {
  return (
    <CardStrip
      label="Carousel"
      gap={node.padding ?? 0}
      tooltip={node.tooltip}
      aria={scAriaProps(node.accessibility)}
      cards={node.children.map((child) => ({
        content: <ScNodeView node={child} nested={false} />,
      }))}
    />
  )
}
