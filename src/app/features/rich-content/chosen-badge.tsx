/**
 * The visible "Chosen" mark. Hidden from assistive technology because the element it sits in
 * carries the same information in its accessible name (a ", chosen" suffix) or checked state.
 */
export function ChosenBadge() {
  // The leading space keeps "Yes Chosen" two words for anything reading the text content.
  return (
    <>
      {' '}
      <span
        aria-hidden="true"
        className="ms-1 inline-flex items-center gap-0.5 rounded-full bg-emerald-700 px-1.5 py-px align-middle text-[10px] font-semibold tracking-wide text-white uppercase dark:bg-emerald-300 dark:text-emerald-950"
      >
        <svg
          viewBox="0 0 12 12"
          className="size-2.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M2 6.5 5 9.5 10 3" />
        </svg>
        Chosen
      </span>
    </>
  )
}
