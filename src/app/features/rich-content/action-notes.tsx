import type { ScAction } from '@/domain/schema/structured-content'
import { ActionNote } from './action-note'

/** The click actions of an element, described under it. */
export function ActionNotes({ actions, id }: { actions: readonly ScAction[]; id?: string }) {
  const shown = actions.filter((action) => action.type !== 'checked')
  if (shown.length === 0) return null
  return (
    <div
      id={id}
      className="space-y-0.5 px-2.5 pb-1.5 text-[11px] leading-snug text-slate-600 dark:text-slate-300"
    >
      {shown.map((action, i) => (
        <ActionNote key={i} action={action} />
      ))}
    </div>
  )
}
