import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, useRouter } from '@tanstack/react-router'
import { lazy, Suspense, useRef, useState } from 'react'
import { Button } from '@/app/components/ui/button'
import { ConversationHeader } from '@/app/features/conversation/conversation-header'
import { ConversationNotFound } from '@/app/features/conversation/conversation-not-found'
import { ExportActions } from '@/app/features/conversation/export-actions'
import { KeyboardShortcutsDialog } from '@/app/features/conversation/keyboard-shortcuts-dialog'
import { resultPosition, useLastSearch, type Neighbour } from '@/app/lib/last-search'
import { PrintTranscript } from '@/app/features/conversation/print-transcript'
import { RecordNotice } from '@/app/features/conversation/record-notice'
import { ResultNavigation } from '@/app/features/conversation/result-navigation'
import { SidePanels } from '@/app/features/conversation/side-panels'
import { Transcript } from '@/app/features/conversation/transcript/transcript'
import { RemoteImagesProvider } from '@/app/lib/remote-images'
import { useConversationShortcuts } from '@/app/features/conversation/use-conversation-shortcuts'
import { configQueries } from '@/app/lib/config-queries'
import { conversationQueries } from '@/app/lib/conversation-queries'
import { useInteractiveMark } from '@/app/lib/interactive-mark'
import { useTimeZone } from '@/app/lib/preferences'
import type { ReviewMarks } from '@/app/features/review/review-panel'

// Issue 13: the Review panel is its own chunk, loaded when the panel opens.
const ReviewPanel = lazy(() =>
  import('@/app/features/review/review-panel').then((module) => ({
    default: module.ReviewPanel,
  })),
)

const route = getRouteApi('/conversations/$conversationId')

/** `/conversations/$conversationId`: header, transcript, side panels, navigation and export. */
export function ConversationPage() {
  const { conversationId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const router = useRouter()
  const [zone] = useTimeZone()
  useInteractiveMark()
  const { data: config } = useSuspenseQuery(configQueries.app())
  const { data } = useSuspenseQuery(conversationQueries.detail(config.accountId, conversationId))
  const lastSearch = useLastSearch()
  const [helpOpen, setHelpOpen] = useState(false)
  const findInputRef = useRef<HTMLInputElement>(null)
  const helpButtonRef = useRef<HTMLButtonElement>(null)
  // What the Review panel asks of the transcript: the leg to mark, whether messages can be selected.
  const [marks, setMarks] = useState<ReviewMarks | undefined>(undefined)
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const reviewOpen = search.review !== undefined
  const activeMarks = reviewOpen ? marks : undefined

  const record = data.records.find((r) => r.info.conversationId === conversationId)
  const position = lastSearch ? resultPosition(lastSearch, conversationId) : undefined

  const go = (neighbour: Neighbour | undefined) => {
    if (neighbour?.kind === 'conversation') {
      void navigate({ params: { conversationId: neighbour.conversationId }, search: {} })
    } else if (neighbour?.kind === 'results') {
      void router.navigate({ href: `/conversations${neighbour.search}` })
    }
  }
  useConversationShortcuts({
    next: () => go(position?.next),
    previous: () => go(position?.previous),
    find: () => findInputRef.current?.focus(),
    help: () => setHelpOpen(true),
    disabled: helpOpen,
  })

  if (!record) return <ConversationNotFound data={{ conversationId }} />

  const warnings = data.warnings.get(record.info.conversationId) ?? []
  return (
    <RemoteImagesProvider conversationId={conversationId}>
      <div>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
          <ResultNavigation
            hasLastSearch={lastSearch !== undefined}
            backSearch={position?.backSearch ?? lastSearch?.search ?? ''}
            position={position}
          />
          <div className="flex flex-wrap items-center gap-2">
            <ExportActions accountId={config.accountId} record={record} zone={zone} />
            <Button
              size="sm"
              variant={reviewOpen ? 'primary' : 'secondary'}
              aria-pressed={reviewOpen}
              onClick={() =>
                void navigate({
                  search: (prev) => ({ ...prev, review: reviewOpen ? undefined : 'list' }),
                  resetScroll: false,
                })
              }
            >
              Review
            </Button>
            <Button
              ref={helpButtonRef}
              size="sm"
              variant="ghost"
              aria-keyshortcuts="?"
              onClick={() => setHelpOpen(true)}
            >
              Keyboard shortcuts
            </Button>
          </div>
        </div>

        <RecordNotice isPartial={record.info.isPartial === true} warnings={warnings} />

        <div className="print:hidden">
          <ConversationHeader record={record} zone={zone} />
        </div>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(22rem,28rem)] print:hidden">
          <div className="min-w-0">
            <Transcript
              record={record}
              highlightMessageId={search.msg}
              find={search.find}
              onFindChange={(text) =>
                void navigate({
                  search: (prev) => ({ ...prev, find: text }),
                  replace: true,
                  resetScroll: false,
                })
              }
              messageLink={(messageId) =>
                router.buildLocation({
                  to: '/conversations/$conversationId',
                  params: { conversationId },
                  search: { msg: messageId },
                }).href
              }
              findInputRef={findInputRef}
              leg={activeMarks?.leg}
              selection={
                activeMarks?.selectable
                  ? {
                      selected,
                      onSelect: (ids, on) =>
                        setSelected((previous) => {
                          const next = new Set(previous)
                          for (const id of ids) {
                            if (on) next.add(id)
                            else next.delete(id)
                          }
                          return next
                        }),
                    }
                  : undefined
              }
            />
          </div>
          {reviewOpen ? (
            <aside
              aria-label="Review"
              className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:scroll-pt-44 lg:self-start lg:overflow-y-auto"
            >
              <Suspense
                fallback={
                  <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
                    Loading the review panel…
                  </p>
                }
              >
                <ReviewPanel
                  record={record}
                  zone={zone}
                  selected={selected}
                  onSelectedChange={setSelected}
                  onMarksChange={setMarks}
                />
              </Suspense>
            </aside>
          ) : (
            <aside aria-label="Conversation details" className="min-w-0">
              <SidePanels
                record={record}
                zone={zone}
                tab={search.tab}
                onTabChange={(tab) =>
                  void navigate({
                    search: (prev) => ({ ...prev, tab }),
                    replace: true,
                    resetScroll: false,
                  })
                }
              />
            </aside>
          )}
        </div>

        <PrintTranscript record={record} zone={zone} />

        {helpOpen ? (
          <KeyboardShortcutsDialog
            onClose={() => setHelpOpen(false)}
            returnFocusTo={helpButtonRef}
          />
        ) : null}
      </div>
    </RemoteImagesProvider>
  )
}
