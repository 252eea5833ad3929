import { useEffect, useEffectEvent } from 'react'

export interface ShortcutHandlers {
  next: () => void
  previous: () => void
  find: () => void
  help: () => void
  /** While true (a dialog is open), the page shortcuts are off. */
  disabled: boolean
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}

/** `n`, `p`, `/` and `?` on the detail page; ignored while typing or with Ctrl/Alt/Meta. */
export function useConversationShortcuts(handlers: ShortcutHandlers): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (handlers.disabled || event.defaultPrevented) return
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
    const action =
      event.key === 'n'
        ? handlers.next
        : event.key === 'p'
          ? handlers.previous
          : event.key === '/'
            ? handlers.find
            : event.key === '?'
              ? handlers.help
              : undefined
    if (!action) return
    event.preventDefault()
    action()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}
