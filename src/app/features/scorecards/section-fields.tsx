import { useId } from 'react'
import { Button } from '@/app/components/ui/button'
import { CriterionFields } from '@/app/features/scorecards/criterion-fields'
import type { FieldErrors } from '@/app/features/scorecards/definition-issues'
import { DraftField } from '@/app/features/scorecards/draft-field'
import { ItemActions } from '@/app/features/scorecards/item-actions'
import {
  move,
  newCriterion,
  type DraftCriterion,
  type DraftSection,
} from '@/app/features/scorecards/scorecard-draft'

/** A section: its name and its criteria, which can be added, removed and reordered. */
export function SectionFields({
  section,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  section: DraftSection
  index: number
  count: number
  errors: FieldErrors
  onChange: (section: DraftSection) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const id = useId()
  const path = `sections.${String(index)}`
  const title = section.name.trim() || `Section ${String(index + 1)}`
  const setCriteria = (criteria: DraftCriterion[]) => onChange({ ...section, criteria })
  const listError = errors.get(`${path}.criteria`)
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900/60"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {`Section ${String(index + 1)}: ${title}`}
        </h3>
        <ItemActions
          what={`section “${title}”`}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          canRemove={count > 1}
        />
      </div>
      <DraftField
        id={`${id}-name`}
        label="Section name"
        value={section.name}
        error={errors.get(`${path}.name`) ?? errors.get(`${path}.id`)}
        onValue={(name) => onChange({ ...section, name })}
        className="mt-2 max-w-md"
      />
      <ol className="mt-3 space-y-3">
        {section.criteria.map((criterion, c) => (
          <CriterionFields
            key={criterion.rowKey}
            criterion={criterion}
            index={c}
            count={section.criteria.length}
            path={`${path}.criteria.${String(c)}`}
            errors={errors}
            onChange={(next) =>
              setCriteria(section.criteria.map((old, i) => (i === c ? next : old)))
            }
            onMove={(by) => setCriteria(move(section.criteria, c, by))}
            onRemove={() => setCriteria(section.criteria.filter((_, i) => i !== c))}
          />
        ))}
      </ol>
      {listError ? (
        <p className="mt-2 text-sm text-red-700 dark:text-red-400">{listError}</p>
      ) : null}
      <Button
        size="sm"
        className="mt-3"
        onClick={() => setCriteria([...section.criteria, newCriterion()])}
      >
        {`Add a criterion to ${title}`}
      </Button>
    </section>
  )
}
