import type { FileMessage } from '@/domain/schema/messages'
import type { FindHighlight } from './find-context'
import { offsetsFor } from './find-matches'
import { HighlightedText } from './highlighted-text'
import { previewSrc } from './safe-links'

/** `HOSTED_FILE` / `IMG`: type, caption, path and, when the record has a real image, a preview. */
export function FileCard({
  file,
  messageType,
  find,
}: {
  file: FileMessage
  messageType: string | undefined
  find: FindHighlight
}) {
  const src = previewSrc(file.preview, file.fileType)
  const kind = messageType === 'IMG' ? 'Image' : 'File'
  const [captionAt = 0, typeAt = 0] = offsetsFor(
    [file.caption ?? '', file.fileType ?? ''],
    find.re,
    find.offset,
  )
  return (
    <div className="flex max-w-sm gap-3 rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900">
      {src ? (
        <img
          src={src}
          alt={file.caption ? `Preview: ${file.caption}` : 'Preview'}
          className="h-16 w-16 flex-none rounded object-cover"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex h-16 w-12 flex-none items-center justify-center rounded border border-slate-300 bg-slate-50 text-[10px] font-semibold text-slate-600 uppercase dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300"
        >
          {file.fileType ?? kind}
        </span>
      )}
      <div className="min-w-0">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {kind}
          {file.fileType ? (
            <>
              {' · '}
              <HighlightedText
                text={file.fileType}
                re={find.re}
                offset={typeAt}
                active={find.active}
              />
            </>
          ) : null}
        </p>
        <p className="font-medium break-words">
          {file.caption ? (
            <HighlightedText
              text={file.caption}
              re={find.re}
              offset={captionAt}
              active={find.active}
            />
          ) : (
            <span className="text-slate-500 italic dark:text-slate-400">No caption</span>
          )}
        </p>
        {file.relativePath ? (
          <p
            className="truncate font-mono text-xs text-slate-500 dark:text-slate-400"
            title={file.relativePath}
          >
            {file.relativePath}
          </p>
        ) : null}
      </div>
    </div>
  )
}
