import { useEffect } from 'react'

/** What the Review panel asks of the transcript beside it. */
export interface ReviewMarks {
  /** The leg under review (or being picked): its messages are marked. */
  leg: { agentId: string } | undefined
  /** A review is being edited: messages can be selected as evidence. */
  selectable: boolean
}

/** Tells the transcript (outside the panel) which leg to mark and whether messages can be selected. */
export function useTranscriptMarks(
  onMarksChange: (marks: ReviewMarks) => void,
  agentId: string | undefined,
  selectable: boolean,
  /** False while a component inside says instead (its effects run before this one's). */
  enabled = true,
) {
  useEffect(() => {
    if (!enabled) return
    onMarksChange({ leg: agentId === undefined ? undefined : { agentId }, selectable })
  }, [onMarksChange, agentId, selectable, enabled])
}
