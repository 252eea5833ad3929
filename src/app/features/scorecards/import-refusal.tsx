/** Why an imported file was refused: a sentence, and the fields the schema named. */
export interface ImportRefusal {
  message: string
  /** `sections.0.name: must not be empty`, … */
  fields: string[]
}

/** The refusal of the last file picked for import, under the page's heading. */
export function ImportRefusalAlert({ refusal }: { refusal: ImportRefusal }) {
  return (
    <div
      role="alert"
      className="max-w-3xl rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-medium">{refusal.message}</p>
      {refusal.fields.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 font-mono text-xs">
          {refusal.fields.map((field, index) => (
            <li key={index}>{field}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
