import { parseQuickReplies, parseStructuredContent } from '@/domain/schema/structured-content'
import { ChoiceContext } from './choice-context'
import { QuickRepliesView } from './quick-replies-view'
import { rawJson } from './raw-json'
import { ScNodeView } from './sc-node-view'
import { UnsupportedNotice } from './unsupported-notice'

interface Props {
  content: unknown
  raw?: string | undefined
  chosenText?: string | undefined
}

/** Parses and renders Structured Content (inside the error boundary, so parsing is covered too). */
export function StructuredContentView({ content, raw, chosenText }: Props) {
  // Quick replies handed to the wrong renderer are still shown as quick replies.
  if (parseQuickReplies(content)) {
    return <QuickRepliesView content={content} raw={raw} chosenText={chosenText} />
  }
  const parsed = parseStructuredContent(content)
  return (
    <ChoiceContext value={chosenText}>
      <div className="text-[13px] leading-snug text-black dark:text-slate-100">
        {parsed.root ? <ScNodeView node={parsed.root} nested={false} /> : null}
        {parsed.issues.length > 0 ? (
          <UnsupportedNotice issues={parsed.issues} raw={rawJson(raw, content)} />
        ) : null}
      </div>
    </ChoiceContext>
  )
}
