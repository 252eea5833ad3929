import { parseQuickReplies, quickReplyRows } from '@/domain/schema/structured-content'
import { ChoiceContext } from './choice-context'
import { QuickReply } from './quick-reply'
import { rawJson } from './raw-json'
import { UnsupportedElement } from './unsupported-element'
import { UnsupportedNotice } from './unsupported-notice'

interface Props {
  content: unknown
  raw?: string | undefined
  chosenText?: string | undefined
}

/** Quick replies in rows of `itemsPerRow`, at most three rows (the rest joins the last one). */
export function QuickRepliesView({ content, raw, chosenText }: Props) {
  const parsed = parseQuickReplies(content)
  if (!parsed) {
    return (
      <UnsupportedNotice
        issues={[{ path: '', message: 'the content is not a quick-replies object' }]}
        raw={rawJson(raw, content)}
      />
    )
  }
  const rows = quickReplyRows(parsed.replies, parsed.itemsPerRow)
  return (
    <ChoiceContext value={chosenText}>
      <div role="group" aria-label="Quick replies" className="flex flex-col gap-1.5 text-[13px]">
        {rows.map((row, r) => (
          <ul
            key={r}
            aria-label={`Quick replies, row ${String(r + 1)}`}
            className="flex flex-wrap items-start gap-1.5"
          >
            {row.map((reply, i) => (
              <li key={i} className="max-w-full">
                {reply.type === 'button' ? (
                  <QuickReply node={reply} />
                ) : (
                  <UnsupportedElement node={reply} />
                )}
              </li>
            ))}
          </ul>
        ))}
      </div>
      {parsed.issues.length > 0 ? (
        <UnsupportedNotice issues={parsed.issues} raw={rawJson(raw, content)} />
      ) : null}
    </ChoiceContext>
  )
}
