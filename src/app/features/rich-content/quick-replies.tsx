import { QuickRepliesView } from './quick-replies-view'
import { rawJson } from './raw-json'
import type { RichContentProps } from './rich-content'
import { RichContentBoundary } from './rich-content-boundary'

export type QuickRepliesProps = RichContentProps

/**
 * The quick replies riding on a message (`messageData.quickReplies`), with the consumer's choice
 * marked. Import `LazyQuickReplies` from `lazy-rich-content.tsx` instead.
 */
export function QuickReplies({ content, raw, chosenText }: QuickRepliesProps) {
  return (
    <RichContentBoundary raw={() => rawJson(raw, content)}>
      <QuickRepliesView content={content} raw={raw} chosenText={chosenText} />
    </RichContentBoundary>
  )
}
