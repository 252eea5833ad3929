import { LazyQuickReplies, LazyRichContent } from '@/app/features/rich-content/lazy-rich-content'
import type { MessageItem, TextPartSource } from '@/domain/timeline/messages'
import { ExpandableText, MESSAGE_PREVIEW_CHARS } from './expandable-text'
import { FileCard } from './file-card'
import type { FindHighlight } from './find-context'
import { countMatches } from './find-matches'
import { FormCard } from './form-card'
import { HtmlMessage } from './html-message'
import { LinkCard } from './link-card'

interface MessageBodyProps {
  item: MessageItem
  re: RegExp | undefined
  /** The item-wide number of the current find match, when it is in this message. */
  active: number | undefined
}

/** What the message said, part by part, in the order of its searchable text. */
export function MessageBody({ item, re, active }: MessageBodyProps) {
  const data = item.message.messageData
  // Where each part's matches start, counted in the same order as item.textParts.
  const offsets = new Map<TextPartSource, number>()
  const counts = new Map<TextPartSource, number>()
  let at = 0
  for (const part of item.textParts) {
    const n = countMatches(part.text, re)
    offsets.set(part.source, at)
    counts.set(part.source, n)
    at += n
  }
  const find = (source: TextPartSource): FindHighlight => ({
    re,
    offset: offsets.get(source) ?? 0,
    active,
  })
  if (!data) return <p className="text-slate-500 italic dark:text-slate-400">No content</p>

  const text = data.msg?.text
  const richMatches = (counts.get('rich') ?? 0) + (counts.get('quick-replies') ?? 0)
  return (
    <div className="flex flex-col gap-2">
      {text !== undefined ? (
        item.message.type === 'TEXT_HTML' ? (
          <HtmlMessage
            html={text}
            find={find('html')}
            textLength={item.textParts.find((part) => part.source === 'html')?.text.length ?? 0}
            matches={counts.get('html') ?? 0}
            limit={MESSAGE_PREVIEW_CHARS}
          />
        ) : (
          <p className="break-words whitespace-pre-wrap">
            <ExpandableText text={text} find={find('text')} limit={MESSAGE_PREVIEW_CHARS} />
          </p>
        )
      ) : null}
      {data.file ? (
        <FileCard file={data.file} messageType={item.message.type} find={find('file')} />
      ) : null}
      {data.link ? <LinkCard link={data.link} find={find('link')} /> : null}
      {data.secureForm ? (
        <FormCard form={data.secureForm} messageType={item.message.type} find={find('form')} />
      ) : null}
      {data.richContent ? (
        <LazyRichContent
          content={data.richContent.content}
          raw={data.richContent.raw}
          chosenText={item.chosenText}
        />
      ) : null}
      {data.quickReplies ? (
        <LazyQuickReplies
          content={data.quickReplies.content}
          raw={data.quickReplies.raw}
          chosenText={item.chosenText}
        />
      ) : null}
      {richMatches > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {richMatches === 1 ? '1 match' : `${String(richMatches)} matches`} in the rich content
          above
        </p>
      ) : null}
    </div>
  )
}
