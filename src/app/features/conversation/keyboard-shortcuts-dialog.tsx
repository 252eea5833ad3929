import type { RefObject } from 'react'
import { Button } from '@/app/components/ui/button'
import { Dialog } from '@/app/components/ui/dialog'

const SHORTCUTS: readonly [string, string][] = [
  ['n', 'Next conversation of the search'],
  ['p', 'Previous conversation of the search'],
  ['/', 'Find in the transcript'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close this dialog'],
]

/** The keyboard shortcut sheet, a modal dialog; Escape or Close dismisses it. */
export function KeyboardShortcutsDialog({
  onClose,
  returnFocusTo,
}: {
  onClose: () => void
  /** Where focus goes once the dialog is gone (the button that opens it). */
  returnFocusTo: RefObject<HTMLElement | null>
}) {
  return (
    <Dialog labelledBy="shortcuts-heading" onClose={onClose} returnFocusTo={returnFocusTo}>
      <h2 id="shortcuts-heading" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="flex items-center gap-3">
            <dt className="w-10">
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {key}
              </kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <Button ref={(element) => element?.focus()} onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  )
}
