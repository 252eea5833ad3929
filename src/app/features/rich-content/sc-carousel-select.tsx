import { use } from 'react'
import {
  cardChoiceTexts,
  matchesChoice,
  type ScCarouselSelectNode,
} from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { CardStrip } from './card-strip'
import { ChoiceContext } from './choice-context'
import { ScNodeView } from './sc-node-view'

/** A carousel whose cards the consumer selects (one or several); the chosen card is marked. */
export function ScCarouselSelect({ node }: { node: ScCarouselSelectNode }) {
  const chosenText = use(ChoiceContext)
  const multiple = node.selectMode?.type === 'multiple'
  return (
    <CardStrip
      label={multiple ? 'Carousel, select one or more' : 'Carousel, select one'}
      gap={node.padding ?? 0}
      tooltip={node.tooltip}
      aria={scAriaProps(node.accessibility)}
      intro={
        <p className="text-[11px] text-slate-600 dark:text-slate-300">
          {multiple ? 'Select one or more cards' : 'Select one card'}
        </p>
      }
      cards={node.children.map((child) => ({
        content: <ScNodeView node={child} nested={false} />,
        chosen: matchesChoice(cardChoiceTexts(child), chosenText),
      }))}
    />
  )
}
