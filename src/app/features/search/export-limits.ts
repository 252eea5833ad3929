/** The most rows one CSV export fetches. Kept apart so the button needs no export code up front. */
export const EXPORT_MAX_ROWS = 10_000
