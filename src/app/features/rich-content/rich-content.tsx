import { RichContentBoundary } from './rich-content-boundary'
import { rawJson } from './raw-json'
import { StructuredContentView } from './structured-content-view'

export interface RichContentProps {
  /** Parsed JSON (may be anything), or undefined when the message's JSON string was bad. */
  content: unknown
  /** The original JSON string, for the raw toggle. */
  raw?: string | undefined
  /** The consumer's next message text, to mark the chosen option. */
  chosenText?: string | undefined
}

/**
 * A LivePerson Structured Content message, rendered like json-pollock but inert and safe: what
 * the consumer saw, what each option would have done, and which option they chose. Content it
 * cannot render shows an "Unsupported rich content" notice with the raw JSON; it never throws.
 *
 * Import `LazyRichContent` from `lazy-rich-content.tsx` instead, so this stays its own chunk.
 */
export function RichContent({ content, raw, chosenText }: RichContentProps) {
  return (
    <RichContentBoundary raw={() => rawJson(raw, content)}>
      <StructuredContentView content={content} raw={raw} chosenText={chosenText} />
    </RichContentBoundary>
  )
}
