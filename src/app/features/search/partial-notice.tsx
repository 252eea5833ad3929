/**
 * LivePerson answered from only some of its shards (`partialResult`), or some records are
 * truncated (`info.isPartial`): the user must know the list may be incomplete.
 */
export function PartialNotice({
  partialResult,
  partialRecords,
}: {
  partialResult: boolean
  partialRecords: number
}) {
  if (!partialResult && partialRecords === 0) return null
  return (
    <div
      role="status"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong className="font-semibold">Results may be incomplete. </strong>
      {partialResult
        ? 'LivePerson could not search all of its data for this request; some conversations may be missing. '
        : null}
      {partialRecords > 0
        ? `${String(partialRecords)} ${partialRecords === 1 ? 'conversation on this page has' : 'conversations on this page have'} partial data; open ${partialRecords === 1 ? 'it' : 'one'} to load it in full.`
        : null}
    </div>
  )
}
