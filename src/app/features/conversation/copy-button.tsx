import { useState } from 'react'
import { Button } from '@/app/components/ui/button'

/** Copies `text` to the clipboard and says so (politely, for screen readers too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        aria-label={label}
        onClick={() => {
          const done = (next: 'copied' | 'failed') => {
            setState(next)
            window.setTimeout(() => setState('idle'), 2000)
          }
          if (!navigator.clipboard) {
            done('failed')
            return
          }
          navigator.clipboard.writeText(text).then(
            () => done('copied'),
            () => done('failed'),
          )
        }}
      >
        Copy
      </Button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the ID' : ''}
      </span>
    </span>
  )
}
