import { useId } from 'react'
import { Button } from '@/app/components/ui/button'
import { FieldError } from '@/app/components/ui/field-error'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import type { FieldErrors } from '@/app/features/scorecards/definition-issues'
import { DraftCheckbox, DraftField } from '@/app/features/scorecards/draft-field'
import { ItemActions } from '@/app/features/scorecards/item-actions'
import {
  move,
  newPoint,
  newPoints,
  type DraftCriterion,
  type DraftPoint,
  type ScaleKind,
} from '@/app/features/scorecards/scorecard-draft'
import { cn } from '@/app/lib/cn'

const KINDS: readonly { kind: ScaleKind; label: string }[] = [
  { kind: 'yes-no', label: 'Yes / no' },
  { kind: 'one-to-five', label: '1 to 5' },
  { kind: 'custom', label: 'Custom points' },
]

const isKind = (value: string): value is ScaleKind => KINDS.some((k) => k.kind === value)

/** One point of a custom scale: label, points, and whether it counts as a fail. */
function PointRow({
  point,
  index,
  count,
  path,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  point: DraftPoint
  index: number
  count: number
  path: string
  errors: FieldErrors
  onChange: (point: DraftPoint) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const id = useId()
  const what = `point ${String(index + 1)}${point.label ? ` “${point.label}”` : ''}`
  return (
    <li className="flex flex-wrap items-start gap-2">
      <DraftField
        id={`${id}-label`}
        label={`Point ${String(index + 1)} label`}
        value={point.label}
        error={errors.get(`${path}.label`) ?? errors.get(`${path}.key`)}
        onValue={(label) => onChange({ ...point, label })}
        className="min-w-40 flex-1"
      />
      <DraftField
        id={`${id}-points`}
        label="Points"
        type="number"
        min={0}
        step="any"
        value={point.points}
        error={errors.get(`${path}.points`)}
        onValue={(points) => onChange({ ...point, points })}
        className="w-24"
      />
      <div className="pt-7">
        <DraftCheckbox
          label="Fail"
          checked={point.fail}
          onChecked={(fail) => onChange({ ...point, fail })}
        />
      </div>
      <div className="pt-6">
        <ItemActions
          what={what}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          canRemove={count > 2}
        />
      </div>
    </li>
  )
}

/** One criterion: name, guidance, scale (and a custom scale's points), weight, N/A, critical. */
export function CriterionFields({
  criterion,
  index,
  count,
  path,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  criterion: DraftCriterion
  index: number
  count: number
  /** Its path in the definition: `sections.0.criteria.2`. */
  path: string
  errors: FieldErrors
  onChange: (criterion: DraftCriterion) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const id = useId()
  const title = criterion.name.trim() || `Criterion ${String(index + 1)}`
  const scaleError = errors.get(`${path}.scale`) ?? errors.get(`${path}.scale.kind`)
  const pointsError = errors.get(`${path}.scale.points`)
  const setPoints = (points: DraftPoint[]) => onChange({ ...criterion, points })
  return (
    <li
      aria-label={`Criterion ${String(index + 1)}: ${title}`}
      className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm font-semibold">
          {`${String(index + 1)}. ${title}`}
          {criterion.locked ? (
            <span className="ml-2 font-mono text-xs font-normal text-slate-500 dark:text-slate-400">
              {criterion.id}
            </span>
          ) : null}
        </p>
        <ItemActions
          what={`criterion “${title}”`}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          canRemove={count > 1}
        />
      </div>
      <div className="mt-2 grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_6rem]">
        <DraftField
          id={`${id}-name`}
          label="Criterion name"
          value={criterion.name}
          error={errors.get(`${path}.name`) ?? errors.get(`${path}.id`)}
          onValue={(name) => onChange({ ...criterion, name })}
        />
        <div>
          <label htmlFor={`${id}-scale`} className={LABEL_CLASSES}>
            Scale
          </label>
          <select
            id={`${id}-scale`}
            value={criterion.kind}
            aria-invalid={scaleError ? true : undefined}
            aria-describedby={scaleError ? `${id}-scale-error` : undefined}
            onChange={(event) => {
              const kind = event.target.value
              if (!isKind(kind)) return
              onChange({
                ...criterion,
                kind,
                points:
                  kind === 'custom' && criterion.points.length === 0
                    ? newPoints()
                    : criterion.points,
              })
            }}
            className={cn('mt-1', INPUT_CLASSES)}
          >
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-scale-error`} message={scaleError} />
        </div>
        <DraftField
          id={`${id}-weight`}
          label="Weight"
          type="number"
          min={0.1}
          max={100}
          step="any"
          value={criterion.weight}
          error={errors.get(`${path}.weight`)}
          onValue={(weight) => onChange({ ...criterion, weight })}
        />
      </div>
      <DraftField
        id={`${id}-guidance`}
        label="Guidance"
        rows={2}
        value={criterion.guidance}
        error={errors.get(`${path}.guidance`)}
        onValue={(guidance) => onChange({ ...criterion, guidance })}
        className="mt-3"
      />
      {criterion.kind === 'custom' ? (
        <fieldset className="mt-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-medium">Points, best first</legend>
          <ol className="space-y-2">
            {criterion.points.map((point, p) => (
              <PointRow
                key={point.rowKey}
                point={point}
                index={p}
                count={criterion.points.length}
                path={`${path}.scale.points.${String(p)}`}
                errors={errors}
                onChange={(next) =>
                  setPoints(criterion.points.map((old, i) => (i === p ? next : old)))
                }
                onMove={(by) => setPoints(move(criterion.points, p, by))}
                onRemove={() => setPoints(criterion.points.filter((_, i) => i !== p))}
              />
            ))}
          </ol>
          {pointsError ? (
            <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
              {pointsError}
            </p>
          ) : null}
          <Button
            size="sm"
            className="mt-2"
            disabled={criterion.points.length >= 11}
            onClick={() => setPoints([...criterion.points, newPoint()])}
          >
            Add a point
          </Button>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            A point marked Fail fails a critical criterion; with none marked, the lowest does.
          </p>
        </fieldset>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        <DraftCheckbox
          label="Allow not applicable"
          checked={criterion.allowNa}
          onChecked={(allowNa) => onChange({ ...criterion, allowNa })}
        />
        <DraftCheckbox
          label="Critical"
          hint="A fail makes the whole review 0."
          checked={criterion.critical}
          onChecked={(critical) => onChange({ ...criterion, critical })}
        />
      </div>
    </li>
  )
}
