import { useState } from 'react'
import { FieldError } from '@/app/components/ui/field-error'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import type { FormFailure } from '@/app/features/users/form-failure'
import { cn } from '@/app/lib/cn'
import { ROLE_LABELS } from '@/app/features/users/role-labels'
import { ROLE_DESCRIPTIONS, ROLES, roleSchema, type Role } from '@/domain/schema/auth'

/** The Role select of a user form, with what the chosen role may read below it. */
export function RoleField({
  idPrefix,
  defaultRole,
  failure,
}: {
  idPrefix: string
  defaultRole: Role
  failure: FormFailure
}) {
  const [role, setRole] = useState(defaultRole)
  const id = `${idPrefix}-role`
  const message = failure.field === 'role' ? failure.message : undefined
  return (
    <div>
      <label htmlFor={id} className={LABEL_CLASSES}>
        Role
      </label>
      <select
        id={id}
        name="role"
        value={role}
        onChange={(event) => {
          const next = roleSchema.safeParse(event.target.value)
          if (next.success) setRole(next.data)
        }}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-description ${id}-error` : `${id}-description`}
        className={cn('mt-1', INPUT_CLASSES)}
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]}
          </option>
        ))}
      </select>
      <p id={`${id}-description`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {ROLE_DESCRIPTIONS[role]}
      </p>
      <FieldError id={`${id}-error`} message={message} />
    </div>
  )
}
