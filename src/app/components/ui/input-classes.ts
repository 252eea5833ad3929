/** Shared look of text inputs and selects (complete class strings, so Tailwind sees them). */
export const INPUT_CLASSES =
  'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 dark:focus-visible:outline-blue-400 dark:aria-invalid:border-red-400'

export const LABEL_CLASSES = 'block text-sm font-medium text-slate-700 dark:text-slate-300'
