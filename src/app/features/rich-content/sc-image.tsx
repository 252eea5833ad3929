import { useState } from 'react'
import type { ScImageNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { ImageAlt } from './image-alt'
import { scFlatStyle } from './sc-style'
import { safeUrl } from '@/app/lib/safe-url'

type LoadState = 'loading' | 'loaded' | 'failed'

const PLACEHOLDER =
  'flex h-[154px] flex-col items-center justify-center gap-1 bg-[#f0f0f0] p-2 text-center text-[11px] text-slate-700 dark:bg-slate-800 dark:text-slate-200'

/**
 * An image with json-pollock's states: a 154px placeholder while loading, a notice when it fails.
 * Only http(s), same-origin and `data:image/*` sources load, always without a referrer.
 */
export function ScImage({ node }: { node: ScImageNode }) {
  const [state, setState] = useState<LoadState>('loading')
  const src = safeUrl(node.url, 'image')
  return (
    <div dir={node.rtl ? 'rtl' : undefined} title={node.tooltip} className="w-full">
      {src === undefined ? (
        <div className={PLACEHOLDER}>
          <span className="font-semibold">Image not shown (not an http(s) address)</span>
          <ImageAlt alt={node.alt} />
          <code className="line-clamp-3 break-all">{node.url}</code>
        </div>
      ) : (
        <div className="relative" aria-busy={state === 'loading'}>
          {state === 'loading' ? (
            <div className={PLACEHOLDER}>
              <span className="size-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" />
              <span>Loading image…</span>
            </div>
          ) : null}
          {state === 'failed' ? (
            <div className={PLACEHOLDER} title="Failed to load image">
              <span className="font-semibold">Image failed to load</span>
              <ImageAlt alt={node.alt} />
              <code className="line-clamp-3 break-all">{node.url}</code>
            </div>
          ) : null}
          <img
            src={src}
            alt={node.alt ?? ''}
            referrerPolicy="no-referrer"
            decoding="async"
            hidden={state === 'failed'}
            onLoad={() => {
              setState('loaded')
            }}
            onError={() => {
              setState('failed')
            }}
            className={
              state === 'loading' ? 'absolute inset-0 h-0 w-full opacity-0' : 'block w-full'
            }
            style={scFlatStyle(node.style)}
            {...scAriaProps(node.accessibility)}
          />
        </div>
      )}
      {node.caption ? (
        <span className="block px-2.5 py-[5px] break-words">{node.caption}</span>
      ) : null}
      <ActionNotes actions={node.click?.actions ?? []} />
    </div>
  )
}
