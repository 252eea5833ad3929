import { useId } from 'react'
import { buttonChoiceTexts, type ScButtonNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { ReplyChip } from './reply-chip'

/** One quick reply: the pill, and a note when it would send something other than its title. */
export function QuickReply({ node }: { node: ScButtonNode }) {
  const notesId = useId()
  // A publishText equal to the title says nothing new; anything else is worth a note.
  const notes = (node.click?.actions ?? []).filter(
    (a) =>
      !(a.type === 'publishText' && a.text.trim() === node.title.trim()) && a.type !== 'checked',
  )
  return (
    <div dir={node.rtl ? 'rtl' : undefined}>
      <ReplyChip
        title={node.title}
        candidates={buttonChoiceTexts(node)}
        tooltip={node.tooltip}
        style={node.style}
        aria={scAriaProps(node.accessibility)}
        describedBy={notes.length > 0 ? notesId : undefined}
        truncate
      />
      <ActionNotes actions={notes} id={notesId} />
    </div>
  )
}
