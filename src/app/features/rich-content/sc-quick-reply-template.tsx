import type { ScTemplateNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { ReplyChip } from './reply-chip'
import { cn } from '@/app/lib/cn'
import { darkModeGuard, scStyle } from './sc-style'
import { TextLines } from './text-lines'

/** The `template` element with `templateType: "quickReply"`: a title and its reply options. */
export function ScQuickReplyTemplate({ node }: { node: ScTemplateNode }) {
  const { inner, outer } = scStyle(node.style)
  const guard = darkModeGuard(node.style, 'text')
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      style={outer}
      className={cn('px-2.5 py-[5px]', guard.surface, guard.ink)}
      {...scAriaProps(node.accessibility, { generic: true })}
    >
      <p style={inner} className="break-words">
        <TextLines text={node.title} />
      </p>
      {node.resp.length > 0 ? (
        <ul aria-label="Replies" className="mt-1.5 flex flex-wrap gap-1.5">
          {node.resp.map((reply, i) => (
            <li key={i} className="max-w-full">
              <ReplyChip title={reply} candidates={[reply]} />
            </li>
          ))}
        </ul>
      ) : null}
      <ActionNotes actions={node.click?.actions ?? []} />
    </div>
  )
}
