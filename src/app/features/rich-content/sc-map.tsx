import { useState } from 'react'
import type { ScMapNode } from '@/domain/schema/structured-content'
import { scAriaProps } from './a11y-props'
import { ActionNotes } from './action-notes'
import { formatPlace } from './coordinates'
import { scFlatStyle } from './sc-style'
import { mapsUrl } from '@/app/lib/safe-url'

/** The app's static map tile (shipped in `public/`); a drawn neutral tile shows if it fails. */
const MAP_TILE = '/demo/map-tile.svg'

/**
 * A map as LivePerson's web window shows it: a static tile (offline, no map provider is called)
 * with the coordinates, and a link that opens them in Google Maps in a new tab.
 */
export function ScMap({ node }: { node: ScMapNode }) {
  const where = formatPlace(node.la, node.lo)
  const [tileFailed, setTileFailed] = useState(false)
  return (
    <div
      dir={node.rtl ? 'rtl' : undefined}
      title={node.tooltip}
      style={scFlatStyle(node.style)}
      className="w-full"
      {...scAriaProps(node.accessibility, { generic: true })}
    >
      <div
        role="img"
        aria-label={`Map of ${where}`}
        className="relative h-[154px] overflow-hidden bg-[#e9eef2] dark:bg-slate-700"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 200 154"
          preserveAspectRatio="xMidYMid slice"
          className="absolute inset-0 size-full text-white dark:text-slate-500"
        >
          <path
            d="M-10 40 L210 70 M-10 120 L210 95 M60 -10 L85 170 M150 -10 L130 170"
            stroke="currentColor"
            strokeWidth="7"
            fill="none"
          />
          <path
            d="M-10 15 L210 25 M20 -10 L5 170 M185 -10 L200 170"
            stroke="currentColor"
            strokeWidth="3"
            fill="none"
          />
          <path
            d="M100 40 a16 16 0 0 1 16 16 c0 12 -16 30 -16 30 c0 0 -16 -18 -16 -30 a16 16 0 0 1 16 -16 z"
            className="fill-red-600"
          />
          <circle cx="100" cy="56" r="6" className="fill-white" />
        </svg>
        {tileFailed ? null : (
          <img
            src={MAP_TILE}
            alt=""
            referrerPolicy="no-referrer"
            onError={() => {
              setTileFailed(true)
            }}
            className="absolute inset-0 size-full object-cover"
          />
        )}
        <span className="absolute start-1 bottom-1 rounded bg-white/90 px-1.5 text-[11px] text-slate-800 dark:bg-slate-900/90 dark:text-slate-100">
          {where}
        </span>
      </div>
      <a
        href={mapsUrl(node.la, node.lo)}
        target="_blank"
        rel="noopener noreferrer"
        className="block px-2.5 py-1.5 text-center text-[#0363ad] underline-offset-2 hover:underline dark:text-sky-300"
      >
        Open in map
        <span className="sr-only"> ({where}, new tab)</span>
      </a>
      <ActionNotes actions={node.click?.actions ?? []} />
    </div>
  )
}
