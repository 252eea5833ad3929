import type { ScLinkPreviewNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { scStyle } from './sc-style'
import { displayUrl, safeUrl } from '@/app/lib/safe-url'

/** A link preview: its title and address, a real link (new tab) only for http(s). */
export function ScLinkPreview({ node }: { node: ScLinkPreviewNode }) {
  const href = safeUrl(node.url, 'link')
  const { inner, outer } = scStyle(node.style)
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      style={outer}
      className="px-2.5 py-2"
      {...scAriaProps(node.accessibility, { generic: true })}
    >
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          style={inner}
          className="block rounded border border-[#d4d4d5] px-2 py-1.5 hover:bg-[#f0f0f0] dark:border-slate-600 dark:hover:bg-slate-800"
        >
          <span className="block font-semibold break-words text-[#0363ad] dark:text-sky-300">
            {node.title ?? displayUrl(href)}
          </span>
          <span className="block text-[11px] break-all text-slate-600 dark:text-slate-300">
            {displayUrl(href)}
          </span>
          <span className="sr-only"> (new tab)</span>
        </a>
      ) : (
        <div style={inner} className="rounded border border-dashed border-[#d4d4d5] px-2 py-1.5">
          {node.title ? (
            <span className="block font-semibold break-words">{node.title}</span>
          ) : null}
          <span className="block text-[11px] text-slate-600 dark:text-slate-300">
            link not opened (not an http(s) address): <code className="break-all">{node.url}</code>
          </span>
        </div>
      )}
      <ActionNotes actions={node.click?.actions ?? []} />
    </div>
  )
}
