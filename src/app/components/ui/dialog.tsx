import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { cn } from '@/app/lib/cn'

/**
 * A modal dialog on the native `<dialog>` element: the browser keeps focus inside it and makes
 * the page behind it inert. Escape (or the browser's own cancel) calls `onClose`; the caller
 * unmounts it. On the way out it closes the native dialog and then focuses `returnFocusTo`
 * (the page is no longer inert by then), or the browser puts focus back where it was.
 */
export function Dialog({
  labelledBy,
  onClose,
  returnFocusTo,
  className,
  children,
}: {
  /** The ID of the heading that names the dialog. */
  labelledBy: string
  onClose: () => void
  returnFocusTo?: RefObject<HTMLElement | null>
  /** Layout only (width, padding); the look is the dialog's own. */
  className?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const returnTo = returnFocusTo?.current
    if (!dialog) return
    // jsdom has no showModal(); there the dialog is simply open.
    if (typeof dialog.showModal === 'function') dialog.showModal()
    else dialog.setAttribute('open', '')
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close()
      returnTo?.focus()
    }
  }, [returnFocusTo])
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    // The page's own shortcuts must not see the Escape that closed the dialog.
    event.stopPropagation()
    onClose()
  }
  return (
    <dialog
      ref={ref}
      aria-modal="true"
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      className={cn(
        'm-auto w-[calc(100%-2rem)] max-w-sm rounded-lg bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100 print:hidden',
        className,
      )}
    >
      {children}
    </dialog>
  )
}
