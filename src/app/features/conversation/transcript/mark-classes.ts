/** Find-match highlights (complete class strings, so Tailwind sees them; also used in HTML). */
export const MARK_CLASSES = 'rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-400/40'
export const ACTIVE_MARK_CLASSES =
  'rounded-sm bg-orange-300 px-0.5 text-inherit outline-2 outline-orange-600 dark:bg-orange-500/60 dark:outline-orange-300'
