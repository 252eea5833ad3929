import type { ParseWarning } from '@/domain/schema/record'

/** `transfers[1].time` → `transfers`. */
function sectionOf(warning: ParseWarning): string {
  return warning.section.split(/[.[]/)[0] ?? warning.section
}

/**
 * Says what may be incomplete: a record LivePerson marked partial, and sections (or items) that
 * failed to parse and were left out. The rest of the page renders as usual.
 */
export function RecordNotice({
  isPartial,
  warnings,
}: {
  isPartial: boolean
  warnings: readonly ParseWarning[]
}) {
  if (!isPartial && warnings.length === 0) return null
  const sections = [...new Set(warnings.map(sectionOf))]
  return (
    <section
      aria-labelledby="record-notice-heading"
      className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100 print:hidden"
    >
      <h2 id="record-notice-heading" className="font-semibold">
        Parts of this conversation may be incomplete
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {isPartial ? (
          <li>
            LivePerson marked this record as partial (<code>isPartial</code>): some messages or
            sections may be missing.
          </li>
        ) : null}
        {sections.length > 0 ? (
          <li>Could not read all of: {sections.join(', ')}. What could not be read is left out.</li>
        ) : null}
      </ul>
      {warnings.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-blue-600">
            Details ({warnings.length})
          </summary>
          <ul className="mt-1 space-y-0.5 pl-5 font-mono text-xs">
            {warnings.map((warning, index) => (
              <li key={`${warning.section}-${String(index)}`}>
                {warning.section}: {warning.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
