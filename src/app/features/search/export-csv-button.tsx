import { useState } from 'react'
import { Button } from '@/app/components/ui/button'
import { EXPORT_MAX_ROWS } from '@/app/features/search/export-limits'
import type { ConversationListRequest } from '@/app/lib/conversation-queries'
import type { TimeZone } from '@/app/lib/time'

type ExportState =
  | { kind: 'idle'; note?: string }
  | { kind: 'running'; fetched: number; total: number; controller: AbortController }
  | { kind: 'failed'; message: string }

const number = new Intl.NumberFormat('en')

/**
 * "Export CSV": every row of the current search (all pages, up to 10,000), fetched 100 at a time
 * with a progress bar and Cancel, then saved as one CSV file, one line per conversation.
 */
export function ExportCsvButton({
  request,
  count,
  zone,
}: {
  request: ConversationListRequest
  count: number
  zone: TimeZone
}) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })

  const start = async () => {
    const controller = new AbortController()
    setState({ kind: 'running', fetched: 0, total: Math.min(count, EXPORT_MAX_ROWS), controller })
    try {
      const { exportConversations } = await import('@/app/features/search/export-csv')
      const note = await exportConversations(request, zone, controller.signal, (progress) =>
        setState((current) =>
          current.kind === 'running' && current.controller === controller
            ? { ...current, ...progress }
            : current,
        ),
      )
      setState({ kind: 'idle', note })
    } catch (error) {
      if (controller.signal.aborted) {
        setState({ kind: 'idle', note: 'Export cancelled; nothing was saved.' })
        return
      }
      setState({
        kind: 'failed',
        message: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }

  return (
    <div className="flex items-center gap-2">
      {state.kind === 'running' ? (
        <>
          <progress
            aria-label="Export progress"
            value={state.fetched}
            max={Math.max(1, state.total)}
            className="h-2 w-32 accent-blue-700"
          />
          <Button onClick={() => state.controller.abort()}>Cancel export</Button>
        </>
      ) : (
        <Button disabled={count === 0} onClick={() => void start()}>
          Export CSV
        </Button>
      )}
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {state.kind === 'running'
          ? `Exporting ${number.format(state.fetched)} of ${number.format(state.total)}…`
          : state.kind === 'failed'
            ? state.message
            : (state.note ?? '')}
      </p>
    </div>
  )
}
