import { useId } from 'react'
import type { TimeZone } from '@/app/lib/time'
import { roleWord, stretchName } from '@/app/lib/vocabulary/people'
import type { AgentStretch } from '@/domain/timeline/stretches'
import { swatchClass } from './styles'
import { clockDateTime } from './clock'
import { cn } from '@/app/lib/cn'

/** Who owned the conversation, stretch by stretch; each jumps to where its stretch begins. */
export function OwnershipStrip({
  stretches,
  colors,
  zone,
  onJump,
}: {
  stretches: readonly AgentStretch[]
  /** Colour number per stretch (the same agent keeps their colour); undefined for queue stretches. */
  colors: readonly (number | undefined)[]
  zone: TimeZone
  onJump: (stretchIndex: number) => void
}) {
  const headingId = useId()
  if (stretches.length === 0) return null
  return (
    <div>
      <p id={headingId} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Who owned the conversation
      </p>
      <ol aria-labelledby={headingId} className="mt-1 flex flex-wrap gap-1.5">
        {stretches.map((s, i) => (
          <li key={`${String(s.from)}-${String(i)}`}>
            <button
              type="button"
              onClick={() => onJump(i)}
              className="flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-0.5 text-left text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-400"
            >
              <span
                aria-hidden="true"
                className={cn('h-3 w-1.5 rounded-sm', swatchClass(colors[i]))}
              />
              <span>
                <span className="font-medium">{stretchName(s)}</span>
                {s.agentId !== undefined ? ` (${roleWord(s.role)})` : ''}
                <span className="text-slate-600 dark:text-slate-400">
                  {' '}
                  {clockDateTime(s.from, zone)} –{' '}
                  {s.to !== undefined ? clockDateTime(s.to, zone) : 'now'}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  )
}
