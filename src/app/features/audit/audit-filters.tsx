import { useId, type FormEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { LabeledInput } from '@/app/components/ui/labeled-input'
import { fromDateTimeLocal, toDateTimeLocal } from '@/app/features/audit/datetime-local'
import { cn } from '@/app/lib/cn'
import { UTC, type TimeZone } from '@/app/lib/time'
import { AUDIT_ACTIONS, type AuditAction, type AuditQuery } from '@/domain/schema/auth'

/** The filters as the URL keeps them (text; absent when not set). */
export interface AuditFilterValues {
  actor: string | undefined
  action: AuditAction | undefined
  from: string | undefined
  to: string | undefined
}

const instant = (ms: number | undefined) => (ms === undefined ? undefined : String(ms))

const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value.trim() : ''
}

/**
 * Actor, action and a time range (From and To in the chosen clock). The inputs start from the
 * URL (the caller remounts the form, by `key`, when the URL or the clock changes) and Apply
 * writes them back to it.
 */
export function AuditFilters({
  query,
  zone,
  onApply,
}: {
  query: AuditQuery
  zone: TimeZone
  onApply: (filters: AuditFilterValues) => void
}) {
  const id = useId()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const action = text(form, 'action')
    onApply({
      actor: text(form, 'actor') || undefined,
      action: AUDIT_ACTIONS.find((known) => known === action),
      from: instant(fromDateTimeLocal(text(form, 'from'), zone)),
      to: instant(fromDateTimeLocal(text(form, 'to'), zone, true)),
    })
  }
  const zoneHint = `Times in ${zone === UTC ? 'UTC' : `local time (${zone})`}`
  return (
    <form
      role="search"
      aria-label="Audit filters"
      onSubmit={onSubmit}
      className="flex flex-wrap items-end gap-3"
    >
      <div className="w-64">
        <LabeledInput
          label="Actor"
          name="actor"
          type="search"
          placeholder="Email"
          autoComplete="off"
          defaultValue={query.actor ?? ''}
        />
      </div>
      <div className="w-52">
        <label htmlFor={`${id}-action`} className={LABEL_CLASSES}>
          Action
        </label>
        <select
          id={`${id}-action`}
          name="action"
          defaultValue={query.action ?? ''}
          className={cn('mt-1', INPUT_CLASSES)}
        >
          <option value="">Any</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div className="w-56">
        <LabeledInput
          label="From"
          name="from"
          type="datetime-local"
          describedBy={`${id}-zone`}
          defaultValue={query.from === undefined ? '' : toDateTimeLocal(query.from, zone)}
        />
      </div>
      <div className="w-56">
        <LabeledInput
          label="To"
          name="to"
          type="datetime-local"
          describedBy={`${id}-zone`}
          defaultValue={query.to === undefined ? '' : toDateTimeLocal(query.to, zone)}
        />
      </div>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
      <p id={`${id}-zone`} className="w-full text-xs text-slate-600 dark:text-slate-400">
        {zoneHint}; To includes the minute it names.
      </p>
    </form>
  )
}
