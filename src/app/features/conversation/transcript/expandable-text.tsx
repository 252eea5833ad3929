import { useId, useState } from 'react'
import type { FindHighlight } from './find-context'
import { matchRanges } from './find-matches'
import { HighlightedText } from './highlighted-text'

/** Event lines (a transfer reason, a survey answer) longer than this are cut. */
export const EVENT_PREVIEW_CHARS = 500
/** Messages get more room: a long answer is normal, a pasted 50,000-character log is not. */
export const MESSAGE_PREVIEW_CHARS = 2_000

const number = new Intl.NumberFormat('en')

/** The label of a cut text's button: "Show all (12,345 characters)". */
export const showAllLabel = (characters: number) =>
  `Show all (${number.format(characters)} characters)`

/** The look of a "Show all" / "Show less" button. */
export const EXPANDER =
  'rounded text-xs font-medium whitespace-nowrap text-blue-700 underline hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400 dark:hover:text-blue-300'

/** Where to cut: `limit` characters, one less if that would split a surrogate pair. */
function cutAt(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}

interface ExpandableTextProps {
  text: string
  find: FindHighlight
  /** Longer texts show their first `limit` characters and a "Show all" button. */
  limit: number
}

/**
 * Text as text with its find matches marked; past `limit` characters it is cut, with a
 * "Show all (N characters)" button. Find still counts every match in the whole text; when the
 * current match lies past the cut, the whole text shows so the match can be seen.
 */
export function ExpandableText({ text, find, limit }: ExpandableTextProps) {
  const id = useId()
  const [expanded, setExpanded] = useState(false)
  const { re, offset, active } = find
  if (text.length <= limit)
    return <HighlightedText text={text} re={re} offset={offset} active={active} />

  const cut = cutAt(text, limit)
  const current = active === undefined ? undefined : matchRanges(text, re)[active - offset]
  const revealed = current !== undefined && current[1] > cut
  const open = expanded || revealed
  return (
    <>
      <span id={id}>
        <HighlightedText
          text={open ? text : text.slice(0, cut)}
          re={re}
          offset={offset}
          active={active}
        />
        {open ? null : '…'}
      </span>{' '}
      {revealed ? null : (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setExpanded((value) => !value)}
          className={EXPANDER}
        >
          {open ? 'Show less' : showAllLabel(text.length)}
        </button>
      )}
    </>
  )
}
