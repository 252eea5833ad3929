import { useState } from 'react'
import { Button } from '@/app/components/ui/button'

/** Copies a link to one message (`…?msg=<messageId>`) and says so. */
export function CopyLinkButton({ href, label }: { href: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const done = (next: 'copied' | 'failed') => {
    setState(next)
    window.setTimeout(() => setState('idle'), 2000)
  }
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={label}
        onClick={() => {
          if (!navigator.clipboard) {
            done('failed')
            return
          }
          const absolute = href.startsWith('/') ? `${window.location.origin}${href}` : href
          navigator.clipboard.writeText(absolute).then(
            () => done('copied'),
            () => done('failed'),
          )
        }}
      >
        Copy link
      </Button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  )
}
