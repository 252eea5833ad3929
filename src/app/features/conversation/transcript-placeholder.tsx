import type { Ref } from 'react'
import type { ConversationRecord } from '@/domain/schema/record'

/** Stands in for the transcript (another part of issue 4) until it lands; same props. */
export function TranscriptPlaceholder({
  record,
  find,
  onFindChange,
  findInputRef,
}: {
  record: ConversationRecord
  highlightMessageId?: string
  find: string
  onFindChange: (text: string) => void
  messageLink: (messageId: string) => string
  findInputRef?: Ref<HTMLInputElement>
}) {
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading" className="text-lg font-semibold">
        Messages
      </h2>
      <label className="mt-2 block text-sm">
        Find in transcript
        <input
          ref={findInputRef}
          type="search"
          value={find}
          onChange={(event) => onFindChange(event.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {record.messageRecords?.length ?? 0} messages (transcript coming).
      </p>
    </section>
  )
}
