/** json-pollock's bubble: 1px #d4d4d5 border, white, at most 200px wide (classes, not styles). */
export const FRAME = {
  border:
    'w-full max-w-[200px] overflow-hidden border border-[#d4d4d5] bg-white dark:border-slate-600 dark:bg-slate-900',
  borderLess: 'w-full max-w-[200px] overflow-hidden bg-white dark:bg-slate-900',
  dropShadow:
    'w-full max-w-[200px] overflow-hidden bg-white shadow-[0_1px_6px_rgba(0,0,0,0.25)] dark:bg-slate-900 dark:shadow-[0_1px_6px_rgba(0,0,0,0.8)]',
} as const

export type FrameKind = keyof typeof FRAME

/** Between the children of a vertical layout. */
export const SEPARATOR_TOP = 'border-t border-[#d4d4d5] dark:border-slate-600'
/** Between the children of a horizontal layout. */
export const SEPARATOR_START = 'border-s border-[#d4d4d5] dark:border-slate-600'
