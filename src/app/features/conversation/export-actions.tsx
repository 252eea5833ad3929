import { useMutation } from '@tanstack/react-query'
import { Button } from '@/app/components/ui/button'
import { downloadText, safeFileName } from '@/app/lib/download'
import { fetchRawConversation } from '@/app/features/conversation/raw-record'
import { transcriptMarkdown } from '@/app/features/conversation/transcript-markdown'
import { reportExport } from '@/app/lib/export-audit'
import type { TimeZone } from '@/app/lib/time'
import type { ConversationRecord } from '@/domain/schema/record'

/** Take the conversation away: the raw record as JSON, the transcript as Markdown, or print. */
export function ExportActions({
  accountId,
  record,
  zone,
}: {
  accountId: string
  record: ConversationRecord
  zone: TimeZone
}) {
  const id = record.info.conversationId
  const rawJson = useMutation({
    mutationFn: () => fetchRawConversation(accountId, id),
    onSuccess: (raw) => {
      downloadText(
        `conversation-${safeFileName(id)}.json`,
        `${JSON.stringify(raw, null, 2)}\n`,
        'application/json',
      )
      reportExport(id, { format: 'json', rows: 1, what: 'conversation' })
    },
  })
  return (
    <div role="group" aria-label="Export" className="flex flex-wrap items-center gap-2">
      <Button size="sm" disabled={rawJson.isPending} onClick={() => rawJson.mutate()}>
        {rawJson.isPending ? 'Preparing JSON…' : 'Download JSON'}
      </Button>
      <Button
        size="sm"
        onClick={() => {
          downloadText(
            `conversation-${safeFileName(id)}.md`,
            transcriptMarkdown(record, zone),
            'text/markdown',
          )
          reportExport(id, { format: 'markdown', rows: 1, what: 'conversation' })
        }}
      >
        Download Markdown
      </Button>
      <Button size="sm" onClick={() => window.print()}>
        Print
      </Button>
      {rawJson.isError ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          The JSON export failed: {rawJson.error.message}
        </p>
      ) : null}
    </div>
  )
}
