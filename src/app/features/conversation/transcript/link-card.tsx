import type { LinkMessage } from '@/domain/schema/messages'
import type { FindHighlight } from './find-context'
import { offsetsFor } from './find-matches'
import { HighlightedText } from './highlighted-text'
import { httpUrl } from '@/app/lib/safe-url'

const FIELDS = ['title', 'caption', 'description', 'externalFileLink'] as const

/** `LINK`: title, caption and description, and the URL as text (a link only when http(s)). */
export function LinkCard({ link, find }: { link: LinkMessage; find: FindHighlight }) {
  // The same fields, in the same order, as the searchable text of the message.
  const present = FIELDS.filter((key) => (link[key] ?? '').trim() !== '')
  const offsets = offsetsFor(
    present.map((key) => link[key] ?? ''),
    find.re,
    find.offset,
  )
  const text = (key: (typeof FIELDS)[number], value: string) => (
    <HighlightedText
      text={value}
      re={find.re}
      offset={offsets[present.indexOf(key)] ?? 0}
      active={find.active}
    />
  )
  const href = httpUrl(link.externalFileLink)
  const url = link.externalFileLink
  return (
    <div className="max-w-sm rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Link{link.fileType ? ` · ${link.fileType}` : ''}
      </p>
      {link.title ? <p className="font-medium break-words">{text('title', link.title)}</p> : null}
      {link.caption ? <p className="break-words">{text('caption', link.caption)}</p> : null}
      {link.description ? (
        <p className="text-xs break-words text-slate-700 dark:text-slate-300">
          {text('description', link.description)}
        </p>
      ) : null}
      {url ? (
        <p className="mt-1 font-mono text-xs break-all">
          {href ? (
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              className="text-blue-700 underline dark:text-blue-300"
            >
              {text('externalFileLink', url)}
            </a>
          ) : (
            <span className="text-slate-600 dark:text-slate-400">
              {text('externalFileLink', url)}{' '}
              <span className="font-sans italic">(not a web link, not opened)</span>
            </span>
          )}
        </p>
      ) : null}
    </div>
  )
}
