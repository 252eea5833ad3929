import { useState } from 'react'
import type { ScImageNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { ImageAlt } from './image-alt'
import { scFlatStyle } from './sc-style'
import { useRemoteImages } from '@/app/lib/remote-images'
import { imageSource } from '@/app/lib/safe-url'
import { isProxiableImageUrl, proxiedImagePath } from '@/domain/schema/image-request'

type LoadState = 'loading' | 'loaded' | 'failed'

const PLACEHOLDER =
  'flex h-[154px] flex-col items-center justify-center gap-1 bg-[#f0f0f0] p-2 text-center text-[11px] text-slate-700 dark:bg-slate-800 dark:text-slate-200'

/**
 * An image with json-pollock's states: a 154px placeholder while loading, a notice when it fails.
 * Same-origin and `data:image/*` sources load at once; an image on another host waits until the
 * reader asks for that host's images, then comes through our server (`/api/image`), so the host
 * never sees the reader. Anything but http(s) is never loaded.
 */
export function ScImage({ node }: { node: ScImageNode }) {
  const [state, setState] = useState<LoadState>('loading')
  const remoteImages = useRemoteImages()
  const source = imageSource(node.url)
  const src =
    source.kind === 'local'
      ? source.src
      : source.kind === 'remote' && remoteImages.allowed(source.host)
        ? proxiedImagePath(source.url)
        : undefined
  return (
    <div dir={node.rtl ? 'rtl' : undefined} title={node.tooltip} className="w-full">
      {source.kind === 'refused' ||
      (source.kind === 'remote' && !isProxiableImageUrl(source.url)) ? (
        <div className={PLACEHOLDER}>
          <span className="font-semibold">Image not shown (not an http(s) address)</span>
          <ImageAlt alt={node.alt} />
          <code className="line-clamp-3 break-all">{node.url}</code>
        </div>
      ) : source.kind === 'remote' && src === undefined ? (
        <div className={PLACEHOLDER}>
          <span className="font-semibold">Image from {source.host} not loaded</span>
          <ImageAlt alt={node.alt} />
          <button
            type="button"
            onClick={() => {
              remoteImages.allow(source.host)
            }}
            className="mt-1 rounded border border-slate-400 bg-white px-2 py-0.5 text-[12px] font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            Load images from {source.host}
          </button>
          <span className="text-[10px] text-slate-600 dark:text-slate-300">
            Fetched by this server; {source.host} does not see who you are.
          </span>
        </div>
      ) : src === undefined ? null : (
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
